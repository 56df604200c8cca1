/**
 * `npm run demo [folder]`: the whole flow offline. A local Cognito endpoint, a service scaffolded
 * for its pool (AWS CDK flavour), that service's `npm run dev`, and the requests a browser app
 * makes, each printed with its result. Exits 0 when every step behaved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCognitoLocal, type CognitoLocal } from './cognito-local.js';
import { send, type Reply } from './http.js';
import { scaffold, startDevServer, type DevServer } from './service.js';

// The SDK warns that releases from 2027 on need Node 22; irrelevant to a local demo.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const POOL_ID = 'us-east-1_AbCdEfGhI';
const CLIENT_ID = '1example23456789abcdefghij';
const APP_ORIGIN = 'http://localhost:5173';
const OTHER_ORIGIN = 'https://evil.example';
const USER = { email: 'demo@example.com', password: 'Demo-passw0rd!' };

let failures = 0;

function step(title: string, ok: boolean, detail: string): void {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${title}\n      ${detail.replace(/\n/g, '\n      ')}`);
}

const header = (reply: Reply, name: string) => String(reply.headers[name] ?? '(none)');

async function main(): Promise<void> {
  const keep = process.argv[2];
  const workspace = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-demo-'));
  const project = keep ? workspace : path.join(workspace, 'demo-service');
  let cognito: CognitoLocal | undefined;
  let dev: DevServer | undefined;
  const stopAll = async () => {
    await dev?.stop();
    await cognito?.stop();
    if (!keep) rmSync(workspace, { recursive: true, force: true });
  };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => void stopAll().then(() => process.exit(code)));
  try {
    console.log('Starting a local Cognito endpoint (cognito-local) on 127.0.0.1 …');
    cognito = await startCognitoLocal([{ id: POOL_ID, name: 'demo', clients: [{ clientId: CLIENT_ID, name: 'web' }] }]);
    await cognito.createUser(POOL_ID, USER.email, USER.password);
    console.log(`  pool ${POOL_ID}, app client ${CLIENT_ID}, user ${USER.email} at ${cognito.endpoint}`);

    console.log(`Scaffolding a service into ${project} and installing it (a minute or so) …`);
    await scaffold(project, {
      region: 'us-east-1',
      userPoolId: POOL_ID,
      clientId: CLIENT_ID,
      origins: ['https://app.example.com'],
      // The page on this machine calls the dev server, which allows the dev environment's origins.
      devOrigins: [APP_ORIGIN],
    });
    dev = await startDevServer(project, cognito.issuerOf(POOL_ID));
    console.log(`  npm run dev is ${dev.url}, trusting ${cognito.issuerOf(POOL_ID)}\n`);
    const me = `${dev.url}/me`;

    const preflight = await send(me, 'OPTIONS', {
      origin: APP_ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    step(
      'Preflight OPTIONS /me from the app origin, without a token',
      preflight.status === 204 &&
        header(preflight, 'access-control-allow-origin') === APP_ORIGIN &&
        header(preflight, 'access-control-allow-headers').includes('authorization'),
      `${preflight.status}; allow-origin ${header(preflight, 'access-control-allow-origin')}; allow-headers ` +
        `${header(preflight, 'access-control-allow-headers')}`,
    );

    const anonymous = await send(me, 'GET', { origin: APP_ORIGIN });
    step(
      'GET /me without a token',
      anonymous.status === 401 && anonymous.body === '{"message":"Unauthorized"}',
      `${anonymous.status} ${anonymous.body}`,
    );

    const tokens = await cognito.signIn(CLIENT_ID, USER.email, USER.password);
    step(
      'Sign in (USER_PASSWORD_AUTH)',
      tokens.accessToken.split('.').length === 3,
      `access token ${tokens.accessToken.slice(0, 24)}…`,
    );

    const authorized = await send(me, 'GET', { origin: APP_ORIGIN, authorization: `Bearer ${tokens.accessToken}` });
    const claims = authorized.status === 200 ? (JSON.parse(authorized.body).claims as Record<string, string>) : {};
    step(
      'GET /me with the access token',
      authorized.status === 200 && claims.token_use === 'access' && claims.client_id === CLIENT_ID,
      `${authorized.status} ${authorized.status === 200 ? '' : header(authorized, 'www-authenticate')}; sub ` +
        `${claims.sub}, token_use ${claims.token_use}, client_id ${claims.client_id}; allow-origin ` +
        `${header(authorized, 'access-control-allow-origin')}`,
    );

    const idToken = await send(me, 'GET', { origin: APP_ORIGIN, authorization: `Bearer ${tokens.idToken}` });
    step(
      'GET /me with the ID token (the handler accepts access tokens only)',
      idToken.status === 403,
      `${idToken.status} ${idToken.body}`,
    );

    const other = await send(me, 'OPTIONS', {
      origin: OTHER_ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    step(
      `Preflight from a disallowed origin (${OTHER_ORIGIN})`,
      other.headers['access-control-allow-origin'] === undefined,
      `${other.status}; allow-origin ${header(other, 'access-control-allow-origin')} (the browser blocks the call)`,
    );

    console.log(`\nThe dev server logged:\n  ${dev.output().trim().split('\n').join('\n  ')}`);
  } finally {
    await stopAll();
  }
  console.log(failures === 0 ? '\nEvery step behaved.' : `\n${failures} step(s) did not behave.`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
