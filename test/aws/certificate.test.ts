/**
 * --verify's check of the custom domain's certificate, against an ACM stand-in on loopback (the
 * SDK's own client, its endpoint set as a user would set it): it must exist in the API's region,
 * be issued and cover the domain.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { certificateCovers, createCertificateAccess } from '../../src/aws/acm.js';
import { formatReport, hasErrors, verifyAnswers } from '../../src/aws/verify.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { type FakeAcm, startFakeAcm } from '../helpers/acm.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { passingCognito, refusingEndpoint } from '../helpers/cognito.js';

const arn = (id: string) => `arn:aws:acm:eu-west-1:123456789012:certificate/${id}-0000-4000-8000-000000000000`;
const ISSUED_WILDCARD = arn('11111111');
const ISSUED_APEX = arn('22222222');
const PENDING = arn('33333333');
const MISSING = arn('44444444');

let acm: FakeAcm;
beforeAll(async () => {
  acm = await startFakeAcm({
    [ISSUED_WILDCARD]: { Status: 'ISSUED', DomainName: 'example.com', SubjectAlternativeNames: ['*.example.com'] },
    [ISSUED_APEX]: { Status: 'ISSUED', DomainName: 'example.com', SubjectAlternativeNames: ['example.com'] },
    [PENDING]: { Status: 'PENDING_VALIDATION', DomainName: 'api.example.com' },
  });
});
afterAll(() => acm.stop());
afterEach(() => vi.unstubAllEnvs());

/** A pool that checks out, and its issuer's documents, so that only the certificate's check varies. */
const pool = passingCognito(['https://app.example.com/', 'http://localhost:5173/']);
const documents = async (url: string) =>
  url.endsWith('openid-configuration')
    ? { issuer: `https://cognito-idp.eu-west-1.amazonaws.com/${EXAMPLE_INPUT.userPoolId}` }
    : { keys: [{ kty: 'RSA' }] };

/** The certificate's check of answers with `domain` and `certificateArn`, ACM at `endpoint`. */
async function certificateCheck(domain: string, certificateArn: string, endpoint = acm.endpoint) {
  for (const [name, value] of Object.entries({ ...acm.env, AWS_ENDPOINT_URL_ACM: endpoint })) vi.stubEnv(name, value);
  const answers = parseAnswers({ ...EXAMPLE_INPUT, domain, certificateArn });
  const report = await verifyAnswers(answers, pool, {
    fetchJson: documents,
    certificates: (region) => createCertificateAccess({ region, backoffMs: 1, timeoutMs: 1000 }),
  });
  return { report, check: report.checks.find((candidate) => candidate.name === 'certificate') };
}

describe('the custom domain certificate (--verify)', () => {
  it('passes an issued certificate whose wildcard name covers the domain, asked for in the API region', async () => {
    const { report, check } = await certificateCheck('api.example.com', ISSUED_WILDCARD);
    expect(check).toEqual({
      name: 'certificate',
      status: 'ok',
      message: 'issued in eu-west-1, covers api.example.com',
    });
    expect(hasErrors(report)).toBe(false);
    expect(acm.asked.at(-1)).toBe(ISSUED_WILDCARD);
    expect(acm.regions.at(-1)).toBe('eu-west-1');
    expect(formatReport(report)).toMatch(/^ {2}ok +certificate +issued in eu-west-1, covers api\.example\.com$/m);
  });

  it('refuses a certificate that does not exist in the region, naming it', async () => {
    const { report, check } = await certificateCheck('api.example.com', MISSING);
    expect(check?.status).toBe('error');
    expect(check?.message).toBe(
      `certificate ${MISSING} not found in ACM in eu-west-1: is it in another account, or was it deleted?`,
    );
    expect(hasErrors(report)).toBe(true);
  });

  it('refuses a certificate that is not issued yet, saying what issues it', async () => {
    const { check } = await certificateCheck('api.example.com', PENDING);
    expect(check?.status).toBe('error');
    expect(check?.message).toMatch(/is PENDING_VALIDATION, not ISSUED: API Gateway serves a custom domain only/);
    expect(check?.message).toMatch(/DNS validation record/);
  });

  it('refuses a certificate that does not cover the domain, listing the names it covers', async () => {
    const { check } = await certificateCheck('api.example.com', ISSUED_APEX);
    expect(check?.status).toBe('error');
    expect(check?.message).toBe(
      `certificate ${ISSUED_APEX} covers example.com, not api.example.com: browsers would refuse the custom ` +
        `domain's TLS. Use a certificate for api.example.com (or *.example.com)`,
    );
    // A wildcard stands for one label only.
    const deeper = await certificateCheck('v1.api.example.com', ISSUED_WILDCARD);
    expect(deeper.check?.status).toBe('error');
  });

  it('reports the certificate "not checked" when ACM cannot be reached, the other checks made', async () => {
    const { report, check } = await certificateCheck('api.example.com', ISSUED_WILDCARD, await refusingEndpoint());
    expect(check?.status).toBe('not checked');
    expect(check?.message).toMatch(/^Could not reach ACM in eu-west-1 for acm:DescribeCertificate after 4 attempts/);
    expect(hasErrors(report)).toBe(false);
    expect(report.checks.find((candidate) => candidate.name === 'user pool')?.status).toBe('ok');
  });

  it('is not made, and ACM not called, without a custom domain', async () => {
    const before = acm.asked.length;
    const report = await verifyAnswers(parseAnswers(EXAMPLE_INPUT), pool, {
      fetchJson: documents,
      certificates: () => Promise.reject(new Error('ACM must not be opened')),
    });
    expect(report.checks.map((check) => check.name)).not.toContain('certificate');
    expect(acm.asked.length).toBe(before);
  });
});

describe('certificateCovers', () => {
  it('matches a name exactly, or a wildcard for exactly one label, whatever the case', () => {
    expect(certificateCovers('api.example.com', 'API.example.com')).toBe(true);
    expect(certificateCovers('*.example.com', 'api.example.com')).toBe(true);
    expect(certificateCovers('*.example.com', 'example.com')).toBe(false);
    expect(certificateCovers('*.example.com', 'v1.api.example.com')).toBe(false);
    expect(certificateCovers('*.example.com', 'api.example.org')).toBe(false);
    expect(certificateCovers('example.com', 'api.example.com')).toBe(false);
  });
});
