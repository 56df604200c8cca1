/**
 * The check of the answers against AWS (src/aws/verify.ts), as a run makes it: a line before it
 * calls AWS, the report, and, in an interactive run, the pool's newer issuer offered as the fix
 * (ref #2). A run given --verify without a terminal stops on an error; an interactive run asks.
 */
import type { CertificateAccess } from '../aws/acm.js';
import type { CognitoAccess } from '../aws/cognito.js';
import { formatReport, hasErrors, verifyAnswers, type VerificationReport } from '../aws/verify.js';
import { CognitoJwtApiError, VerificationFailedError } from '../errors.js';
import type { Answers } from '../schema/answers.js';
import { parseAnswers } from '../schema/parse.js';
import { reasonOf } from './aws-link.js';
import { confirmQuestion, type Question } from './prompts.js';

export interface CheckOptions {
  log: (text: string) => void;
  /** Environment variables: ISSUER as the issuer to trust. */
  env?: Record<string, string | undefined>;
  /** Set in an interactive run: the newer issuer is offered, and a failed call is reported as a check. */
  ask?: (questions: Question[]) => Promise<Record<string, unknown>>;
  /** Opens ACM in a region, for the custom domain's certificate; the AWS SDK unless given. */
  certificates?: (region: string) => Promise<CertificateAccess>;
}

/** The errors of a report, one line each. */
export const errorsOf = (report: VerificationReport) =>
  report.checks.filter((check) => check.status === 'error').map((check) => `${check.name}: ${check.message}`);

/** Checks the answers and prints the report; returns them (with the issuer the user took) and the report. */
export async function runChecks(
  answers: Answers,
  access: CognitoAccess,
  options: CheckOptions,
): Promise<{ answers: Answers; report: VerificationReport }> {
  const verify = async (checked: Answers): Promise<VerificationReport> => {
    try {
      return await verifyAnswers(checked, access, {
        issuerOverride: options.env?.ISSUER,
        certificates: options.certificates,
      });
    } catch (error) {
      // Asked in a terminal, a refused call (denied, Cognito failing) is one more error to decide on.
      if (!options.ask || !(error instanceof CognitoJwtApiError)) throw error;
      return { region: checked.region, checks: [{ name: 'check', status: 'error', message: reasonOf(error) }] };
    }
  };
  // Progress: the checks are a few calls to AWS, each retried on failure.
  const certificate = answers.domain === undefined ? '' : `, and the certificate of ${answers.domain},`;
  options.log(`Checking ${answers.userPoolId} and its app client${certificate} against AWS (${answers.region})…`);
  let report = await verify(answers);
  options.log(formatReport(report));
  if (report.emittedIssuer && options.ask) {
    const question = confirmQuestion(
      'useEmittedIssuer',
      `Use the issuer the pool emits (${report.emittedIssuer})?`,
      true,
    );
    if ((await options.ask([question])).useEmittedIssuer) {
      answers = parseAnswers({ ...answers, issuer: report.emittedIssuer });
      report = await verify(answers);
      options.log(formatReport(report));
    }
  }
  return { answers, report };
}

/** --verify without a terminal: errors stop the run. */
export async function checkOrThrow(answers: Answers, access: CognitoAccess, options: CheckOptions): Promise<Answers> {
  const checked = await runChecks(answers, access, options);
  if (hasErrors(checked.report)) throw new VerificationFailedError(errorsOf(checked.report), 'flag');
  return checked.answers;
}
