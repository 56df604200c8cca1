/**
 * src/fronts/cli/, a front (as are generators/app and src/fronts/projen): the command line.
 *
 * Its entry: routes to `update` or to project creation, and maps errors to exit codes.
 */
import nodeModule from 'node:module';
import { runCreate } from './create.js';
import { processIo, type Io } from './process-io.js';
import { reportError } from './report-error.js';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    if (argv[0] === 'update') {
      // `update` reads src/api.ts with the TypeScript parser, a 3.5 MB script: Node's own compile
      // cache (Node 22 and later; NODE_DISABLE_COMPILE_CACHE turns it off) spares compiling it again
      // on every run. The command line alone: a library's host process keeps its own settings.
      (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
      // `update` loads its merge code only when it runs.
      return await (await import('./update.js')).runUpdate(argv.slice(1), io);
    }
    return await runCreate(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}
