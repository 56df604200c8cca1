/**
 * The update plan: for every file the old or the new template generates, what happens and why.
 * Pure: inputs are the base (what the recorded version generated), the files on disk and the
 * new render; nothing here reads or writes.
 */
import type { Ownership } from '../render/flavours.js';
import type { RenderedFile } from '../render/render-project.js';
import { mergePackageJson, mergeText } from './merge.js';
import { alignQuotes } from './requote.js';
import { hasHash } from './hash.js';

export type Action = 'add' | 'update' | 'merge' | 'conflict' | 'keep' | 'delete' | 'stay-deleted' | 'unchanged';

export interface PlanEntry {
  path: string;
  action: Action;
  reason: string;
  ownership: Ownership;
  /** What the file becomes: contents to write, `null` to delete, absent to leave as it is. */
  result?: string | null;
  /** The file as it is now, for diffs. */
  current?: string;
}

export interface PlanInput {
  /** Contents as the recorded version generated them (the merge base), where known. */
  base: ReadonlyMap<string, string>;
  /** The manifest: every file generated before, with its hash as generated and its ownership. */
  recorded: Readonly<Record<string, { hash: string; ownership: Ownership }>>;
  next: readonly RenderedFile[];
  /** A file's contents on disk, or `undefined` when it is not there. */
  read: (path: string) => string | undefined;
}

export function planUpdate({ base, recorded, next, read }: PlanInput): PlanEntry[] {
  const nextByPath = new Map(next.map((file) => [file.path, file]));
  const paths = [...new Set([...base.keys(), ...Object.keys(recorded), ...nextByPath.keys()])].sort();
  return paths.map((path) => {
    const current = read(path);
    const ownership = nextByPath.get(path)?.ownership ?? recorded[path]?.ownership ?? 'managed';
    const n = nextByPath.get(path)?.contents;
    // Without the stored base, the recorded hash still tells the base: the file on disk is
    // untouched when it has that hash, and the template unchanged when the new output has it.
    const known = recorded[path]?.hash;
    const b =
      base.get(path) ??
      [current, n].find((contents) => contents !== undefined && known !== undefined && hasHash(contents, known));
    const entry = decide(path, b, current, n, ownership, path in recorded);
    return { path, ownership, current, ...entry };
  });
}

type Decision = Pick<PlanEntry, 'action' | 'reason' | 'result'>;

/** `generatedBefore` matters only without a base (`b`): the manifest lists the file, its contents are unknown. */
function decide(
  path: string,
  b: string | undefined,
  current: string | undefined,
  n: string | undefined,
  ownership: Ownership,
  generatedBefore: boolean,
): Decision {
  const merge = (against: string): Decision => {
    const {
      contents,
      conflict,
      notes = [],
    } = path === 'package.json'
      ? mergePackageJson(against, current!, n!)
      : mergeText(...alignQuotes(path, against, current!, n!), n!);
    if (conflict)
      return {
        action: 'conflict',
        reason: 'you and the template both changed it: conflicts marked in the file',
        result: contents,
      };
    return {
      action: 'merge',
      reason: ['you and the template both changed it: merged', ...notes].join('; '),
      result: contents,
    };
  };
  if (b === undefined) {
    // No base: every difference counts as both sides' change.
    if (n === undefined) {
      if (generatedBefore && current !== undefined)
        return { action: 'keep', reason: 'dropped by the template; kept, as whether you edited it is unknown' };
      return { action: 'unchanged', reason: 'not generated' };
    }
    if (current === undefined) return { action: 'add', reason: 'new in the template', result: n };
    if (current === n) return { action: 'unchanged', reason: 'already current' };
    if (ownership === 'sample')
      return {
        action: 'keep',
        reason: generatedBefore
          ? 'sample file: yours'
          : 'a file of yours has the name of a new sample file: yours kept',
      };
    return merge('');
  }
  if (n === undefined) {
    if (current === undefined) return { action: 'unchanged', reason: 'dropped by the template and already gone' };
    if (current === b) return { action: 'delete', reason: 'dropped by the template, untouched by you', result: null };
    return { action: 'keep', reason: 'dropped by the template, but you edited it: kept' };
  }
  if (current === undefined) {
    return {
      action: 'stay-deleted',
      reason:
        n === b
          ? 'you deleted it: it stays deleted'
          : 'you deleted it: it stays deleted, though the template changed it',
    };
  }
  if (current === n) return { action: 'unchanged', reason: 'already current' };
  if (ownership === 'sample') {
    return {
      action: 'keep',
      reason:
        n === b
          ? 'sample file: yours'
          : 'sample file: yours, though the template changed it (see its diff with --dry-run)',
    };
  }
  if (current === b) return { action: 'update', reason: 'untouched by you: replaced by the new output', result: n };
  if (n === b) return { action: 'keep', reason: 'changed by you, not by the template: kept' };
  return merge(b);
}

/** Entries that change something on disk. */
export const changes = (plan: readonly PlanEntry[]) =>
  plan.filter((entry) => entry.result !== undefined && entry.result !== entry.current);
