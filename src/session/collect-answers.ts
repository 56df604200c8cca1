/**
 * src/session/, below the fronts: one run's options, questions, answers and next steps.
 *
 * Gathers the answers of one run, for any front: given values first, then, in an interactive
 * run, questions for the rest (picking pools and clients from AWS when credentials allow); a
 * run that must not prompt fails fast on anything missing. Optionally checks the answers
 * against the real user pool before anything is written; in an interactive run, errors the
 * check finds are the user's to decide on: generate anyway, change answers, or stop.
 */
import path from 'node:path';
import { createCertificateAccess, type CertificateAccess } from '../aws/acm.js';
import { createCognitoAccess, type CognitoAccess } from '../aws/cognito.js';
import { hasErrors } from '../aws/verify.js';
import { AwsCredentialsError, VerificationFailedError } from '../errors.js';
import {
  ANSWER_FIELDS,
  type AnswerField,
  type AnswerLabels,
  type Answers,
  type GivenAnswers,
} from '../schema/answers.js';
import { checkGivenAnswers, resolveWithoutPrompts } from '../schema/given.js';
import { defaultPackageName, normaliseAnswer, parseAnswers, withRegionOfPool } from '../schema/parse.js';
import { regionOfUserPool } from '../schema/rules.js';
import { AwsLink } from './aws-link.js';
import { checkOrThrow, errorsOf, runChecks } from './checks.js';
import {
  ASKED,
  confirmQuestion,
  pickQuestion,
  promptLabels,
  questionFor,
  selectQuestion,
  type Question,
} from './prompts.js';

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
  /** Environment variables: AWS_REGION for the pool picker, ISSUER as the issuer to trust. */
  env?: Record<string, string | undefined>;
  /** Opens Cognito in a region; the AWS SDK unless given. */
  connect?: (region: string) => Promise<CognitoAccess>;
  /** Opens ACM in a region, for --verify's check of the custom domain's certificate; the AWS SDK unless given. */
  certificates?: (region: string) => Promise<CertificateAccess>;
  /** Told the answers known so far each time one is added: a front that stops early can still show them. */
  onProgress?: (answers: GivenAnswers) => void;
}

export async function collectAnswers(given: GivenAnswers, options: CollectOptions): Promise<Answers> {
  const connect = options.connect ?? ((region: string) => createCognitoAccess({ region, profile: options.profile }));
  const certificates =
    options.certificates ?? ((region: string) => createCertificateAccess({ region, profile: options.profile }));
  if (!options.interactive) {
    const answers = resolveWithoutPrompts(given, options.targetDir);
    if (given.name === undefined) noteDerivedName(answers.name, options);
    if (!options.verify) return answers;
    return checkOrThrow(answers, await connect(answers.region), { log: options.log, env: options.env, certificates });
  }
  checkGivenAnswers(given);
  return new Interview(given, { ...options, certificates }, connect).run();
}

/** Answers that belong to the pool: asked or derived again when the answers change. */
const FOLLOW_THE_POOL: readonly AnswerField[] = ['region', 'issuer'];

/** Says so when the package name is not the folder's name as it is. */
function noteDerivedName(name: string, options: CollectOptions): void {
  const folder = path.basename(path.resolve(options.targetDir));
  if (name !== folder)
    options.log(
      `Package name: ${name} (the folder name "${folder}" is not a valid npm package name; --name sets one).`,
    );
}

/** An interactive run's questions, in order: each answer known before the next question is asked. */
class Interview {
  private known: GivenAnswers;
  /** Answers given as flags: messages name them by their flag. */
  private readonly fromFlags: Set<AnswerField>;
  private readonly aws: AwsLink | undefined;

  constructor(
    given: GivenAnswers,
    private readonly options: CollectOptions,
    connect: (region: string) => Promise<CognitoAccess>,
  ) {
    // The region the pool id implies is filled in.
    this.known = withRegionOfPool(given);
    this.fromFlags = new Set(Object.keys(given) as AnswerField[]);
    this.aws = options.verify === false ? undefined : new AwsLink(connect, options.log, options);
  }

  async run(): Promise<Answers> {
    if (this.options.verify) await this.requireCredentials(this.known.region);
    await this.askMissing({ name: defaultPackageName(this.options.targetDir) });
    if (this.options.verify) await this.requireCredentials(this.known.region);
    let answers = parseAnswers(this.known);
    if (!(this.options.verify ?? (await this.offerCheck(answers.region)))) return answers;
    for (;;) {
      const checked = await runChecks(answers, await this.aws!.access(answers.region), this.options);
      // The pool's newer issuer, when the user took it.
      if (checked.answers.issuer !== answers.issuer) {
        this.known.issuer = checked.answers.issuer;
        this.progress();
      }
      if (!hasErrors(checked.report)) return checked.answers;
      const choice = await this.ask(
        selectQuestion('afterCheck', `The check found ${errorsOf(checked.report).length} error(s). What now?`, [
          { name: 'Generate anyway (fix the pool or the answers later)', value: 'generate' },
          { name: 'Change answers', value: 'change' },
          { name: 'Cancel (nothing is written)', value: 'cancel' },
        ]),
      );
      if (choice === 'generate') return checked.answers;
      if (choice === 'cancel') throw new VerificationFailedError(errorsOf(checked.report), 'cancelled');
      await this.changeAnswers(checked.answers);
      answers = parseAnswers(this.known);
    }
  }

  private async ask(question: Question): Promise<unknown> {
    const value = (await this.options.ask([question]))[question.name];
    // Pasted text often brings a space or a line end along.
    return typeof value === 'string' ? value.trim() : value;
  }

  private progress(): void {
    this.options.onProgress?.({ ...this.known });
  }

  /** Asks, in order, for every asked answer not known yet; `suggestions` pre-fill them. */
  private async askMissing(suggestions: Partial<Record<AnswerField, string>>): Promise<void> {
    const labels = promptLabels(this.fromFlags);
    for (const field of ASKED) {
      if (this.known[field] !== undefined) continue;
      const suggestion = suggestions[field];
      if (field === 'userPoolId') await this.askPool(suggestion, labels);
      else if (field === 'clientId') await this.askClient(suggestion, labels);
      else if (field === 'origins') await this.askOrigins(suggestion, labels);
      else this.known[field] = await this.ask(questionFor(field, this.known, { suggestion, labels }));
      const devOrigins = field === 'devOrigins' && normaliseAnswer(field, String(this.known.devOrigins));
      if (Array.isArray(devOrigins)) this.options.log(`Dev origins: ${devOrigins.join(', ')}`);
      this.progress();
    }
  }

  /** The pool: picked from the region's pools when AWS allows, else typed; its region follows from it. */
  private async askPool(suggestion: string | undefined, labels: AnswerLabels): Promise<void> {
    const region = this.aws && (this.known.region ? String(this.known.region) : await this.aws.defaultRegion());
    let picked: unknown;
    if (this.aws && region && (await this.aws.signedIn(region))) {
      const pools = await this.aws.list('the user pools', region, (access) => access.listUserPools());
      const inRegion = pools?.filter((pool) => pool.id.startsWith(`${region}_`));
      if (inRegion?.length) picked = await this.ask(pickQuestion('userPoolId', inRegion, `in ${region}`, suggestion));
      else if (inRegion) this.options.log(`No user pools in ${region}; type the ID of one in another region.`);
    }
    this.known.userPoolId = picked || (await this.ask(questionFor('userPoolId', this.known, { suggestion, labels })));
    this.known.region ??= regionOfUserPool(String(this.known.userPoolId));
  }

  /** The app client: picked from the pool's clients when AWS allows, else typed. */
  private async askClient(suggestion: string | undefined, labels: AnswerLabels): Promise<void> {
    const pool = String(this.known.userPoolId);
    const region = String(this.known.region);
    let picked: unknown;
    if (this.aws && (await this.aws.signedIn(region))) {
      const clients = await this.aws.list('the app clients', region, (access) => access.listUserPoolClients(pool));
      if (clients?.length) picked = await this.ask(pickQuestion('clientId', clients, `of ${pool}`, suggestion));
    }
    this.known.clientId = picked || (await this.ask(questionFor('clientId', this.known, { suggestion, labels })));
  }

  /** The origins, shown as the API will allow them; "*" is a choice made knowing what it means. */
  private async askOrigins(suggestion: string | undefined, labels: AnswerLabels): Promise<void> {
    for (;;) {
      const typed = String(await this.ask(questionFor('origins', this.known, { suggestion, labels })));
      const origins = normaliseAnswer('origins', typed) as string[];
      if (origins.includes('*') && !this.known.allowAnyOrigin) {
        const choice = await this.ask(
          selectQuestion(
            'anyOrigin',
            'An origin of "*" lets every website call the API with its users\' tokens. Allow that?',
            [
              { name: 'Enter origins instead', value: 'enter' },
              { name: 'Allow any origin (browsers then send no cookies; tokens still go in headers)', value: 'any' },
            ],
          ),
        );
        if (choice !== 'any') {
          suggestion = origins.filter((origin) => origin !== '*').join(', ') || undefined;
          continue;
        }
        this.known.allowAnyOrigin = true;
      }
      this.known.origins = typed;
      this.options.log(`Allowed origins: ${(origins.includes('*') ? ['*'] : origins).join(', ')}`);
      return;
    }
  }

  /** Offers the check to a signed-in user whose AWS is within reach. */
  private async offerCheck(region: string): Promise<boolean> {
    if (!this.aws || this.aws.unreachable !== undefined || !(await this.aws.signedIn(region))) return false;
    return Boolean(await this.ask(confirmQuestion('verify', 'Check these against your AWS account?', true)));
  }

  /** --verify in a terminal: credentials must resolve, checked as soon as a region is known. */
  private async requireCredentials(region: unknown): Promise<void> {
    const where = typeof region === 'string' ? region : await this.aws!.defaultRegion();
    if (where && !(await this.aws!.signedIn(where))) throw new AwsCredentialsError(this.options.profile);
  }

  /**
   * Every question again, each suggesting the answer it had. What no question asks for stays as it
   * was (the runtime, throttling, the custom domain, the GitHub repository, the dev environment's
   * pool and client): the user could not give it back here. The region follows the pool again.
   */
  private async changeAnswers(previous: Answers): Promise<void> {
    const kept = ANSWER_FIELDS.filter((field) => !ASKED.includes(field) && !FOLLOW_THE_POOL.includes(field));
    this.known = Object.fromEntries(
      kept.filter((field) => this.known[field] !== undefined).map((field) => [field, this.known[field]]),
    );
    this.fromFlags.clear();
    await this.askMissing({
      name: previous.name,
      userPoolId: previous.userPoolId,
      clientId: previous.clientId,
      origins: previous.origins.join(', '),
      devOrigins: previous.devOrigins.join(', '),
      scopes: previous.scopes.join(', '),
      iac: previous.iac,
    });
    const samePool = this.known.userPoolId === previous.userPoolId;
    // An issuer belongs to its pool.
    if (samePool && previous.issuer !== undefined) this.known.issuer = previous.issuer;
    this.keepDevPoolIfItFits(previous, samePool);
    this.progress();
  }

  /**
   * The dev environment's own pool must be in the API's region, and a dev client given without
   * one belongs to the production pool: after a change that breaks either, they go, with a note
   * (the dev environment then uses the production pool and client).
   */
  private keepDevPoolIfItFits(previous: Answers, samePool: boolean): void {
    const { devUserPoolId, devClientId } = previous;
    const region = String(this.known.region);
    const poolRegion = devUserPoolId === undefined ? undefined : regionOfUserPool(devUserPoolId);
    if (devUserPoolId !== undefined && poolRegion !== region) {
      delete this.known.devUserPoolId;
      delete this.known.devClientId;
      this.options.log(
        `Dropped the dev user pool ${devUserPoolId}${devClientId === undefined ? '' : ' and its app client'}: the ` +
          `pool is in ${poolRegion}, the API now in ${region}. The dev environment uses the production pool; ` +
          '--dev-user-pool-id gives it its own.',
      );
    } else if (devUserPoolId === undefined && devClientId !== undefined && !samePool) {
      delete this.known.devClientId;
      this.options.log(
        `Dropped the dev app client ${devClientId}: it belongs to ${previous.userPoolId}, the production pool ` +
          'before. The dev environment uses the production app client; --dev-client-id gives it its own.',
      );
    }
  }
}
