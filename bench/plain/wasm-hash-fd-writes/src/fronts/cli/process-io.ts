/**
 * What a run of the command line reads and writes: its output lines, environment, working folder
 * and whether it may prompt. The commands take an Io, so that tests run them in-process. Lines go
 * through the console, which keeps their order.
 */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdinIsTty: boolean;
  /** The terminal's width, when standard output is one; help text is wrapped to it. */
  columns?: number;
}

const listening = new Set<'stdout' | 'stderr'>();

/** Prints a line; a reader that has gone away (`... | head -1`) gets nothing more, and the run goes on. */
function print(stream: 'stdout' | 'stderr', text: string): void {
  if (!listening.has(stream)) {
    process[stream].on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    listening.add(stream);
  }
  if (stream === 'stdout') console.log(text);
  else console.error(text);
}

export const processIo: Io = {
  out: (text) => print('stdout', text),
  err: (text) => print('stderr', text),
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
