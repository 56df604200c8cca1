/**
 * ID tokens on added routes (ref #5): API Gateway admits an ID token of the pool on a route without
 * scopes. Every generated protected handler goes through one guard (src/lib/access-token.ts), and
 * the generated test suite fails for a route whose handler does not: run here, in a rendered
 * project with an added route, once with a handler written the documented way and once without.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/schema/parse.js';
import { renderProject } from '../../src/render/render-project.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { exec } from '../helpers/exec.js';
import { writeProject } from '../contract/model.js';

const VITEST = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const ORDERS = { method: 'POST', path: '/orders', handler: 'orders' } as const;

/** A handler as one would write it by hand from an older sample: no token_use check. */
const UNGUARDED = `import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { json } from '../lib/respond';

export async function handler(event: APIGatewayProxyEventV2WithJWTAuthorizer) {
  return json(201, { created: true, by: event.requestContext.authorizer.jwt.claims.sub }, event.headers?.origin);
}
`;

function projectWithOrders(label: string): string {
  return writeProject(renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac: 'sam' }), { routes: [ORDERS] }), label);
}

/**
 * The generated project's own test of its protected routes, run with this repository's vitest:
 * its exit code and each test's status by full name ("POST /orders answers an ID token with 403").
 */
async function runProtectedRoutesTest(dir: string) {
  const env = Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith('VITEST'))
      .map((name) => [name, undefined]),
  );
  const report = path.join(dir, 'vitest-report.json');
  const args = [VITEST, 'run', 'test/handlers/protected-routes.test.ts', '--reporter=json', `--outputFile=${report}`];
  const { code, output } = await exec(process.execPath, args, { cwd: dir, env });
  const results = (
    JSON.parse(readFileSync(report, 'utf8')) as {
      testResults: Array<{ assertionResults: Array<{ fullName: string; status: string }> }>;
    }
  ).testResults;
  const statuses = Object.fromEntries(
    results.flatMap((file) => file.assertionResults.map((test) => [test.fullName, test.status])),
  );
  return { code, output, statuses };
}

describe('ID tokens on protected routes (ref #5)', () => {
  it('the generated test fails for an added route whose handler lets an ID token through', async () => {
    const dir = projectWithOrders('id-tokens-unguarded');
    writeFileSync(path.join(dir, 'src/handlers/orders.ts'), UNGUARDED);
    const { code, output, statuses } = await runProtectedRoutesTest(dir);
    expect(code, output).not.toBe(0);
    expect(statuses).toEqual({
      'POST /orders answers an ID token with 403 before its handler runs': 'failed',
      'POST /orders answers a token without token_use with 403': 'failed',
      // The sample route, written the documented way, passes.
      'GET /me answers an ID token with 403 before its handler runs': 'passed',
      'GET /me answers a token without token_use with 403': 'passed',
    });
  }, 120_000);

  it('passes for an added route written the documented way (a copy of the sample handler)', async () => {
    const dir = projectWithOrders('id-tokens-guarded');
    copyFileSync(path.join(dir, 'src/handlers/me.ts'), path.join(dir, 'src/handlers/orders.ts'));
    const { code, output, statuses } = await runProtectedRoutesTest(dir);
    expect(code, output).toBe(0);
    expect(Object.keys(statuses)).toHaveLength(4);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['passed']));
  }, 120_000);
});
