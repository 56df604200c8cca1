/**
 * Entry points to the answers schema: parse all answers, check one answer (prompts), list what
 * a non-interactive run must be given, and derive values from the answers.
 */
import path from 'node:path';
import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import {
  AnswerError,
  CertificateArnError,
  ClientIdError,
  GithubRepositoryError,
  DomainError,
  IacError,
  InvalidAnswersError,
  IssuerError,
  LambdaRuntimeError,
  OriginError,
  PackageNameError,
  RegionError,
  ScopeError,
  ThrottlingLimitError,
  UserPoolIdError,
} from '../errors.js';
import {
  ANSWER_FIELDS,
  AnswersFields,
  AnswersSchema,
  CROSS_FIELD_RULES,
  FLAG_LABELS,
  metaOf,
  type AnswerField,
  type AnswerLabels,
  type AnswerPhrasing,
  type Answers,
  type AnswersInput,
  type GivenAnswers,
} from './answers.js';
import { checkPackageName, checkUserPoolId, flagOf, issuerFor, regionOfUserPool } from './rules.js';

const ERROR_CLASS: Record<AnswerField, new (field: string, message: string) => AnswerError> = {
  name: PackageNameError,
  region: RegionError,
  userPoolId: UserPoolIdError,
  clientId: ClientIdError,
  origins: OriginError,
  devOrigins: OriginError,
  devUserPoolId: UserPoolIdError,
  devClientId: ClientIdError,
  allowAnyOrigin: AnswerError,
  iac: IacError,
  scopes: ScopeError,
  runtime: LambdaRuntimeError,
  rateLimit: ThrottlingLimitError,
  burstLimit: ThrottlingLimitError,
  issuer: IssuerError,
  githubRepository: GithubRepositoryError,
  domain: DomainError,
  certificateArn: CertificateArnError,
};

/** Each issue as the answer's error, its message naming answers with `labels`. */
function toAnswerErrors(
  issues: readonly $ZodIssue[],
  input: Record<string, unknown>,
  labels: AnswerLabels,
): AnswerError[] {
  return issues.map((issue) => {
    const field = String(issue.path[0]) as AnswerField;
    const phrase = issue.code === 'custom' ? (issue.params?.phrase as AnswerPhrasing | undefined) : undefined;
    const message = phrase
      ? phrase(labels)
      : issue.code === 'custom'
        ? issue.message
        : describeIssue(field, issue, input[field], labels);
    return new ERROR_CLASS[field](field, message);
  });
}

/** Messages for zod's built-in checks (wrong type, unknown enum value). */
function describeIssue(field: AnswerField, issue: $ZodIssue, value: unknown, labels: AnswerLabels): string {
  const label = labels[field];
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    return (
      `${label} ${JSON.stringify(value)} is not one of ${options.join(', ')}. Expected one of them, e.g. ` +
      `${label} ${options[0]}.`
    );
  }
  if (value === undefined) return `${label} is missing. Expected a value, e.g. ${label} ${exampleOf(field)}.`;
  return (
    `${label} ${JSON.stringify(value)} is not valid: ${issue.message}. Expected e.g. ${label} ` + `${exampleOf(field)}.`
  );
}

/** The first documented example of a field, for messages and help. */
export function exampleOf(field: AnswerField): string {
  const example = metaOf(field).examples?.[0];
  if (example !== undefined) return example;
  return choicesOf(field)?.[0] ?? 'true';
}

/** The allowed values of an enum field (e.g. `iac`), or `undefined` for free-form fields. */
export function choicesOf(field: AnswerField): readonly string[] | undefined {
  let schema: unknown = AnswersFields.shape[field];
  while (schema instanceof z.ZodMiniDefault) schema = schema._zod.def.innerType;
  return schema instanceof z.ZodMiniEnum ? Object.values(schema._zod.def.entries as Record<string, string>) : undefined;
}

/**
 * Parses and normalises every answer; throws `InvalidAnswersError` listing each problem, naming
 * the answers with `labels` (the command line's flags unless a front gives its own).
 */
export function parseAnswers(
  input: AnswersInput | Record<string, unknown>,
  labels: AnswerLabels = FLAG_LABELS,
): Answers {
  const result = z.safeParse(AnswersSchema, input);
  if (result.success) return result.data;
  throw new InvalidAnswersError(toAnswerErrors(result.error.issues, input as Record<string, unknown>, labels));
}

/**
 * Checks the answers in `fields`, each as a prompt or a flag gives it, with the cross-field rules
 * that involve them and whose other fields are known (an unknown field counts with its default).
 * Returns every problem found, in schema order, naming answers with `labels`; every field is parsed once.
 */
export function checkAnswers(
  fields: readonly AnswerField[],
  values: Partial<Record<AnswerField, unknown>>,
  labels: AnswerLabels = FLAG_LABELS,
): AnswerError[] {
  const errors: AnswerError[] = [];
  const context: Record<string, unknown> = {};
  for (const field of ANSWER_FIELDS) {
    const parsed = z.safeParse(AnswersFields.shape[field], values[field]);
    if (parsed.success) context[field] = parsed.data;
    else if (fields.includes(field))
      errors.push(
        ...toAnswerErrors(
          parsed.error.issues.map((issue) => ({ ...issue, path: [field] })),
          { [field]: values[field] },
          labels,
        ),
      );
  }
  for (const rule of CROSS_FIELD_RULES) {
    if (!rule.needs.some((need) => fields.includes(need)) || !rule.needs.every((need) => context[need] !== undefined))
      continue;
    const phrase = rule.check(context as Answers);
    if (phrase) errors.push(new ERROR_CLASS[rule.field](rule.field, phrase(labels)));
  }
  return inSchemaOrder(errors);
}

/** `errors` in the order of the answers they are about, as the schema lists them. */
function inSchemaOrder(errors: AnswerError[]): AnswerError[] {
  const order = (error: AnswerError) => ANSWER_FIELDS.indexOf(error.field as AnswerField);
  return errors.sort((a, b) => order(a) - order(b));
}

/**
 * One answer as the schema normalises it (e.g. origins listed, deduplicated, without a trailing slash); `undefined` if
 * it refuses it.
 */
export function normaliseAnswer(field: AnswerField, value: unknown): unknown {
  const parsed = z.safeParse(AnswersFields.shape[field], value);
  return parsed.success ? parsed.data : undefined;
}

/** Checks one answer (see checkAnswers), with the others as known so far. */
export function checkAnswer(
  field: AnswerField,
  value: unknown,
  known: Partial<Record<AnswerField, unknown>> = {},
  labels: AnswerLabels = FLAG_LABELS,
): AnswerError[] {
  return checkAnswers([field], { ...known, [field]: value }, labels);
}

/** What each answer's schema makes of no value: an error (required), its default, or nothing (optional). */
const WITHOUT_VALUE = ANSWER_FIELDS.map(
  (field) => [field, z.safeParse(AnswersFields.shape[field], undefined)] as const,
);

/** Fields a non-interactive run must be given: those with no default. */
export const REQUIRED_FIELDS: readonly AnswerField[] = WITHOUT_VALUE.filter(
  ([field, empty]) => field !== 'name' && !empty.success,
).map(([field]) => field);

/** Answers a project may be without (no default): `update` removes one given as `null` (`--no-domain`). */
export const REMOVABLE_FIELDS: readonly AnswerField[] = WITHOUT_VALUE.filter(
  ([, empty]) => empty.success && empty.data === undefined,
).map(([field]) => field);

/** What goes with a removed answer unless given: a domain's certificate, a dev pool's app client. */
export const REMOVED_WITH: Partial<Record<AnswerField, AnswerField>> = {
  domain: 'certificateArn',
  devUserPoolId: 'devClientId',
};

/** Letters that NFKD keeps whole, as ASCII. */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };
// Built from the keys, which the bundle escapes (a regular expression literal keeps its letters as they are).
const WHOLE_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Default package name: the target folder's name, made valid the way create-vite does. */
export function defaultPackageName(targetDir: string): string {
  const base = path.basename(path.resolve(targetDir));
  const name = base
    .normalize('NFKD') // "Über Café" → "U\u0308ber Cafe\u0301": the accents go below
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(WHOLE_LETTERS, (letter) => LETTERS[letter]!)
    .replace(/[^a-z\d\-~]+/g, '-')
    .replace(/^[-~]+|-+$/g, '');
  return name && checkPackageName(name) === undefined ? name : 'cognito-jwt-api';
}

/** ref #2: the issuer of the pool's tokens, exactly; https, no trailing slash. */
export function issuerOf(answers: Pick<Answers, 'region' | 'userPoolId'> & { issuer?: string | undefined }): string {
  return answers.issuer ?? issuerFor(answers.region, answers.userPoolId);
}

/**
 * Fills the defaults that depend on more than the schema knows: the package name from the
 * target folder, and the region from the user pool id's prefix (ref #23).
 */
export function withDerivedDefaults(
  given: Partial<Record<AnswerField, unknown>>,
  targetDir: string,
): Partial<Record<AnswerField, unknown>> {
  const filled = withRegionOfPool(given);
  filled.name ??= defaultPackageName(targetDir);
  return filled;
}

/** Required answers that another answer gives when left out: the region is the user pool id's prefix (ref #23). */
export const DERIVED_FIELDS: readonly AnswerField[] = ['region'];

/** The given answers, with the region, when left out, taken from the user pool id's prefix (ref #23). */
export function withRegionOfPool(given: Partial<Record<AnswerField, unknown>>): Partial<Record<AnswerField, unknown>> {
  const filled = { ...given };
  if (filled.region === undefined && typeof filled.userPoolId === 'string')
    filled.region = regionOfUserPool(filled.userPoolId);
  return filled;
}

/**
 * Stored answers with `changes` on top. A change given as `null` removes the answer (one of
 * `REMOVABLE_FIELDS`), and what goes with it unless `changes` gives that. A change of user pool
 * brings the new pool's region and drops an issuer chosen for the old pool, unless `changes` gives
 * them too; `dropped` names what was dropped, for the caller to report. A dev app client or dev pool
 * that the change leaves with the wrong pool or region is refused (refuseWhatStaysWithAnOldPool).
 */
export function withChanges(
  stored: GivenAnswers,
  changes: GivenAnswers,
): { answers: GivenAnswers; dropped: AnswerField[] } {
  const answers = { ...stored };
  const dropped: AnswerField[] = [];
  const removed = (Object.keys(changes) as AnswerField[]).filter((field) => changes[field] === null);
  const refused = removed.filter((field) => !REMOVABLE_FIELDS.includes(field));
  if (refused.length > 0) {
    throw new InvalidAnswersError(
      refused.map(
        (field) =>
          new AnswerError(
            field,
            `${flagOf(field)} cannot be removed: every project has one. Expected a new value, ` +
              `e.g. ${flagOf(field)} ${exampleOf(field)}, or leave the flag out.`,
          ),
      ),
    );
  }
  for (const field of removed) {
    delete answers[field];
    const companion = REMOVED_WITH[field];
    if (companion !== undefined && !(companion in changes)) delete answers[companion];
  }
  changes = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null));
  if (typeof changes.userPoolId === 'string' && changes.userPoolId !== stored.userPoolId) {
    if (changes.region === undefined) answers.region = regionOfUserPool(changes.userPoolId) ?? stored.region;
    if (changes.issuer === undefined && stored.issuer !== undefined) {
      delete answers.issuer;
      dropped.push('issuer');
    }
  }
  const next = { ...answers, ...changes };
  refuseWhatStaysWithAnOldPool(stored, next, changes);
  return { answers: next, dropped };
}

/**
 * After a change of pool, what belonged to the old one and was not given again; an app client
 * belongs to one pool, which no other pool accepts tokens of:
 * - after a change of production pool, its app client (given again, the same id where only the
 *   pool id was mistyped);
 * - the dev app client of a pool that is no longer the dev environment's (the production pool's,
 *   where the dev environment has none of its own);
 * - after a change of production pool, a dev pool of another region (an API has one region).
 * Each is refused, naming the ways out, rather than dropped or kept: a deploy would have left the
 * authorizer refusing every token. A pool id that is not one is left to the schema to explain.
 */
function refuseWhatStaysWithAnOldPool(stored: GivenAnswers, next: GivenAnswers, changes: GivenAnswers): void {
  const isPool = (id: unknown) => typeof id === 'string' && checkUserPoolId(id) === undefined;
  if (!isPool(next.userPoolId) || (next.devUserPoolId !== undefined && !isPool(next.devUserPoolId))) return;
  const errors: AnswerError[] = [];
  const pool = String(next.userPoolId);
  const sameIdIfMistyped = ' (the same id, where only the pool id was mistyped)';
  const poolChanged = pool !== stored.userPoolId;
  if (poolChanged && !('clientId' in changes)) {
    errors.push(
      new ClientIdError(
        'clientId',
        `--client-id ${String(next.clientId)} is an app client of ${String(stored.userPoolId)}, which --user-pool-id ` +
          `${pool} replaces, and ${pool} accepts no token of it. Expected --client-id <an app client of ${pool}> ` +
          `in the same run${sameIdIfMistyped}.`,
      ),
    );
  }
  const [before, after] = [stored, next].map((answers) => String(answers.devUserPoolId ?? answers.userPoolId));
  const { devUserPoolId, devClientId } = next;
  if (devClientId !== undefined && !('devClientId' in changes) && before !== after) {
    const ownPool = devUserPoolId === undefined ? 'the production pool' : 'the dev pool';
    // A mistyped id is one of a pool of the same kind: the dev pool's, or the production pool's.
    const retyped = (stored.devUserPoolId === undefined) === (devUserPoolId === undefined) ? sameIdIfMistyped : '';
    errors.push(
      new ClientIdError(
        'devClientId',
        `--dev-client-id ${String(devClientId)} is an app client of ${before}, but the dev environment's pool is ` +
          `now ${after} (${ownPool}), which accepts no token of it. Expected --dev-client-id <an app client of ` +
          `${after}>${retyped}` +
          `${devUserPoolId === undefined ? ', or --no-dev-client-id for the production app client' : ''}.`,
      ),
    );
  }
  const devRegion = typeof devUserPoolId === 'string' ? regionOfUserPool(devUserPoolId) : undefined;
  if (poolChanged && devRegion !== undefined && devRegion !== next.region && !('devUserPoolId' in changes)) {
    errors.push(
      new UserPoolIdError(
        'devUserPoolId',
        `--dev-user-pool-id ${String(devUserPoolId)} is in ${devRegion}, but --user-pool-id ${pool} is in ` +
          `${String(next.region)}, and an API has one region. Expected --dev-user-pool-id <a pool of ` +
          `${String(next.region)}> with --dev-client-id <an app client of it>, or --no-dev-user-pool-id for the ` +
          'production pool (its app client goes with it).',
      ),
    );
  }
  if (errors.length > 0) throw new InvalidAnswersError(inSchemaOrder(errors));
}

/** Required fields a run was not given. */
export function missingFields(given: Partial<Record<AnswerField, unknown>>): AnswerField[] {
  return REQUIRED_FIELDS.filter((field) => given[field] === undefined);
}
