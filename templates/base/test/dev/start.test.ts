/**
 * Starting `npm run dev`: the port it takes, its banner, and a handler edit served with no restart
 * by hand. The watched run uses a copy of dev/ and src/ in a temporary folder, so that the test
 * edits no file of the project.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auth, cors } from '../../src/api';
import { banner } from '../../dev/banner';
import { listen, ListenError } from '../../dev/listen';
import { routeTable } from '../../dev/routes';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function newServer(): Server {
  const server = createServer();
  servers.push(server);
  return server;
}

/** A loopback port another server holds. */
async function takenPort(): Promise<number> {
  const server = newServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('the port', () => {
  it('moves on from a taken default port to the next free one, and says so', async () => {
    const taken = await takenPort();
    const server = newServer();
    const lines: string[] = [];
    const url = await listen(server, { host: '127.0.0.1', defaultPort: taken, log: (line) => lines.push(line) });
    const { port } = server.address() as AddressInfo;
    expect(port).toBeGreaterThan(taken);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(lines).toEqual([`port ${taken} is in use: listening on ${port} instead (PORT=<port> picks one)`]);
  });

  it('keeps a PORT that is set: taken, the start fails with one line that says what to do', async () => {
    const taken = await takenPort();
    const start = listen(newServer(), { host: '127.0.0.1', port: String(taken), log: () => {} });
    await expect(start).rejects.toThrow(ListenError);
    await expect(start).rejects.toThrow(`port ${taken} on 127.0.0.1 is in use`);
    await expect(start).rejects.toThrow(`e.g. PORT=${taken + 1} npm run dev`);
  });

  it('takes a free port for PORT=0, and says nothing of a port in use', async () => {
    const server = newServer();
    const lines: string[] = [];
    const url = await listen(server, { host: '127.0.0.1', port: '0', log: (line) => lines.push(line) });
    const { port } = server.address() as AddressInfo;
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(lines).toEqual([]);
  });

  it('refuses a PORT that is not a port number', async () => {
    await expect(listen(newServer(), { host: '127.0.0.1', port: '80a' })).rejects.toThrow(
      'PORT=80a is not a port number',
    );
  });
});

describe('the banner', () => {
  const table = routeTable();
  const text = banner({
    url: 'http://127.0.0.1:3000',
    issuer: auth.issuer,
    deployedIssuer: auth.issuer,
    table,
    origins: cors.allowOrigins,
  });
  const lines = text.split('\n');

  it('says where the API listens and whose tokens it trusts', () => {
    expect(lines[0]).toBe('listening on http://127.0.0.1:3000');
    expect(lines).toContain(`  issuer:  ${auth.issuer}`);
  });

  it('lists every route, method and path, protected or not, with its handler file', () => {
    for (const route of table) {
      const line = lines.find((candidate) => candidate.includes(` ${route.method} ${route.path}  `));
      expect(line, `${route.method} ${route.path}`).toBeDefined();
      if (route.authorization === 'JWT') {
        expect(line).toMatch(/ protected/);
        expect(line).not.toContain('not protected');
        for (const scope of route.scopes) expect(line).toContain(scope);
      } else {
        expect(line).toContain('not protected');
      }
      expect(line).toContain(`src/handlers/${route.handler}.ts`);
    }
  });

  it('lists the allowed origins', () => {
    const origins = lines.find((line) => line.startsWith('  origins: '));
    for (const origin of cors.allowOrigins) expect(origins).toContain(origin);
  });

  it('names the issuer the deployed API trusts when ISSUER sets another', () => {
    const local = 'http://127.0.0.1:9229/local_pool';
    const url = 'http://127.0.0.1:3000';
    const withIssuer = banner({ url, issuer: local, deployedIssuer: auth.issuer, table, origins: cors.allowOrigins });
    expect(withIssuer).toContain(`  issuer:  ${local} (set by ISSUER; the deployed API trusts ${auth.issuer})`);
  });
});

describe('npm run dev', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let copy: string | undefined;
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill();
      await exited;
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  /** The URLs of the "listening on" lines the server printed, oldest first. */
  const listeningUrls = () => [...output.matchAll(/^listening on (http:\S+)$/gm)].map((match) => match[1]!);

  /** The URL of the `count`th "listening on" line the server printed. */
  async function listening(count: number): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const urls = listeningUrls();
      if (urls.length >= count) return urls[count - 1]!;
      if (Date.now() > deadline) throw new Error(`no "listening on" line number ${count} after 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('serves an edited handler without a restart by hand', async () => {
    copy = mkdtempSync(path.join(tmpdir(), 'dev-server-'));
    for (const entry of ['dev', 'src', 'package.json', 'tsconfig.json']) {
      cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
    // A stand-in for the preflight function that says which version of its file answered.
    const handler = path.join(copy, 'src/handlers/preflight.ts');
    const version = (n: number) =>
      `export const handler = async () => ({ statusCode: 204, headers: { 'x-version': '${n}' } });\n`;
    writeFileSync(handler, version(1));

    // The dev script as package.json has it, run with this project's tsx.
    const [command, ...args] = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        scripts: { dev: string };
      }
    ).scripts.dev.split(' ');
    expect(command).toBe('tsx');
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    child = spawn(process.execPath, [tsx, ...args], {
      cwd: copy,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    // Not a preflight (no Origin): OPTIONS / reaches the function.
    const versionAt = async (url: string) => (await fetch(`${url}/`, { method: 'OPTIONS' })).headers.get('x-version');

    expect(await versionAt(await listening(1))).toBe('1');
    // PORT=0 is a port that is set: the free one it gives is no taken port to report.
    expect(output).not.toContain('is in use');
    // The watcher learns of a file once it is loaded, a moment after the first answer: the edit is
    // made again (as a user saving twice would) until the server is told to stop, and no sooner, as
    // every edit starts the server again and a slow start would never finish.
    const stopping = () => output.includes('SIGTERM: stopping');
    const deadline = Date.now() + 30_000;
    while (!stopping()) {
      if (Date.now() > deadline) throw new Error(`the server was not started again after 30 s:\n${output}`);
      writeFileSync(handler, version(2));
      for (let waited = 0; waited < 2_000 && !stopping(); waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await listening(2);
    // One edit may reach the watcher as two changes and start the server once more, on another
    // port: ask the newest server until one answers.
    const answerDeadline = Date.now() + 15_000;
    for (;;) {
      try {
        expect(await versionAt(listeningUrls().at(-1)!)).toBe('2');
        return;
      } catch (error) {
        if (Date.now() > answerDeadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
});
