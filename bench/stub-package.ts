/**
 * A package as npm sees it, without its program: the tarball's contents and manifest kept, its
 * name changed, and the bin `npm create` runs (the one named after the package, else the only
 * one) replaced by an empty script. `npm create` of two such stubs measures npm's
 * own part of figure 1 for each package (resolving, checking its exec install, starting the bin),
 * which the CLIs alone leave out. The same repacking, with another change, makes the variants of
 * `npm run bench -- --tricks` (tricks.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function stubbedTarball(tarball: string, into: string, name: string): string {
  return repackedTarball(tarball, into, name, (root, bin) =>
    writeFileSync(path.join(root, bin), '#!/usr/bin/env node\n'),
  );
}

/**
 * A packed package unpacked, renamed (its bin too), changed by `change` (given its folder and the
 * path of the bin `npm create` runs) and packed again into `into`.
 */
export function repackedTarball(
  tarball: string,
  into: string,
  name: string,
  change: (root: string, bin: string) => void,
): string {
  const dir = mkdtempSync(path.join(into, 'repack-'));
  run('tar', ['-xzf', tarball, '-C', dir], into);
  const root = path.join(dir, 'package');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    bin: string | Record<string, string>;
  };
  const bin =
    typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin[manifest.name] ?? Object.values(manifest.bin)[0]!);
  change(root, bin);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ ...manifest, name, bin: { [name]: bin } }, null, 2));
  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', into], root);
  return path.join(into, packed.trim().split('\n').pop()!);
}

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}
