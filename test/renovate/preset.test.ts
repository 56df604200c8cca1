/**
 * The Renovate preset (renovate/cognito-jwt-api.json), checked by Renovate itself: its config
 * validator accepts it, its regex manager finds the tool's version in a project's .yo-rc.json, and
 * its template engine makes the post-upgrade commands, which update the project as Renovate's
 * branch would hold it and fail while conflicts remain. Renovate is large (about 340 MB): it is
 * installed in .cache/renovate/ (a minute or two the first time, without install scripts, so
 * without its optional RE2 engine) and reused while that folder's package.json is the same.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFLICT_MARKER } from '../../src/update/merge.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { BIN } from '../helpers/cli.js';
import { cachedInstall, cacheFolder } from '../helpers/cached-install.js';
import { execOk } from '../helpers/exec.js';
import { fixtureCopy, read, write } from '../helpers/project.js';
import { tempDir } from '../helpers/temp.js';
import { currentProject } from '../fleet/harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRESET = path.join(ROOT, 'renovate/cognito-jwt-api.json');
const RENOVATE = '44.121.2';
const preset = JSON.parse(readFileSync(PRESET, 'utf8'));
const CACHE = cacheFolder('renovate');

async function installRenovate(): Promise<void> {
  await cachedInstall({
    name: 'renovate',
    description: 'Renovate, for test/renovate/preset.test.ts',
    dependencies: { renovate: RENOVATE },
    // No install scripts: RE2's would download a native build; Renovate falls back to RegExp without it.
    install: ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'],
    scripts: [fileURLToPath(new URL('renovate-run.mjs', import.meta.url))],
  });
}

const node = (cwd: string, args: string[], logLevel = 'warn') =>
  spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: logLevel } });

function validate(file: string) {
  return node(CACHE, ['node_modules/renovate/dist/config-validator.js', '--no-global', '--strict', file], 'info');
}

/** Renovate's regex manager on `contents` as the file `fileName`: the dependencies it finds. */
function extract(
  fileName: string,
  contents: string,
): Array<{ depName: string; currentValue: string; replaceString: string }> {
  const file = path.join(tempDir('renovate-extract'), 'contents');
  writeFileSync(file, contents);
  const result = node(CACHE, ['renovate-run.mjs', 'extract', PRESET, fileName, file]);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

/** The post-upgrade commands and working folder as Renovate's template engine makes them. */
function compiled(input: Record<string, string>): { commands: string[]; workingDir: string; prBodyNotes: string[] } {
  const result = node(CACHE, ['renovate-run.mjs', 'compile', PRESET, JSON.stringify(input)]);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

beforeAll(installRenovate);

describe('the Renovate preset', () => {
  it("passes Renovate's config validator, in strict mode", () => {
    const result = validate(PRESET);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Config validated successfully');
  });

  it('is one the validator would refuse, were an option wrong', () => {
    const broken = path.join(tempDir('renovate-broken'), 'preset.json');
    const copy = structuredClone(preset);
    copy.packageRules[0].postUpgradeTasks.shell = true;
    writeFileSync(broken, JSON.stringify(copy));
    expect(validate(broken).status).not.toBe(0);
  });

  it('finds the recorded version in .yo-rc.json files only, of this generator only', () => {
    const [pattern] = preset.customManagers[0].managerFilePatterns as string[];
    const files = new RegExp(pattern!.slice(1, -1));
    expect(['.yo-rc.json', 'services/orders/.yo-rc.json'].every((file) => files.test(file))).toBe(true);
    expect(['.cognito-jwt-api/pristine.json', 'x.yo-rc.json', '.yo-rc.json.bak'].some((f) => files.test(f))).toBe(
      false,
    );

    const previous = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/previous/cdk.json'), 'utf8')).files;
    const current = currentProject(EXAMPLE_INPUT).get('.yo-rc.json')!;
    const beside = JSON.stringify(
      { 'generator-other': { generatorVersion: '9.9.9' }, ...JSON.parse(current) },
      null,
      2,
    );
    for (const [contents, version] of [
      [previous['.yo-rc.json'], '0.1.0'],
      [current, PACKAGE_VERSION],
      [beside, PACKAGE_VERSION],
    ] as const) {
      expect(extract('services/orders/.yo-rc.json', contents)).toEqual([
        expect.objectContaining({
          depName: 'create-cognito-jwt-api',
          currentValue: version,
          datasource: 'npm',
          versioning: 'npm',
        }),
      ]);
    }
    // RE2, which Renovate uses where it is installed, has no lookaround and no backreferences.
    for (const matchString of preset.customManagers[0].matchStrings) expect(matchString).not.toMatch(/\(\?<?[=!]|\\\d/);
  });

  it("makes commands that update the project on Renovate's branch, and fail while conflicts remain", async () => {
    const { commands, workingDir, prBodyNotes } = compiled({ newVersion: '1.4.0', packageFileDir: 'services/orders' });
    expect(commands).toEqual([
      'npx -y create-cognito-jwt-api@1.4.0 update --force',
      'npm install --package-lock-only --ignore-scripts --no-audit --no-fund',
    ]);
    expect(workingDir).toBe('services/orders');
    expect(prBodyNotes[0]).toContain('`npx create-cognito-jwt-api@1.4.0 update` in `services/orders`');

    // Renovate's branch: the version in .yo-rc.json replaced (uncommitted), then the update run in
    // the project's folder, with the locally built tool in place of npx.
    const updateArgs = commands[0]!.split(' ').slice(3);
    for (const conflicting of [false, true]) {
      const dir = fixtureCopy('cdk');
      if (conflicting) {
        write(dir, 'src/api.ts', read(dir, 'src/api.ts')!.replace('maxAge: 3600,', 'maxAge: 600,'));
        await execOk('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'ours'], {
          cwd: dir,
        });
      }
      const { replaceString, currentValue } = extract('.yo-rc.json', read(dir, '.yo-rc.json')!)[0]!;
      const bumped = replaceString.replace(currentValue, PACKAGE_VERSION);
      write(dir, '.yo-rc.json', read(dir, '.yo-rc.json')!.replace(replaceString, bumped));
      const result = node(dir, [BIN, ...updateArgs]);
      expect(read(dir, 'dev/server.ts')).toBeDefined();
      if (conflicting) {
        // A failing command: Renovate reports an artifact problem on the pull request, and commits the markers.
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/Conflicts remain in: src\/api\.ts/);
        expect(read(dir, 'src/api.ts')).toMatch(CONFLICT_MARKER);
      } else {
        expect(result.status, result.stderr).toBe(0);
        expect(read(dir, 'src/api.ts')).toContain('maxAge: 7200,');
      }
      expect(JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'].generatorVersion).toBe(PACKAGE_VERSION);
    }
  });
});
