/**
 * Writes a generated project all or nothing. A new folder is filled under a fresh temporary name
 * next to it (made by mkdtemp: never one that exists, so never one planted there) and renamed
 * into place (the folders above it that are missing are made first, and go again if it fails); an
 * existing folder (empty, or with --force) takes the files
 * through the same journaled apply as `update`.
 */
import { lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CognitoJwtApiError } from '../../errors.js';
import { withSignalsHeld } from '../../io/signals.js';
import { applyAtomically } from '../../update/apply.js';
import { writeFiles } from '../../io/write-files.js';

/**
 * Ctrl-C or SIGTERM before the rename: the half-written folder goes, the target never appears
 * (CancelledError); after it, the project is complete. Either way the signal then ends the process.
 */
export async function writeProject(
  target: string,
  files: Iterable<[path: string, contents: string]>,
  isNew: boolean,
): Promise<void> {
  if (!isNew) return applyAtomically(target, new Map(files));
  await withSignalsHeld(async (checkpoint) => {
    // The first folder made, when any was missing: what a failed run removes again.
    const madeAbove = mkdirSync(path.dirname(target), { recursive: true });
    const staging = mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.creating-`));
    try {
      writeFiles(staging, files);
      await checkpoint();
      if (lstatSync(target, { throwIfNoEntry: false })) {
        throw new CognitoJwtApiError(
          `${target} appeared while the project was being written; nothing was written. Expected the folder to ` +
            `stay absent: check what created it, then run again.`,
        );
      }
      renameSync(staging, target);
    } catch (error) {
      rmSync(madeAbove ?? staging, { recursive: true, force: true });
      throw error;
    }
  });
}
