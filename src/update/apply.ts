/**
 * Writes an update all or nothing. The new contents are staged first; a journal written in one
 * rename is the commit point; then each staged file is renamed into place. Ctrl-C and SIGTERM
 * wait for the renames to finish. A run killed outright leaves the journal, and the next
 * `update` finishes the renames before anything else. Ctrl-C or SIGTERM while files are staged
 * discards them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UpdateError } from '../errors.js';
import { withSignalsHeld } from '../signals.js';
import { writeFiles } from '../write-files.js';

/** Where a generated project keeps its merge base and an update in progress. */
export const STATE_DIR = '.cognito-jwt-api';
const JOURNAL = path.join(STATE_DIR, 'update-journal.json');
const STAGING = path.join(STATE_DIR, 'staging');

interface Journal {
  /** Relative paths: staged to write (`true`) or to delete (`false`). */
  operations: Array<[path: string, write: boolean]>;
}

/**
 * Applies `writes` (path → contents, or `null` to delete) to the project in `dir`. A signal that
 * arrives while files are staged discards them and leaves the project untouched (CancelledError);
 * one that arrives after the commit point waits for the renames. Either way the signal is raised
 * again at the end.
 */
export function applyAtomically(dir: string, writes: ReadonlyMap<string, string | null>): Promise<void> {
  const staging = path.join(dir, STAGING);
  // A first generation into an existing folder (--force) makes the state folder: a run stopped
  // before the commit point removes it again, so that the folder is left as it was.
  const state = existsSync(path.join(dir, STATE_DIR)) ? undefined : path.join(dir, STATE_DIR);
  return withSignalsHeld(async (checkpoint) => {
    rmSync(staging, { recursive: true, force: true });
    try {
      writeFiles(staging, [...writes].filter((entry): entry is [string, string] => entry[1] !== null));
      await checkpoint();
    } catch (error) {
      rmSync(state ?? staging, { recursive: true, force: true });
      throw error;
    }
    const journal: Journal = { operations: [...writes].map(([file, contents]) => [file, contents !== null]) };
    const pending = path.join(dir, `${JOURNAL}.tmp`);
    writeFileSync(pending, JSON.stringify(journal));
    renameSync(pending, path.join(dir, JOURNAL)); // the commit point
    finishJournal(dir); // a signal that comes during the renames is raised once they are done
  });
}

/** Completes an update a killed run committed; returns whether there was one. */
export function finishJournal(dir: string): boolean {
  const journalPath = path.join(dir, JOURNAL);
  if (!existsSync(journalPath)) {
    // Staged but never committed: the project was not touched.
    rmSync(path.join(dir, STAGING), { recursive: true, force: true });
    rmSync(`${journalPath}.tmp`, { force: true });
    return false;
  }
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  } catch {
    throw new UpdateError(
      `${journalPath} (left by an interrupted update) cannot be read. Expected a complete journal: check the project with git status, then delete ${JOURNAL} and ${STAGING} and run update again.`,
    );
  }
  for (const [file, write] of journal.operations) {
    const target = path.join(dir, file);
    if (!write) {
      rmSync(target, { force: true });
      continue;
    }
    const staged = path.join(dir, STAGING, file);
    if (!existsSync(staged)) continue; // renamed before the run was killed
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(staged, target);
  }
  rmSync(path.join(dir, STAGING), { recursive: true, force: true });
  rmSync(journalPath, { force: true });
  return true;
}
