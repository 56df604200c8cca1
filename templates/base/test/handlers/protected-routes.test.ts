/**
 * Every protected route refuses ID tokens. API Gateway's JWT authorizer lets an ID token of the
 * pool through a route without scopes, as it does not check `token_use`; each handler is wrapped in `accessTokensOnly`
 * (src/lib/access-token.ts), and this test fails for a route whose handler is not.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { cors, routes } from '../../src/api';
import { ACCESS_TOKENS_ONLY, type ProtectedEvent, type ProtectedResult } from '../../src/lib/access-token';
import { corsEnvironment } from '../../src/lib/cors';
import { authorizedEvent } from './events';

const idTokenClaims = {
  sub: '11111111-2222-3333-4444-555555555555',
  token_use: 'id',
  aud: 'client',
  email: 'alice@example.com',
};

async function handlerOf(name: string): Promise<(event: ProtectedEvent) => Promise<ProtectedResult>> {
  const file = `${process.cwd()}/src/handlers/${name}.ts`;
  if (!existsSync(file)) throw new Error(`src/handlers/${name}.ts is missing: a route of src/api.ts names it`);
  const module = (await import(pathToFileURL(file).href)) as {
    handler: (event: ProtectedEvent) => Promise<ProtectedResult>;
  };
  return module.handler;
}

describe.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_key, route) => {
  beforeEach(() => {
    Object.assign(process.env, corsEnvironment(cors));
  });

  it('answers an ID token with 403 before its handler runs', async () => {
    const handler = await handlerOf(route.handler);
    const response = await handler(authorizedEvent(route.method, route.path, idTokenClaims));
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(String(response.body))).toEqual({ message: ACCESS_TOKENS_ONLY });
  });

  it('answers a token without token_use with 403', async () => {
    const { token_use: _ignored, ...claims } = idTokenClaims;
    const response = await (await handlerOf(route.handler))(authorizedEvent(route.method, route.path, claims));
    expect(response.statusCode).toBe(403);
  });
});
