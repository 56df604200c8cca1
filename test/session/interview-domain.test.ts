/**
 * An interactive run given a custom domain as flags: no question asks for it, and "Change answers"
 * after a failed check keeps it, as it keeps the runtime, since no question would bring it back.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateAccess } from '../../src/aws/acm.js';
import { collectAnswers } from '../../src/session/collect-answers.js';
import type { Question } from '../../src/session/prompts.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { passingCognito, refusingEndpoint } from '../helpers/cognito.js';

const ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';

const pool = passingCognito(EXAMPLE_INPUT.origins.map((origin) => `${origin}/`));

describe('an interactive run with --domain and --certificate-arn', () => {
  it('asks nothing about them, and keeps them through "Change answers" after a failed check', async () => {
    const asked: string[] = [];
    const choices = ['change', 'generate'];
    const typed: Record<string, string> = {
      name: 'svc',
      userPoolId: EXAMPLE_INPUT.userPoolId,
      clientId: EXAMPLE_INPUT.clientId,
      origins: EXAMPLE_INPUT.origins.join(','),
      scopes: '',
      iac: 'cdk',
    };
    const ask = async ([question]: Question[]) => {
      asked.push(question!.name);
      return { [question!.name]: question!.name === 'afterCheck' ? choices.shift() : typed[question!.name] };
    };
    const described: string[] = [];
    const certificates = async (region: string): Promise<CertificateAccess> => ({
      describeCertificate: async (arn) => {
        described.push(`${region} ${arn}`);
        return { arn, status: 'PENDING_VALIDATION', domainNames: ['api.example.com'] };
      },
    });
    const answers = await collectAnswers(
      { ...EXAMPLE_INPUT, name: 'svc', scopes: [], domain: 'api.example.com', certificateArn: ARN },
      {
        targetDir: 'svc',
        interactive: true,
        verify: true,
        ask,
        log: () => {},
        connect: async () => pool,
        certificates,
        // The issuer's documents out of reach: "not checked", so that the certificate is the one error.
        env: { ISSUER: `${await refusingEndpoint()}/issuer` },
      },
    );
    expect(asked).not.toContain('domain');
    expect(asked).not.toContain('certificateArn');
    // The second round asked every question again.
    expect(asked.filter((name) => name === 'userPoolId')).toHaveLength(1);
    expect(asked.filter((name) => name === 'afterCheck')).toHaveLength(2);
    expect(described).toEqual([`eu-west-1 ${ARN}`, `eu-west-1 ${ARN}`]);
    expect(answers).toMatchObject({ domain: 'api.example.com', certificateArn: ARN });
  });
});
