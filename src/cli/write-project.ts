/**
 * Writes a generated project all or nothing. A new folder is filled under a temporary name next
 * to it and renamed into place; an existing folder (empty, or with --force) takes the files
 * through the same journaled apply as `update`.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CognitoJwtApiError } from '../errors.js';
import { applyAtomically } from '../update/apply.js';

export async function writeProject(target: string, files: ReadonlyMap<string, string>, isNew: boolean): Promise<void> {
  if (!isNew) {
    await applyAtomically(target, files);
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
    for (const dir of new Set([...files.keys()].map((file) => path.dirname(path.join(staging, file))))) mkdirSync(dir, { recursive: true });
    // Written in parallel: on a slow file system each write costs about a millisecond.
    await Promise.all([...files].map(([file, contents]) => writeFile(path.join(staging, file), contents)));
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
