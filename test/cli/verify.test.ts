/** --verify through the built CLI, against a local Cognito endpoint holding real-looking pools. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAcm } from '../helpers/acm.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { refusingEndpoint, startRequestTrap, startTestCognito, type TestCognito } from '../helpers/cognito.js';

const POOL = 'us-east-1_Good1';
const OTHER_POOL = 'us-east-1_Other2';
let cognito: TestCognito;

beforeAll(async () => {
  cognito = await startTestCognito([
    {
      id: POOL,
      name: 'users',
      clients: [
        {
          clientId: 'webclient',
          name: 'web',
          allowedOAuthScopes: ['openid', 'orders-api/read'],
          allowedOAuthFlows: ['code'],
          callbackUrls: ['https://app.example.com/callback'],
        },
        {
          clientId: 'serverclient',
          name: 'server',
          secret: 'do-not-print-this-secret',
          callbackUrls: ['https://app.example.com/callback'],
        },
      ],
    },
    { id: OTHER_POOL, name: 'others', clients: [{ clientId: 'foreignclient' }] },
  ]);
});
afterAll(() => cognito?.stop());

function verify(
  answers: { pool?: string; client?: string; origins?: string; scopes?: string; domain?: [string, string] },
  env?: Record<string, string | undefined>,
) {
  const cwd = tempDir();
  const pool = answers.pool ?? POOL;
  const args = [
    'svc',
    '--region',
    'us-east-1',
    '--user-pool-id',
    pool,
    '--client-id',
    answers.client ?? 'webclient',
    '--origins',
    answers.origins ?? 'https://app.example.com',
    '--yes',
    '--skip-install',
    '--verify',
  ];
  if (answers.scopes) args.push('--scopes', answers.scopes);
  if (answers.domain) args.push('--domain', answers.domain[0], '--certificate-arn', answers.domain[1]);
  return runCli(args, { cwd, env: env ?? cognito.envFor(pool) }).then((result) => ({
    ...result,
    written: existsSync(path.join(cwd, 'svc')),
  }));
}

describe('--verify against the pool', () => {
  it('passes a good pool and browser client, and generates', async () => {
    const result = await verify({ scopes: 'orders-api/read' });
    expect(result.code).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/^Checking us-east-1_Good1 and its app client against AWS \(us-east-1\)…$/m);
    expect(output).toMatch(/ok +user pool +us-east-1_Good1 exists \("users"\)/);
    expect(output).toMatch(/ok +app client +webclient \("web"\) belongs to the pool/);
    expect(output).toMatch(/ok +scopes/);
    expect(output).toMatch(/ok +issuer/);
    expect(output).toMatch(/ok +signing keys +1 RSA key/);
    expect(result.written).toBe(true);
  });

  it('fails on an unknown pool: exit 1, the fix named, nothing written', async () => {
    const result = await verify({ pool: 'us-east-1_Nope9' });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(
      /user pool us-east-1_Nope9 not found in region us-east-1: is the region right\? Nothing was written\./,
    );
    expect(result.written).toBe(false);
  });

  it('fails on a client of another pool', async () => {
    const result = await verify({ client: 'foreignclient' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/app client foreignclient not found in user pool us-east-1_Good1/);
    expect(result.written).toBe(false);
  });

  it('warns about a client with a secret, and never prints the secret', async () => {
    const result = await verify({ client: 'serverclient' });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/warning +client secret +the client has a secret/);
    expect(result.stdout + result.stderr).not.toContain('do-not-print-this-secret');
  });

  it('fails on a scope the client may not request', async () => {
    const result = await verify({ scopes: 'orders-api/write' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /scopes: orders-api\/write not allowed for the client \(AllowedOAuthScopes: openid, orders-api\/read\)/,
    );
  });

  it('warns about an origin that is not the origin of any callback URL', async () => {
    const result = await verify({ origins: 'https://app.example.com,https://admin.example.com' });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /warning +callback urls +https:\/\/admin.example.com is the origin of no callback URL/,
    );
  });

  it('reports an issuer it cannot reach as not checked, and generates', async () => {
    const result = await verify({}, { ...cognito.envFor(POOL), ISSUER: `${await refusingEndpoint()}/${POOL}` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/not checked +issuer +127\.0\.0\.1:\d+ could not be reached: ECONNREFUSED/);
    expect(result.written).toBe(true);
  });

  it('explains where credentials come from when there are none', async () => {
    const result = await verify(
      {},
      {
        ...cognito.envFor(POOL),
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_PROFILE: undefined,
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^No AWS credentials found for --verify\. The AWS SDK looks, in order, at: AWS_ACCESS_KEY_ID/m,
    );
    expect(result.written).toBe(false);
  });

  it('reports an endpoint that keeps answering 500 in one line, after bounded retries, nothing written', async () => {
    const trap = await startRequestTrap();
    try {
      const result = await verify(
        {},
        { ...cognito.envFor(POOL), AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: trap.endpoint },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^Cognito answered cognito-idp:DescribeUserPool in us-east-1 with a server error after 4 attempts \(Unknown, HTTP 500\)\. /,
      );
      expect(result.stderr).not.toMatch(/Unexpected error|\n\s+at /);
      expect(trap.requests()).toBe(4);
      expect(result.written).toBe(false);
    } finally {
      trap.stop();
    }
  });
});

describe('--verify of a custom domain', () => {
  const issued = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-0000-4000-8000-000000000000';
  const pending = 'arn:aws:acm:us-east-1:123456789012:certificate/22222222-0000-4000-8000-000000000000';

  it("asks ACM in the API's region: an issued certificate passes, one pending validation stops the run", async () => {
    const acm = await startFakeAcm({
      [issued]: { Status: 'ISSUED', DomainName: '*.example.com' },
      [pending]: { Status: 'PENDING_VALIDATION', DomainName: 'api.example.com' },
    });
    try {
      const env = { ...cognito.envFor(POOL), AWS_ENDPOINT_URL_ACM: acm.endpoint };
      const passed = await verify({ domain: ['api.example.com', issued] }, env);
      expect(passed.code).toBe(0);
      expect(passed.stdout + passed.stderr).toMatch(
        /^Checking us-east-1_Good1 and its app client, and the certificate of api\.example\.com, against AWS/m,
      );
      expect(passed.stdout + passed.stderr).toMatch(
        /^ {2}ok +certificate +issued in us-east-1, covers api\.example\.com$/m,
      );
      expect(acm.regions).toEqual(['us-east-1']);

      const refused = await verify({ domain: ['api.example.com', pending] }, env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/certificate: certificate .* is PENDING_VALIDATION, not ISSUED/);
      expect(refused.written).toBe(false);
    } finally {
      await acm.stop();
    }
  });
});
