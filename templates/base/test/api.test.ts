/**
 * Security invariants of the API definition in src/api.ts. They hold for every valid edit, so
 * they keep protecting the project after routes and origins are added.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auth, cors, preflight, region, routes } from '../src/api';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
<% if (anyOrigin) { -%>
/** This project was generated with --allow-any-origin. */
const ANY_ORIGIN_ALLOWED = true;
<% } else { -%>
/** Regenerate with --allow-any-origin to accept "*"; every website could then call the API. */
const ANY_ORIGIN_ALLOWED = false;
<% } -%>

describe('authorizer', () => {
  it('trusts exactly the user pool issuer, in the pool\'s own region', () => {
    expect(auth.userPoolId.startsWith(`${region}_`)).toBe(true);
    // issuer-cognito-idp: pools whose IssuerConfiguration is UPDATED emit that issuer.
    const issuers = ['cognito-idp', 'issuer-cognito-idp'].map((host) => `https://${host}.${region}.amazonaws.com/${auth.userPoolId}`);
    expect(issuers).toContain(auth.issuer);
  });

  it('has one app client id as its audience', () => {
    expect(auth.audience).toHaveLength(1);
    expect(auth.audience[0]).toMatch(/^[\w+]{1,128}$/);
  });

  it('reads the token from the Authorization header', () => {
    expect(auth.identitySource).toBe('$request.header.Authorization');
  });
});

describe('routes', () => {
  it('has a handler file for every route and for the preflight', () => {
    for (const handler of [preflight.handler, ...routes.map((route) => route.handler)]) {
      expect(existsSync(new URL(`../src/handlers/${handler}.ts`, import.meta.url)), handler).toBe(true);
    }
  });

  it('leaves OPTIONS to the unauthenticated preflight routes', () => {
    expect(routes.map((route) => route.method)).not.toContain('OPTIONS');
    expect(preflight.paths).toContain('/{proxy+}');
    expect(preflight.paths).toContain('/');
  });

  it('uses {proxy+} only as the last path segment', () => {
    for (const route of routes) {
      expect(route.path.slice(0, -'{proxy+}'.length), route.path).not.toContain('{proxy+}');
      expect(route.path.startsWith('/'), route.path).toBe(true);
    }
  });
});

describe('CORS', () => {
  it('allows only well-formed origins: scheme://host[:port], https except on loopback', () => {
    expect(cors.allowOrigins.length).toBeGreaterThan(0);
    for (const origin of cors.allowOrigins) {
      if (origin === '*') continue;
      const url = new URL(origin);
      expect(`${url.protocol}//${url.host}`, origin).toBe(origin);
      expect(url.protocol === 'https:' || LOOPBACK.includes(url.hostname), origin).toBe(true);
    }
  });

  it('allows "*" only when generated with --allow-any-origin, and never with credentials', () => {
    expect(cors.allowOrigins.includes('*')).toBe(ANY_ORIGIN_ALLOWED);
    expect(cors.allowCredentials).toBe(false);
  });

  it('lists authorization by name in the allowed headers', () => {
    expect(cors.allowHeaders).toContain('authorization');
    expect(cors.allowHeaders).not.toContain('*');
  });

  it('allows every method the routes use, and OPTIONS', () => {
    for (const route of routes) expect(cors.allowMethods).toContain(route.method);
    expect(cors.allowMethods).toContain('OPTIONS');
  });

  it('lets browsers cache a preflight for at most 7200 s', () => {
    expect(cors.maxAge).toBeGreaterThanOrEqual(0);
    expect(cors.maxAge).toBeLessThanOrEqual(7200);
  });
});
