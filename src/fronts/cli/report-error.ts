/** How the command line reports an error: our errors' messages, a stack only for a bug; and its exit code. */
import { CancelledError, CognitoJwtApiError, FileSystemError } from '../../errors.js';
import type { Io } from './process-io.js';

/** Whether the user stopped the run (Ctrl-C at a prompt, or Cancel chosen). */
export function isCancel(error: unknown): boolean {
  return (
    error instanceof CancelledError ||
    (error instanceof Error && ['ExitPromptError', 'AbortPromptError'].includes(error.name))
  );
}

/** Prints an error and returns its exit code. */
export function reportError(error: unknown, io: Io): number {
  if (isCancel(error)) {
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
