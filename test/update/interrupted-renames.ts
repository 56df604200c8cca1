/**
 * Run by interrupt.test.ts: applies an update to the folder given as the argument, sending itself
 * SIGTERM at the commit point (as a Ctrl-C during the renames would arrive).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const rename = fs.renameSync;
fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
  if (String(to).endsWith('update-journal.json')) process.kill(process.pid, 'SIGTERM');
  rename(from, to);
};
syncBuiltinESMExports();

const { applyAtomically } = await import('../../src/update/apply.js');
await applyAtomically(
  process.argv[2]!,
  new Map([
    ['a.txt', 'A'],
    ['nested/b.txt', 'B'],
  ]),
);
console.log('finished without the signal');
