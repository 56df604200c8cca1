/**
 * The reader of a project's src/api.ts: the origins, scopes and routes it holds, read as literals
 * only, and a clear refusal for anything else.
 */
import { describe, expect, it } from 'vitest';
import { ProjectApiError, UpdateError } from '../../src/errors.js';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { readProjectApi } from '../../src/update/project-api.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

const ROUTES = [
  { method: 'POST', path: '/orders', handler: 'orders' },
  { method: 'DELETE', path: '/orders/{id}', handler: 'orders', scopes: ['orders-api/admin'] },
] as const;

function generatedApi(input: Record<string, unknown>, routes: readonly object[] = []): string {
  const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, ...input }), { routes: routes as never });
  return files.find((file) => file.path === 'src/api.ts')!.contents;
}

const API = `
export const auth = { userPoolId: 'x', scopes: ['orders-api/read', \`orders-api/write\`,] as const };
export const routes: readonly Route[] = [
  // the sample
  { method: 'GET', path: '/me', handler: 'me' },
  { 'method': "POST", path: '/orders', handler: ('orders') } satisfies Route,
];
export const cors = {
  allowOrigins: ['https://app.example.com' /* production */] as readonly string[],
  allowMethods: [...new Set<string>([...routes.map((route) => route.method), 'OPTIONS'])] as readonly string[],
};
`;

describe('readProjectApi', () => {
  it('shares out the one list of a project of before environments: loopback origins to dev only, others to both', () => {
    const old = API.replace(
      "'https://app.example.com' /* production */",
      "'https://app.example.com', 'http://127.0.0.1:3000'",
    );
    expect(readProjectApi(old)).toMatchObject({
      origins: ['https://app.example.com'],
      devOrigins: ['https://app.example.com', 'http://127.0.0.1:3000'],
    });
  });

  it('reads each environment of environments, as literals', () => {
    const text = API.replace(
      'export const cors = {',
      "export const environments = {\n  dev: { allowOrigins: ['http://localhost:5173'] },\n" +
        "  prod: { userPoolId: 'x', allowOrigins: ['https://app.example.com'] },\n} satisfies Record<string, unknown>;\n" +
        'export const cors = {',
    );
    expect(readProjectApi(text)).toMatchObject({
      origins: ['https://app.example.com'],
      devOrigins: ['http://localhost:5173'],
    });
    expect(() => readProjectApi(text.replace("['http://localhost:5173']", 'DEV_ORIGINS'))).toThrow(
      /src\/api\.ts: environments\.dev\.allowOrigins is "DEV_ORIGINS", not a literal/,
    );
  });

  it('reads back the origins, scopes and routes a generation wrote, for every flavour', () => {
    for (const iac of ['cdk', 'terraform', 'sam']) {
      const text = generatedApi(
        {
          iac,
          origins: 'https://app.example.com',
          devOrigins: 'http://localhost:5173,https://dev.example.com',
          scopes: 'orders-api/read',
        },
        ROUTES,
      );
      expect(readProjectApi(text), iac).toEqual({
        origins: ['https://app.example.com'],
        devOrigins: ['http://localhost:5173', 'https://dev.example.com'],
        scopes: ['orders-api/read'],
        routes: [{ method: 'GET', path: '/me', handler: 'me' }, ...ROUTES],
      });
    }
  });

  it('reads literals in any quotes, with comments, trailing commas, parentheses, `as` and `satisfies`', () => {
    expect(readProjectApi(API)).toEqual({
      origins: ['https://app.example.com'],
      devOrigins: ['https://app.example.com'],
      scopes: ['orders-api/read', 'orders-api/write'],
      routes: [
        { method: 'GET', path: '/me', handler: 'me' },
        { method: 'POST', path: '/orders', handler: 'orders' },
      ],
    });
  });

  it('refuses a value it cannot read as a literal, naming the file, the property and the fix', () => {
    const cases: [string, string, RegExp][] = [
      ["['https://app.example.com' /* production */]", 'process.env.ORIGINS!.split(",")', /cors\.allowOrigins/],
      [
        "['https://app.example.com' /* production */]",
        '[...PRODUCTION, "https://app.example.com"]',
        /cors\.allowOrigins/,
      ],
      ["scopes: ['orders-api/read', `orders-api/write`,]", 'scopes: [`${SERVER}/read`]', /auth\.scopes/],
      [
        "{ 'method': \"POST\", path: '/orders', handler: ('orders') } satisfies Route,",
        '...adminRoutes,',
        /routes\[1\]/,
      ],
      ["handler: ('orders')", 'handler: HANDLER', /routes\[1\]\.handler/],
    ];
    for (const [from, to, names] of cases) {
      const edited = API.replace(from, to);
      expect(edited).not.toBe(API);
      const error = (() => {
        try {
          readProjectApi(edited);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error, to).toBeInstanceOf(ProjectApiError);
      expect(error).toBeInstanceOf(UpdateError);
      expect((error as Error).message).toMatch(/^src\/api\.ts: /);
      expect((error as Error).message).toMatch(names);
      expect((error as Error).message).toMatch(/Expected .*literal.*run update again/);
    }
  });

  it('refuses a file without the declarations it reads', () => {
    expect(() => readProjectApi(API.replace('export const cors', 'export const corsPolicy'))).toThrow(
      /src\/api\.ts: .*no `cors\.allowOrigins`/,
    );
    expect(() => readProjectApi(API.replace('scopes:', 'requiredScopes:'))).toThrow(ProjectApiError);
    expect(() => readProjectApi('export const routes = [')).toThrow(ProjectApiError);
  });
});
