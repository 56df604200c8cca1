/**
 * src/fronts/cli/, a front (as are generators/app and src/fronts/projen): the command line.
 *
 * Its entry: routes to `update` or to project creation, and maps errors to exit codes.
 */
import { runCreate } from './create.js';
import { processIo, type Io } from './process-io.js';
import { reportError } from './report-error.js';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    // `update` loads its merge code only when it runs.
    if (argv[0] === 'update') return await (await import('./update.js')).runUpdate(argv.slice(1), io);
    return await runCreate(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}
