/**
 * Checks on the answers a run was given, made before anything is written or asked: each given
 * value on its own, and, for a run that must not prompt, that nothing required is missing.
 */
import { InvalidAnswersError, MissingAnswersError } from '../errors.js';
import { ANSWER_FIELDS, type AnswerField, type AnswerLabels, type Answers, type GivenAnswers } from './answers.js';
import {
  checkAnswers,
  exampleOf,
  missingFields,
  parseAnswers,
  REQUIRED_FIELDS,
  withDerivedDefaults,
  withRegionOfPool,
} from './parse.js';
import { flagOf } from './rules.js';

/** Throws `InvalidAnswersError` listing every given value that breaks a rule. */
export function checkGivenAnswers(given: GivenAnswers): void {
  const errors = checkAnswers(Object.keys(given) as AnswerField[], given);
  if (errors.length > 0) throw new InvalidAnswersError(errors);
}

/** A complete command line, for messages. */
export function exampleCommand(dir = 'my-service'): string {
  const flags = REQUIRED_FIELDS.map((field) => `${flagOf(field)} ${exampleOf(field)}`).join(' ');
  return `npm create cognito-jwt-api@latest ${dir} -- ${flags} --yes`;
}

/** The answers of a run that never prompts: given values, derived defaults, schema defaults. */
export function resolveWithoutPrompts(given: GivenAnswers, targetDir: string): Answers {
  checkGivenAnswers(given);
  const filled = withDerivedDefaults(given, targetDir);
  const missing = missingFields(filled);
  // A pool id brings its region (withDerivedDefaults): a run given neither lacks only the pool id.
  const regionFromPool = missing.includes('userPoolId') && missing.includes('region');
  const flags = missing.filter((field) => !(regionFromPool && field === 'region')).map(flagOf);
  if (flags.length > 0) throw new MissingAnswersError(flags, exampleCommand(), regionFromPool);
  return parseAnswers(filled);
}

/**
 * The answers of a form, given all at once, which leaves the region to the pool id (ref #23):
 * given values, the region from the pool id's prefix, schema defaults. Messages name the answers
 * with the form's `labels`. A region left out is not reported missing: the pool id's own problem
 * says what to fix.
 */
export function resolveFormAnswers(given: GivenAnswers, labels: AnswerLabels): Answers {
  const filled = withRegionOfPool(given);
  const fields = ANSWER_FIELDS.filter((field) => field !== 'region' || filled.region !== undefined);
  const errors = checkAnswers(fields, filled, labels);
  if (errors.length > 0) throw new InvalidAnswersError(errors);
  return parseAnswers(filled, labels);
}
