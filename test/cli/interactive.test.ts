/**
 * The built CLI at a real terminal (test/helpers/terminal.ts): a person's first runs, typed key by
 * key, and what they leave on the screen and on disk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, readText, tempDir } from '../helpers/cli.js';
import {
  NO_AWS,
  refusingEndpoint,
  startDenyingCognito,
  startRequestTrap,
  startTestCognito,
  type TestCognito,
} from '../helpers/cognito.js';
import { cleanEnv } from '../helpers/exec.js';
import { KEY, Terminal } from '../helpers/terminal.js';

/** Credentials and a region for a Cognito at `endpoint`. */
const awsAt = (endpoint: string) => ({
  ...NO_AWS,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: 'eu-west-1',
});
const CHECK_QUESTION = 'Check these against your AWS account?';
const RERUN = 'To run again with the answers given so far, without questions:';

/** Answers the questions after the client id with their defaults (or `origins`). */
async function answerTheRest(terminal: Terminal, origins = 'https://app.example.com'): Promise<void> {
  await terminal.answer('Production browser origins', origins);
  await terminal.answer('Dev browser origins');
  await terminal.answer('OAuth scopes');
  await terminal.answer('Infrastructure as code');
}

/** The command a stopped run printed, run as printed (the tool's name standing for the built CLI). */
function runPrinted(terminal: Terminal, cwd: string): string {
  const printed = terminal.screen.slice(terminal.screen.indexOf(RERUN) + RERUN.length).trim();
  const command = printed.replace(/ \\\n\s+/g, ' ');
  expect(command).toMatch(/^npx create-cognito-jwt-api /);
  const local = command.replace(/^npx create-cognito-jwt-api/, `'${process.execPath}' '${BIN}'`);
  return execFileSync('sh', ['-c', local], { cwd, env: cleanEnv(NO_AWS), encoding: 'utf8' });
}

describe('interactive CLI', () => {
  it('asks for the pool id and derives the region, trims pasted answers, re-asks in its own words', async () => {
    const cwd = tempDir();
    const terminal = new Terminal(['svc', '--skip-install'], { cwd, env: NO_AWS });
    await terminal.answer('Package name');
    // Pasted with a trailing space.
    await terminal.answer('Cognito user pool ID', 'eu-west-1_AbCdEfGhI ');
    await terminal.answer('Cognito app client ID', 'not valid');
    // The question's own name, not a flag the user never typed.
    await terminal.waitFor('Cognito app client ID "not valid" is not a Cognito app client id');
    await terminal.type(...Array<string>('not valid'.length).fill(KEY.backspace), 'abc ', KEY.enter);
    await terminal.answer('Production browser origins (comma-separated)', '*');
    // "*" is a choice, with what it means; the first answer enters origins instead.
    await terminal.answer('lets every website call the API');
    await terminal.answer('Production browser origins', 'https://App.example.com/, https://admin.example.com');
    await terminal.waitFor('Allowed origins: https://app.example.com, https://admin.example.com');
    await terminal.answer('Dev browser origins');
    await terminal.answer('OAuth scopes');
    await terminal.answer('Infrastructure as code');
    expect(await terminal.exitCode(), terminal.screen).toBe(0);
    expect(terminal.screen).not.toMatch(/AWS region|Lambda runtime|--allow-any-origin|--client-id/);
    const api = readText(path.join(cwd, 'svc', 'src/api.ts'));
    expect(api).toContain("export const region = 'eu-west-1';");
    expect(api).toContain("audience: ['abc']");
    expect(api).toContain("allowOrigins: ['https://app.example.com', 'https://admin.example.com']");
  });

  it('allows any origin when the user chooses it for "*"', async () => {
    const cwd = tempDir();
    const terminal = new Terminal(['svc', '--skip-install', '--user-pool-id', 'eu-west-1_AbC', '--client-id', 'abc'], {
      cwd,
      env: NO_AWS,
    });
    await terminal.answer('Package name');
    await terminal.answer('Production browser origins', '*');
    await terminal.waitFor('lets every website call the API');
    await terminal.type(KEY.down, KEY.enter);
    await terminal.waitFor('Allowed origins: *');
    await terminal.answer('Dev browser origins');
    await terminal.answer('OAuth scopes');
    await terminal.answer('Infrastructure as code');
    expect(await terminal.exitCode(), terminal.screen).toBe(0);
    expect(readText(path.join(cwd, 'svc', 'src/api.ts'))).toContain("allowOrigins: ['*']");
  });

  it('on Ctrl-C, exits 130 without the folder and prints the command line that repeats the answers', async () => {
    const cwd = tempDir();
    const terminal = new Terminal(['my svc', '--skip-install'], { cwd, env: NO_AWS });
    await terminal.answer('Package name', 'my-svc');
    await terminal.answer('Cognito user pool ID', 'eu-west-1_AbCdEfGhI');
    await terminal.answer('Cognito app client ID', 'abc');
    await terminal.answer('Production browser origins', 'https://app.example.com');
    await terminal.answer('Dev browser origins');
    await terminal.waitFor('OAuth scopes');
    await terminal.type(KEY.ctrlC);
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen).toContain('Cancelled. Nothing was written.');
    expect(terminal.screen).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(cwd, 'my svc'))).toBe(false);
    // The command, as printed, generates the same project without a question.
    runPrinted(terminal, cwd);
    const api = readText(path.join(cwd, 'my svc', 'src/api.ts'));
    expect(api).toContain("allowOrigins: ['https://app.example.com']");
    expect(readText(path.join(cwd, 'my svc', 'package.json'))).toContain('"name": "my-svc"');
  });

  it('asks for the folder again, with the reason, while it cannot be used, and trims what is typed', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'ours'));
    writeFileSync(path.join(cwd, 'ours', '.yo-rc.json'), '{ "create-cognito-jwt-api": {} }');
    const terminal = new Terminal(['--skip-install', '--user-pool-id', 'eu-west-1_AbC', '--client-id', 'abc'], {
      cwd,
      env: NO_AWS,
    });
    await terminal.answer('Project folder', 'ours');
    await terminal.waitFor('already holds a project made by create-cognito-jwt-api');
    await terminal.waitFor('run update there: npx create-cognito-jwt-api update ours');
    await terminal.type(...Array<string>(4).fill(KEY.backspace), '  spaced/  ', KEY.enter);
    await terminal.answer('Package name');
    await answerTheRest(terminal);
    expect(await terminal.exitCode(), terminal.screen).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['ours', 'spaced']);
    expect(readText(path.join(cwd, 'spaced', 'package.json'))).toContain('"name": "spaced"');
  });

  it('offers a choice for a folder with files, and removes them (not .git) only once every answer is in', async () => {
    const cwd = tempDir();
    const folder = path.join(cwd, 'taken');
    mkdirSync(path.join(folder, '.git'), { recursive: true });
    writeFileSync(path.join(folder, 'notes.txt'), 'old');
    const terminal = new Terminal(
      ['taken', '--skip-install', '--user-pool-id', 'eu-west-1_AbC', '--client-id', 'abc'],
      {
        cwd,
        env: NO_AWS,
      },
    );
    await terminal.waitFor('taken is not empty (notes.txt)');
    await terminal.type(KEY.down, KEY.enter);
    await terminal.answer('Package name');
    await terminal.answer('Production browser origins', 'https://app.example.com');
    // Still there while questions remain.
    expect(existsSync(path.join(folder, 'notes.txt'))).toBe(true);
    await terminal.answer('Dev browser origins');
    await terminal.answer('OAuth scopes');
    await terminal.answer('Infrastructure as code');
    expect(await terminal.exitCode(), terminal.screen).toBe(0);
    expect(existsSync(path.join(folder, 'notes.txt'))).toBe(false);
    expect(existsSync(path.join(folder, '.git'))).toBe(true);
    expect(readText(path.join(folder, 'src/api.ts'))).toContain("allowOrigins: ['https://app.example.com']");
  });

  describe('when AWS cannot list pools', () => {
    it('says why in one line when listing is denied, and takes typed ids', async () => {
      const denying = await startDenyingCognito();
      try {
        const cwd = tempDir();
        const terminal = new Terminal(['svc', '--skip-install'], { cwd, env: awsAt(denying.endpoint) });
        await terminal.answer('Package name');
        await terminal.waitFor(
          'Could not list the user pools (AWS denied cognito-idp:ListUserPools on region eu-west-1); type the ID ' +
            'instead.',
        );
        await terminal.answer('Cognito user pool ID', 'eu-west-1_AbC');
        await terminal.waitFor('Could not list the app clients (AWS denied cognito-idp:ListUserPoolClients');
        await terminal.answer('Cognito app client ID', 'abc');
        await answerTheRest(terminal);
        await terminal.answer(CHECK_QUESTION, 'n');
        expect(await terminal.exitCode(), terminal.screen).toBe(0);
        expect(terminal.screen).not.toContain('--verify');
        expect(readText(path.join(cwd, 'svc', 'src/api.ts'))).toContain("userPoolId: 'eu-west-1_AbC'");
      } finally {
        denying.stop();
      }
    });

    it('says so once when Cognito cannot be reached, and neither lists nor offers the check again', async () => {
      const cwd = tempDir();
      const terminal = new Terminal(['svc', '--skip-install'], { cwd, env: awsAt(await refusingEndpoint()) });
      await terminal.answer('Package name');
      await terminal.waitFor('Could not list the user pools (Could not reach Cognito in eu-west-1');
      await terminal.answer('Cognito user pool ID', 'eu-west-1_AbC');
      await terminal.answer('Cognito app client ID', 'abc');
      await answerTheRest(terminal);
      expect(await terminal.exitCode(), terminal.screen).toBe(0);
      expect(terminal.screen.match(/Could not list/g)).toHaveLength(1);
      expect(terminal.screen).not.toContain(CHECK_QUESTION);
      expect(existsSync(path.join(cwd, 'svc', 'src/api.ts'))).toBe(true);
    });
  });

  describe('signed in to AWS', () => {
    const POOL = 'eu-west-1_Term1';
    let cognito: TestCognito;
    beforeAll(async () => {
      cognito = await startTestCognito([
        { id: POOL, name: 'users', clients: [{ clientId: 'termclient', name: 'web' }] },
        { id: 'eu-west-1_Other2', name: 'others', clients: [{ clientId: 'foreignclient' }] },
      ]);
    });
    afterAll(() => cognito?.stop());
    const env = () => ({ ...awsAt(cognito.endpoint), ISSUER: cognito.envFor(POOL).ISSUER });

    /** Types a client of another pool, and lets the check find it. */
    async function failedCheck(terminal: Terminal): Promise<void> {
      await terminal.answer('Package name');
      await terminal.waitFor('Cognito app client ID (of eu-west-1_Term1)');
      await terminal.type(KEY.down, KEY.enter);
      await terminal.waitFor('✔ Cognito app client ID (of eu-west-1_Term1) Enter an ID');
      await terminal.answer('? Cognito app client ID', 'foreignclient');
      await answerTheRest(terminal, 'https://app.example.com');
      await terminal.answer(CHECK_QUESTION, 'y');
      await terminal.waitFor('app client foreignclient not found in user pool eu-west-1_Term1');
      await terminal.waitFor('The check found 1 error(s). What now?');
    }

    it('lets the user change answers after the check finds an error, then checks again', async () => {
      const cwd = tempDir();
      const terminal = new Terminal(['svc', '--skip-install', '--user-pool-id', POOL], { cwd, env: env() });
      await failedCheck(terminal);
      await terminal.type(KEY.down, KEY.enter);
      // Every question again, each suggesting the answer it had; the pool (given as a flag) is picked from the
      // list, the client too this time.
      await terminal.answer('Package name (svc)');
      await terminal.answer(`❯ users (${POOL})`);
      await terminal.answer('web (termclient)');
      await terminal.answer('Production browser origins (comma-separated) (https://app.example.com)');
      await terminal.answer('Dev browser origins');
      await terminal.answer('OAuth scopes');
      await terminal.answer('Infrastructure as code');
      await terminal.waitFor('termclient ("web") belongs to the pool');
      expect(await terminal.exitCode(), terminal.screen).toBe(0);
      expect(readText(path.join(cwd, 'svc', 'src/api.ts'))).toContain("audience: ['termclient']");
    });

    it('on Cancel after a failed check, writes nothing and prints the command line that repeats the answers', async () => {
      const cwd = tempDir();
      const terminal = new Terminal(['svc', '--skip-install', '--user-pool-id', POOL], { cwd, env: env() });
      await failedCheck(terminal);
      await terminal.type(KEY.down, KEY.down, KEY.enter);
      expect(await terminal.exitCode()).toBe(1);
      expect(terminal.screen).toContain('Stopped there, as chosen; nothing was written.');
      expect(terminal.screen).not.toContain('leave out --verify');
      expect(existsSync(path.join(cwd, 'svc'))).toBe(false);
      runPrinted(terminal, cwd);
      expect(readText(path.join(cwd, 'svc', 'src/api.ts'))).toContain("audience: ['foreignclient']");
    });

    it('with --no-verify, neither lists, asks about AWS nor checks', async () => {
      const cwd = tempDir();
      // Cognito's endpoint is a trap that counts requests: the run must send none.
      const trap = await startRequestTrap();
      try {
        const terminal = new Terminal(['svc', '--skip-install', '--no-verify'], { cwd, env: awsAt(trap.endpoint) });
        await terminal.answer('Package name');
        await terminal.answer('Cognito user pool ID', POOL);
        await terminal.answer('Cognito app client ID', 'termclient');
        await answerTheRest(terminal);
        expect(await terminal.exitCode(), terminal.screen).toBe(0);
        expect(terminal.screen).not.toContain(CHECK_QUESTION);
        expect(trap.requests()).toBe(0);
      } finally {
        trap.stop();
      }
    });
  });
});
