/**
 * The variants of `npm run bench -- --tricks`: this package with one speed trick replaced by the
 * plain way, doing the same work, so that their times differ by the trick alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packedTarball, ROOT } from '../../bench/shared.js';
import { speedTricks, variantTarball } from '../../bench/tricks.js';
import { EXAMPLE_FLAGS } from '../helpers/answers.js';
import { listFiles, tempDir } from '../helpers/cli.js';

/** A packed package unpacked into `work`/`label`; returns its folder. */
function unpacked(tarball: string, work: string, label: string): string {
  const into = path.join(work, label);
  mkdirSync(into);
  expect(spawnSync('tar', ['-xzf', tarball, '-C', into]).status).toBe(0);
  return path.join(into, 'package');
}

/** Runs a package's CLI to create a project in `work`; returns the generated files, the record's hashes left out. */
function generated(pkg: string, work: string): Map<string, string> {
  const run = spawnSync(
    process.execPath,
    // No repository: its commit ids and index differ from run to run.
    [path.join(pkg, 'dist', 'cli.cjs'), 'svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install', '--no-git'],
    {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const dir = path.join(work, 'svc');
  return new Map(
    listFiles(dir).map((file) => {
      const contents = readFileSync(path.join(dir, file), 'utf8');
      return [file, file === '.yo-rc.json' ? contents.replace(/"hash": "[\w-]+"/g, '"hash": ""') : contents];
    }),
  );
}

/** The command line a package runs: its entry and its script. */
function commandLine(pkg: string): string {
  const cli = path.join(pkg, 'dist', 'cli');
  const script = readdirSync(cli).find((file) => /^main-\w+\.cjs$/.test(file))!;
  return readFileSync(path.join(pkg, 'dist', 'cli.cjs'), 'utf8') + readFileSync(path.join(cli, script), 'utf8');
}

describe('the speed tricks bench', () => {
  it('builds, for each trick, a package without it that generates the same project', { timeout: 300_000 }, () => {
    const work = tempDir('tricks');
    const full = packedTarball(work);
    const pkg = unpacked(full, work, 'full');
    const expected = generated(pkg, path.dirname(pkg));
    expect(speedTricks().length).toBeGreaterThan(0);
    for (const trick of speedTricks()) {
      const variant = unpacked(variantTarball(full, work, trick), work, trick);
      const manifest = JSON.parse(readFileSync(path.join(variant, 'package.json'), 'utf8'));
      expect(manifest.name).toBe(`create-cognito-jwt-api-without-${trick}`);
      expect(manifest.bin).toEqual({ [manifest.name]: 'dist/cli.cjs' });
      expect(commandLine(variant), trick).not.toBe(commandLine(pkg));
      expect(generated(variant, path.dirname(variant)), trick).toEqual(expected);
    }
  });

  it('refuses a trick it does not know, naming those it does', () => {
    const build = spawnSync(
      process.execPath,
      ['scripts/bundle.mjs', '--outdir', tempDir('tricks'), '--without', 'nope'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(`--without nope: no such speed trick. Expected one of ${speedTricks().join(', ')}.`);
  });
});
