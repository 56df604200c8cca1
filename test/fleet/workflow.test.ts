/**
 * The template-update workflow every generated project gets: GitHub's own workflow parser accepts
 * it, and it asks for no more than it needs.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { CognitoJwtApiProject } from '../../src/fronts/projen/index.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { tempDir } from '../helpers/temp.js';
import { convertedWorkflow, githubErrors as errorsOf } from '../helpers/workflows.js';

const WORKFLOW = '.github/workflows/template-update.yml';
const SCRIPT = '.github/scripts/template-update.mjs';
const FLAVOURS = ['cdk', 'terraform', 'sam'] as const;
const rendered = (iac: (typeof FLAVOURS)[number]) => renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac }));
const workflow = rendered('cdk').find((file) => file.path === WORKFLOW)!.contents;

const githubErrors = (content: string) => errorsOf(WORKFLOW, content);

describe('the template-update workflow', () => {
  it("passes GitHub's workflow parser with no error", async () => {
    expect(await githubErrors(workflow)).toEqual([]);
  });

  it('is one that the parser would fault, were a key or an expression wrong', async () => {
    expect(await githubErrors(workflow.replace('runs-on:', 'runs_on:'))).toContainEqual(
      expect.stringContaining("Unexpected value 'runs_on'"),
    );
    expect(await githubErrors(workflow.replace('github.token', 'github.token('))).not.toEqual([]);
  });

  it('runs weekly, by hand with a version (default latest), and on the cognito-jwt-api-update event', async () => {
    const { events } = await convertedWorkflow(WORKFLOW, workflow);
    expect(events.schedule).toEqual([{ cron: '17 6 * * 1' }]);
    expect(events.workflow_dispatch?.inputs?.version).toMatchObject({ type: 'string', default: 'latest' });
    expect(events.repository_dispatch).toEqual({ types: ['cognito-jwt-api-update'] });
  });

  it(
    "asks for contents and pull-requests write, and uses the repository's GITHUB_TOKEN unless the one secret " +
      'TEMPLATE_UPDATE_TOKEN is set',
    () => {
      const document = parse(workflow);
      expect(document.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
      // The one secret, for both the push (the checkout keeps its token) and gh, and nothing else.
      const token = '${{ secrets.TEMPLATE_UPDATE_TOKEN || github.token }}';
      expect(workflow.match(/secrets\.[\w.]+/g)).toEqual([
        'secrets.TEMPLATE_UPDATE_TOKEN',
        'secrets.TEMPLATE_UPDATE_TOKEN',
      ]);
      const steps = document.jobs.update.steps;
      const run = steps.find((step: { run?: string }) => step.run);
      expect(run.run).toBe(`node ${SCRIPT}`);
      expect(run.env.GH_TOKEN).toBe(token);
      // The version is input: it reaches the script through the environment, never pasted into a command.
      expect(run.env.TEMPLATE_UPDATE_VERSION).toBe(
        "${{ inputs.version || github.event.client_payload.version || 'latest' }}",
      );
      expect(steps.filter((step: { run?: string }) => step.run?.includes('${{'))).toEqual([]);
      // The script compares the update branch with the base: it needs the whole history.
      expect(steps[0]).toEqual({ uses: 'actions/checkout@v5', with: { 'fetch-depth': 0, token } });
    },
  );

  it.each(FLAVOURS)('and its script are managed files of every %s project, alike', (iac) => {
    const files = rendered(iac).filter((file) => file.path === SCRIPT || file.path === WORKFLOW);
    expect(files.map(({ path, ownership }) => [path, ownership])).toEqual([
      [SCRIPT, 'managed'],
      [WORKFLOW, 'managed'],
    ]);
    expect(files.find((file) => file.path === WORKFLOW)!.contents).toBe(workflow);
  });

  it('is left out of projen projects, which update through npx projen', () => {
    const project = new CognitoJwtApiProject({ ...EXAMPLE_INPUT, outdir: tempDir('projen-workflow') });
    const paths = project.files.map((file) => file.path);
    expect(paths).toContain('src/api.ts');
    expect(paths.filter((file) => file.startsWith('.github/'))).toEqual([]);
  });
});
