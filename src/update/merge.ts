/**
 * Three-way merges: text files line by line with diff3-style conflict markers, package.json
 * field by field (template bumps applied, the user's own dependencies and scripts kept, and
 * what the user removed left removed).
 */
import { mergeDiff3 } from 'node-diff3';

export interface MergeResult {
  contents: string;
  conflict: boolean;
  /** What the merge kept of yours against the template's wish, for the plan to report. */
  notes?: string[];
}

export const CONFLICT_MARKER = /^(<<<<<<< |\|\|\|\|\|\|\| |=======$|>>>>>>> )/m;

/**
 * The conflict blocks of `text`, each from its `<<<<<<< ` line to its `>>>>>>> ` line, both
 * included, with a final newline (a block left open runs to the end of the text).
 */
export function conflictHunks(text: string): string[] {
  const hunks: string[] = [];
  let open: string[] | undefined;
  for (const line of text.split('\n')) {
    if (open === undefined && line.startsWith('<<<<<<< ')) open = [];
    if (open === undefined) continue;
    open.push(line);
    if (line.startsWith('>>>>>>> ')) {
      hunks.push(`${open.join('\n')}\n`);
      open = undefined;
    }
  }
  if (open !== undefined) hunks.push(`${open.join('\n').replace(/\n*$/, '')}\n`);
  return hunks;
}

/** Merges line by line; a final newline is the last, empty line, so it merges like any other. */
export function mergeText(base: string, yours: string, template: string): MergeResult {
  const { conflict, result } = mergeDiff3(yours.split('\n'), base.split('\n'), template.split('\n'), {
    label: { a: 'yours', o: 'base (as generated)', b: 'template (new)' },
  });
  return { contents: result.join('\n'), conflict };
}

type Json = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Groups whose keys are package names: a note names the package alone. */
const DEPENDENCY_GROUPS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Per key: the template's change where you kept the generated value, yours otherwise. A key you
 * deleted stays deleted, even when the template changes its value (a bumped range must not bring
 * back a dependency you removed); `notes` gets one line for each such key.
 */
function mergeRecord(
  base: Json,
  yours: Json,
  template: Json,
  nested: readonly string[],
  notes: string[],
  group?: string,
): Json {
  const result: Json = {};
  const keys = [...new Set([...Object.keys(yours), ...Object.keys(template)])];
  for (const key of keys) {
    const [b, y, t] = [base[key], yours[key], template[key]];
    if (
      nested.includes(key) &&
      [b, y, t].every((value) => value === undefined || (typeof value === 'object' && !Array.isArray(value)))
    ) {
      if (y === undefined && b !== undefined) {
        keptRemoved(key, t, b, notes);
        continue;
      }
      const merged = mergeRecord((b ?? {}) as Json, (y ?? {}) as Json, (t ?? {}) as Json, [], notes, key);
      if (Object.keys(merged).length > 0 || y !== undefined) result[key] = merged;
      continue;
    }
    if (key in yours && !same(y, b))
      result[key] = y; // yours changed (or added) it: kept
    else if (!(key in yours) && key in base)
      // you deleted it: stays deleted
      keptRemoved(group === undefined || DEPENDENCY_GROUPS.includes(group) ? key : `${group}.${key}`, t, b, notes);
    else if (key in template) result[key] = t; // untouched by you, or changed by the template: the template's value
    // else: the template dropped a key you had not changed
  }
  return result;
}

/** Notes a key you deleted that the template still has and changed. */
function keptRemoved(name: string, template: unknown, base: unknown, notes: string[]): void {
  if (template === undefined || same(template, base)) return;
  notes.push(
    `kept removed: ${name} (template now wants ` +
      `${typeof template === 'string' && !/\s/.test(template) ? template : JSON.stringify(template)})`,
  );
}

const NESTED = [
  'scripts',
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
  'engines',
  'allowScripts',
];

export function mergePackageJson(base: string, yours: string, template: string): MergeResult {
  let parsed: [Json, Json, Json];
  try {
    parsed = [JSON.parse(base), JSON.parse(yours), JSON.parse(template)];
  } catch {
    return mergeText(base, yours, template);
  }
  const notes: string[] = [];
  const merged = mergeRecord(...parsed, NESTED, notes);
  return { contents: `${JSON.stringify(merged, null, 2)}\n`, conflict: false, notes };
}
