/**
 * The built CLI at a real terminal: a pseudo-terminal (node-pty) runs it, and a test types into
 * it as a person would and reads the screen. Waits are on expected text, never on time alone.
 */
import { spawn, type IPty } from '@lydell/node-pty';
import { onTestFinished } from 'vitest';
import { BIN } from '../../demo/service.js';
import { cleanEnv } from './exec.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\x1b[B', backspace: '\x7f', ctrlC: '\x03' } as const;

/** Terminal control sequences (colours, cursor moves, line clears): the screen is read without them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: each sequence starts with ESC.
const CONTROL = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]|\r/g;

export class Terminal {
  private output = '';
  /** Where the last text waited for ended: the next wait looks after it. */
  private seen = 0;
  private readonly pty: IPty;
  readonly exited: Promise<number>;

  constructor(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }) {
    this.pty = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      // Wide: the prompt library breaks lines at the terminal's width, and long messages are waited for whole.
      cols: 1000,
      rows: 40,
      env: cleanEnv({
        CI: undefined,
        npm_config_user_agent: undefined,
        NO_COLOR: '1',
        TERM: 'xterm',
        ...options.env,
      }) as {
        [key: string]: string;
      },
    });
    this.pty.onData((data) => {
      this.output += data;
    });
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
    onTestFinished(async () => {
      try {
        this.pty.kill();
      } catch {
        // already gone
      }
    });
  }

  /** Everything shown so far, without control sequences. */
  get screen(): string {
    return this.output.replace(CONTROL, '');
  }

  /** Waits until the screen shows `text` after the text waited for before. */
  async waitFor(text: string, timeoutMs = 20_000): Promise<void> {
    for (let waited = 0; ; waited += 25) {
      const index = this.screen.indexOf(text, this.seen);
      if (index !== -1) {
        this.seen = index + text.length;
        return;
      }
      if (waited > timeoutMs) throw new Error(`"${text}" never appeared; the screen showed:\n${this.screen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Types keys one at a time, as a person does (a burst would read as pasted text). */
  async type(...keys: string[]): Promise<void> {
    for (const key of keys) {
      for (const char of Object.values(KEY).includes(key as never) ? [key] : key) {
        this.pty.write(char);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  /** Waits for a question, then answers it: `keys` typed, then Enter. */
  async answer(question: string, ...keys: string[]): Promise<void> {
    await this.waitFor(question);
    await this.type(...keys, KEY.enter);
  }

  /** Waits for the run to end; its exit code. */
  async exitCode(timeoutMs = 30_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the run did not end; the screen showed:\n${this.screen}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
