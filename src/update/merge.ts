/**
 * Three-way merges: text files line by line with diff3-style conflict markers, package.json
 * field by field (template bumps applied, the user's own dependencies and scripts kept).
 */
import { mergeDiff3 } from 'node-diff3';

export interface MergeResult {
  contents: string;
  conflict: boolean;
}

export const CONFLICT_MARKER = /^(<<<<<<< |\|\|\|\|\|\|\| |=======$|>>>>>>> )/m;

/** Merges line by line; a final newline is the last, empty line, so it merges like any other. */
export function mergeText(base: string, yours: string, template: string): MergeResult {
  const { conflict, result } = mergeDiff3(yours.split('\n'), base.split('\n'), template.split('\n'), {
    label: { a: 'yours', o: 'base (as generated)', b: 'template (new)' },
  });
  return { contents: result.join('\n'), conflict };
}

type Json = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Per key: the template's change where you kept the generated value, yours otherwise. */
function mergeRecord(base: Json, yours: Json, template: Json, nested: readonly string[]): Json {
  const result: Json = {};
  const keys = [...new Set([...Object.keys(yours), ...Object.keys(template)])];
  for (const key of keys) {
    const [b, y, t] = [base[key], yours[key], template[key]];
    if (nested.includes(key) && [b, y, t].every((value) => value === undefined || (typeof value === 'object' && !Array.isArray(value)))) {
      const merged = mergeRecord((b ?? {}) as Json, (y ?? {}) as Json, (t ?? {}) as Json, []);
      if (Object.keys(merged).length > 0 || y !== undefined) result[key] = merged;
      continue;
    }
    if (key in yours && !same(y, b)) result[key] = y; // yours changed (or added) it: kept
    else if (!(key in yours) && key in base && same(t, b)) continue; // you deleted it; the template did not change it
    else if (key in template) result[key] = t; // untouched by you, or changed by the template: the template's value
    // else: the template dropped a key you had not changed
  }
  return result;
}

const NESTED = ['scripts', 'dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'engines', 'allowScripts'];

export function mergePackageJson(base: string, yours: string, template: string): MergeResult {
  let parsed: [Json, Json, Json];
  try {
    parsed = [JSON.parse(base), JSON.parse(yours), JSON.parse(template)];
  } catch {
    return mergeText(base, yours, template);
  }
  const merged = mergeRecord(...parsed, NESTED);
  return { contents: `${JSON.stringify(merged, null, 2)}\n`, conflict: false };
}
