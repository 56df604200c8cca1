/**
 * The hashes a project's record keeps of its generated files: they tell an untouched file from an
 * edited one, and check the stored merge base. They detect changes, they do not authenticate, so
 * a fast 64-bit hash does: FNV-1a (fnv.ts), which spares a run loading node:crypto and, with it,
 * Node's streams (docs/performance.md). Records made by other versions may keep SHA-256 hashes;
 * those are still checked, with node:crypto, loaded only then.
 */
import { fnv1a64 } from './fnv.js';

const sha256 = (contents: string) =>
  process.getBuiltinModule('node:crypto').createHash('sha256').update(contents).digest('hex');

const ALGORITHMS = new Map<string, (contents: string) => string>([
  ['fnv1a64', fnv1a64],
  ['sha256', sha256],
]);

/** The hash a new record keeps of `contents`. */
export function hashOf(contents: string): string {
  return `fnv1a64-${fnv1a64(contents)}`;
}

/** Whether `contents` has the `recorded` hash, in the algorithm it names; false for one this version does not know. */
export function hasHash(contents: string, recorded: string): boolean {
  const separator = recorded.indexOf('-');
  const hash = ALGORITHMS.get(recorded.slice(0, separator));
  return separator > 0 && hash !== undefined && recorded.slice(separator + 1) === hash(contents);
}
