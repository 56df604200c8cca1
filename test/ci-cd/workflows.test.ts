/**
 * The generated GitHub Actions workflows: ci.yml in every project, deploy.yml with a repository.
 * GitHub's own parser accepts each, in every flavour; the deploy jobs sign in to AWS through
 * GitHub's OIDC provider only, and no generated file names an access key.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderProject, type RenderedFile } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { allTemplates } from '../helpers/templates.js';
import { convertedWorkflow, githubErrors } from '../helpers/workflows.js';

const FLAVOURS = ['cdk', 'terraform', 'sam'] as const;
type Flavour = (typeof FLAVOURS)[number];
const REPOSITORY = 'acme/orders-api';
const CI = '.github/workflows/ci.yml';
const DEPLOY = '.github/workflows/deploy.yml';

const render = (iac: Flavour, githubRepository?: string) =>
  renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac, ...(githubRepository ? { githubRepository } : {}) }));
const contentsOf = (files: RenderedFile[], path: string) => files.find((file) => file.path === path)?.contents;

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };

/** Each flavour's own checks in CI, and the flags its deploy script gets there: nobody confirms in CI. */
const FLAVOUR_CHECK: Record<Flavour, string> = {
  cdk: 'npm run synth',
  terraform: 'npm run test:terraform',
  sam: 'npm run validate',
};
const UNATTENDED: Record<Flavour, string> = {
  cdk: '--require-approval never',
  terraform: '-auto-approve',
  sam: '--no-confirm-changeset --no-fail-on-empty-changeset',
};

describe.each(FLAVOURS)('the workflows of a %s project', (iac) => {
  const plain = render(iac);
  const withRepository = render(iac, REPOSITORY);

  it("pass GitHub's workflow parser with no error, with and without a repository", async () => {
    const workflows = [...plain, ...withRepository].filter((file) => file.path.startsWith('.github/workflows/'));
    expect(workflows.map((file) => file.path)).toEqual(
      expect.arrayContaining([CI, DEPLOY, '.github/workflows/template-update.yml']),
    );
    for (const workflow of workflows)
      expect(await githubErrors(workflow.path, workflow.contents), workflow.path).toEqual([]);
  });

  it('would fail that parser with a wrong key in either workflow', async () => {
    for (const path of [CI, DEPLOY]) {
      const broken = contentsOf(withRepository, path)!.replace('runs-on:', 'runs_on:');
      expect(await githubErrors(path, broken)).toContainEqual(expect.stringContaining("Unexpected value 'runs_on'"));
    }
  });

  it('ci.yml installs from the lock file, then lints, type-checks, tests, checks the infrastructure and runs update --check', () => {
    for (const files of [plain, withRepository]) {
      const document = parse(contentsOf(files, CI)!);
      expect(document.permissions).toEqual({ contents: 'read' });
      const runs = (document.jobs.check.steps as Step[]).flatMap((step) => (step.run ? [step.run.trim()] : []));
      expect(runs.slice(0, 4)).toEqual(['npm ci', 'npm run lint', 'npm run typecheck', 'npm test']);
      expect(runs).toContain(FLAVOUR_CHECK[iac]);
      expect(runs.at(-1)).toMatch(/\bnpx -y "create-cognito-jwt-api@\$version" update --check$/);
      expect(runs.at(-1)).toContain(`require('./.yo-rc.json')['create-cognito-jwt-api'].generatorVersion`);
    }
  });

  it('ci.yml checks pushes to main itself only when no deploy workflow runs it first', async () => {
    expect((await convertedWorkflow(CI, contentsOf(plain, CI)!)).events.push).toEqual({ branches: ['main'] });
    const { events } = await convertedWorkflow(CI, contentsOf(withRepository, CI)!);
    expect(events.push).toBeUndefined();
    expect(events.workflow_call).toBeDefined();
    expect(events.pull_request).toBeDefined();
  });

  it('deploy.yml deploys dev on pushes to main, prod on a published release, and either by hand', async () => {
    const { events } = await convertedWorkflow(DEPLOY, contentsOf(withRepository, DEPLOY)!);
    expect(events.push).toEqual({ branches: ['main'] });
    expect(events.release).toEqual({ types: ['published'] });
    expect(events.workflow_dispatch?.inputs?.environment).toMatchObject({ type: 'choice', options: ['dev', 'prod'] });
    const { jobs } = parse(contentsOf(withRepository, DEPLOY)!);
    expect(jobs.dev.if).toBe("github.event_name == 'push' || inputs.environment == 'dev'");
    expect(jobs.prod.if).toBe("github.event_name == 'release' || inputs.environment == 'prod'");
  });

  it.each(['dev', 'prod'])(
    'its %s job runs in that environment after the checks, assumes its role through OIDC, and deploys unattended',
    (environment) => {
      const document = parse(contentsOf(withRepository, DEPLOY)!);
      expect(document.permissions).toEqual({ contents: 'read' });
      expect(document.jobs.check).toEqual({ uses: './.github/workflows/ci.yml' });
      const job = document.jobs[environment];
      expect(job).toMatchObject({ needs: 'check', environment });
      // The only job that may ask GitHub for an OIDC token.
      expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      const steps = job.steps as Step[];
      const signIn = steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(signIn?.with).toEqual({
        'role-to-assume': '${{ vars.AWS_ROLE_ARN }}',
        'aws-region': EXAMPLE_INPUT.region,
      });
      expect(steps.at(-1)!.run).toBe(`npm run deploy:${environment} -- ${UNATTENDED[iac]}`);
      expect(steps.indexOf(signIn!)).toBeLessThan(steps.length - 1);
      // Values reach commands through the environment, never pasted into a script.
      expect(steps.filter((step) => step.run?.includes('${{'))).toEqual([]);
    },
  );

  it('has no deploy workflow and no role without a repository, and the README says how to add them', () => {
    expect(plain.map((file) => file.path).filter((path) => path === DEPLOY || path.includes('deploy-role'))).toEqual(
      [],
    );
    expect(contentsOf(plain, 'README.md')).toContain('update --github-repository <owner>/<name>');
    expect(contentsOf(withRepository, 'README.md')).toContain('### Deploy from GitHub Actions');
  });
});

describe('AWS access keys', () => {
  const ACCESS_KEY = /aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|access_key\s*=/i;

  it.each(FLAVOURS)('appear nowhere in a %s project with a repository: no input, variable or secret', (iac) => {
    const files = render(iac, REPOSITORY);
    expect(files.filter((file) => ACCESS_KEY.test(file.contents)).map((file) => file.path)).toEqual([]);
    // The one secret a workflow reads is the optional GitHub token of the template update (no AWS key).
    const secrets = files
      .filter((file) => file.path.startsWith('.github/'))
      .flatMap((file) => [...file.contents.matchAll(/\bsecrets\.(\w+)/g)].map((match) => `${file.path}: ${match[1]}`));
    expect([...new Set(secrets)]).toEqual(['.github/workflows/template-update.yml: TEMPLATE_UPDATE_TOKEN']);
  });

  it('appear in no template, whatever the answers', () => {
    expect(
      allTemplates()
        .filter((template) => ACCESS_KEY.test(template.text))
        .map((template) => template.path),
    ).toEqual([]);
  });

  it('would be found in a workflow that took one', () => {
    const deploy = contentsOf(render('cdk', REPOSITORY), DEPLOY)!;
    expect(deploy.replace('role-to-assume:', 'aws-access-key-id:')).toMatch(ACCESS_KEY);
  });
});
