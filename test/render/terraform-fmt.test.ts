/**
 * The generated Terraform files are as `terraform fmt` writes them: a user's first
 * `terraform fmt -check` (or a CI step running it) passes. `fmt` needs no providers, so it runs
 * offline; it is skipped where Terraform is not installed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseRoutes } from '../../src/schema/routes.js';
import { writeFiles } from '../../src/io/write-files.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { tempDir } from '../helpers/temp.js';

const version = spawnSync('terraform', ['version'], { encoding: 'utf8' });
const terraform = version.error === undefined && version.status === 0;
const skipped = terraform ? '' : ' (skipped: terraform is not on PATH)';

describe('generated Terraform files', () => {
  it.skipIf(!terraform).each([
    ['the README example', {}, []],
    [
      'any origin, own scopes and routes of several lengths',
      { origins: '*', allowAnyOrigin: true, scopes: 'orders-api/read' },
      [
        { method: 'POST', path: '/orders', handler: 'create-order', scopes: ['orders-api/write'] },
        { method: 'GET', path: '/orders/{id}', handler: 'get-order' },
      ],
    ],
  ] as const)(`pass terraform fmt -check, for %s${skipped}`, (_, input, routes) => {
    const dir = tempDir('terraform-fmt');
    const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, ...input, iac: 'terraform' }), {
      routes: parseRoutes(routes),
    });
    writeFiles(
      dir,
      files.filter((file) => file.path.startsWith('infra/')).map((file) => [file.path, file.contents]),
    );
    const run = spawnSync('terraform', ['fmt', '-check', '-diff', '-recursive', 'infra'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stdout, 'files terraform fmt would rewrite, and how').toBe('');
    expect(run.status).toBe(0);
  });

  it.skipIf(!terraform)(`are checked with a terraform that finds test files to format${skipped}`, () => {
    // fmt covers *.tftest.hcl from Terraform 1.6 on; an older one would pass the files unseen.
    const dir = tempDir('terraform-fmt');
    writeFiles(dir, [['infra/tests/badly.tftest.hcl', 'run "x" {\ncommand = plan\n}\n']]);
    const run = spawnSync('terraform', ['fmt', '-check', '-recursive', 'infra'], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toContain(path.join('tests', 'badly.tftest.hcl'));
    expect(run.status).not.toBe(0);
  });
});
