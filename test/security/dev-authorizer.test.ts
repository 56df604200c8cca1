/**
 * The generated dev server's JWT authorizer refuses what API Gateway refuses (ref #4, #6): the
 * rendered dev/authorizer.ts, run against keys served on loopback. Where the documentation is
 * silent (which RSA algorithms, how much clock skew) it fails closed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/schema/parse.js';
import { renderProject } from '../../src/render/render-project.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { writeProject } from '../contract/model.js';

type Authorize = (
  header: string | undefined,
  scopes: readonly string[],
) => Promise<{ allowed: boolean; statusCode?: number; reason?: string }>;

const CLIENT_ID = EXAMPLE_INPUT.clientId;
const keys: Record<string, { privateKey: CryptoKey; alg: string }> = {};
let server: Server;
let issuer: string;
let authorize: Authorize;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const jwks: object[] = [];
  for (const [kid, alg] of [
    ['rs256', 'RS256'],
    ['rs384', 'RS384'],
    ['rs512', 'RS512'],
    ['ps256', 'PS256'],
  ] as const) {
    const pair = await generateKeyPair(alg);
    keys[kid] = { privateKey: pair.privateKey, alg };
    jwks.push({ ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' });
  }
  server = createServer((_request, response) => response.end(JSON.stringify({ keys: jwks })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${EXAMPLE_INPUT.userPoolId}`;
  const dir = writeProject(renderProject(parseAnswers(EXAMPLE_INPUT)), 'dev-authorizer');
  const module = (await import(pathToFileURL(path.join(dir, 'dev/authorizer.ts')).href)) as {
    createJwtAuthorizer(options: { issuer: string; audience: readonly string[] }): Authorize;
  };
  authorize = module.createJwtAuthorizer({ issuer, audience: [CLIENT_ID] });
});

afterAll(() => server?.close());

async function token(claims: JWTPayload = {}, { kid = 'rs256' as string | null } = {}): Promise<string> {
  const key = keys[kid ?? 'rs256']!;
  return new SignJWT({
    sub: 'user-1',
    token_use: 'access',
    client_id: CLIENT_ID,
    scope: 'openid',
    iat: now(),
    exp: now() + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: key.alg, ...(kid === null ? {} : { kid }) })
    .setIssuer(issuer)
    .sign(key.privateKey);
}

describe("the dev server's JWT authorizer (ref #4, #6)", () => {
  it('admits a valid RS256 access token', async () => {
    expect(await authorize(`Bearer ${await token()}`, [])).toMatchObject({ allowed: true });
  });

  it('refuses a token without a kid, though the JWKS holds the key that signed it', async () => {
    expect(await authorize(await token({}, { kid: null }), [])).toMatchObject({ allowed: false, statusCode: 401 });
  });

  it.each(['rs384', 'rs512', 'ps256'])(
    'refuses a %s token whose key is in the JWKS: Cognito signs RS256, the documentation names no other',
    async (kid) => {
      expect(await authorize(await token({}, { kid }), [])).toMatchObject({ allowed: false, statusCode: 401 });
    },
  );

  it.each([
    ['exp a second ago', () => ({ exp: now() - 1 })],
    ['nbf two seconds ahead', () => ({ nbf: now() + 2 })],
    ['iat two seconds ahead', () => ({ iat: now() + 2 })],
    ['no exp', () => ({ exp: undefined })],
  ])('allows no clock skew: refuses a token with %s', async (_name, claims) => {
    expect(await authorize(await token(claims()), [])).toMatchObject({ allowed: false, statusCode: 401 });
  });

  it("admits a token carrying any one of a route's scopes, refuses one with none (403)", async () => {
    const scopes = ['orders-api/read', 'orders-api/write'];
    expect(await authorize(await token({ scope: 'openid orders-api/write' }), scopes)).toMatchObject({ allowed: true });
    expect(await authorize(await token({ scope: 'orders-api/read' }), scopes)).toMatchObject({ allowed: true });
    expect(await authorize(await token({ scope: 'openid' }), scopes)).toMatchObject({
      allowed: false,
      statusCode: 403,
    });
  });
});
