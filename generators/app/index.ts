/**
 * The Yeoman generator `cognito-jwt-api:app`. Lifecycle methods only: the answers schema, the
 * questions and the renderer in src/ do the work; this class asks and writes through
 * Yeoman's in-memory file system so that Yeoman's conflict handling applies.
 */
import Generator, { type BaseOptions } from 'yeoman-generator';
import { ANSWER_OPTIONS, answersFromOptions, AWS_OPTIONS } from '../../src/session/answer-options.js';
import { collectAnswers } from '../../src/session/collect-answers.js';
import { commitProject } from '../../src/session/first-commit.js';
import { nextSteps } from '../../src/session/next-steps.js';
import { packageManagerOf } from '../../src/session/package-manager.js';
import { rerunCommand } from '../../src/session/rerun-command.js';
import { checkPeer } from '../../src/fronts/peers.js';
import type { Answers, GivenAnswers } from '../../src/schema/answers.js';
import { projectFiles, YO_RC_PATH } from '../../src/update/record.js';

checkPeer('yeoman-generator', import.meta.url);

type Options = BaseOptions & {
  yes?: boolean;
  embedded?: boolean;
  verify?: boolean;
  profile?: string;
  git?: boolean;
  'skip-install'?: boolean;
};

export default class CognitoJwtApiGenerator extends Generator<Record<string, unknown>, Options> {
  answers!: Answers;
  private files = new Map<string, string>();

  constructor(args: string[], options: Options) {
    // A skipped install stays silent: the front that asked for it reports its own install step.
    super(args, options, skipsInstall(options) ? { customInstallTask: true } : {});
    for (const option of ANSWER_OPTIONS) {
      const choices = option.choices ? ` (${option.choices.join(' | ')})` : '';
      this.option(option.name, {
        type: option.type === 'boolean' ? Boolean : String,
        description: option.description + choices,
      });
    }
    this.option('yes', {
      type: Boolean,
      alias: 'y',
      description: 'Never prompt: use the given options and the defaults',
    });
    for (const option of AWS_OPTIONS)
      this.option(option.name, { type: option.type === 'boolean' ? Boolean : String, description: option.description });
    this.option('git', {
      type: Boolean,
      default: true,
      description: 'Make a git repository with the project as its first commit (skipped inside one); --no-git: none',
    });
    this.option('embedded', { type: Boolean, hide: true, description: 'Run by a front that prints next steps itself' });
    // `--help` builds the generator only to list its options: Yeoman gives it no log then.
    if (this.options.help) return;
    // Our errors say what went wrong and how to fix it; Yeoman's generic line before them does
    // not. The log is the environment's, shared with other generators: only our line is dropped.
    const { error } = this.log;
    const ours = `An error occured while running ${this.options.namespace}#`;
    this.log.error = ((message: string, ...rest: unknown[]) =>
      String(message).startsWith(ours) ? this.log : error.call(this.log, message, ...rest)) as typeof error;
  }

  async prompting(): Promise<void> {
    const given = answersFromOptions(this.options);
    // What was answered so far: an interactive run that stops prints it as a command line.
    let known: GivenAnswers = given;
    let asked = false;
    try {
      this.answers = await collectAnswers(given, {
        targetDir: this.destinationRoot(),
        interactive: !this.options.yes,
        ask: (questions) => {
          asked = true;
          return this.prompt(questions as never);
        },
        log: (text) => this.log(text),
        verify: this.options.verify,
        profile: this.options.profile,
        env: process.env,
        onProgress: (answers) => {
          known = answers;
        },
      });
    } catch (error) {
      if (asked) {
        const flags = { verify: this.options.verify, profile: this.options.profile, noGit: this.options.git === false };
        const command = rerunCommand(packageManagerOf(process.env.npm_config_user_agent), '.', known, flags);
        this.log(`To run again with the answers given so far, without questions:\n  ${command.join(' ')}`);
      }
      throw error;
    }
  }

  configuring(): void {
    // The record goes under the package's own key whatever name Yeoman ran the generator by, so
    // that `create-cognito-jwt-api update` finds it; other generators' keys are kept.
    const existing = this.fs.read(this.destinationPath(YO_RC_PATH), { defaults: '' }) || undefined;
    this.files = projectFiles(this.answers, existing);
  }

  writing(): void {
    for (const [file, contents] of this.files) this.fs.write(this.destinationPath(file), contents);
  }

  /**
   * After Yeoman's install, as the CLI does it, so that the lock file is in the first commit; a
   * front that embeds the generator ends the run itself, its repository included.
   */
  async end(): Promise<void> {
    if (this.options.embedded) return;
    if (this.options.git !== false) {
      const log = (text: string) => this.log(text);
      await commitProject(this.destinationRoot(), { out: log, err: log, env: process.env });
    }
    this.log(`\n${nextSteps(this.answers, { installed: !skipsInstall(this.options) })}`);
  }
}

/** Yeoman takes the option in either spelling: `skipInstall`, or `skip-install` from a command line. */
function skipsInstall(options: Options): boolean {
  return Boolean(options.skipInstall || options['skip-install']);
}
