/**
 * The command line that repeats a run without questions: the folder, every answer known so far
 * as its flag, and the run's own flags, each word quoted for a POSIX shell. An interactive run
 * that stops prints it, so that no answer typed is lost.
 */
import { sh } from '../render/escape.js';
import type { GivenAnswers } from '../schema/answers.js';
import { normaliseAnswer } from '../schema/parse.js';
import { regionOfUserPool } from '../schema/rules.js';
import { ANSWER_OPTIONS } from './answer-options.js';
import { toolCommand, type PackageManager } from './package-manager.js';

export interface RerunFlags {
  force?: boolean;
  skipInstall?: boolean;
  /** --no-git */
  noGit?: boolean;
  dryRun?: boolean;
  verify?: boolean;
  profile?: string;
}

/** The words of the command, each quoted for the shell. */
export function rerunCommand(
  pm: PackageManager,
  folder: string | undefined,
  answers: GivenAnswers,
  run: RerunFlags = {},
): string[] {
  const words = [...toolCommand(pm)];
  // A folder starting with "-" would read as a flag.
  if (folder !== undefined) words.push(sh(folder.startsWith('-') ? `./${folder}` : folder));
  for (const option of ANSWER_OPTIONS) {
    let value = answers[option.field];
    if (option.list && value !== undefined)
      value = (normaliseAnswer(option.field, value) as string[] | undefined) ?? value;
    if (value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    // The pool id's prefix is the region: repeating it says nothing.
    if (
      option.field === 'region' &&
      typeof answers.userPoolId === 'string' &&
      regionOfUserPool(answers.userPoolId) === value
    )
      continue;
    if (value === true) words.push(`--${option.name}`);
    else words.push(`--${option.name}`, sh(Array.isArray(value) ? value.join(',') : String(value)));
  }
  if (run.force) words.push('--force');
  if (run.skipInstall) words.push('--skip-install');
  if (run.noGit) words.push('--no-git');
  if (run.dryRun) words.push('--dry-run');
  if (run.verify !== undefined) words.push(run.verify ? '--verify' : '--no-verify');
  if (run.profile !== undefined) words.push('--profile', sh(run.profile));
  words.push('--yes');
  return words;
}
