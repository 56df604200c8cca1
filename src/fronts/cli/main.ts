/**
 * src/fronts/cli/, a front (as are generators/app and src/fronts/projen): the command line.
 *
 * Its entry: routes to `update` or to project creation, and maps errors to exit codes.
 */
import { CancelledError, CognitoJwtApiError, FileSystemError } from '../../errors.js';
import { runCreate } from './create.js';
import { processIo, type Io } from './process-io.js';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    // `update` loads its merge code only when it runs.
    if (argv[0] === 'update') return await (await import('./update.js')).runUpdate(argv.slice(1), io);
    return await runCreate(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** Prints an error and returns its exit code: our errors' messages, a stack only for a bug. */
function reportError(error: unknown, io: Io): number {
  if (
    error instanceof CancelledError ||
    (error instanceof Error && ['ExitPromptError', 'AbortPromptError'].includes(error.name))
  ) {
    io.err(new CancelledError().message);
    return 130;
  }
  const expected = error instanceof CognitoJwtApiError ? error : FileSystemError.from(error);
  if (expected) {
    io.err(expected.message);
    return expected.exitCode;
  }
  io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}
