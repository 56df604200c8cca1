/** The routes a front keeps beside the sample (the projen option): checked before anything renders. */
import { describe, expect, it } from 'vitest';
import { RouteError } from '../../src/errors.js';
import { parseRoutes } from '../../src/schema/routes.js';

const problemsOf = (routes: unknown): string[] => {
  try {
    parseRoutes(routes);
  } catch (error) {
    expect(error).toBeInstanceOf(RouteError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected a RouteError');
};

describe('parseRoutes', () => {
  it('accepts literal, {param} and a last {proxy+} segment, with or without own scopes', () => {
    const routes = [
      { method: 'GET', path: '/', handler: 'root' },
      { method: 'POST', path: '/orders', handler: 'orders', scopes: ['orders-api/write'] },
      { method: 'PATCH', path: '/orders/{id}/items/{item_id}', handler: 'orders' },
      { method: 'DELETE', path: '/files/{key+}', handler: 'files-v2' },
      { method: 'HEAD', path: '/v1.2/~a_b-c', handler: 'a' },
    ];
    expect(parseRoutes(routes)).toEqual(routes);
    expect(parseRoutes(undefined)).toEqual([]);
  });

  it('names each bad entry and field, and the fix', () => {
    const problems = problemsOf([
      { method: 'OPTIONS', path: '/x', handler: 'x' },
      { method: 'GET', path: '/{proxy+}/more', handler: 'x' },
      { method: 'GET', path: 'orders', handler: 'x' },
      { method: 'GET', path: '/a', handler: 'Orders' },
      { method: 'GET', path: '/b', handler: 'preflight' },
      { method: 'GET', path: '/c', handler: 'c', scopes: ['orders api'] },
    ]);
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(
      /^routes\[0\]\.method "OPTIONS" is not one of GET, POST, PUT, PATCH, DELETE, HEAD .*preflight.*Expected/,
    );
    expect(problems[1]).toMatch(
      /^routes\[1\]\.path "\/\{proxy\+\}\/more" is not an API Gateway route path\. Expected .*"\/orders\/\{id\}"/,
    );
    expect(problems[2]).toMatch(/^routes\[2\]\.path "orders" is not/);
    expect(problems[3]).toMatch(/^routes\[3\]\.handler "Orders" is not a handler name\. Expected lower-case/);
    expect(problems[4]).toMatch(/^routes\[4\]\.handler "preflight" is not a handler name/);
    expect(problems[5]).toMatch(/^routes\[5\]\.scopes: "orders api" is not a Cognito scope\. Expected/);
  });

  it('refuses a route that is there already, the sample GET /me included', () => {
    expect(problemsOf([{ method: 'GET', path: '/me', handler: 'profile' }])).toEqual([
      'routes[0]: GET /me is there already. Expected each method and path once.',
    ]);
    expect(
      problemsOf([
        { method: 'PUT', path: '/a', handler: 'a' },
        { method: 'PUT', path: '/a', handler: 'b' },
      ])[0],
    ).toMatch(/^routes\[1\]: PUT \/a is there already/);
  });

  it('refuses routes and handlers whose resource names would be one, and a misspelt key', () => {
    expect(
      problemsOf([
        { method: 'GET', path: '/files/{key}', handler: 'files' },
        { method: 'GET', path: '/files/{key+}', handler: 'files' },
      ]),
    ).toEqual([
      'routes[1]: GET /files/{key+} reads as GET /files/{key} in resource names. Expected paths that differ in ' +
        'more than case, braces or punctuation.',
    ]);
    expect(
      problemsOf([
        { method: 'GET', path: '/a', handler: 'a-1' },
        { method: 'GET', path: '/b', handler: 'a1' },
      ])[0],
    ).toMatch(/^routes\[1\]\.handler "a1" reads as "a-1" in resource names/);
    expect(problemsOf([{ method: 'GET', path: '/a', handler: 'a', scope: ['orders-api/write'] }])[0]).toMatch(
      /^routes\[0\]: .*scope/,
    );
  });

  it('refuses a value that is not a list of routes, naming where', () => {
    expect(problemsOf([{ method: 'GET', path: 1, handler: 'a' }])[0]).toMatch(
      /^routes\[0\]\.path: .*Expected \{ method: /,
    );
    expect(problemsOf({ method: 'GET' })[0]).toMatch(/^routes: /);
  });
});
