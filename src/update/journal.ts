/**
 * The update journal: the list of renames and deletes an update committed to. A run killed
 * outright leaves it for the next `update` to finish. Read back, it is untrusted input (a cloned
 * repository can hold one): its shape, its staging folder and every path are checked before any
 * use, and the caller replays it only in a folder whose record it could read (project.ts).
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UpdateError } from '../errors.js';
import { checkProjectPath, LinkGuard, refuseLinks, STATE_DIR } from '../io/confine.js';

export const JOURNAL_PATH = `${STATE_DIR}/update-journal.json`;
/** Staging folders are `<STATE_DIR>/staging-XXXXXX`, made with mkdtemp; staged files go in `files/` there. */
export const STAGING_PREFIX = 'staging-';
export const STAGED_FILES = 'files';
const STAGING_NAME = /^staging-[A-Za-z0-9]{6}$/;
/** The state files an update writes beside the project's own. */
const JOURNALED_STATE_FILES = [`${STATE_DIR}/pristine.json`];

export interface Journal {
  /** The staging folder's name in STATE_DIR. */
  staging: string;
  /** Relative paths: staged to write (`true`) or to delete (`false`). */
  operations: Array<[path: string, write: boolean]>;
}

function unreadable(detail: string): UpdateError {
  return new UpdateError(
    `${JOURNAL_PATH} (left by an interrupted update) ${detail}. Expected a journal this tool wrote: check the ` +
      `project ` +
      `with git status, then remove ${STATE_DIR}/update-journal.json and ${STATE_DIR}/${STAGING_PREFIX}* and run ` +
      `update again. Nothing was changed.`,
  );
}

/** The journal in `dir`, checked; `undefined` when there is none. */
export function readJournal(dir: string): Journal | undefined {
  refuseLinks(dir, [JOURNAL_PATH]);
  const file = path.join(dir, JOURNAL_PATH);
  if (!lstatSync(file, { throwIfNoEntry: false })) return undefined;
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw unreadable('cannot be read as JSON');
  }
  const { staging, operations } = (journal ?? {}) as Record<string, unknown>;
  if (typeof staging !== 'string' || !STAGING_NAME.test(staging))
    throw unreadable(`names no staging folder of this tool's (${JSON.stringify(staging)})`);
  if (
    !Array.isArray(operations) ||
    !operations.every((op) => Array.isArray(op) && op.length === 2 && typeof op[1] === 'boolean')
  ) {
    throw unreadable('holds no list of [path, write] operations');
  }
  for (const [target] of operations as Array<[unknown, boolean]>)
    checkProjectPath(JOURNAL_PATH, target, JOURNALED_STATE_FILES);
  const checked: Journal = { staging, operations: operations as Journal['operations'] };
  // Staged files are read through the staging folder: no link on the way there either.
  refuseLinks(dir, [`${STATE_DIR}/${staging}/${STAGED_FILES}`]);
  new LinkGuard(path.join(dir, STATE_DIR, staging, STAGED_FILES)).check(
    checked.operations.filter(([, write]) => write).map(([target]) => target),
  );
  refuseLinks(
    dir,
    checked.operations.map(([target]) => target),
  );
  return checked;
}

/** Carries out a checked journal's renames and deletes, then removes it and its staging folder. */
export function replayJournal(dir: string, journal: Journal): void {
  const staging = path.join(dir, STATE_DIR, journal.staging);
  for (const [file, write] of journal.operations) {
    const target = path.join(dir, file);
    if (!write) {
      rmSync(target, { force: true });
      continue;
    }
    const staged = path.join(staging, STAGED_FILES, file);
    if (!lstatSync(staged, { throwIfNoEntry: false })) continue; // renamed before the run was killed
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(staged, target);
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(path.join(dir, JOURNAL_PATH), { force: true });
}

/** Removes the staging folders of runs killed before their commit point (they never touched the project). */
export function removeUncommittedStaging(dir: string): void {
  refuseLinks(dir, [STATE_DIR]);
  const stateDir = path.join(dir, STATE_DIR);
  const entries = lstatSync(stateDir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(stateDir) : [];
  for (const entry of entries) {
    if (STAGING_NAME.test(entry)) rmSync(path.join(stateDir, entry), { recursive: true, force: true });
  }
}
