/**
 * "Change answers" after a failed check asks every question again, suggesting each answer it had.
 * What no question asks for (flags only: throttling, the GitHub repository, the dev environment's
 * pool and client, the runtime) must come through unchanged: the user cannot give it back there.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateAccess } from '../../src/aws/acm.js';
import { collectAnswers, type CollectOptions } from '../../src/session/collect-answers.js';
import type { Question } from '../../src/session/prompts.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { passingCognito, refusingEndpoint } from '../helpers/cognito.js';

const ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';
const DEV_POOL = 'eu-west-1_DeVeLoPmEn';
const DEV_CLIENT = '1dev23456789abcdefghijklmn';
/** A pool the check does not find: the first round's error where no certificate is given. */
const MISSING_POOL = 'us-east-1_NoSuChPoOl';

/** Given as flags: answers no question asks for, and dev origins, which a question does. */
const FLAGS = {
  ...EXAMPLE_INPUT,
  name: 'svc',
  scopes: [],
  rateLimit: '500',
  burstLimit: '1000',
  githubRepository: 'acme/orders-api',
  devUserPoolId: DEV_POOL,
  devClientId: DEV_CLIENT,
  devOrigins: 'http://localhost:3000',
  runtime: 'nodejs22.x',
  // A certificate still pending: the check fails, once per round.
  domain: 'api.example.com',
  certificateArn: ARN,
};

/**
 * An interactive run with `given` that takes "Change answers" after the first check and "Generate
 * anyway" after the second, answering each question with `typed` or, like Enter, its suggestion.
 */
async function changeOnce(given: Record<string, unknown>, typed: Record<string, string> = {}) {
  const asked: Question[] = [];
  const choices = ['change', 'generate'];
  const ask: CollectOptions['ask'] = async ([question]) => {
    asked.push(question!);
    const value = question!.name === 'afterCheck' ? choices.shift() : (typed[question!.name] ?? question!.default);
    return { [question!.name]: value };
  };
  const certificates = async (): Promise<CertificateAccess> => ({
    describeCertificate: async (arn) => ({ arn, status: 'PENDING_VALIDATION', domainNames: ['api.example.com'] }),
  });
  const logged: string[] = [];
  const answers = await collectAnswers(given, {
    targetDir: 'svc',
    interactive: true,
    verify: true,
    ask,
    log: (text) => logged.push(text),
    // The example's pool does not exist; any other does.
    connect: async () => {
      const cognito = passingCognito(EXAMPLE_INPUT.origins.map((origin) => `${origin}/`));
      const describeUserPool = cognito.describeUserPool;
      return {
        ...cognito,
        describeUserPool: async (id) => (id === MISSING_POOL ? undefined : describeUserPool(id)),
      };
    },
    certificates,
    // The issuer's documents out of reach: "not checked", so that the certificate is the one error.
    env: { ISSUER: `${await refusingEndpoint()}/issuer` },
  });
  return { answers, asked, logged };
}

describe('"Change answers" after a failed check', () => {
  it('keeps every answer no question asks for, and suggests the dev origins it had', async () => {
    const { answers, asked } = await changeOnce(FLAGS);
    expect(asked.filter((question) => question.name === 'afterCheck')).toHaveLength(2);
    const devOrigins = asked.filter((question) => question.name === 'devOrigins');
    // Given as a flag the first time; asked in the second round, with the answer it had.
    expect(devOrigins.map((question) => question.default)).toEqual(['http://localhost:3000']);
    expect(answers).toMatchObject({
      rateLimit: 500,
      burstLimit: 1000,
      githubRepository: 'acme/orders-api',
      devUserPoolId: DEV_POOL,
      devClientId: DEV_CLIENT,
      devOrigins: ['http://localhost:3000'],
      runtime: 'nodejs22.x',
      domain: 'api.example.com',
      certificateArn: ARN,
    });
    for (const field of ['rateLimit', 'burstLimit', 'githubRepository', 'devUserPoolId', 'devClientId', 'runtime'])
      expect(asked.map((question) => question.name)).not.toContain(field);
  });

  it("drops the dev environment's own pool and client when the new pool is in another region, and says so", async () => {
    const { domain: _, certificateArn: __, ...flags } = FLAGS;
    // The right pool is in us-east-1, where the API now goes: the dev pool of eu-west-1 cannot serve it.
    const { answers, logged } = await changeOnce(
      {
        ...flags,
        region: 'us-east-1',
        userPoolId: MISSING_POOL,
        devUserPoolId: DEV_POOL.replace('eu-west-1', 'us-east-1'),
      },
      { userPoolId: 'eu-west-1_AbCdEfGhI' },
    );
    expect(answers).toMatchObject({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEfGhI', rateLimit: 500 });
    expect(answers.devUserPoolId).toBeUndefined();
    expect(answers.devClientId).toBeUndefined();
    expect(logged).toContain(
      'Dropped the dev user pool us-east-1_DeVeLoPmEn and its app client: the pool is in us-east-1, the API now ' +
        'in eu-west-1. The dev environment uses the production pool; --dev-user-pool-id gives it its own.',
    );
  });

  it('drops a dev app client of the production pool when the pool changes, and says so', async () => {
    const { domain: _, certificateArn: __, devUserPoolId: ___, ...flags } = FLAGS;
    const { answers, logged } = await changeOnce(
      { ...flags, region: 'us-east-1', userPoolId: MISSING_POOL },
      { userPoolId: 'us-east-1_AbCdEfGhI' },
    );
    expect(answers).toMatchObject({ userPoolId: 'us-east-1_AbCdEfGhI', burstLimit: 1000 });
    expect(answers.devClientId).toBeUndefined();
    expect(logged).toContain(
      `Dropped the dev app client ${DEV_CLIENT}: it belongs to ${MISSING_POOL}, the production pool before. The ` +
        'dev environment uses the production app client; --dev-client-id gives it its own.',
    );
  });
});
