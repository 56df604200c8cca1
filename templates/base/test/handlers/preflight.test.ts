import { beforeEach, describe, expect, it } from 'vitest';
import { cors } from '../../src/api';
import { handler } from '../../src/handlers/preflight';
import { corsEnvironment } from '../../src/lib/cors';
import { httpEvent } from './events';

const anyOrigin = cors.allowOrigins.includes('*');
const allowedOrigin = cors.allowOrigins[0]!;
const callerOrigin = anyOrigin ? 'https://any-site.example' : allowedOrigin;

function preflight(headers: Record<string, string>) {
  return handler(httpEvent('OPTIONS', '/me', { 'access-control-request-method': 'GET', ...headers }));
}

describe('preflight handler', () => {
  beforeEach(() => {
    Object.assign(process.env, corsEnvironment(cors));
  });

  it('answers 204 through statusCode and headers only, with no body', async () => {
    const response = await preflight({ origin: callerOrigin });
    expect(response.statusCode).toBe(204);
    expect(Object.keys(response).sort()).toEqual(['headers', 'statusCode']);
  });

  it('allows an allowlisted origin with the configured methods and headers', async () => {
    const { headers } = await preflight({ origin: callerOrigin, 'access-control-request-headers': 'authorization' });
    expect(headers?.['access-control-allow-origin']).toBe(anyOrigin ? '*' : callerOrigin);
    expect(headers?.['access-control-allow-methods']).toBe(cors.allowMethods.join(','));
    expect(String(headers?.['access-control-allow-headers']).split(',')).toContain('authorization');
    expect(Number(headers?.['access-control-max-age'])).toBeLessThanOrEqual(7200);
    expect(headers?.vary).toBe('Origin');
  });

  it('never sends request data back', async () => {
    const secret = 'Bearer secret-token-value';
    const response = await preflight({ origin: callerOrigin, authorization: secret, cookie: 'session=secret' });
    expect(JSON.stringify(response)).not.toContain('secret');
  });
<% if (!anyOrigin) { -%>

  it.each([
    ['another site', 'https://evil.example'],
    ['a host that begins with an allowed origin', `${allowedOrigin}.evil.example`],
    ['an allowed origin with a trailing slash', `${allowedOrigin}/`],
  ])('sends no Access-Control-Allow-* header to %s', async (_name, origin) => {
    const { statusCode, headers } = await preflight({ origin });
    expect(statusCode).toBe(204);
    expect(Object.keys(headers ?? {}).filter((name) => name.startsWith('access-control-allow'))).toEqual([]);
    expect(headers?.vary).toBe('Origin');
  });

  it('allows no origin at all when the allowlist is missing (fails closed)', async () => {
    delete process.env.CORS_ALLOW_ORIGINS;
    const { headers } = await preflight({ origin: allowedOrigin });
    expect(headers?.['access-control-allow-origin']).toBeUndefined();
  });
<% } -%>
});
