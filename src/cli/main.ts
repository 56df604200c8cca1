/**
 * `create-cognito-jwt-api [dir] [flags]`: checks every given answer before touching the disk,
 * then runs the Yeoman generator through yeoman-environment, installs, and prints next steps.
 */
import { fileURLToPath } from 'node:url';
import { answersFromOptions } from '../answer-options.js';
import { CancelledError, CognitoJwtApiError } from '../errors.js';
import { nextSteps } from '../next-steps.js';
import type { Answers } from '../schema/answers.js';
import { checkGivenAnswers, resolveWithoutPrompts } from '../schema/given.js';
import { PACKAGE_VERSION } from '../version.js';
import { packageManagerOf, runInstall } from './install.js';
import { helpText, parseCommandLine } from './options.js';
import { runUpdate } from './update.js';
import { defaultFolderName, TargetFolder } from './target.js';

const GENERATOR_NAMESPACE = 'cognito-jwt-api:app';
const GENERATOR_PATH = fileURLToPath(new URL('../../generators/app/index.js', import.meta.url));

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdinIsTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTty: Boolean(process.stdin.isTTY),
};

function isCi(env: Io['env']): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
}

/** Prompt libraries signal Ctrl-C and aborts with these error names. */
function isCancel(error: unknown): boolean {
  return error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'AbortError'].includes(error.name);
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  if (argv[0] === 'update') return reportErrors(() => runUpdate(argv.slice(1), io), io);
  let target: TargetFolder | undefined;
  let phase: 'checking' | 'generating' | 'installing' | 'done' = 'checking';
  const onSigint = () => {
    if (phase === 'generating') target?.removeIfNew();
    io.err(phase === 'installing' ? '\nInstall cancelled. The project is complete; run the install again inside it.' : `\n${new CancelledError().message}`);
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  try {
    const { positionals, values } = parseCommandLine(argv);
    if (values.help) return io.out(helpText(PACKAGE_VERSION)), 0;
    if (values.version) return io.out(PACKAGE_VERSION), 0;
    if (positionals.length > 1) {
      throw new CognitoJwtApiError(`Expected at most one folder, but got ${positionals.map((p) => JSON.stringify(p)).join(' ')}. Flags start with --; run with --help.`);
    }
    const given = answersFromOptions(values);
    checkGivenAnswers(given);
    const interactive = !values.yes && !isCi(io.env) && io.stdinIsTty;
    const dir = positionals[0];
    let answers: Answers | undefined;
    if (!interactive) answers = resolveWithoutPrompts(given, dir ?? defaultFolderName(given.name));

    // Loaded only now: it is the slow part of start-up, and bad input never needs it.
    const { createEnv } = await import('yeoman-environment');
    const env = createEnv({ cwd: io.cwd });
    const suggestion = defaultFolderName(given.name);
    const folder = dir ?? (interactive ? await askFolder((questions) => env.adapter.prompt(questions as never), suggestion) : suggestion);
    target = new TargetFolder(folder, io.cwd);
    target.check(Boolean(values.force));

    phase = 'generating';
    env.register(GENERATOR_PATH, { namespace: GENERATOR_NAMESPACE });
    const generatorOptions = {
      ...values,
      yes: !interactive,
      destinationRoot: target.path,
      skipInstall: true,
      embedded: true,
      dryRun: Boolean(values['dry-run']),
      force: Boolean(values.force),
    };
    await env.run([GENERATOR_NAMESPACE], generatorOptions as Parameters<typeof env.run>[1]);
    answers = (env.rootGenerator() as unknown as { answers: Answers }).answers;
    if (values['dry-run']) {
      target.removeIfNew();
      io.out(`\nDry run: nothing was written to ${target.path}.`);
      return 0;
    }

    phase = 'installing';
    const pm = packageManagerOf(io.env.npm_config_user_agent);
    let installed = false;
    if (!values['skip-install']) {
      io.out(`\nInstalling dependencies with ${pm} (this can take a minute)…`);
      const code = await runInstall(pm, target.path);
      installed = code === 0;
      if (!installed) io.err(`\n${pm} install failed (exit code ${code}). The project is complete; run "${pm} install" inside it.`);
    }
    phase = 'done';
    io.out(`\n${nextSteps(answers, { targetDir: target.path, installed, packageManager: pm })}`);
    return installed || values['skip-install'] ? 0 : 1;
  } catch (error) {
    if (phase === 'generating') target?.removeIfNew();
    if (isCancel(error) || error instanceof CancelledError) {
      io.err(new CancelledError().message);
      return 130;
    }
    return reportError(error, io);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function askFolder(prompt: (questions: unknown) => Promise<unknown>, suggestion: string): Promise<string> {
  const answer = (await prompt([{ type: 'input', name: 'folder', message: 'Project folder', default: suggestion }])) as {
    folder: string;
  };
  return answer.folder.trim() || suggestion;
}

/** Prints an error and returns its exit code: our errors' messages, a stack only for a bug. */
function reportError(error: unknown, io: Io): number {
  if (error instanceof CognitoJwtApiError) {
    io.err(error.message);
    return error.exitCode;
  }
  io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}

async function reportErrors(run: () => Promise<number>, io: Io): Promise<number> {
  try {
    return await run();
  } catch (error) {
    return reportError(error, io);
  }
}
