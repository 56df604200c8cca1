/**
 * What a run of the command line reads and writes: its output lines, environment, working folder
 * and whether it may prompt. The commands take an Io, so that tests run them in-process.
 */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdinIsTty: boolean;
}

export const processIo: Io = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
  cwd: process.cwd(),
  // Asked only when a run may prompt: creating process.stdin loads Node's stream and file code.
  get stdinIsTty() {
    return Boolean(process.stdin.isTTY);
  },
};
