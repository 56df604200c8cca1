/**
 * `create-cognito-jwt-api [dir] [flags]`: checks every given answer before touching the disk,
 * asks for the rest in a terminal, renders, writes the project all or nothing (with its update
 * record), installs, and prints next steps. The same core as the Yeoman generator, without
 * Yeoman's start-up cost.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { answersFromOptions } from '../../session/answer-options.js';
import { collectAnswers } from '../../session/collect-answers.js';
import { CognitoJwtApiError } from '../../errors.js';
import { nextSteps } from '../../session/next-steps.js';
import { checkGivenAnswers } from '../../schema/given.js';
import { projectFiles, yoRcWith, YO_RC_PATH } from '../../update/record.js';
import type { ProjectRecord } from '../../update/record-schema.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../../version.js';
import { runInstall } from './install.js';
import { packageManagerOf } from '../../session/package-manager.js';
import type { Io } from './process-io.js';
import { helpText, parseCommandLine } from './options.js';
import { defaultFolderName, TargetFolder } from './target.js';
import { writeProject } from './write-project.js';
import { widthOf } from './wrap.js';

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
  // Loaded only for a terminal: a run with flags alone never needs the prompt library.
  const ask = interactive ? (await import('./prompt.js')).askInTerminal : undefined;
  const suggestion = defaultFolderName(given.name);
  let folder = positionals[0];
  if (folder === undefined && ask) {
    // A folder the run cannot use is asked again, with the reason, as the other answers are.
    const usable = (value: string) => {
      try {
        new TargetFolder(value.trim() || suggestion, io.cwd).check(Boolean(values.force));
        return true;
      } catch (error) {
        if (error instanceof CognitoJwtApiError) return error.message;
        throw error;
      }
    };
    folder =
      String(
        (
          await ask([
            { type: 'input', name: 'folder', message: 'Project folder', default: suggestion, validate: usable },
          ])
        ).folder,
      ).trim() || suggestion;
  }
  const target = new TargetFolder(folder ?? suggestion, io.cwd);
  target.check(Boolean(values.force));

  const answers = await collectAnswers(given, {
    targetDir: target.path,
    interactive,
    ask: ask ?? (async () => ({})),
    log: io.out,
    // --verify or --verify=false decides; without it a terminal run asks, a run with flags alone does not touch AWS.
    verify: typeof values.verify === 'boolean' ? values.verify : interactive ? undefined : false,
    profile: typeof values.profile === 'string' ? values.profile : undefined,
    env: io.env,
  });
  const where = path.relative(io.cwd, target.path) || '.';
  const files = projectFiles(answers);
  // Every path is checked (no link on the way, nothing of another kind) before any is read or written.
  const present = target.checkPaths(files.keys());
  // --force into a Yeoman project: other generators' settings in .yo-rc.json are kept.
  if (present.includes(YO_RC_PATH)) {
    const own = JSON.parse(files.get(YO_RC_PATH)!) as Record<string, ProjectRecord>;
    files.set(YO_RC_PATH, yoRcWith(readFileSync(path.join(target.path, YO_RC_PATH), 'utf8'), own[PACKAGE_NAME]!));
  }
  // With --force, files of the same name are replaced: say which (.yo-rc.json keeps what it held).
  const replaced = present.filter((file) => file !== YO_RC_PATH);
  if (values['dry-run']) {
    const line = (file: string) => `  ${file}${replaced.includes(file) ? '  (replaces the file there)' : ''}`;
    io.out(`Would write ${files.size} files to ${where}:\n${[...files.keys()].sort().map(line).join('\n')}`);
    io.out(`\nDry run: nothing was written to ${target.path}.`);
    return 0;
  }
  io.out(`Writing ${files.size} files to ${where}${replaced.length > 0 ? `, replacing ${replaced.join(', ')}` : ''}`);
  await writeProject(target.path, files, target.isNew);

  const pm = packageManagerOf(io.env.npm_config_user_agent);
  let installed = false;
  if (!values['skip-install']) {
    io.out(`\nInstalling dependencies with ${pm} (this can take a minute)…`);
    const onSigint = () => {
      io.err('\nInstall cancelled. The project is complete; run the install again inside it.');
      process.exit(130);
    };
    process.once('SIGINT', onSigint);
    const code = await runInstall(pm, target.path).finally(() => process.off('SIGINT', onSigint));
    installed = code === 0;
    if (!installed)
      io.err(`\n${pm} install failed (exit code ${code}). The project is complete; run "${pm} install" inside it.`);
  }
  io.out(`\n${nextSteps(answers, { targetDir: target.path, cwd: io.cwd, installed, packageManager: pm })}`);
  return installed || values['skip-install'] ? 0 : 1;
}
