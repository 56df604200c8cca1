/**
 * Every error this package raises, under one base class. Messages say what was wrong and
 * what was expected, and name the flag to change.
 */

/** Base class: catch this to handle any expected failure of the tool. */
export class CognitoJwtApiError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** One answer is invalid. Subclasses name the answer. */
export class AnswerError extends CognitoJwtApiError {
  constructor(
    /** The answers-schema key, e.g. `userPoolId`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class PackageNameError extends AnswerError {}
export class RegionError extends AnswerError {}
export class UserPoolIdError extends AnswerError {}
export class ClientIdError extends AnswerError {}
export class OriginError extends AnswerError {}
export class ScopeError extends AnswerError {}
export class IacError extends AnswerError {}
export class LambdaRuntimeError extends AnswerError {}

/** One or more answers are invalid; `errors` holds each, in schema order. */
export class InvalidAnswersError extends CognitoJwtApiError {
  constructor(readonly errors: readonly AnswerError[]) {
    super(errors.map((error) => error.message).join('\n'));
  }
}

/** A non-interactive run lacks answers that have no default. */
export class MissingAnswersError extends CognitoJwtApiError {
  constructor(
    readonly flags: readonly string[],
    example: string,
  ) {
    super(
      `Missing ${flags.join(', ')} (a non-interactive run never prompts). Expected every required flag, e.g.\n  ${example}`,
    );
  }
}

/** A command-line flag that does not exist. */
export class UnknownFlagError extends CognitoJwtApiError {
  constructor(
    readonly flag: string,
    suggestion: string | undefined,
  ) {
    super(
      `Unknown flag ${flag}.` +
        (suggestion ? ` Did you mean ${suggestion}?` : '') +
        ' Run with --help to list every flag.',
    );
  }
}

/** A flag used without its value, or with a value it does not take. */
export class FlagUsageError extends CognitoJwtApiError {}

/** The target folder has files in it and `--force` was not given. */
export class TargetNotEmptyError extends CognitoJwtApiError {
  constructor(readonly target: string) {
    super(
      `Target folder "${target}" is not empty. Expected an empty or new folder; choose another folder, ` +
        'or pass --force to write into it (files with the same names are overwritten, others are kept).',
    );
  }
}

/** The user pressed Ctrl-C or otherwise stopped the run. */
export class CancelledError extends CognitoJwtApiError {
  override readonly exitCode = 130;

  constructor() {
    super('Cancelled. Nothing was written.');
  }
}
