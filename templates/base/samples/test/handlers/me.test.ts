import { beforeEach, describe, expect, it } from 'vitest';
import { cors } from '../../src/api';
import { handler } from '../../src/handlers/me';
import { corsEnvironment } from '../../src/lib/cors';
import { authorizedEvent } from './events';

const accessClaims = {
  sub: '11111111-2222-3333-4444-555555555555',
  username: 'alice',
  token_use: 'access',
  client_id: 'client',
  scope: 'openid profile',
};

describe('GET /me handler', () => {
  beforeEach(() => {
    Object.assign(process.env, corsEnvironment(cors));
  });

  it('returns the caller\'s claims from the authorizer', async () => {
    const response = await handler(authorizedEvent('GET', '/me', accessClaims));
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('application/json');
    const body = JSON.parse(String(response.body));
    expect(body).toMatchObject({ sub: accessClaims.sub, username: 'alice', scopes: ['openid', 'profile'] });
    expect(body.claims).toEqual(accessClaims);
  });

  it('refuses an ID token with a JSON 403', async () => {
    const response = await handler(authorizedEvent('GET', '/me', { ...accessClaims, token_use: 'id' }));
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(String(response.body)).message).toMatch(/access tokens only/);
  });

  it('refuses a token without token_use', async () => {
    const { token_use: _ignored, ...claims } = accessClaims;
    const response = await handler(authorizedEvent('GET', '/me', claims));
    expect(response.statusCode).toBe(403);
  });

  it('sends Access-Control-Allow-Origin to an allowlisted origin', async () => {
    const anyOrigin = cors.allowOrigins.includes('*');
    const origin = anyOrigin ? 'https://any-site.example' : cors.allowOrigins[0]!;
    const response = await handler(authorizedEvent('GET', '/me', accessClaims, { origin }));
    expect(response.headers?.['access-control-allow-origin']).toBe(anyOrigin ? '*' : origin);
    expect(response.headers?.vary).toBe('Origin');
  });
<% if (!anyOrigin) { -%>

  it('sends no Access-Control-Allow-Origin to an origin that is not allowlisted, and Vary: Origin always', async () => {
    for (const origin of ['https://evil.example', `${cors.allowOrigins[0]}.evil.example`]) {
      const response = await handler(authorizedEvent('GET', '/me', accessClaims, { origin }));
      expect(response.statusCode).toBe(200);
      expect(response.headers?.['access-control-allow-origin']).toBeUndefined();
      expect(response.headers?.vary).toBe('Origin');
    }
  });
<% } -%>
});
