/** The benchmark's stub packages: npm's view of a package kept, its program gone. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stubbedTarball } from '../../bench/stub-package.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Packs a package with a CLI and a data file; returns the tarball and the folder it is in. */
function packed(bin: string | Record<string, string>): [tarball: string, dir: string] {
  const dir = mkdtempSync(path.join(tmpdir(), 'stub-package-test-'));
  folders.push(dir);
  const source = path.join(dir, 'source');
  mkdirSync(path.join(source, 'dist'), { recursive: true });
  writeFileSync(path.join(source, 'dist/cli.js'), '#!/usr/bin/env node\nconsole.log("generating");\n');
  writeFileSync(path.join(source, 'dist/other.js'), '#!/usr/bin/env node\nconsole.log("other");\n');
  writeFileSync(path.join(source, 'dist/data.txt'), 'kept');
  writeFileSync(
    path.join(source, 'package.json'),
    JSON.stringify({ name: 'create-something', version: '1.2.3', bin, engines: { node: '>=20' } }),
  );
  const result = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: source,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return [path.join(dir, result.stdout.trim()), dir];
}

function unpacked(tarball: string, dir: string): string {
  const into = mkdtempSync(path.join(dir, 'unpacked-'));
  expect(spawnSync('tar', ['-xzf', tarball, '-C', into]).status).toBe(0);
  return path.join(into, 'package');
}

describe('stubbedTarball', () => {
  it.each([
    ['a string', 'dist/cli.js'],
    ['a map', { cs: 'dist/other.js', 'create-something': 'dist/cli.js' }],
  ])('keeps the files and manifest, renames the package and empties the bin npm create runs, given as %s', (_, bin) => {
    const [tarball, dir] = packed(bin);
    const stub = unpacked(stubbedTarball(tarball, dir, 'create-stub-something'), dir);
    const manifest = JSON.parse(readFileSync(path.join(stub, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'create-stub-something', version: '1.2.3', engines: { node: '>=20' } });
    expect(manifest.bin).toEqual({ 'create-stub-something': 'dist/cli.js' });
    expect(readFileSync(path.join(stub, 'dist/cli.js'), 'utf8')).toBe('#!/usr/bin/env node\n');
    expect(readFileSync(path.join(stub, 'dist/data.txt'), 'utf8')).toBe('kept');
    expect(readFileSync(path.join(stub, 'dist/other.js'), 'utf8')).toContain('other');
  });
});
