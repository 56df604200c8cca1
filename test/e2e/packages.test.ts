/**
 * The three packages as npm publishes them: each is packed, then installed from its tarball into a
 * clean folder the way a user installs it, beside the create-cognito-jwt-api tarball (not on the
 * registry under this version, it satisfies the others' `^0.1.0` range there).
 *   - `npm create cognito-jwt-api` generates a project;
 *   - `yo cognito-jwt-api` finds the generator by lookup and runs it;
 *   - the Backstage module installs and loads as a backend feature.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FLAGS, EXAMPLE_INPUT } from '../helpers/answers.js';
import { execOk } from '../helpers/exec.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'];

const workspace = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-packages-'));
const packed = path.join(workspace, 'packed');
const tarballs = { root: '', generator: '', module: '' };

/** A new empty folder in the workspace. */
function folder(name: string): string {
  const dir = path.join(workspace, name);
  mkdirSync(dir);
  return dir;
}

beforeAll(() => {
  mkdirSync(packed);
  // The global setup has built dist/ (the root's prepack would build it again).
  const pack = (...args: string[]) =>
    path.join(
      packed,
      execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim(),
    );
  tarballs.root = pack();
  tarballs.generator = pack('-w', 'yeoman');
  tarballs.module = pack('-w', 'backstage');
  for (const tarball of Object.values(tarballs)) expect(existsSync(tarball), tarball).toBe(true);
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the packages as published', () => {
  it('npm create cognito-jwt-api, with the package installed from its tarball, generates a project', async () => {
    const dir = folder('create');
    await execOk('npm', [...INSTALL, tarballs.root], { cwd: dir });
    // --offline: the package installed here is the one run, not one from the registry.
    await execOk(
      'npm',
      [
        'create',
        '--offline',
        'cognito-jwt-api',
        '--',
        'my-service',
        ...EXAMPLE_FLAGS,
        '--iac',
        'cdk',
        '--yes',
        '--skip-install',
      ],
      { cwd: dir, env: { CI: '1' } },
    );
    const project = path.join(dir, 'my-service');
    expect(readFileSync(path.join(project, 'src/api.ts'), 'utf8')).toContain(
      `userPoolId: '${EXAMPLE_INPUT.userPoolId}'`,
    );
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'))).toMatchObject({ name: 'my-service' });
    expect(existsSync(path.join(project, 'infra/api-stack.ts'))).toBe(true);
    // The templates keep it as _gitignore, a name npm does not drop when packing; it is renamed on writing.
    expect(existsSync(path.join(project, '.gitignore'))).toBe(true);
  });

  it('yo cognito-jwt-api finds generator-cognito-jwt-api, installed from its tarball, and runs it', async () => {
    const dir = folder('yo');
    await execOk('npm', [...INSTALL, 'yo@7', tarballs.root, tarballs.generator], { cwd: dir });
    // yo refuses to run as root: it switches to another user first (root-check), who must be able
    // to reach the generator, write the project and keep its settings in a home of its own.
    const home = folder('yo-home');
    const project = path.join(dir, 'my-service');
    mkdirSync(project);
    chmodSync(workspace, 0o755);
    for (const writable of [home, project]) chmodSync(writable, 0o777);
    await execOk(
      'npx',
      [
        '--offline',
        'yo',
        'cognito-jwt-api',
        ...EXAMPLE_FLAGS,
        '--iac',
        'sam',
        '--yes',
        '--skip-install',
        '--no-insight',
      ],
      {
        cwd: project,
        env: { CI: '1', HOME: home, NO_UPDATE_NOTIFIER: '1' },
      },
    );
    expect(readFileSync(path.join(project, 'src/api.ts'), 'utf8')).toContain(
      `userPoolId: '${EXAMPLE_INPUT.userPoolId}'`,
    );
    expect(existsSync(path.join(project, 'template.yaml'))).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(path.join(project, '.yo-rc.json'), 'utf8')))).toEqual([
      'create-cognito-jwt-api',
    ]);
  });

  it(
    'the Backstage module installs beside create-cognito-jwt-api from their tarballs, and loads as a scaffolder ' +
      'module',
    async () => {
      const dir = folder('backstage');
      await execOk('npm', [...INSTALL, tarballs.root, tarballs.module], { cwd: dir });
      // Installed as a package, not linked: a `file:` dependency would have linked it.
      expect(existsSync(path.join(dir, 'node_modules/create-cognito-jwt-api/package.json'))).toBe(true);
      const loaded = await execOk(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const loaded = await import('backstage-plugin-scaffolder-backend-module-cognito-jwt-api');
         const feature = loaded.default;
         console.log(JSON.stringify({ type: feature.$$type, actionId: loaded.ACTION_ID, registrations: feature.getRegistrations().map(({ type, pluginId, moduleId }) => ({ type, pluginId, moduleId })) }));`,
        ],
        { cwd: dir },
      );
      expect(JSON.parse(loaded.trim().split('\n').at(-1)!)).toEqual({
        type: '@backstage/BackendFeature',
        actionId: 'cognito-jwt-api:create',
        registrations: [
          { type: expect.stringMatching(/^module/), pluginId: 'scaffolder', moduleId: 'cognito-jwt-api' },
        ],
      });
    },
  );
});
