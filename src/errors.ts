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
export class IssuerError extends AnswerError {}
export class ThrottlingLimitError extends AnswerError {}
export class GithubRepositoryError extends AnswerError {}
export class DomainError extends AnswerError {}
export class CertificateArnError extends AnswerError {}

/** One or more answers are invalid; `errors` holds each, in schema order. */
export class InvalidAnswersError extends CognitoJwtApiError {
  constructor(readonly errors: readonly AnswerError[]) {
    super(errors.map((error) => error.message).join('\n'));
  }
}

/** The projen project type's `routes` option holds a route the API cannot have (src/schema/routes.ts). */
export class RouteError extends CognitoJwtApiError {}

/** A non-interactive run lacks answers that have no default. */
export class MissingAnswersError extends CognitoJwtApiError {
  constructor(
    readonly flags: readonly string[],
    example: string,
    regionFromPool = false,
  ) {
    super(
      `Missing ${flags.join(', ')} (a non-interactive run never prompts` +
        `${regionFromPool ? '; --region, when left out, is the one in the pool id' : ''}). Expected every ` +
        `required flag, e.g.\n  ${example}`,
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

/** The target folder holds a project this tool made: `update` is what brings it up to date. */
export class ExistingProjectError extends CognitoJwtApiError {
  constructor(
    readonly target: string,
    updateCommand: string,
  ) {
    super(
      `Target folder "${target}" already holds a project made by create-cognito-jwt-api. Expected a new or empty ` +
        `folder; to bring that project up to date or change its answers, run update there: ${updateCommand}`,
    );
  }
}

/**
 * The target's path cannot hold the project: a parent that is a file, a folder that cannot be
 * written, or (with --force) a file where the project has a folder or the other way round.
 */
export class TargetPathError extends CognitoJwtApiError {}

const PERMITTED = 'a path this user may read and write: change its permissions, or choose another';
/** The system's error codes a run can meet reading and writing files: what each means, and the fix. */
const SYSTEM_ERRORS: Record<string, [meaning: string, expected: string]> = {
  EACCES: ['permission denied', PERMITTED],
  EPERM: ['operation not permitted', PERMITTED],
  EROFS: ['the file system is read-only', 'a path on a writable file system'],
  ENOSPC: ['no space left on the disk', 'room on the disk: free some'],
  EDQUOT: ['the disk quota is used up', 'room in the quota: free some'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'folders along the path: move the file aside'],
  EISDIR: ['it is a folder', 'a file at that path: move the folder aside'],
  EEXIST: ['it already exists', 'nothing at that path: move it aside'],
  ENAMETOOLONG: ['the name is too long', 'a shorter path'],
  EMFILE: ['too many open files', 'a higher open-file limit (ulimit -n)'],
  ENFILE: ['too many open files in the system', 'fewer open files system-wide'],
  ELOOP: ['too many symbolic links', 'symbolic links that end somewhere'],
  EBUSY: ['it is busy', 'the path free: close what holds it'],
};

/**
 * The file system refused an operation (permissions, a full disk, a path of the wrong kind): the machine's problem,
 * not a bug.
 */
export class FileSystemError extends CognitoJwtApiError {
  /** The error as a FileSystemError, when it is one of the system's file errors; else undefined. */
  static from(error: unknown): FileSystemError | undefined {
    const { code, syscall, path, dest } = (error ?? {}) as {
      code?: unknown;
      syscall?: unknown;
      path?: unknown;
      dest?: unknown;
    };
    if (!(error instanceof Error) || typeof code !== 'string' || !(code in SYSTEM_ERRORS) || typeof path !== 'string')
      return undefined;
    const what = typeof dest === 'string' ? `${path} to ${dest}` : path;
    const [meaning, expected] = SYSTEM_ERRORS[code]!;
    return new FileSystemError(
      `Could not ${typeof syscall === 'string' ? syscall : 'use'} ${what}: ${meaning} (${code}). Expected ` +
        `${expected}, then run again.`,
    );
  }
}

/**
 * The check against AWS found problems that would stop the deployed API from accepting tokens:
 * with --verify and no terminal, or when the user chose to stop there (`cancelled`).
 */
export class VerificationFailedError extends CognitoJwtApiError {
  constructor(
    readonly errors: readonly string[],
    how: 'flag' | 'cancelled' = 'flag',
  ) {
    super(
      `The check against AWS found ${errors.length} error(s): ` +
        `${errors.join('; ')}${/[.?!]$/.test(errors.at(-1) ?? '') ? '' : '.'} ` +
        (how === 'flag'
          ? 'Nothing was written. Expected a pool and app client that can issue tokens this API accepts; fix the ' +
            'above, or generate without the check (leave out --verify).'
          : 'Stopped there, as chosen; nothing was written.'),
    );
  }
}

/** No AWS credentials could be found for a check the user asked for. */
export class AwsCredentialsError extends CognitoJwtApiError {
  constructor(profile: string | undefined) {
    super(
      `No AWS credentials found for --verify${profile ? ` with --profile ${profile}` : ''}. The AWS SDK looks, ` +
        `in order, at: ` +
        'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment; the profile from --profile or ' +
        'AWS_PROFILE in ' +
        '~/.aws/credentials and ~/.aws/config (set one up with "aws configure", or "aws sso login --profile ' +
        '<name>" for ' +
        'IAM Identity Center); then container and instance roles. Configure one of these, or drop --verify.',
    );
  }
}

/** AWS refused an API call: the message names the IAM action to grant. */
export class AwsAccessDeniedError extends CognitoJwtApiError {
  constructor(
    readonly action: string,
    resource: string,
  ) {
    super(
      `AWS denied ${action} on ${resource}. Expected the caller to be allowed ${action}; ` +
        "create-cognito-jwt-api's docs/verify.md lists the least-privilege IAM policy for --verify and the pickers.",
    );
  }
}

/** AWS could not be reached, kept throttling or kept failing, after bounded retries. */
export class AwsUnavailableError extends CognitoJwtApiError {
  constructor(
    message: string,
    /** True when no connection could be made at all (offline, a wrong endpoint): nothing was answered. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

/** Cognito refused a call for a reason none of the errors above covers (an invalid parameter, say). */
export class AwsRequestError extends CognitoJwtApiError {
  constructor(action: string, resource: string, name: string, status: number, detail: string) {
    super(
      `Cognito refused ${action} on ${resource}: ${name}${detail && detail !== name ? ` (${detail})` : ''}, HTTP ` +
        `${status}. ` +
        'Expected a region and ids Cognito accepts: check them; the check against AWS is optional (leave out ' +
        '--verify, or type the ids).',
    );
  }
}

/** `update` cannot run: not a generated project, a record it cannot read, a dirty tree. */
export class UpdateError extends CognitoJwtApiError {}

/** A project's src/api.ts holds origins, scopes or routes update cannot read as literals. */
export class ProjectApiError extends UpdateError {}

/** An answer flag gives a value that disagrees with the one the user wrote into src/api.ts. */
export class AnswersDisagreeError extends UpdateError {}

/**
 * A project's state file (the record in .yo-rc.json, the pristine store, the update journal) names
 * a path a generation never writes: outside the project, under .git, or not in normal form. The
 * file is untrusted input (a cloned repository holds whatever its authors put there).
 */
export class UnsafeStatePathError extends UpdateError {
  constructor(
    readonly stateFile: string,
    readonly file: unknown,
    problem: string,
  ) {
    super(
      `${stateFile} names the file ${JSON.stringify(file)}, which ${problem}. Expected a relative path inside ` +
        `the project, ` +
        `not under .git, as a generation writes it: this file was not written by this tool. Restore it from the ` +
        `project's ` +
        `history (git log -- ${stateFile}) or remove it, then run again. Nothing was changed.`,
    );
  }
}

/** A symbolic link where a run would read or write: following it could reach outside the project. */
export class SymbolicLinkError extends CognitoJwtApiError {
  constructor(
    readonly link: string,
    readonly linkTarget: string,
  ) {
    super(
      `"${link}" is a symbolic link (to ${linkTarget}). Expected real folders and files where the project's ` +
        `files go: ` +
        'a read or write through a link could reach outside the project. Replace the link with what it points to ' +
        '(or remove it), then run again. Nothing was written.',
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

/** A library entry point runs inside a package (Yeoman, projen) whose installed version it does not support. */
export class PeerVersionError extends CognitoJwtApiError {}
