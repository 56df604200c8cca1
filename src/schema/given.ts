/**
 * Checks on the answers a run was given, made before anything is written or asked: each given
 * value on its own, and, for a run that must not prompt, that nothing required is missing.
 */
import { InvalidAnswersError, MissingAnswersError } from '../errors.js';
import type { AnswerField, Answers, GivenAnswers } from './answers.js';
import { checkAnswers, exampleOf, missingFields, parseAnswers, REQUIRED_FIELDS, withDerivedDefaults } from './parse.js';
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
