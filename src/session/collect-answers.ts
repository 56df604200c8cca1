/**
 * src/session/, below the fronts: one run's options, questions, answers and next steps.
 *
 * Gathers the answers of one run, for any front: given values first, then, in an interactive
 * run, questions for the rest (picking pools and clients from AWS when credentials allow); a
 * run that must not prompt fails fast on anything missing. Optionally checks the answers
 * against the real user pool before anything is written.
 */
import { createCognitoAccess, type CognitoAccess } from '../aws/cognito.js';
import { formatReport, hasErrors, verifyAnswers } from '../aws/verify.js';
import { AwsCredentialsError, VerificationFailedError } from '../errors.js';
import { confirmQuestion, pickQuestion, questionsFor, type Question } from './prompts.js';
import type { Answers, GivenAnswers } from '../schema/answers.js';
import { checkGivenAnswers, resolveWithoutPrompts } from '../schema/given.js';
import { defaultPackageName, parseAnswers, withDerivedDefaults } from '../schema/parse.js';

export interface CollectOptions {
  /** Where the project goes; the default package name comes from it. */
  targetDir: string;
  /** False for `--yes`, CI and piped stdin: never prompt. */
  interactive: boolean;
  /** The front's prompt function (Yeoman's `this.prompt`). */
  ask: (questions: Question[]) => Promise<Record<string, unknown>>;
  /** Where reports go. */
  log: (text: string) => void;
  /** true: --verify; false: never touch AWS; undefined: ask, in an interactive run with credentials. */
  verify?: boolean;
  /** AWS profile for the checks and pickers (--profile). */
  profile?: string;
  /** Environment variables: AWS_REGION as a suggestion, ISSUER as the issuer to trust. */
  env?: Record<string, string | undefined>;
  /** Opens Cognito in a region; the AWS SDK unless given. */
  connect?: (region: string) => Promise<CognitoAccess>;
}

export async function collectAnswers(given: GivenAnswers, options: CollectOptions): Promise<Answers> {
  const connect = options.connect ?? ((region: string) => createCognitoAccess({ region, profile: options.profile }));
  if (!options.interactive) {
    const answers = resolveWithoutPrompts(given, options.targetDir);
    return options.verify ? verifyOrThrow(answers, await connect(answers.region), options) : answers;
  }
  checkGivenAnswers(given);
  // The region the pool id implies is filled in; the name stays a question with a default.
  const { name: _name, ...derived } = withDerivedDefaults(given, options.targetDir);
  const known: GivenAnswers = { ...derived, name: given.name };
  const suggestions = { name: defaultPackageName(options.targetDir), region: options.env?.AWS_REGION };
  Object.assign(known, await options.ask(questionsFor(known, suggestions, ['name', 'region'])));

  const access = options.verify === false ? undefined : await connect(String(known.region));
  const signedIn = access ? await access.credentialsAvailable() : false;
  if (options.verify && !signedIn) throw new AwsCredentialsError(options.profile);
  if (access && signedIn) await pickIds(known, access, options);

  Object.assign(known, await options.ask(questionsFor(known, suggestions)));
  const answers = parseAnswers(known);
  const wanted =
    options.verify ??
    (signedIn &&
      Boolean((await options.ask([confirmQuestion('verify', 'Check these against your AWS account?', true)])).verify));
  return wanted && access ? verifyOrThrow(answers, access, options) : answers;
}

/** Interactive pickers: the region's pools, then the chosen pool's app clients. */
async function pickIds(known: GivenAnswers, access: CognitoAccess, options: CollectOptions): Promise<void> {
  if (known.userPoolId === undefined) {
    const pools = (await access.listUserPools()).filter((pool) => pool.id.startsWith(`${String(known.region)}_`));
    if (pools.length > 0) {
      const { userPoolIdPick } = await options.ask([pickQuestion('userPoolId', pools)]);
      // "Enter an ID": typed now, so that its clients can be listed next.
      Object.assign(
        known,
        userPoolIdPick ? { userPoolId: userPoolIdPick } : await options.ask(questionsFor(known, {}, ['userPoolId'])),
      );
    }
  }
  if (known.clientId === undefined && typeof known.userPoolId === 'string') {
    const clients = await access.listUserPoolClients(known.userPoolId);
    if (clients.length > 0) {
      const { clientIdPick } = await options.ask([pickQuestion('clientId', clients)]);
      if (clientIdPick) known.clientId = clientIdPick;
    }
  }
}

/**
 * Runs the checks and prints the report. Errors stop the run; in an interactive run, a pool that
 * emits the newer issuer (ref #2) is offered as the fix.
 */
async function verifyOrThrow(answers: Answers, access: CognitoAccess, options: CollectOptions): Promise<Answers> {
  const issuerOverride = options.env?.ISSUER;
  // Progress: the checks are a few calls to AWS, each retried on failure.
  options.log(`Checking ${answers.userPoolId} and its app client against AWS (${answers.region})…`);
  let report = await verifyAnswers(answers, access, { issuerOverride });
  options.log(formatReport(report));
  if (report.emittedIssuer && options.interactive) {
    const question = confirmQuestion(
      'useEmittedIssuer',
      `Use the issuer the pool emits (${report.emittedIssuer})?`,
      true,
    );
    if ((await options.ask([question])).useEmittedIssuer) {
      answers = parseAnswers({ ...answers, issuer: report.emittedIssuer });
      report = await verifyAnswers(answers, access, { issuerOverride });
      options.log(formatReport(report));
    }
  }
  if (hasErrors(report)) {
    throw new VerificationFailedError(
      report.checks.filter((check) => check.status === 'error').map((check) => `${check.name}: ${check.message}`),
    );
  }
  return answers;
}
