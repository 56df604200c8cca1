/**
 * The hashes a project's record keeps of its generated files: they tell an untouched file from an
 * edited one, and check the stored merge base. They detect changes, they do not authenticate, so
 * a fast 64-bit hash does: FNV-1a (fnv.ts). Records made before kept SHA-256 hashes; those are
 * still checked, with node:crypto, loaded only then.
 */
import { fnv1a64 } from './fnv.js';

const ALGORITHMS: Record<string, (contents: string) => string> = {
  fnv1a64,
  sha256: (contents) => process.getBuiltinModule('node:crypto').createHash('sha256').update(contents).digest('hex'),
};

/** The hash a new record keeps of `contents`. */
export function hashOf(contents: string): string {
  return `fnv1a64-${fnv1a64(contents)}`;
}

/** Whether `contents` has the `recorded` hash, in the algorithm it names; false for one this version does not know. */
export function hasHash(contents: string, recorded: string): boolean {
  const [algorithm, digest] = recorded.split('-', 2);
  const hash = ALGORITHMS[algorithm!];
  return hash !== undefined && digest === hash(contents);
}
