/**
 * No source line runs past 120 columns (the formatter's width; it cannot split a string literal,
 * so this test holds the line for them). Tests may quote long messages whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['src', 'scripts', 'bench', 'demo', 'generators', 'backstage/src'];
const WIDTH = 120;

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|cts|mts|mjs|js)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

it(`keeps every source line within ${WIDTH} columns`, () => {
  const long = FOLDERS.flatMap(sources).flatMap((file) =>
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (line.length > WIDTH ? [`${file}:${index + 1} (${line.length})`] : [])),
  );
  expect(long).toEqual([]);
});
