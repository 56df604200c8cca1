/**
 * src/aws/, beside the core: reading Cognito (cognito.ts) and ACM (acm.ts), and checking answers
 * against them.
 *
 * Checks the answers against the real user pool, and the custom domain's certificate: what the
 * format rules cannot know. Each check is a named result; errors mean the deployed API could
 * never accept the app's tokens, or never serve its custom domain.
 */
import { AwsUnavailableError } from '../errors.js';
import type { Answers } from '../schema/answers.js';
import { issuerOf } from '../schema/parse.js';
import { issuersOf } from '../schema/rules.js';
import { certificateCovers, createCertificateAccess, type CertificateAccess } from './acm.js';
import type { CognitoAccess } from './cognito.js';

/** `not checked`: what the check needed could not be reached; a warning, since the answers may well be right. */
export type CheckStatus = 'ok' | 'warning' | 'error' | 'not checked';

export interface Check {
  name: string;
  status: CheckStatus;
  message: string;
}

export interface VerificationReport {
  region: string;
  checks: Check[];
  /** The issuer the pool's discovery document names, when it differs from the answers'. */
  emittedIssuer?: string;
}

export interface VerifyOptions {
  /** Trust another issuer, e.g. a local identity provider (ISSUER). */
  issuerOverride?: string;
  fetchJson?: (url: string) => Promise<unknown>;
  /** Opens ACM in the API's region, for the custom domain's certificate; the AWS SDK unless given. */
  certificates?: (region: string) => Promise<CertificateAccess>;
}

export const hasErrors = (report: VerificationReport) => report.checks.some((check) => check.status === 'error');

/** A document that could not be fetched because its server could not be reached (offline, a timeout). */
export class UnreachableError extends Error {}

/**
 * GET a JSON document with a timeout and two retries on network errors; a network failure that
 * outlasts them is an UnreachableError, an answer that is not a JSON document an Error.
 */
async function fetchJson(url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      if (attempt >= 3) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        throw new UnreachableError(`${new URL(url).host} could not be reached: ${cause}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  }
}

/** The first sentence of an error's message: its reason, for a line of the report. */
const reasonOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split(/(?<=\.) /)[0]!.replace(/\.$/, '');

const originOf = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
};

type AddCheck = (name: string, status: CheckStatus, message: string) => void;

export async function verifyAnswers(
  answers: Answers,
  access: CognitoAccess,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const checks: Check[] = [];
  const add: AddCheck = (name, status, message) => checks.push({ name, status, message });
  const report: VerificationReport = { region: answers.region, checks };
  await verifyPool(answers, access, options, add, report);
  await checkCertificate(answers, options, add);
  return report;
}

/** The user pool, its app client and the issuer. */
async function verifyPool(
  answers: Answers,
  access: CognitoAccess,
  options: VerifyOptions,
  add: AddCheck,
  report: VerificationReport,
): Promise<void> {
  let pool: Awaited<ReturnType<CognitoAccess['describeUserPool']>>;
  try {
    pool = await access.describeUserPool(answers.userPoolId);
  } catch (error) {
    // Cognito out of reach: its checks are not made, the issuer's (another host) still are.
    if (!(error instanceof AwsUnavailableError && error.unreachable)) throw error;
    add('user pool', 'not checked', reasonOf(error));
    add('app client', 'not checked', 'needs the user pool');
    await checkIssuer(answers, options, add, report);
    return;
  }
  if (!pool) {
    add(
      'user pool',
      'error',
      `user pool ${answers.userPoolId} not found in region ${answers.region}: is the region right?`,
    );
    return;
  }
  add('user pool', 'ok', `${pool.id} exists ("${pool.name}")`);

  const app = await access.describeUserPoolClient(answers.userPoolId, answers.clientId);
  if (!app) {
    add(
      'app client',
      'error',
      `app client ${answers.clientId} not found in user pool ${answers.userPoolId}: is it a client of another pool?`,
    );
  } else {
    add('app client', 'ok', `${app.id} ("${app.name}") belongs to the pool`);
    if (app.hasSecret) {
      add(
        'client secret',
        'warning',
        'the client has a secret, which a browser app cannot keep: its tokens pass the authorizer, but a ' +
          'single-page app cannot sign in with it',
      );
    }
    if (answers.scopes.length > 0) {
      const missing = answers.scopes.filter((scope) => !app.allowedOAuthScopes.includes(scope));
      add(
        'scopes',
        missing.length > 0 ? 'error' : 'ok',
        missing.length > 0
          ? `${missing.join(', ')} not allowed for the client (AllowedOAuthScopes: ` +
              `${app.allowedOAuthScopes.join(', ') || 'none'}); its tokens can never carry them`
          : `the client may request ${answers.scopes.join(', ')}`,
      );
      // ref #5: only tokens from the OAuth endpoints carry custom scopes.
      const issuingFlow =
        app.oauthEnabled &&
        app.allowedOAuthFlows.some((flow) => ['code', 'implicit', 'client_credentials'].includes(flow));
      if (!issuingFlow)
        add(
          'oauth flows',
          'warning',
          'no OAuth flow is enabled for the client, so no token it gets carries the required scopes',
        );
    }
    const callbackOrigins = app.callbackUrls.map(originOf);
    const unlisted = answers.origins.filter((origin) => origin !== '*' && !callbackOrigins.includes(origin));
    if (unlisted.length > 0) {
      add(
        'callback urls',
        'warning',
        `${unlisted.join(', ')} ${unlisted.length > 1 ? 'are' : 'is'} the origin of no callback URL: the hosted ` +
          `login cannot redirect back there`,
      );
    }
  }

  await checkIssuer(answers, options, add, report);
}

/**
 * The custom domain's certificate, described in the API's region (a regional custom domain takes
 * no other): it must exist there, be issued, and cover the domain, or API Gateway refuses the domain.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
 */
async function checkCertificate(answers: Answers, options: VerifyOptions, add: AddCheck): Promise<void> {
  const { domain, certificateArn, region } = answers;
  if (domain === undefined || certificateArn === undefined) return;
  const connect = options.certificates ?? ((where: string) => createCertificateAccess({ region: where }));
  let certificate: Awaited<ReturnType<CertificateAccess['describeCertificate']>>;
  try {
    certificate = await (await connect(region)).describeCertificate(certificateArn);
  } catch (error) {
    if (!(error instanceof AwsUnavailableError && error.unreachable)) throw error;
    add('certificate', 'not checked', reasonOf(error));
    return;
  }
  if (!certificate) {
    add(
      'certificate',
      'error',
      `certificate ${certificateArn} not found in ACM in ${region}: is it in another account, or was it deleted?`,
    );
    return;
  }
  if (certificate.status !== 'ISSUED') {
    add(
      'certificate',
      'error',
      `certificate ${certificateArn} is ${certificate.status}, not ISSUED: API Gateway serves a custom domain ` +
        'only with an issued certificate (a requested one is issued once its DNS validation record is in place)',
    );
    return;
  }
  const names = certificate.domainNames;
  if (!names.some((name) => certificateCovers(name, domain))) {
    add(
      'certificate',
      'error',
      `certificate ${certificateArn} covers ${names.join(', ') || 'no name'}, not ${domain}: browsers would refuse ` +
        `the custom domain's TLS. Use a certificate for ${domain} (or *.${domain.slice(domain.indexOf('.') + 1)})`,
    );
    return;
  }
  add('certificate', 'ok', `issued in ${region}, covers ${domain}`);
}

/** ref #2, #4: the discovery document names the issuer the tokens carry, and its keys must be RSA. */
async function checkIssuer(
  answers: Answers,
  options: VerifyOptions,
  add: (name: string, status: CheckStatus, message: string) => void,
  report: VerificationReport,
) {
  const expected = options.issuerOverride ?? issuerOf(answers);
  const get = options.fetchJson ?? fetchJson;
  let discovery: { issuer?: string; jwks_uri?: string };
  try {
    discovery = (await get(`${expected}/.well-known/openid-configuration`)) as typeof discovery;
  } catch (error) {
    if (error instanceof UnreachableError) {
      add('issuer', 'not checked', `${error.message}; the issuer and its keys are not checked`);
      return;
    }
    add(
      'issuer',
      'error',
      `could not read ${expected}/.well-known/openid-configuration (${error instanceof Error ? error.message : error})`,
    );
    return;
  }
  if (discovery.issuer === expected) {
    add('issuer', 'ok', `tokens carry iss ${expected}`);
  } else {
    if (issuersOf(answers.region, answers.userPoolId).includes(discovery.issuer ?? ''))
      report.emittedIssuer = discovery.issuer;
    add(
      'issuer',
      'error',
      `the pool's tokens carry iss ${discovery.issuer}, not ${expected}; the authorizer would refuse them all` +
        (report.emittedIssuer ? `. Use --issuer ${report.emittedIssuer}` : ''),
    );
  }
  try {
    const jwks = (await get(discovery.jwks_uri ?? `${expected}/.well-known/jwks.json`)) as {
      keys?: Array<{ kty?: string }>;
    };
    const rsa = (jwks.keys ?? []).filter((key) => key.kty === 'RSA').length;
    add(
      'signing keys',
      rsa > 0 ? 'ok' : 'error',
      rsa > 0
        ? `${rsa} RSA key(s) in the JWKS`
        : 'the JWKS holds no RSA key; the authorizer accepts RSA signatures only',
    );
  } catch (error) {
    if (error instanceof UnreachableError) add('signing keys', 'not checked', error.message);
    else add('signing keys', 'error', `could not read the JWKS (${error instanceof Error ? error.message : error})`);
  }
}

/** The report as a short table. */
export function formatReport(report: VerificationReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const statusWidth = Math.max('warning'.length, ...report.checks.map((check) => check.status.length));
  const lines = report.checks.map(
    (check) => `  ${check.status.padEnd(statusWidth + 1)} ${check.name.padEnd(width)}  ${check.message}`,
  );
  return [`Checked against Cognito in ${report.region}:`, ...lines].join('\n');
}
