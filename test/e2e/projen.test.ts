/**
 * A projen-managed service, set up as the README says: projen, this package (packed, as it would
 * be published) and tsx installed, a `.projenrc.ts` with a route of its own, the first synthesis
 * by tsx, then `npx projen` as the project's own command. It installs, passes its own tests and
 * type-checks.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { execOk } from '../helpers/exec.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-projen-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROJEN_VERSION = (createRequire(import.meta.url)('projen/package.json') as { version: string }).version;

describe('a projen-managed service', () => {
  it(
    'is set up as the README says, takes a route of its own, installs, passes its own tests and ' + 'type-checks',
    async () => {
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
        cwd: root,
        encoding: 'utf8',
      }).trim();
      await execOk(
        'npm',
        ['install', '--no-audit', '--no-fund', '-D', `projen@${PROJEN_VERSION}`, 'tsx', `./${tarball}`],
        { cwd: dir },
      );
      const options = {
        ...EXAMPLE_INPUT,
        iac: 'terraform',
        routes: [{ method: 'POST', path: '/orders', handler: 'orders', scopes: ['orders-api/write'] }],
        // This package as packed: it is not published under this version.
        packageJson: { devDependencies: { 'create-cognito-jwt-api': `file:./${tarball}` } },
      };
      writeFileSync(
        path.join(dir, '.projenrc.ts'),
        `import { CognitoJwtApiProject } from 'create-cognito-jwt-api/projen';\n\nnew ` +
          `CognitoJwtApiProject(${JSON.stringify(options, null, 2)}).synth();\n`,
      );
      await execOk('npx', ['tsx', '.projenrc.ts'], { cwd: dir });
      // The route's handler is the user's to write; a copy of the sample's serves here.
      copyFileSync(path.join(dir, 'src/handlers/me.ts'), path.join(dir, 'src/handlers/orders.ts'));
      await execOk('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
      await execOk('npx', ['projen'], { cwd: dir });
      expect(readFileSync(path.join(dir, 'infra/main.tf'), 'utf8')).toContain(
        '"POST /orders" = { handler = "orders", scopes = ["orders-api/write"] }',
      );
      expect(await execOk('npm', ['test'], { cwd: dir })).toMatch(/Tests\s+\d+ passed/);
      await execOk('npm', ['run', 'build'], { cwd: dir });
    },
  );
});
