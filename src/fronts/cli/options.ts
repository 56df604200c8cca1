/**
 * The command line: one table of flags drives parsing and `--help`. Answer flags come from the
 * answers schema; the rest steer the run.
 */
import { ANSWER_OPTIONS, AWS_OPTIONS } from '../../session/answer-options.js';
import { FlagUsageError, UnknownFlagError } from '../../errors.js';
import { exampleCommand } from '../../schema/given.js';
import { DEFAULT_WIDTH, wrapCommand, wrapLine } from './wrap.js';

export interface Flag {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Repeatable and comma-separated. */
  list?: boolean;
  /** A string flag whose `--no-` form removes the answer (update's optional answers). */
  removable?: boolean;
  description: string;
  choices?: readonly string[];
  example?: string;
}

/** --help and --version, as every command takes them. */
export const INFO_FLAGS: readonly Flag[] = [
  { name: 'help', short: 'h', type: 'boolean', description: 'Show this help' },
  { name: 'version', short: 'v', type: 'boolean', description: 'Show the version' },
];

export const RUN_FLAGS: readonly Flag[] = [
  {
    name: 'yes',
    short: 'y',
    type: 'boolean',
    description: 'Never prompt; also implied when CI is set or stdin is not a terminal',
  },
  { name: 'skip-install', type: 'boolean', description: 'Do not install dependencies' },
  {
    name: 'git',
    type: 'boolean',
    description:
      'Make a git repository with the project as its first commit, after the install (the default; skipped ' +
      'inside a repository); --no-git: make none',
  },
  { name: 'force', type: 'boolean', description: 'Write into a non-empty folder (same-named files are overwritten)' },
  { name: 'dry-run', type: 'boolean', description: 'Print the files that would be written; write nothing' },
  ...AWS_OPTIONS,
  ...INFO_FLAGS,
];

export const ANSWER_FLAGS: readonly Flag[] = ANSWER_OPTIONS.map((option) => ({
  name: option.name,
  // An integer is a value like any other on the command line: the schema reads its digits.
  type: option.type === 'boolean' ? 'boolean' : 'string',
  list: option.list,
  description: option.description,
  choices: option.choices,
  example: option.example,
}));

export const ALL_FLAGS = [...ANSWER_FLAGS, ...RUN_FLAGS];

export interface CommandLine {
  positionals: string[];
  values: Record<string, string | string[] | boolean>;
}

/** Parses argv strictly against `flags`: unknown flags, missing values and stray values are errors. */
export function parseCommandLine(argv: readonly string[], flags: readonly Flag[] = ALL_FLAGS): CommandLine {
  const positionals: string[] = [];
  const values: CommandLine['values'] = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = splitInline(arg);
    const negated = negatedFlag(rawName, flags);
    if (negated) {
      if (inline !== undefined) {
        throw new FlagUsageError(
          `${rawName} takes no value, and got ${JSON.stringify(inline)}. Expected ${rawName} alone, or ` +
            `--${negated.name}=${inline}.`,
        );
      }
      if (negated.type === 'string' && values[negated.name] !== undefined) throw bothForms(negated);
      values[negated.name] = false;
      continue;
    }
    const flag = findFlag(rawName, flags);
    if (flag.type === 'boolean') {
      if (inline !== undefined && inline !== 'true' && inline !== 'false') {
        throw new FlagUsageError(
          `--${flag.name} takes no value but true or false, and got ${JSON.stringify(inline)}. Expected ` +
            `--${flag.name} alone, or --${flag.name}=false.`,
        );
      }
      values[flag.name] = inline !== 'false';
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[index + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new FlagUsageError(
          `--${flag.name} needs a value. Expected e.g. --${flag.name} ${flag.example ?? '<value>'}.`,
        );
      }
      value = next;
      index++;
    }
    // An empty value says nothing; only a list (`--scopes ""`: none) may be empty.
    if (value.trim() === '' && !flag.list) {
      throw new FlagUsageError(
        `--${flag.name} needs a value, but got ${JSON.stringify(value)}. Expected e.g. --${flag.name} ` +
          `${flag.example ?? '<value>'}, or leave the flag out.`,
      );
    }
    if (flag.list) {
      const previous = values[flag.name];
      values[flag.name] = [...(Array.isArray(previous) ? previous : []), value];
    } else {
      if (values[flag.name] === false) throw bothForms(flag);
      if (values[flag.name] !== undefined) {
        throw new FlagUsageError(
          `--${flag.name} is given twice. Expected it once, e.g. --${flag.name} ${flag.example ?? '<value>'}.`,
        );
      }
      values[flag.name] = value;
    }
  }
  return { positionals, values };
}

function splitInline(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

/**
 * `--no-verify`: the boolean flag it turns off; `--no-domain`: the removable answer it removes;
 * unless a flag has that very name.
 */
function negatedFlag(rawName: string, flags: readonly Flag[]): Flag | undefined {
  if (!rawName.startsWith('--no-') || flags.some((flag) => flag.name === rawName.slice(2))) return undefined;
  return flags.find((flag) => (flag.type === 'boolean' || flag.removable) && flag.name === rawName.slice(5));
}

function bothForms(flag: Flag): FlagUsageError {
  return new FlagUsageError(
    `--${flag.name} and --no-${flag.name} are both given. Expected one: --${flag.name} ` +
      `${flag.example ?? '<value>'} to set the answer, or --no-${flag.name} to remove it.`,
  );
}

function findFlag(rawName: string, flags: readonly Flag[]): Flag {
  const flag = rawName.startsWith('--')
    ? flags.find((candidate) => candidate.name === rawName.slice(2))
    : flags.find((candidate) => candidate.short !== undefined && candidate.short === rawName.slice(1));
  if (!flag) throw new UnknownFlagError(rawName, closestFlag(rawName, flags));
  return flag;
}

/** The known flag nearest to a mistyped one, if any is close. */
export function closestFlag(rawName: string, flags: readonly Flag[] = ALL_FLAGS): string | undefined {
  const name = rawName.replace(/^-+/, '').toLowerCase();
  let best: { flag: string; distance: number } | undefined;
  for (const flag of flags) {
    const distance = flag.name.startsWith(name) && name.length >= 3 ? 1 : editDistance(name, flag.name);
    if (!best || distance < best.distance) best = { flag: `--${flag.name}`, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.flag : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function flagNames(flag: Flag): string {
  const value = flag.choices ? ` <${flag.choices.join('|')}>` : flag.type === 'string' ? ' <value>' : '';
  return `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${value}`;
}

/** Where a flag's description starts: below its name, indented, so that it has most of the line. */
const DESCRIPTION_INDENT = 8;

/** A flag in --help: its names on one line, then its description and example wrapped to `width`. */
export function flagLine(flag: Flag, width = DEFAULT_WIDTH): string {
  const extra = flag.choices ? ` (default ${flag.choices[0]})` : '';
  const indent = ' '.repeat(DESCRIPTION_INDENT);
  const example =
    flag.example && !flag.choices && flag.type === 'string'
      ? `\n${wrapLine(`${indent}e.g. --${flag.name} ${flag.example}`, width)}`
      : '';
  return `  ${flagNames(flag)}\n${wrapLine(`${indent}${flag.description}${extra}`, width)}${example}`;
}

export function helpText(version: string, width = DEFAULT_WIDTH): string {
  const paragraph = (text: string) => wrapLine(text, width);
  return [
    `create-cognito-jwt-api ${version}`,
    '',
    paragraph(
      'Scaffolds an API Gateway HTTP API whose routes accept only tokens of one Amazon Cognito user pool, with an ' +
        'unauthenticated OPTIONS /{proxy+} preflight route and a CORS function, so that browsers can call it. ' +
        'Deployed with AWS CDK, Terraform or AWS SAM.',
    ),
    '',
    'Usage:',
    paragraph('  npm create cognito-jwt-api@latest [dir] -- [flags]'),
    paragraph('  npx create-cognito-jwt-api [dir] [flags]'),
    wrapLine(
      '  npx create-cognito-jwt-api update [dir] [flags]   (re-render a generated project; update --help)',
      width,
      6,
    ),
    '',
    paragraph(
      'Answers (asked for when missing in an interactive run; --user-pool-id, --client-id and --origins are ' +
        "required otherwise; --region defaults to the pool id's prefix):",
    ),
    ...ANSWER_FLAGS.map((flag) => flagLine(flag, width)),
    '',
    'Run:',
    ...RUN_FLAGS.map((flag) => flagLine(flag, width)),
    '',
    'Example:',
    wrapCommand(exampleCommand().split(' '), width),
    '',
  ].join('\n');
}
