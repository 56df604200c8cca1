/**
 * Writes a generated project all or nothing. A new folder is filled under a temporary name next
 * to it and renamed into place; an existing folder (empty, or with --force) takes the files
 * through the same journaled apply as `update`.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CognitoJwtApiError } from '../errors.js';
import { applyAtomically } from '../update/apply.js';
import { writeFiles } from '../write-files.js';

export async function writeProject(target: string, files: Iterable<[path: string, contents: string]>, isNew: boolean): Promise<void> {
  if (!isNew) {
    await applyAtomically(target, new Map(files));
    return;
  }
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.creating-${process.pid}`);
  const removeStaging = () => rmSync(staging, { recursive: true, force: true });
  // Ctrl-C or SIGTERM while writing: the half-written folder goes, the target never appears.
  const onSignal = (signal: NodeJS.Signals) => {
    removeStaging();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await writeFiles(staging, files);
    if (existsSync(target)) {
      throw new CognitoJwtApiError(`${target} appeared while the project was being written; nothing was written. Expected the folder to stay absent: check what created it, then run again.`);
    }
    renameSync(staging, target);
  } finally {
    removeStaging();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
