/**
 * Writes an update all or nothing. The new contents are staged first, in a folder made for this
 * run alone; a journal written in one rename is the commit point; then each staged file is renamed
 * into place. Ctrl-C and SIGTERM wait for the renames to finish. A run killed outright leaves the
 * journal, and the next `update` finishes the renames before anything else (journal.ts reads it
 * back as untrusted input). Ctrl-C or SIGTERM while files are staged discards them.
 */
import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withSignalsHeld } from '../io/signals.js';
import { writeFiles } from '../io/write-files.js';
import { refuseLinks, STATE_DIR } from '../io/confine.js';
import { JOURNAL_PATH, replayJournal, STAGED_FILES, STAGING_PREFIX, type Journal } from './journal.js';

export { STATE_DIR } from '../io/confine.js';

/**
 * Applies `writes` (path → contents, or `null` to delete) to the project in `dir`. A signal that
 * arrives while files are staged discards them and leaves the project untouched (CancelledError);
 * one that arrives after the commit point waits for the renames. Either way the signal is raised
 * again at the end.
 */
export function applyAtomically(dir: string, writes: ReadonlyMap<string, string | null>): Promise<void> {
  refuseLinks(dir, [STATE_DIR, JOURNAL_PATH, ...writes.keys()]);
  const stateDir = path.join(dir, STATE_DIR);
  // A first generation into an existing folder (--force) makes the state folder: a run stopped
  // before the commit point removes it again, so that the folder is left as it was.
  const madeStateDir = !lstatSync(stateDir, { throwIfNoEntry: false });
  if (madeStateDir) mkdirSync(stateDir);
  return withSignalsHeld(async (checkpoint) => {
    // A fresh name each run (never one that exists, never followed): see confine.ts.
    const staging = mkdtempSync(path.join(stateDir, STAGING_PREFIX));
    try {
      writeFiles(
        path.join(staging, STAGED_FILES),
        [...writes].filter((entry): entry is [string, string] => entry[1] !== null),
      );
      await checkpoint();
    } catch (error) {
      rmSync(madeStateDir ? stateDir : staging, { recursive: true, force: true });
      throw error;
    }
    const journal: Journal = { staging: path.basename(staging), operations: journalOrder([...writes]) };
    const pending = path.join(staging, 'journal.json');
    writeFileSync(pending, JSON.stringify(journal));
    renameSync(pending, path.join(dir, JOURNAL_PATH)); // the commit point
    replayJournal(dir, journal); // a signal that comes during the renames is raised once they are done
  });
}

/** Project files first, the record last: until its rename, the record in place is the one the journal started from. */
function journalOrder(writes: Array<[string, string | null]>): Journal['operations'] {
  const rank = (file: string) => (file === '.yo-rc.json' ? 2 : file.startsWith(`${STATE_DIR}/`) ? 1 : 0);
  return writes
    .map(([file, contents]): [string, boolean] => [file, contents !== null])
    .sort((a, b) => rank(a[0]) - rank(b[0]));
}
