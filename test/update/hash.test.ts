/** The record's hashes: SHA-256 for new records; FNV-1a 64 and SHA-256 still read from older ones. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fnv1a64, hashOf, hasHash } from '../../src/update/hash.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * FNV-1a 64 hashes as records made by earlier versions keep them, made by those versions' own
 * implementation (a WebAssembly loop), for texts whose UTF-8 encoding takes 1 to 4 bytes a character.
 */
const RECORDED_FNV = [
  ['', 'cbf29ce484222325'],
  ['a', 'af63dc4c8601ec8c'],
  ['foobar', '85944171f73967e8'],
  ['a\n', '089bdc07b544e7b2'],
  ['export const x = 1;\n', '8e543092bdc94add'],
  ['é, €, 😀 and a lone \ud800 surrogate', 'f6d24a5cd731256f'],
  ['€'.repeat(70_000), '6768e2c0eb2e4e25'],
] as const;

describe('fnv1a64', () => {
  it('gives the published test vectors, and the hashes earlier versions recorded', () => {
    for (const [text, hash] of RECORDED_FNV) expect(fnv1a64(text), text.slice(0, 20)).toBe(hash);
  });
});

describe('record hashes', () => {
  it('are SHA-256 for new records, and check a file against the hash it was recorded with', () => {
    expect(hashOf('a\n')).toBe(`sha256-${sha256('a\n')}`);
    expect(hasHash('a\n', hashOf('a\n'))).toBe(true);
    expect(hasHash('b\n', hashOf('a\n'))).toBe(false);
  });

  it('read the FNV-1a 64 hashes of older records', () => {
    for (const [text, hash] of RECORDED_FNV) {
      expect(hasHash(text, `fnv1a64-${hash}`), text.slice(0, 20)).toBe(true);
      expect(hasHash(`${text}.`, `fnv1a64-${hash}`), text.slice(0, 20)).toBe(false);
    }
  });

  it('never match in an algorithm this version does not know', () => {
    expect(hasHash('a\n', `md5-${createHash('md5').update('a\n').digest('hex')}`)).toBe(false);
    expect(hasHash('a\n', 'no-algorithm')).toBe(false);
    // Names an object has by inheritance are no algorithm either.
    expect(hasHash('a\n', '__proto__-x')).toBe(false);
    expect(hasHash('a\n', 'toString-[object Undefined]')).toBe(false);
    expect(hasHash('a\n', 'sha256')).toBe(false);
  });
});
