/**
 * tsLine lays TypeScript out as Biome does with the generated biome.json: each case is written into
 * a file of a rendered project's folder, and Biome's formatter must find nothing to change.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapers } from '../../src/render/escape.js';
import { LINE_WIDTH, tsLine } from '../../src/render/ts-layout.js';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { BIOME_PACKAGE } from '../helpers/biome.js';
import { tempDir } from '../helpers/temp.js';

const BIOME_BIN = path.join(path.dirname(BIOME_PACKAGE), 'bin', 'biome');
const word = (length: number) => 'x'.repeat(length);
/** Three strings that make `head[...]tail` exactly `width` columns long on one line. */
const stringsFilling = (head: string, tail: string, width: number): string[] => {
  const items = ['a', 'b'];
  const rest = width - `${head}${escapers.ts(items)}${tail}`.length - ", ''".length;
  return [...items, word(rest)];
};

const CASES: Array<[string, Parameters<typeof tsLine>]> = [
  [
    'strings that fit exactly',
    ['  list: ', stringsFilling('  list: ', ' as readonly string[],', LINE_WIDTH), ' as readonly string[],'],
  ],
  [
    'strings one column too long',
    ['  list: ', stringsFilling('  list: ', ' as readonly string[],', LINE_WIDTH + 1), ' as readonly string[],'],
  ],
  ['an empty list', ['  list: ', [], ' as readonly string[],']],
  ['a long string under a long key', ['  description: ', word(LINE_WIDTH), ',']],
  ['a long string under a key of four characters', ['  path: ', word(LINE_WIDTH), ',']],
  ['a short object', ['  ', { method: 'GET', path: '/me', handler: 'me' }, ',']],
  ['an object too long, with a list that fits', ['  ', { path: word(70), scopes: [word(50), word(40)] }, ',']],
  ['an object with a list too long', ['  ', { path: '/a', scopes: [word(60), word(60)] }, ',']],
  [
    'two objects that would fit on a line',
    [
      'const pairs = ',
      [
        { a: 'x', b: 'y' },
        { a: 'z', b: 'w' },
      ],
      ';',
    ],
  ],
  ['one object that fits on a line', ['const one = ', [{ a: 'x', b: 'y' }], ';']],
  ['objects of one key', ['const ones = ', [{ a: 'x' }, { a: 'y' }], ';']],
];

const BIOME_JSON = renderProject(parseAnswers(EXAMPLE_INPUT)).find((file) => file.path === 'biome.json')!.contents;

describe('tsLine', () => {
  it.each(CASES)('writes %s as Biome formats it', (_, [head, value, tail]) => {
    const dir = tempDir('ts-layout');
    writeFileSync(path.join(dir, 'biome.json'), BIOME_JSON);
    // An element of a list, a property of an object, or a declaration.
    const line = tsLine(head, value, tail);
    const text = !head.trim()
      ? `export const x = [\n  // items\n${line}\n];\n`
      : head.startsWith(' ')
        ? `export const x = {\n${line}\n};\n`
        : `export ${line}\n`;
    writeFileSync(path.join(dir, 'case.ts'), text);
    const run = spawnSync(process.execPath, [BIOME_BIN, 'format', '--write', 'case.ts'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(readFileSync(path.join(dir, 'case.ts'), 'utf8')).toBe(text);
  });

  it('breaks a list only when it does not fit', () => {
    const fits = stringsFilling('  list: ', ',', LINE_WIDTH);
    expect(tsLine('  list: ', fits, ',')).not.toContain('\n');
    expect(tsLine('  list: ', [...fits.slice(0, -1), `${fits.at(-1)}x`], ',')).toBe(
      `  list: [\n    'a',\n    'b',\n    '${fits.at(-1)}x',\n  ],`,
    );
  });
});
