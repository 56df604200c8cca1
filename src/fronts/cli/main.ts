/** The command line's entry: routes to `update` or to project creation, and maps errors to exit codes. */
import { writeSync } from 'node:fs';
import { CancelledError, CognitoJwtApiError, FileSystemError } from '../../errors.js';
import { runCreate } from './create.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdinIsTty: boolean;
}

/** Descriptors whose output goes through Node's stream from now on, so that lines keep their order. */
const throughStream = new Set<number>(process.platform === 'win32' ? [1, 2] : []);

/**
 * Writes a line to standard output or error through its file descriptor: creating process.stdout
 * for a pipe loads Node's socket code, which takes longer than the rest of a run's output. A pipe
 * in non-blocking mode that is full (EAGAIN) gets the rest through the stream, and so does every
 * later line; a reader that has gone away (EPIPE) gets nothing. On Windows the streams convert
 * UTF-8 for the console, so they are always used there.
 */
export function writeLine(fd: 1 | 2, text: string): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (throughStream.has(fd)) {
    stream().write(`${text}\n`);
    return;
  }
  const bytes = Buffer.from(`${text}\n`);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    throughStream.add(fd);
    stream().write(bytes.subarray(written));
  }
}

export const processIo: Io = {
  out: (text) => writeLine(1, text),
  err: (text) => writeLine(2, text),
  env: process.env,
  cwd: process.cwd(),
  // Asked only when a run may prompt: creating process.stdin loads Node's stream and file code.
  get stdinIsTty() {
    return Boolean(process.stdin.isTTY);
  },
};

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
  if (error instanceof CancelledError || (error instanceof Error && ['ExitPromptError', 'AbortPromptError'].includes(error.name))) {
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
