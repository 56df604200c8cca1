/**
 * The built CLI at a real terminal: `script` gives it a pseudo-terminal, and the test types
 * into it as a user would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, readText, tempDir } from '../helpers/cli.js';
import { startRequestTrap, startTestCognito, type TestCognito } from '../helpers/cognito.js';
import { cleanEnv } from '../helpers/exec.js';

/** The question that offers the check against AWS to a signed-in user. */
const VERIFY_QUESTION = 'Check these against your AWS account?';

class Terminal {
  private output = '';
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;

  constructor(args: string[], cwd: string, env: Record<string, string> = {}) {
    const command = [process.execPath, BIN, ...args].map((arg) => `'${arg}'`).join(' ');
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: cleanEnv({ CI: undefined, NO_COLOR: '1', TERM: 'xterm', ...env }),
    });
    this.child.stdout.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
  }

  /** Waits until the screen shows `text` after everything seen so far. */
  async waitFor(text: string, from = 0): Promise<number> {
    for (let waited = 0; waited < 20_000; waited += 50) {
      const index = this.output.indexOf(text, from);
      if (index !== -1) return index + text.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`"${text}" never appeared; the screen showed:\n${this.output}`);
  }

  /** Types one key at a time, as a person does (a burst would read as pasted text). */
  async type(keys: string): Promise<void> {
    for (const key of keys) {
      this.child.stdin.write(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  get screen(): string {
    return this.output;
  }
}

describe('interactive CLI', () => {
  it("asks for missing answers, re-asks an invalid one with the rule's message, and generates", async () => {
    const cwd = tempDir();
    const terminal = new Terminal(['svc', '--skip-install', '--client-id', 'abc'], cwd);
    let seen = await terminal.waitFor('Package name');
    await terminal.type('\r');
    seen = await terminal.waitFor('AWS region', seen);
    await terminal.type('useast1\r');
    seen = await terminal.waitFor('is not an AWS region code', seen);
    await terminal.type(`${'\x7f'.repeat('useast1'.length)}eu-west-1\r`);
    seen = await terminal.waitFor('user pool ID', seen);
    await terminal.type('eu-west-1_AbCdEfGhI\r');
    seen = await terminal.waitFor('browser origins', seen);
    await terminal.type('https://app.example.com/\r');
    seen = await terminal.waitFor('OAuth scopes', seen);
    await terminal.type('\r');
    seen = await terminal.waitFor('Infrastructure as code', seen);
    await terminal.type('\r');
    seen = await terminal.waitFor('Lambda runtime', seen);
    await terminal.type('\r');
    expect(await terminal.exited, terminal.screen).toBe(0);
    const api = readText(path.join(cwd, 'svc', 'src/api.ts'));
    expect(api).toContain("export const region = 'eu-west-1';");
    expect(api).toContain("allowOrigins: ['https://app.example.com']");
  });

  it('exits 130 on Ctrl-C at a prompt, without a stack trace and without the new folder', async () => {
    const cwd = tempDir();
    const terminal = new Terminal(['svc', '--skip-install'], cwd);
    await terminal.waitFor('Package name');
    await terminal.type('\x03');
    expect(await terminal.exited).toBe(130);
    expect(terminal.screen).toContain('Cancelled. Nothing was written.');
    expect(terminal.screen).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(cwd, 'svc'))).toBe(false);
  });

  describe('signed in to AWS', () => {
    const POOL = 'eu-west-1_Term1';
    const FLAGS = [
      'svc',
      '--skip-install',
      '--name',
      'svc',
      '--region',
      'eu-west-1',
      '--user-pool-id',
      POOL,
      '--client-id',
      'termclient',
      '--origins',
      'https://app.example.com',
    ];
    let cognito: TestCognito;
    beforeAll(async () => {
      cognito = await startTestCognito([
        { id: POOL, name: 'users', clients: [{ clientId: 'termclient', name: 'web' }] },
      ]);
    });
    afterAll(() => cognito?.stop());

    /** Takes the defaults of the optional questions, then returns what the screen shows next. */
    async function pastOptionalQuestions(terminal: Terminal): Promise<number> {
      let seen = 0;
      for (const question of ['OAuth scopes', 'Infrastructure as code', 'Lambda runtime']) {
        seen = await terminal.waitFor(question, seen);
        await terminal.type('\r');
      }
      return seen;
    }

    it('offers the check against AWS', async () => {
      const cwd = tempDir();
      const terminal = new Terminal(FLAGS, cwd, cognito.envFor(POOL));
      const seen = await pastOptionalQuestions(terminal);
      await terminal.waitFor(VERIFY_QUESTION, seen);
      await terminal.type('n\r');
      expect(await terminal.exited, terminal.screen).toBe(0);
      expect(existsSync(path.join(cwd, 'svc', 'src/api.ts'))).toBe(true);
    });

    it('with --verify=false, neither asks about AWS nor checks', async () => {
      const cwd = tempDir();
      // Cognito's endpoint is a trap that counts requests: the run must send none.
      const trap = await startRequestTrap();
      try {
        const terminal = new Terminal([...FLAGS, '--verify=false'], cwd, {
          ...cognito.envFor(POOL),
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: trap.endpoint,
        });
        await pastOptionalQuestions(terminal);
        expect(await terminal.exited, terminal.screen).toBe(0);
        expect(terminal.screen).not.toContain(VERIFY_QUESTION);
        expect(terminal.screen).not.toMatch(/ok +user pool/);
        expect(existsSync(path.join(cwd, 'svc', 'src/api.ts'))).toBe(true);
        expect(trap.requests()).toBe(0);
      } finally {
        trap.stop();
      }
    });
  });

  it('asks for the folder when none is given, again while the folder given cannot be used', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'taken'));
    writeFileSync(path.join(cwd, 'taken', 'notes.txt'), 'mine');
    const terminal = new Terminal(['--skip-install'], cwd);
    const seen = await terminal.waitFor('Project folder');
    await terminal.type('taken\r');
    await terminal.waitFor('is not empty', seen);
    await terminal.type('\x03');
    expect(await terminal.exited).toBe(130);
  });
});
