/**
 * Answers as command-line flags and generator options. Names derive from the schema keys
 * (`userPoolId` → `--user-pool-id`); nothing here restates a rule.
 */
import { ANSWER_FIELDS, INTEGER_FIELDS, metaOf, type AnswerField, type GivenAnswers } from '../schema/answers.js';
import { choicesOf, exampleOf } from '../schema/parse.js';
import { flagOf } from '../schema/rules.js';

export interface AnswerOption {
  field: AnswerField;
  /** Option name without dashes, e.g. `user-pool-id`. */
  name: string;
  /** A command line gives an integer as text; a form asks for a number. */
  type: 'string' | 'boolean' | 'integer';
  /** List options take comma-separated values and may be repeated. */
  list: boolean;
  description: string;
  choices: readonly string[] | undefined;
  example: string;
}

function describe(field: AnswerField): string {
  return metaOf(field).description;
}

export const ANSWER_OPTIONS: readonly AnswerOption[] = ANSWER_FIELDS.map((field) => ({
  field,
  name: flagOf(field).slice(2),
  type:
    field === 'allowAnyOrigin'
      ? 'boolean'
      : (INTEGER_FIELDS as readonly AnswerField[]).includes(field)
        ? 'integer'
        : 'string',
  list: field === 'origins' || field === 'devOrigins' || field === 'scopes',
  description: describe(field),
  choices: choicesOf(field),
  example: exampleOf(field),
}));

/** The options of the checks against AWS, as every front offers them. */
export const AWS_OPTIONS = [
  {
    name: 'verify',
    type: 'boolean',
    description:
      'Check pool, client, scopes, callback URLs and issuer against AWS first (read-only); --no-verify: never ' +
      'contact AWS (no question, no pickers)',
  },
  {
    name: 'profile',
    type: 'string',
    description: 'AWS profile for --verify and the interactive pickers',
    example: 'my-sso-profile',
  },
] as const;

/**
 * Reads answers from an options object, under either the option name (`user-pool-id`, as the
 * command line gives it) or the schema key (`userPoolId`, as programmatic callers give it).
 */
export function answersFromOptions(options: Record<string, unknown>): GivenAnswers {
  const given: GivenAnswers = {};
  for (const option of ANSWER_OPTIONS) {
    const value = options[option.name] ?? options[option.field];
    if (value === undefined || value === null || value === '') continue;
    // A value pasted with a space or a line end around it means the value inside; a value flag
    // turned off (`--no-domain`) removes the answer.
    given[option.field] =
      option.type !== 'boolean' && value === false
        ? null
        : option.type === 'boolean'
          ? value === true || value === 'true'
          : typeof value === 'string'
            ? value.trim()
            : Array.isArray(value)
              ? value.map((item) => (typeof item === 'string' ? item.trim() : item))
              : value;
  }
  return given;
}
