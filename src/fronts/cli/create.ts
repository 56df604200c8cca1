/**
 * `create-cognito-jwt-api [dir] [flags]`: checks every given answer before touching the disk,
 * asks for the rest in a terminal, renders, writes the project all or nothing (with its update
 * record), installs, makes its git repository and first commit, and prints next steps. The same
 * core as the Yeoman generator, without Yeoman's start-up cost. An interactive run that stops
 * prints the command line that repeats it without questions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CognitoJwtApiError } from '../../errors.js';
import type { Answers, GivenAnswers } from '../../schema/answers.js';
import { checkGivenAnswers } from '../../schema/given.js';
import { answersFromOptions } from '../../session/answer-options.js';
import { collectAnswers } from '../../session/collect-answers.js';
import { commitProject } from '../../session/first-commit.js';
import { nextSteps } from '../../session/next-steps.js';
import { packageManagerOf, type PackageManager } from '../../session/package-manager.js';
import type { Question } from '../../session/prompts.js';
import { rerunCommand, type RerunFlags } from '../../session/rerun-command.js';
import { projectFiles, yoRcWith, YO_RC_PATH } from '../../update/record.js';
import type { ProjectRecord } from '../../update/record-schema.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../../version.js';
import { chooseFolder, type ChosenFolder } from './folder.js';
import { runInstall } from './install.js';
import { helpText, parseCommandLine, type CommandLine } from './options.js';
import type { Io } from './process-io.js';
import { reportError } from './report-error.js';
import { defaultFolderName } from './target.js';
import { writeProject } from './write-project.js';
import { widthOf, wrapCommand } from './wrap.js';

function isCi(env: Io['env']): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
}

export async function runCreate(argv: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandLine(argv);
  if (values.help || values.version) {
    io.out(values.help ? helpText(PACKAGE_VERSION, widthOf(io.columns)) : PACKAGE_VERSION);
    return 0;
  }
  if (positionals.length > 1) {
    throw new CognitoJwtApiError(
      `Expected at most one folder, but got ${positionals.map((p) => JSON.stringify(p)).join(' ')}. Flags start ` +
        `with --; run with --help.`,
    );
  }
  const given = answersFromOptions(values);
  checkGivenAnswers(given);
  const interactive = !values.yes && !isCi(io.env) && io.stdinIsTty;
  const pm = packageManagerOf(io.env.npm_config_user_agent);
  if (!interactive) return create({ positional: positionals[0], values, given, io, pm });

  // Loaded only for a terminal: a run with flags alone never needs the prompt library.
  const { askInTerminal } = await import('./prompt.js');
  // What the user answered so far, to print as a command line if the run stops.
  const progress: { folder?: string; answers: GivenAnswers; asked: boolean; flags: RerunFlags } = {
    answers: given,
    asked: false,
    flags: {
      force: values.force === true,
      skipInstall: values['skip-install'] === true,
      noGit: values.git === false,
      dryRun: values['dry-run'] === true,
      verify: typeof values.verify === 'boolean' ? values.verify : undefined,
      profile: typeof values.profile === 'string' ? values.profile : undefined,
    },
  };
  const ask = async (questions: Question[]) => {
    const answers = await askInTerminal(questions);
    progress.asked = true;
    return answers;
  };
  try {
    return await create({ positional: positionals[0], values, given, io, pm, ask, progress });
  } catch (error) {
    const code = reportError(error, io);
    if (progress.asked) {
      const command = rerunCommand(pm, progress.folder, progress.answers, progress.flags);
      const lines = wrapCommand(command, widthOf(io.columns));
      io.err(`\nTo run again with the answers given so far, without questions:\n${lines}`);
    }
    return code;
  }
}

interface CreateRun {
  positional: string | undefined;
  values: CommandLine['values'];
  given: GivenAnswers;
  io: Io;
  pm: PackageManager;
  /** Set in a terminal. */
  ask?: (questions: Question[]) => Promise<Record<string, unknown>>;
  progress?: { folder?: string; answers: GivenAnswers; flags: RerunFlags };
}

async function create(run: CreateRun): Promise<number> {
  const { values, io, pm, ask, progress } = run;
  const chosen = await chooseFolder({
    positional: run.positional,
    force: values.force === true,
    suggestion: defaultFolderName(run.given.name),
    cwd: io.cwd,
    pm,
    ask,
    onFolder: (folder) => {
      if (progress) progress.folder = folder;
    },
  });
  if (progress && chosen.existing !== 'none') progress.flags.force = true;
  const answers = await collectAnswers(run.given, {
    targetDir: chosen.target.path,
    interactive: ask !== undefined,
    ask: ask ?? (async () => ({})),
    log: io.out,
    // --verify or --no-verify decides; without either a terminal run asks, a run with flags alone does not touch AWS.
    verify: typeof values.verify === 'boolean' ? values.verify : ask ? undefined : false,
    profile: typeof values.profile === 'string' ? values.profile : undefined,
    env: io.env,
    onProgress: (answers) => {
      if (progress) progress.answers = answers;
    },
  });
  if (progress) progress.answers = answers;
  if (!(await write(chosen, answers, run))) return 0;

  let installed = false;
  if (!values['skip-install']) {
    io.out(`\nInstalling dependencies with ${pm} (this can take a minute)…`);
    const onSigint = () => {
      io.err('\nInstall cancelled. The project is complete; run the install again inside it.');
      process.exit(130);
    };
    process.once('SIGINT', onSigint);
    const code = await runInstall(pm, chosen.target.path).finally(() => process.off('SIGINT', onSigint));
    installed = code === 0;
    if (!installed)
      io.err(`\n${pm} install failed (exit code ${code}). The project is complete; run "${pm} install" inside it.`);
  }
  // After the install, so that the lock file is in the first commit and the tree is clean.
  if (values.git !== false) await commitProject(chosen.target.path, io);
  io.out(`\n${nextSteps(answers, { targetDir: chosen.target.path, cwd: io.cwd, installed, packageManager: pm })}`);
  return installed || values['skip-install'] ? 0 : 1;
}

/** Writes the project (or, for --dry-run, lists its files); false when nothing was written. */
async function write({ target, existing }: ChosenFolder, answers: Answers, run: CreateRun): Promise<boolean> {
  const { io, values } = run;
  const where = path.relative(io.cwd, target.path) || '.';
  const files = projectFiles(answers);
  if (values['dry-run']) {
    // Every path is checked (no link on the way, nothing of another kind) before any is read or written.
    const present = existing === 'remove' ? [] : target.checkPaths(files.keys());
    const line = (file: string) =>
      `  ${file}${present.includes(file) && file !== YO_RC_PATH ? '  (replaces the file there)' : ''}`;
    io.out(`Would write ${files.size} files to ${where}:\n${[...files.keys()].sort().map(line).join('\n')}`);
    if (existing === 'remove') io.out(`(after removing what ${where} holds: ${target.entries().join(', ')})`);
    io.out(`\nDry run: nothing was written to ${target.path}.`);
    return false;
  }
  // Removed only now, with every answer in: a run stopped before this point leaves the folder as it was.
  if (existing === 'remove') target.removeEntries();
  const present = target.checkPaths(files.keys());
  // --force into a Yeoman project: other generators' settings in .yo-rc.json are kept.
  if (present.includes(YO_RC_PATH)) {
    const own = JSON.parse(files.get(YO_RC_PATH)!) as Record<string, ProjectRecord>;
    files.set(YO_RC_PATH, yoRcWith(readFileSync(path.join(target.path, YO_RC_PATH), 'utf8'), own[PACKAGE_NAME]!));
  }
  // Files of the same name are replaced: say which (.yo-rc.json keeps what it held).
  const replaced = present.filter((file) => file !== YO_RC_PATH);
  io.out(`Writing ${files.size} files to ${where}${replaced.length > 0 ? `, replacing ${replaced.join(', ')}` : ''}`);
  await writeProject(target.path, files, target.isNew);
  return true;
}
