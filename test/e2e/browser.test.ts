/**
 * A real browser (Debian's Chromium, driven by playwright-core) calls a generated service's
 * `npm run dev` with tokens from a local Cognito endpoint: the preflight passes without a token,
 * the call succeeds, a 401 is readable, and a disallowed origin is blocked. A route table that
 * puts the authorizer on OPTIONS makes the same call fail.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startCognitoLocal, type CognitoLocal } from '../../demo/cognito-local.js';
import { scaffold, startDevServer, type DevServer } from '../../demo/service.js';

const POOL_ID = 'us-east-1_AbCdEfGhI';
const CLIENT_ID = '1example23456789abcdefghij';
const USER = { email: 'browser@example.com', password: 'Browser-passw0rd!' };
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const workspace = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-browser-'));
const project = path.join(workspace, 'browser-service');
const pageServers: Server[] = [];
let cognito: CognitoLocal;
let dev: DevServer;
let browser: Browser;
let allowedOrigin: string;
let otherOrigin: string;
let accessToken: string;

/** A page on its own loopback port: its origin is http://127.0.0.1:<port>. */
async function servePage(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>app</title><p>app</p>');
  });
  pageServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Opens `origin` in a new page that records its console, printed if the test fails. */
async function openPage(origin: string): Promise<Page> {
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
  onTestFailed(() => console.log(`browser console of ${origin}:\n${consoleLines.join('\n') || '(empty)'}`));
  await page.goto(origin);
  return page;
}

/** `fetch` from inside the page: what the app's own code would see. */
function fetchFromPage(page: Page, url: string, token?: string) {
  return page.evaluate(
    async ({ url, token }) => {
      try {
        const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
        return { status: response.status, body: await response.json() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    { url, token },
  );
}

/**
 * Fails unless the dev server logs a line matching `pattern` within 5 s. It logs a request once it
 * has answered it, so the line can reach this process just after the browser has the response.
 */
async function expectLogged(server: { output(): string }, pattern: RegExp): Promise<void> {
  for (let waited = 0; waited <= 5000; waited += 50) {
    if (pattern.test(server.output())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(server.output()).toMatch(pattern);
}

beforeAll(async () => {
  allowedOrigin = await servePage();
  otherOrigin = await servePage();
  cognito = await startCognitoLocal([{ id: POOL_ID, clients: [{ clientId: CLIENT_ID }] }]);
  await cognito.createUser(POOL_ID, USER.email, USER.password);
  accessToken = (await cognito.signIn(CLIENT_ID, USER.email, USER.password)).accessToken;
  // The pages are on this machine: a dev environment's origin, which the dev server allows.
  await scaffold(project, {
    region: 'us-east-1',
    userPoolId: POOL_ID,
    clientId: CLIENT_ID,
    origins: ['https://app.example.com'],
    devOrigins: [allowedOrigin],
  });
  dev = await startDevServer(project, cognito.issuerOf(POOL_ID));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  await cognito?.stop();
  pageServers.forEach((server) => server.close());
  rmSync(workspace, { recursive: true, force: true });
});

describe('a browser app on an allowed origin', () => {
  it('calls the protected route with its token: the preflight passes and the JSON is readable', async () => {
    const page = await openPage(allowedOrigin);
    const result = await fetchFromPage(page, `${dev.url}/me`, accessToken);
    expect(result).toMatchObject({ status: 200, body: { claims: { token_use: 'access', client_id: CLIENT_ID } } });
    // The browser sent a preflight first, and the unauthenticated OPTIONS route answered it.
    await expectLogged(dev, /OPTIONS \/me -> OPTIONS \/\{proxy\+\} 204 .*cors:allowed/);
  });

  it('sees a readable 401 without a token, not a CORS error', async () => {
    const page = await openPage(allowedOrigin);
    expect(await fetchFromPage(page, `${dev.url}/me`)).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    // The dev server's log says why.
    await expectLogged(dev, /GET \/me -> GET \/me 401 .* denied: no token in the Authorization header/);
  });
});

describe('a page on a disallowed origin', () => {
  it('is blocked by the browser: fetch rejects and the preflight got no allow-origin', async () => {
    const page = await openPage(otherOrigin);
    const result = await fetchFromPage(page, `${dev.url}/me`, accessToken);
    expect(result).toEqual({ error: expect.stringMatching(/Failed to fetch/) });
    await expectLogged(dev, /OPTIONS \/me -> OPTIONS \/\{proxy\+\} 204 .*cors:denied/);
    expect(dev.output()).toContain(`cors:denied (origin ${otherOrigin} not in cors.allowOrigins)`);
  });
});

describe('a route table that puts the authorizer on OPTIONS', () => {
  it('breaks the browser call: the preflight gets 401 and fetch rejects', async () => {
    // A copy of the project whose dev route table gives the preflight routes the JWT authorizer.
    const broken = path.join(workspace, 'broken-service');
    cpSync(project, broken, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
    symlinkSync(path.join(project, 'node_modules'), path.join(broken, 'node_modules'));
    const routes = path.join(broken, 'dev/routes.ts');
    const original = readFileSync(routes, 'utf8');
    writeFileSync(routes, original.replace(/(method: 'OPTIONS',\s+path,\s+authorization: )'NONE'/, "$1'JWT'"));
    expect(readFileSync(routes, 'utf8')).not.toBe(original);
    const brokenDev = await startDevServer(broken, cognito.issuerOf(POOL_ID));
    try {
      const page = await openPage(allowedOrigin);
      const result = await fetchFromPage(page, `${brokenDev.url}/me`, accessToken);
      expect(result).toEqual({ error: expect.stringMatching(/Failed to fetch/) });
      await expectLogged(brokenDev, /OPTIONS \/me -> OPTIONS \/\{proxy\+\} 401/);
    } finally {
      await brokenDev.stop();
    }
  });
});
