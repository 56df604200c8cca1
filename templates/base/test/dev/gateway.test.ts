/**
 * The dev server as a browser or curl sees it: real JWT checks against keys this test makes and
 * serves on loopback, CORS as API Gateway applies it, and the project's own handlers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, cors, routes } from '../../src/api';
import { ACCESS_TOKENS_ONLY } from '../../src/lib/access-token';
import { createGateway } from '../../dev/gateway';
import { createDevServer } from '../../dev/server';

const KID = 'test-key';
/** A second key of the JWKS, for RS384: an RSA algorithm Cognito does not use. */
const RS384_KID = 'rs384-key';
const route = routes[0]!;
const routeScopes = route.scopes ?? auth.scopes;
const anyOrigin = cors.allowOrigins.includes('*');
const allowedOrigin = anyOrigin ? 'https://any-site.example' : cors.allowOrigins[0]!;

let privateKey: CryptoKey;
let rs384Key: CryptoKey;
let issuer: string;
let jwksRequests = 0;
const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const rs384 = await generateKeyPair('RS384');
  rs384Key = rs384.privateKey;
  const rs384Jwk = { ...(await exportJWK(rs384.publicKey)), kid: RS384_KID, alg: 'RS384', use: 'sig' };
  const identityProvider = createServer((request, response) => {
    jwksRequests++;
    const found = request.url === `/${auth.userPoolId}/.well-known/jwks.json`;
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(found ? JSON.stringify({ keys: [jwk, rs384Jwk] }) : '{}');
  });
  issuer = `${await listen(identityProvider)}/${auth.userPoolId}`;
  base = await listen(createDevServer({ issuer }, () => {}));
});

afterAll(() => servers.forEach((server) => server.close()));

/** A token signed with the test key; `kid: null` leaves the header without one. */
async function token(claims: JWTPayload = {}, options: { key?: CryptoKey | Uint8Array; alg?: string; kid?: string | null; issuer?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: 'user-1',
    username: 'alice',
    token_use: 'access',
    client_id: auth.audience[0],
    scope: routeScopes.length > 0 ? routeScopes[0] : 'openid',
    iat: now,
    exp: now + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', ...(options.kid === null ? {} : { kid: options.kid ?? KID }) })
    .setIssuer(options.issuer ?? issuer)
    .sign(options.key ?? privateKey);
}

function call(path: string, headers: Record<string, string> = {}, method: string = route.method) {
  return fetch(`${base}${path}`, { method, headers });
}

const now = () => Math.floor(Date.now() / 1000);

const unsigned = (payload: object) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

describe('JWT authorizer', () => {
  it('lets a valid access token through, with its claims as strings', async () => {
    const response = await call(route.path, { authorization: `Bearer ${await token({ 'cognito:groups': ['admin', 'dev'] })}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { claims: Record<string, string> };
    expect(body.claims).toMatchObject({ sub: 'user-1', token_use: 'access', 'cognito:groups': '[admin dev]' });
    expect(typeof body.claims.exp).toBe('string');
  });

  it('accepts the bare token without "Bearer"', async () => {
    expect((await call(route.path, { authorization: await token() })).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['a garbage token', async () => 'not-a-jwt'],
    ['an expired token', async () => token({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a not-yet-valid token', async () => token({ nbf: Math.floor(Date.now() / 1000) + 60 })],
    ['a token from another issuer', async () => token({}, { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' })],
    ['a token for another app client', async () => token({ client_id: 'another-client' })],
    ['a token whose aud is another app client, though its client_id is this one', async () => token({ aud: 'another-client' })],
    ['a token issued in the future', async () => token({ iat: Math.floor(Date.now() / 1000) + 600 })],
    ['a token signed with an unknown key', async () => token({}, { key: (await generateKeyPair('RS256')).privateKey, kid: 'unknown' })],
    ['an unsigned token (alg none)', async () => unsigned({ sub: 'x', client_id: auth.audience[0], iss: issuer, exp: Math.floor(Date.now() / 1000) + 60 })],
    ['an HS256 token', async () => token({}, { alg: 'HS256', key: new TextEncoder().encode('a-shared-secret-of-32-bytes-long!') })],
    // The key is found by `kid`, even where the JWKS has one key that would verify it.
    ['a token without a kid header', async () => token({}, { kid: null })],
    // RSA only, and Cognito signs RS256; the documentation names no other, so none passes.
    ['an RS384 token, though its key is in the JWKS', async () => token({}, { alg: 'RS384', kid: RS384_KID, key: rs384Key })],
    // No clock skew is documented, so none is allowed.
    ['a token that expired a second ago', async () => token({ exp: now() - 1 })],
    ['a token valid from two seconds from now (nbf)', async () => token({ nbf: now() + 2 })],
    ['a token issued two seconds from now (iat)', async () => token({ iat: now() + 2 })],
    ['a token without exp', async () => token({ exp: undefined })],
  ])('refuses %s with 401 Unauthorized', async (_name, makeToken) => {
    const value = await makeToken();
    const response = await call(route.path, value ? { authorization: `Bearer ${value}` } : {});
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer scope="" error="invalid_token" error_description=".+"$/);
  });

  describe('a route with two scopes', () => {
    let scoped: string;
    beforeAll(async () => {
      const table = [{ method: 'GET', path: '/scoped', authorization: 'JWT' as const, scopes: ['orders-api/read', 'orders-api/write'], handler: route.handler }];
      scoped = await listen(createDevServer({ issuer, table }, () => {}));
    });
    const callWithScope = async (scope: string) => fetch(`${scoped}/scoped`, { headers: { authorization: await token({ scope }) } });

    it('refuses a token with neither of them with 403 Forbidden', async () => {
      const response = await callWithScope('openid profile');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
    });

    it.each(['orders-api/read', 'openid orders-api/write'])('admits a token carrying any one of them: %s', async (scope) => {
      expect((await callWithScope(scope)).status).toBe(200);
    });
  });

  it('passes an ID token on a route without scopes; the handler refuses it', async () => {
    const idToken = await token({ token_use: 'id', client_id: undefined, aud: auth.audience[0], scope: undefined });
    const response = await call(route.path, { authorization: idToken });
    expect(response.status).toBe(403);
    // With scopes on the route the authorizer refuses it already (it carries none); without, the handler does.
    expect(((await response.json()) as { message: string }).message).toBe(routeScopes.length > 0 ? 'Forbidden' : ACCESS_TOKENS_ONLY);
  });

  it('fetches the JWKS once and then uses the cache', async () => {
    const before = jwksRequests;
    for (let i = 0; i < 3; i++) await call(route.path, { authorization: await token() });
    expect(jwksRequests - before).toBe(0);
  });
});

describe('routing', () => {
  it('answers an unknown route with 404 Not Found', async () => {
    const response = await call('/no-such-route', {}, 'GET');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  it('answers a malformed escape in a path parameter with 404, and keeps serving', async () => {
    // Not a preflight (no Origin): it reaches OPTIONS /{proxy+}, whose parameter cannot be decoded.
    const response = await call('/%E0%A4%A', {}, 'OPTIONS');
    expect(response.status).toBe(404);
    expect((await call('/no-such-route', {}, 'GET')).status).toBe(404);
  });

  it('serves OPTIONS without a token through the preflight function, on OPTIONS /{proxy+}', async () => {
    const loaded: string[] = [];
    const handle = createGateway({
      issuer,
      loadHandler: (name) => {
        loaded.push(name);
        return import(pathToFileURL(`${process.cwd()}/src/handlers/${name}.ts`).href);
      },
    });
    const headers = { origin: allowedOrigin, 'access-control-request-method': route.method, 'access-control-request-headers': 'authorization' };
    const { response, routeKey } = await handle({ method: 'OPTIONS', url: route.path, headers, body: Buffer.alloc(0), sourceIp: '127.0.0.1' });
    expect(routeKey).toBe('OPTIONS /{proxy+}');
    expect(loaded).toEqual(['preflight']);
    expect(response.statusCode).toBe(204);
    expect((await call(route.path, headers, 'OPTIONS')).status).toBe(204);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    call(route.path, { origin, 'access-control-request-method': route.method, 'access-control-request-headers': 'authorization' }, 'OPTIONS');

  it('answers a preflight from an allowed origin with the configured headers', async () => {
    const response = await preflight(allowedOrigin);
    expect(response.headers.get('access-control-allow-origin')).toBe(anyOrigin ? '*' : allowedOrigin);
    expect(response.headers.get('access-control-allow-methods')).toBe(cors.allowMethods.join(','));
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toContain('authorization');
    expect(Number(response.headers.get('access-control-max-age'))).toBeLessThanOrEqual(7200);
  });
<% if (!anyOrigin) { -%>

  it('sends no allow-origin to an origin that is not allowed', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
<% } -%>

  it('adds the CORS headers to an authorizer denial, so the page can read the 401', async () => {
    const response = await call(route.path, { origin: allowedOrigin });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(anyOrigin ? '*' : allowedOrigin);
  });

  it('replaces CORS headers a handler sends with the configured ones', async () => {
    const rogue = await listen(
      createDevServer(
        {
          issuer,
          table: [{ method: 'GET', path: '/rogue', authorization: 'NONE', scopes: [], handler: 'rogue' }],
          loadHandler: async () => ({
            handler: async () => ({ statusCode: 200, headers: { 'access-control-allow-origin': 'https://evil.example' }, body: 'ok' }),
          }),
        },
        () => {},
      ),
    );
    const response = await fetch(`${rogue}/rogue`, { headers: { origin: allowedOrigin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(anyOrigin ? '*' : allowedOrigin);
  });
});
