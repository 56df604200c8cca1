/**
 * A generated project's `npm run lint` and `npm run format`, without an install or a download: the
 * scripts of its package.json run Biome through npx at the version the templates pin; here this
 * repository's Biome runs their arguments instead, which test/render/generated-lint.test.ts keeps at
 * that version.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const BIOME_PACKAGE = createRequire(import.meta.url).resolve('@biomejs/biome/package.json');
const BIOME_BIN = path.join(path.dirname(BIOME_PACKAGE), 'bin', 'biome');
const BIOME_VERSION: string = JSON.parse(readFileSync(BIOME_PACKAGE, 'utf8')).version;

/** Runs the project's script `name`, which must run Biome through npx, at this repository's version. */
export function biomeScript(dir: string, name: 'lint' | 'format'): { status: number | null; output: string } {
  const script: string = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts[name];
  const [npx, yes, biome, ...args] = script.split(' ');
  if (npx !== 'npx' || yes !== '--yes' || !biome?.startsWith('@biomejs/biome@')) {
    throw new Error(`the ${name} script does not run Biome through npx: ${script}`);
  }
  const version = biome.slice('@biomejs/biome@'.length);
  if (version !== BIOME_VERSION) {
    throw new Error(`the ${name} script runs Biome ${version}; this repository has ${BIOME_VERSION}: ${script}`);
  }
  const run = spawnSync(process.execPath, [BIOME_BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The files Biome's report names, each once, sorted. */
export function reportedFiles(output: string): string[] {
  const files = [...output.matchAll(/^(\S+?)(?::\d+:\d+)? (?:format|lint\/|assist\/)/gm)].map((match) => match[1]!);
  return [...new Set(files)].sort();
}
