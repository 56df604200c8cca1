/**
 * What an update reports, for people and for bots: whether the dependencies change (the lock
 * file is then stale), the conflict blocks of each conflicted file, and the `--json` document
 * (its fields are described in docs/update.md, and bots read them: change them only together).
 */
import type { Ownership } from '../render/flavours.js';
import { PACKAGE_VERSION } from '../version.js';
import { conflictHunks } from './merge.js';
import { changes, type Action, type PlanEntry } from './plan.js';
import type { UpdateComputation } from './project.js';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies'] as const;

/** The dependency fields of a package.json, in a form that ignores key order; `undefined` when it is not JSON. */
function dependenciesOf(text: string | undefined): string | undefined {
  if (text === undefined) return JSON.stringify([]);
  try {
    const pkg = JSON.parse(text) as Record<string, unknown> | null;
    return JSON.stringify(
      DEPENDENCY_FIELDS.map((field) => {
        const group = pkg?.[field];
        return typeof group === 'object' && group !== null
          ? Object.entries(group).sort(([a], [b]) => (a < b ? -1 : 1))
          : [];
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Whether the plan changes package.json's dependencies or devDependencies, so that the lock
 * file no longer matches (`npm ci` refuses it) and an install must run. A package.json that is
 * not JSON on either side counts as a change when its text changes.
 */
export function dependenciesChange(plan: readonly PlanEntry[]): boolean {
  const pkg = changes(plan).find((entry) => entry.path === 'package.json');
  if (!pkg || pkg.result === null) return false;
  const [now, next] = [dependenciesOf(pkg.current), dependenciesOf(pkg.result)];
  return now === undefined || next === undefined || now !== next;
}

/** The conflict blocks of each conflicted file, as the update leaves it (or, with --check, would). */
export function conflictHunksOf(update: Pick<UpdateComputation, 'plan' | 'conflicts'>): UpdateReport['conflictHunks'] {
  return update.conflicts.map((file) => {
    const entry = update.plan.find((candidate) => candidate.path === file);
    const text = entry?.action === 'conflict' ? entry.result : entry?.current;
    return { path: file, hunks: conflictHunks(text ?? '') };
  });
}

/** The document `update --json` prints. */
export interface UpdateReport {
  /** The tool version recorded in the project before this run. */
  from: string;
  /** The version of the tool running. */
  to: string;
  /** Nothing would change. */
  current: boolean;
  /** This run wrote files (never with --check or --dry-run). */
  written: boolean;
  /** package.json's dependencies or devDependencies change: the lock file is stale until an install. */
  installNeeded: boolean;
  /** Files with conflict markers after the update: new ones and earlier unresolved ones. */
  conflicts: string[];
  conflictHunks: Array<{ path: string; hunks: string[] }>;
  notes: string[];
  /** What happens to each file, and why; files already current are left out. */
  plan: Array<{ path: string; action: Exclude<Action, 'unchanged'>; reason: string; ownership: Ownership }>;
}

export function updateReport(update: UpdateComputation, written: boolean, notes = update.notes): UpdateReport {
  return {
    from: update.fromVersion,
    to: PACKAGE_VERSION,
    current: changes(update.plan).length === 0,
    written,
    installNeeded: dependenciesChange(update.plan),
    conflicts: update.conflicts,
    conflictHunks: conflictHunksOf(update),
    notes,
    plan: update.plan.flatMap(({ path, action, reason, ownership }) =>
      action === 'unchanged' ? [] : [{ path, action, reason, ownership }],
    ),
  };
}
