/**
 * The hashes a project's record keeps of its generated files: they tell an untouched file from an
 * edited one, and check the stored merge base. New records keep SHA-256 (node:crypto). Records
 * made by earlier versions may keep FNV-1a 64 hashes; those are still checked.
 */
import { createHash } from 'node:crypto';

const sha256 = (contents: string) => createHash('sha256').update(contents).digest('hex');

/** FNV-1a, 64 bits (draft-eastlake-fnv), of a string's UTF-8 bytes, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n; // offset basis
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

const ALGORITHMS = new Map<string, (contents: string) => string>([
  ['sha256', sha256],
  ['fnv1a64', fnv1a64],
]);

/** The hash a new record keeps of `contents`. */
export function hashOf(contents: string): string {
  return `sha256-${sha256(contents)}`;
}

/** Whether `contents` has the `recorded` hash, in the algorithm it names; false for one this version does not know. */
export function hasHash(contents: string, recorded: string): boolean {
  const separator = recorded.indexOf('-');
  const hash = ALGORITHMS.get(recorded.slice(0, separator));
  return separator > 0 && hash !== undefined && recorded.slice(separator + 1) === hash(contents);
}
