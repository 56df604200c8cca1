/**
 * What a run of the command line reads and writes: its output lines, environment, working folder
 * and whether it may prompt. The commands take an Io, so that tests run them in-process.
 */
import { writeSync } from 'node:fs';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdinIsTty: boolean;
  /** The terminal's width, when standard output is one; help text is wrapped to it. */
  columns?: number;
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
    // A reader that goes away later gets nothing more either, and the run goes on.
    stream().on('error', (streamError: NodeJS.ErrnoException) => {
      if (streamError.code !== 'EPIPE') throw streamError;
    });
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
  // Asked only for --help: creating process.stdout for a pipe loads Node's socket code.
  get columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },
};
