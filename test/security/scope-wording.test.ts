/**
 * A route with scopes admits a token carrying any one of them (ref #4), not all of them: every
 * place that describes scopes says so, and none says a scope is "required".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/schema/parse.js';
import { renderProject } from '../../src/render/render-project.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { runCli, tempDir } from '../helpers/cli.js';

const ALL_SCOPES_WORDING =
  /required (OAuth )?scopes?|scopes? (it |that |every protected route |the routes? )?requires?|must carry (the|its|these|a required)/i;
const ANY_ONE = /any one of/i;

const repoFile = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const lineOf = (text: string, marker: string) => text.split('\n').find((line) => line.includes(marker)) ?? '';

describe('scope wording (ref #4)', () => {
  it('--help describes --scopes as any one of them', async () => {
    const { stdout } = await runCli(['--help'], { cwd: tempDir() });
    const help = stdout.slice(stdout.indexOf('--scopes'));
    expect(help.slice(0, 300)).toMatch(/any one of/);
    expect(stdout).not.toMatch(ALL_SCOPES_WORDING);
  });

  it("the README's flag table and the Backstage form say any one of them", () => {
    expect(lineOf(repoFile('README.md'), '| `--scopes` |')).toMatch(/\*\*any one\*\* of them/);
    const form = repoFile('backstage/template/template.yaml');
    expect(form.slice(form.indexOf('scopes:'), form.indexOf('scopes:') + 400)).toMatch(ANY_ONE);
    expect(form).not.toMatch(ALL_SCOPES_WORDING);
  });

  it.each(['cdk', 'terraform', 'sam'] as const)(
    'a generated %s project says any one of them wherever it describes scopes',
    (iac) => {
      const files = renderProject(
        parseAnswers({ ...EXAMPLE_INPUT, iac, scopes: ['orders-api/read', 'orders-api/write'] }),
      );
      const text = (file: string) => files.find((candidate) => candidate.path === file)!.contents;
      expect(text('src/api.ts')).toMatch(ANY_ONE);
      expect(lineOf(text('README.md'), '**JWT authorizer**')).toMatch(ANY_ONE);
      expect(text('README.md')).toMatch(
        /admit a token carrying any one of the scopes `orders-api\/read`, `orders-api\/write`/,
      );
      for (const file of files) expect(file.contents, file.path).not.toMatch(ALL_SCOPES_WORDING);
    },
  );
});
