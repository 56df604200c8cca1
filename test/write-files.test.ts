/** Writes below a folder, one after the other: the first failure stops them, and is the error. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../src/io/write-files.js';
import { tempDir } from './helpers/temp.js';

describe('writeFiles', () => {
  it('writes every file, creating its folders', () => {
    const dir = tempDir('write');
    writeFiles(dir, [
      ['a.txt', 'A'],
      ['deep/er/b.txt', 'B'],
      ['deep/c.txt', 'C'],
    ]);
    expect(['a.txt', 'deep/er/b.txt', 'deep/c.txt'].map((file) => readFileSync(path.join(dir, file), 'utf8'))).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it('when the files cannot all be produced, fails with that error, with the files before it written', () => {
    const dir = tempDir('write');
    function* files(): Generator<[string, string]> {
      yield ['a.txt', 'A'];
      yield ['nested/b.txt', 'B'];
      throw new Error('render failed');
    }
    expect(() => writeFiles(dir, files())).toThrow('render failed');
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('A');
    expect(readFileSync(path.join(dir, 'nested/b.txt'), 'utf8')).toBe('B');
  });

  it('fails with the file system error of a write that fails, and writes nothing after it', () => {
    const dir = tempDir('write');
    mkdirSync(path.join(dir, 'taken'));
    expect(() =>
      writeFiles(dir, [
        ['ok.txt', 'x'],
        ['taken', 'y'],
        ['after.txt', 'z'],
      ]),
    ).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(readFileSync(path.join(dir, 'ok.txt'), 'utf8')).toBe('x');
    expect(existsSync(path.join(dir, 'after.txt'))).toBe(false);
  });
});
