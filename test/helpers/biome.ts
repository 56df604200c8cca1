/**
 * A generated project's `npm run lint` and `npm run format`, without an install: the scripts of its
 * package.json, run by this repository's Biome, which test/render/generated-lint.test.ts keeps at the
 * version generated projects pin.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const BIOME_PACKAGE = createRequire(import.meta.url).resolve('@biomejs/biome/package.json');
const BIOME_BIN = path.join(path.dirname(BIOME_PACKAGE), 'bin', 'biome');

/** Runs the project's script `name`, which must be a Biome command. */
export function biomeScript(dir: string, name: 'lint' | 'format'): { status: number | null; output: string } {
  const script: string = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts[name];
  const [command, ...args] = script.split(' ');
  if (command !== 'biome') throw new Error(`the ${name} script runs ${command}, not biome: ${script}`);
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
