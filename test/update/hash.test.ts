/** The record's hashes: FNV-1a 64 of the UTF-8 bytes for new records; FNV-1a 64 and SHA-256 read from older ones. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fnv1a64, fnv1a64InJavaScript } from '../../src/update/fnv.js';
import { hashOf, hasHash } from '../../src/update/hash.js';

/** FNV-1a 64 as its definition states it, over BigInt. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * FNV-1a 64 hashes as records made by earlier versions keep them, for texts whose UTF-8 encoding
 * takes 1 to 4 bytes a character.
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

  it('hashes the UTF-8 bytes, as the definition does, for any text and size', () => {
    const texts = [
      'export const x = 1;\n',
      'é, €, 😀 and a lone \ud800 surrogate',
      '€'.repeat(70_000), // more than the module's first page once encoded
      'ascii after a large one',
      Array.from({ length: 2000 }, (_, i) => String.fromCodePoint((i * 7919) % 0x10ffff)).join(''),
    ];
    for (const text of texts) expect(fnv1a64(text), text.slice(0, 20)).toBe(reference(text));
  });

  it('gives the same hashes without WebAssembly (node --jitless)', () => {
    for (const [text, hash] of RECORDED_FNV) expect(fnv1a64InJavaScript(text), text.slice(0, 20)).toBe(hash);
  });
});

describe('record hashes', () => {
  it('are FNV-1a 64 for new records, and check a file against the hash it was recorded with', () => {
    expect(hashOf('a\n')).toBe(`fnv1a64-${reference('a\n')}`);
    expect(hasHash('a\n', hashOf('a\n'))).toBe(true);
    expect(hasHash('b\n', hashOf('a\n'))).toBe(false);
  });

  it('read the FNV-1a 64 and SHA-256 hashes of older records', () => {
    for (const [text, hash] of RECORDED_FNV) {
      expect(hasHash(text, `fnv1a64-${hash}`), text.slice(0, 20)).toBe(true);
      expect(hasHash(`${text}.`, `fnv1a64-${hash}`), text.slice(0, 20)).toBe(false);
    }
    expect(hasHash('a\n', `sha256-${sha256('a\n')}`)).toBe(true);
    expect(hasHash('b\n', `sha256-${sha256('a\n')}`)).toBe(false);
  });

  it('never match in an algorithm this version does not know', () => {
    expect(hasHash('a\n', `md5-${createHash('md5').update('a\n').digest('hex')}`)).toBe(false);
    expect(hasHash('a\n', 'no-algorithm')).toBe(false);
    // Names an object has by inheritance are no algorithm either.
    expect(hasHash('a\n', '__proto__-x')).toBe(false);
    expect(hasHash('a\n', 'toString-[object Undefined]')).toBe(false);
    expect(hasHash('a\n', 'fnv1a64')).toBe(false);
    expect(hasHash('a\n', 'sha256')).toBe(false);
  });
});
