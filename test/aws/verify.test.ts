/** The checks of --verify, on a Cognito stand-in: each result and its message. */
import { describe, expect, it } from 'vitest';
import type { AppClient, CognitoAccess, Named } from '../../src/aws/cognito.js';
import {
  formatReport,
  hasErrors,
  UnreachableError,
  verifyAnswers,
  type VerificationReport,
} from '../../src/aws/verify.js';
import { AwsUnavailableError } from '../../src/errors.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

const POOL = EXAMPLE_INPUT.userPoolId;
const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL}`;
const goodClient: AppClient = {
  id: EXAMPLE_INPUT.clientId,
  name: 'web',
  hasSecret: false,
  allowedOAuthScopes: ['openid', 'orders-api/read'],
  allowedOAuthFlows: ['code'],
  oauthEnabled: true,
  callbackUrls: ['https://app.example.com/callback', 'http://localhost:5173/'],
};

/** A Cognito stand-in; `null` for a pool or client that does not exist. */
function access({
  pool = { id: POOL, name: 'users' },
  client = goodClient,
}: {
  pool?: Named | null;
  client?: AppClient | null;
} = {}): CognitoAccess {
  return {
    credentialsAvailable: async () => true,
    listUserPools: async () => [],
    listUserPoolClients: async () => [],
    describeUserPool: async () => pool ?? undefined,
    describeUserPoolClient: async () => client ?? undefined,
  };
}

/** Discovery and JWKS documents as a pool serves them. */
function documents(issuer = ISSUER, keys: object[] = [{ kty: 'RSA', kid: 'a' }]) {
  return async (url: string) =>
    url.endsWith('openid-configuration') ? { issuer, jwks_uri: `${issuer}/.well-known/jwks.json` } : { keys };
}

const byName = (report: VerificationReport) => Object.fromEntries(report.checks.map((check) => [check.name, check]));

describe('verifyAnswers', () => {
  it('passes a pool and browser client that can issue the tokens the API accepts', async () => {
    const report = await verifyAnswers(parseAnswers({ ...EXAMPLE_INPUT, scopes: 'orders-api/read' }), access(), {
      fetchJson: documents(),
    });
    expect(report.checks.map((check) => `${check.status} ${check.name}`)).toEqual([
      'ok user pool',
      'ok app client',
      'ok scopes',
      'ok issuer',
      'ok signing keys',
    ]);
    expect(hasErrors(report)).toBe(false);
  });

  it('errs on a pool that is not in the region, and stops there', async () => {
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access({ pool: null }), { fetchJson: documents() });
    expect(report.checks).toEqual([
      {
        name: 'user pool',
        status: 'error',
        message: `user pool ${POOL} not found in region eu-west-1: is the region right?`,
      },
    ]);
  });

  it('errs on a client that is not in the pool', async () => {
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access({ client: null }), {
      fetchJson: documents(),
    });
    expect(byName(report)['app client']).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/not found in user pool/),
    });
  });

  it('warns about a client secret without showing it', async () => {
    const report = await verifyAnswers(
      parseAnswers(EXAMPLE_INPUT),
      access({ client: { ...goodClient, hasSecret: true } }),
      { fetchJson: documents() },
    );
    expect(byName(report)['client secret']!.status).toBe('warning');
    expect(hasErrors(report)).toBe(false);
  });

  it('errs on scopes the client may not request, and warns when no OAuth flow issues them (ref #5)', async () => {
    const client = { ...goodClient, allowedOAuthScopes: ['openid'], oauthEnabled: false };
    const report = await verifyAnswers(
      parseAnswers({ ...EXAMPLE_INPUT, scopes: 'orders-api/read' }),
      access({ client }),
      { fetchJson: documents() },
    );
    expect(byName(report).scopes).toMatchObject({
      status: 'error',
      message:
        'orders-api/read not allowed for the client (AllowedOAuthScopes: openid); its tokens can never carry them',
    });
    expect(byName(report)['oauth flows']!.status).toBe('warning');
  });

  it('warns about an origin that no callback URL comes from', async () => {
    const report = await verifyAnswers(
      parseAnswers({ ...EXAMPLE_INPUT, origins: 'https://app.example.com,https://admin.example.com' }),
      access(),
      { fetchJson: documents() },
    );
    expect(byName(report)['callback urls']).toMatchObject({
      status: 'warning',
      message: expect.stringMatching(/^https:\/\/admin.example.com is the origin of no callback URL/),
    });
  });

  it('errs when the pool emits the newer issuer, and names it as the fix (ref #2)', async () => {
    const emitted = `https://issuer-cognito-idp.eu-west-1.amazonaws.com/${POOL}`;
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access(), { fetchJson: documents(emitted) });
    expect(report.emittedIssuer).toBe(emitted);
    expect(byName(report).issuer).toMatchObject({
      status: 'error',
      message: expect.stringContaining(`Use --issuer ${emitted}`),
    });
    const fixed = await verifyAnswers(parseAnswers({ ...EXAMPLE_INPUT, issuer: emitted }), access(), {
      fetchJson: documents(emitted),
    });
    expect(hasErrors(fixed)).toBe(false);
  });

  it('errs when the JWKS holds no RSA key (ref #4)', async () => {
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access(), {
      fetchJson: documents(ISSUER, [{ kty: 'EC' }]),
    });
    expect(byName(report)['signing keys']!.status).toBe('error');
  });

  it('reads the discovery document of an overriding issuer (a local identity provider)', async () => {
    const local = `http://127.0.0.1:9/${POOL}`;
    const seen: string[] = [];
    const fetchJson = async (url: string) => (seen.push(url), documents(local)(url));
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access(), { fetchJson, issuerOverride: local });
    expect(seen[0]).toBe(`${local}/.well-known/openid-configuration`);
    expect(byName(report).issuer!.status).toBe('ok');
  });

  it('reports what it could not reach as not checked, not as an error', async () => {
    const offline = async (url: string): Promise<never> => {
      throw new UnreachableError(`${new URL(url).host} could not be reached: ENOTFOUND`);
    };
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access(), { fetchJson: offline });
    expect(byName(report).issuer).toMatchObject({ status: 'not checked', message: expect.stringMatching(/ENOTFOUND/) });
    expect(hasErrors(report)).toBe(false);

    const unreachable = access();
    unreachable.describeUserPool = async () => {
      throw new AwsUnavailableError(
        'Could not reach Cognito in eu-west-1 for cognito-idp:DescribeUserPool. Expected…',
        true,
      );
    };
    const cognitoOffline = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), unreachable, { fetchJson: documents() });
    expect(cognitoOffline.checks.map((check) => `${check.status} ${check.name}`)).toEqual([
      'not checked user pool',
      'not checked app client',
      'ok issuer',
      'ok signing keys',
    ]);
    expect(formatReport(cognitoOffline)).toMatch(
      /^ {2}not checked {2}user pool +Could not reach Cognito in eu-west-1/m,
    );
  });

  it('still errs on an issuer that answers but is not there', async () => {
    const missing = async (): Promise<never> => {
      throw new Error('HTTP 404');
    };
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access(), { fetchJson: missing });
    expect(byName(report).issuer!.status).toBe('error');
  });

  it('prints a short table', async () => {
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), access(), { fetchJson: documents() });
    expect(formatReport(report).split('\n')[0]).toBe('Checked against Cognito in eu-west-1:');
    expect(formatReport(report)).toMatch(/^ {2}ok {7}user pool/m);
  });
});
