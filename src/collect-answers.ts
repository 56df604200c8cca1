/**
 * Gathers the answers of one run, for any front: given values first, then, in an interactive
 * run, questions for the rest; a run that must not prompt fails fast on anything missing.
 */
import { questionsFor, type Question } from './prompts.js';
import type { Answers, GivenAnswers } from './schema/answers.js';
import { checkGivenAnswers, resolveWithoutPrompts } from './schema/given.js';
import { defaultPackageName, parseAnswers, withDerivedDefaults } from './schema/parse.js';

export interface CollectOptions {
  /** Where the project goes; the default package name comes from it. */
  targetDir: string;
  /** False for `--yes`, CI and piped stdin: never prompt. */
  interactive: boolean;
  /** The front's prompt function (Yeoman's `this.prompt`). */
  ask: (questions: Question[]) => Promise<Record<string, unknown>>;
  /** Environment variables to take suggestions from (AWS_REGION). */
  env?: Record<string, string | undefined>;
}

export async function collectAnswers(given: GivenAnswers, options: CollectOptions): Promise<Answers> {
  if (!options.interactive) return resolveWithoutPrompts(given, options.targetDir);
  checkGivenAnswers(given);
  // The region the pool id implies is filled in; the name stays a question with a default.
  const { name: _name, ...derived } = withDerivedDefaults(given, options.targetDir);
  const known = { ...derived, name: given.name };
  const suggestions = {
    name: defaultPackageName(options.targetDir),
    region: options.env?.AWS_REGION,
  };
  const asked = await options.ask(questionsFor(known, suggestions));
  return parseAnswers({ ...known, ...asked });
}
