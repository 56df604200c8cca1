/**
 * Writes files below a folder in parallel (on a slow file system each write costs about a
 * millisecond), through the callback API: loading node:fs/promises costs more than the writes.
 * Each write starts as soon as `files` yields it. Settles only when every write has finished, so
 * that a caller can remove the folder after a failure.
 */
import { mkdirSync, writeFile } from 'node:fs';
import path from 'node:path';

export async function writeFiles(root: string, files: Iterable<readonly [path: string, contents: string]>): Promise<void> {
  const folders = new Set<string>();
  const writes: Promise<void>[] = [];
  let failure: { reason: unknown } | undefined;
  try {
    for (const [file, contents] of files) {
      const target = path.join(root, file);
      const folder = path.dirname(target);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      writes.push(new Promise<void>((resolve, reject) => writeFile(target, contents, (error) => (error ? reject(error) : resolve()))));
    }
  } catch (reason) {
    failure = { reason }; // from `files` or a folder: the writes already started still finish first
  }
  const results = await Promise.allSettled(writes);
  const failed = failure ?? results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
