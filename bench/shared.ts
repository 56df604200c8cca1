/** What the benchmark parts share: timing helpers, the packed package, scratch folders (statistics: stats.ts). */
import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The answers every figure generates with, and the same as command-line flags. */
export const BENCH_INPUT = {
  name: 'bench',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  clientId: '1example23456789abcdefghij',
  origins: 'https://app.example.com',
};
export const ANSWER_FLAGS = [
  '--region',
  BENCH_INPUT.region,
  '--user-pool-id',
  BENCH_INPUT.userPoolId,
  '--client-id',
  BENCH_INPUT.clientId,
  '--origins',
  BENCH_INPUT.origins,
];

/**
 * Every scratch folder of a benchmark run lives in one, removed when the run ends
 * (`removeScratch`), not as each measurement ends. On a file system without a journal (ext4 in
 * no-journal mode, as on the machine measured), allocating an inode skips, one at a time, the
 * inodes freed in the last minutes: removing each run's project made the file creations of every
 * later run slower (an empty file: about 70 us after a quiet spell, 170 to 500 us amid the
 * removals), in proportion to the files a run creates. That cost is the benchmark's, not a user's.
 */
let scratchRoot: string | undefined;

/** A new scratch folder, inside the run's (see above). */
export function scratch(label: string): string {
  scratchRoot ??= mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-bench-'));
  return mkdtempSync(path.join(scratchRoot, `${label}-`));
}

/** Removes every scratch folder of the run. */
export function removeScratch(): void {
  // Retried: a child stopped with the run may still be writing into it.
  if (scratchRoot) rmSync(scratchRoot, { recursive: true, force: true, maxRetries: 5 });
  scratchRoot = undefined;
}

/** Runs a command to completion and returns its wall time in ms; throws with its output on failure. */
export function timed(command: string, args: readonly string[], options: SpawnSyncOptions): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

/** As `timed`, without blocking this process's event loop (which may be serving the command). */
export function timedAsync(command: string, args: readonly string[], options: SpawnOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`));
    });
  });
}

/** A package as `npm pack` makes it: this one (built) unless a registry spec is given. */
export function packedTarball(into: string, spec?: string): string {
  const args = ['pack', '--ignore-scripts', '--silent', '--pack-destination', into, ...(spec ? [spec] : [])];
  const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  return path.join(into, result.stdout.trim().split('\n').pop()!);
}

/** The package.json inside a packed tarball. */
export function manifestOf(tarball: string): { name: string; version: string } {
  const result = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  return JSON.parse(result.stdout);
}

/** Bytes below a folder. */
export function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ratio = (ours: number, reference: number) => `${(ours / reference).toFixed(2)}x`;

/** A node binary of another major, fetched once through npx (`npx -y node@24`). */
export function nodeBinary(major: number): string {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const result = spawnSync('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not fetch node@${major}:\n${result.stderr}`);
  return result.stdout.trim();
}

/** npm's own CLI script, to run it on another node binary. */
export function npmCli(): string {
  return path.join(path.dirname(path.dirname(process.execPath)), 'lib/node_modules/npm/bin/npm-cli.js');
}
