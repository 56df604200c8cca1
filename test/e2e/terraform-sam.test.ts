/**
 * End to end for the flavours whose IaC tool cannot run here: the built CLI generates the
 * project, installs it, and the project's own tests (which parse its HCL or SAM template, the
 * deploy roles' too), build and lint pass.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FLAGS } from '../helpers/answers.js';
import { BIN } from '../helpers/cli.js';
import { execOk } from '../helpers/exec.js';

const workspace = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-e2e-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

// With a repository, the deploy roles and their own test are part of the project.
describe.each([
  ['terraform', []],
  ['terraform', ['--github-repository', 'acme/api']],
  ['sam', []],
  ['sam', ['--github-repository', 'acme/api']],
] as const)('generated %s project %j', (iac, repository) => {
  const name = `${iac}${repository.length > 0 ? '-deployed' : ''}`;
  const project = path.join(workspace, name);

  it('installs, passes its own tests and builds', async () => {
    const answers = [...EXAMPLE_FLAGS, '--iac', iac, '--scopes', 'orders-api/read', ...repository];
    await execOk(process.execPath, [BIN, name, ...answers], { cwd: workspace, env: { CI: '1' } });
    const output = await execOk('npm', ['test'], { cwd: project });
    expect(output).toMatch(/Tests\s+\d+ passed/);
    if (repository.length > 0) expect(output).toContain('test/infra/deploy-role.test.ts');
    else expect(output).not.toContain('deploy-role');
    await execOk('npm', ['run', 'build'], { cwd: project });
  });

  it('passes its own lint (Biome, as generated), the build output beside it', async () => {
    await execOk('npm', ['run', 'lint'], { cwd: project });
  });

  if (iac === 'terraform') {
    it('bundles one minified folder per function for archive_file', () => {
      for (const handler of ['preflight', 'me']) {
        const bundle = path.join(project, 'dist', handler, 'index.mjs');
        expect(existsSync(bundle), bundle).toBe(true);
        expect(statSync(bundle).size).toBeLessThan(5_000);
      }
    });
  }
});
