/**
 * The generated project's git repository, made by the built CLI after the install: one commit, a
 * clean tree, the state files tracked; none with --no-git, inside another repository or without
 * git; a repository without a commit when git has no identity; nothing half made on a signal.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_COMMIT_MESSAGE } from '../../src/session/first-commit.js';
import { rerunCommand } from '../../src/session/rerun-command.js';
import { PRISTINE_PATH } from '../../src/update/record.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { EXAMPLE_FLAGS } from '../helpers/answers.js';
import { BIN, listFiles, readText, runCli, tempDir } from '../helpers/cli.js';
import { NO_AWS } from '../helpers/cognito.js';
import { cleanEnv } from '../helpers/exec.js';
import { KEY, Terminal } from '../helpers/terminal.js';

const FLAGS = [...EXAMPLE_FLAGS, '--yes', '--skip-install'];

/** A home of its own with a global git config: an identity, or (`identity: false`) none git may guess. */
function gitEnv(identity = true): Record<string, string | undefined> {
  const home = tempDir('home');
  const config = path.join(home, '.gitconfig');
  writeFileSync(
    config,
    identity
      ? '[user]\n\tname = Test User\n\temail = test@example.com\n'
      : // Without it git makes up an address from the host name where it can.
        '[user]\n\tuseConfigOnly = true\n',
  );
  return {
    HOME: home,
    GIT_CONFIG_GLOBAL: config,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: undefined,
    GIT_AUTHOR_EMAIL: undefined,
    GIT_COMMITTER_NAME: undefined,
    GIT_COMMITTER_EMAIL: undefined,
    EMAIL: undefined,
  };
}

function git(cwd: string, env: Record<string, string | undefined>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: cleanEnv(env), encoding: 'utf8' }).trim();
}

/** Every file of the project but its repository's. */
function projectFiles(project: string): string[] {
  return listFiles(project).filter((file) => !file.startsWith(`.git${path.sep}`));
}

describe('the git repository of a generated project', () => {
  it('is made with the project as its one commit, the state files tracked and the tree clean', async () => {
    const cwd = tempDir();
    const env = gitEnv();
    const { code, stdout, stderr } = await runCli(['svc', ...FLAGS], { cwd, env });
    expect(code, stderr).toBe(0);
    const project = path.join(cwd, 'svc');
    expect(realpathSync(git(project, env, 'rev-parse', '--show-toplevel'))).toBe(realpathSync(project));
    expect(git(project, env, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(project, env, 'status', '--porcelain', '--ignored')).toBe('');
    const tracked = git(project, env, 'ls-files').split('\n').sort();
    expect(tracked).toEqual(projectFiles(project));
    expect(tracked).toEqual(expect.arrayContaining(['.yo-rc.json', PRISTINE_PATH, '.gitignore']));
    expect(git(project, env, 'log', '-1', '--format=%s')).toBe(FIRST_COMMIT_MESSAGE);
    expect(FIRST_COMMIT_MESSAGE).toContain(`create-cognito-jwt-api ${PACKAGE_VERSION}`);
    expect(git(project, env, 'log', '-1', '--format=%an <%ae>')).toBe('Test User <test@example.com>');
    expect(git(project, env, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(stdout).toContain('Made a git repository (branch main) with the project as its first commit.');
    // Said before the next steps, which stay the last thing printed.
    expect(stdout.indexOf('Made a git repository')).toBeLessThan(stdout.indexOf('Next steps:'));
  });

  it("takes the user's init.defaultBranch", async () => {
    const cwd = tempDir();
    const env = gitEnv();
    git(cwd, env, 'config', '--global', 'init.defaultBranch', 'trunk');
    const { code } = await runCli(['svc', ...FLAGS], { cwd, env });
    expect(code).toBe(0);
    expect(git(path.join(cwd, 'svc'), env, 'symbolic-ref', '--short', 'HEAD')).toBe('trunk');
  });

  it('commits after the install, so that the lock file is in the commit and the tree is clean', async () => {
    const cwd = tempDir();
    const env = gitEnv();
    const bin = path.join(cwd, 'bin');
    mkdirSync(bin);
    // A stand-in npm that records whether the repository existed yet, and installs as npm does.
    writeFileSync(
      path.join(bin, 'npm'),
      '#!/bin/sh\n' +
        `if [ -e .git ]; then echo yes; else echo no; fi > "${path.join(cwd, 'repository-before-install')}"\n` +
        'echo \'{ "lockfileVersion": 3 }\' > package-lock.json\n' +
        'mkdir -p node_modules/x && echo x > node_modules/x/index.js\n',
    );
    chmodSync(path.join(bin, 'npm'), 0o755);
    const { code, stderr } = await runCli(['svc', ...EXAMPLE_FLAGS, '--yes'], {
      cwd,
      env: { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    expect(code, stderr).toBe(0);
    const project = path.join(cwd, 'svc');
    expect(readText(path.join(cwd, 'repository-before-install')).trim()).toBe('no');
    expect(git(project, env, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(project, env, 'ls-files', 'package-lock.json')).toBe('package-lock.json');
    expect(git(project, env, 'ls-files', 'node_modules')).toBe('');
    expect(git(project, env, 'status', '--porcelain')).toBe('');
  });

  it('is not made with --no-git', async () => {
    const cwd = tempDir();
    const { code, stdout } = await runCli(['svc', ...FLAGS, '--no-git'], { cwd, env: gitEnv() });
    expect(code).toBe(0);
    expect(existsSync(path.join(cwd, 'svc', 'package.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'svc', '.git'))).toBe(false);
    expect(stdout).not.toContain('git repository');
  });

  it('is not made inside an existing repository, whose index and history stay as they were', async () => {
    const cwd = tempDir();
    const env = gitEnv();
    git(cwd, env, 'init', '--quiet');
    writeFileSync(path.join(cwd, 'notes.txt'), 'ours\n');
    git(cwd, env, 'add', 'notes.txt');
    git(cwd, env, 'commit', '--quiet', '-m', 'ours');
    const head = git(cwd, env, 'rev-parse', 'HEAD');
    const { code, stdout, stderr } = await runCli(['svc', ...FLAGS], { cwd, env });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('The project is inside a git repository already: no repository of its own was made.');
    expect(existsSync(path.join(cwd, 'svc', '.git'))).toBe(false);
    expect(git(cwd, env, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(cwd, env, 'rev-list', '--count', 'HEAD')).toBe('1');
    // Nothing staged: the new folder is only untracked.
    expect(git(cwd, env, 'status', '--porcelain')).toBe('?? svc/');
  });

  it("is the project's own when the run starts from a git hook, whose GIT_DIR names another repository", async () => {
    const cwd = tempDir();
    const env = gitEnv();
    const other = tempDir('other');
    git(other, env, 'init', '--quiet');
    git(other, env, 'commit', '--quiet', '--allow-empty', '-m', 'theirs');
    const head = git(other, env, 'rev-parse', 'HEAD');
    const { code, stderr } = await runCli(['svc', ...FLAGS], {
      cwd,
      env: { ...env, GIT_DIR: path.join(other, '.git'), GIT_WORK_TREE: other },
    });
    expect(code, stderr).toBe(0);
    const project = path.join(cwd, 'svc');
    expect(git(project, env, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(project, env, 'status', '--porcelain')).toBe('');
    expect(git(other, env, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(other, env, 'status', '--porcelain')).toBe('');
  });

  it('is made without a commit when git has no identity, and the run says how to commit', async () => {
    const cwd = tempDir();
    const env = gitEnv(false);
    const { code, stderr } = await runCli(['svc', ...FLAGS], { cwd, env });
    expect(code).toBe(0);
    const project = path.join(cwd, 'svc');
    expect(existsSync(path.join(project, '.git'))).toBe(true);
    expect(
      spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: project, env: cleanEnv(env) }).status,
    ).toBe(1);
    expect(stderr).toContain('Made a git repository, but could not commit the project: fatal: ');
    expect(stderr).toContain('set your name and email first');
    expect(stderr).toContain(`git add -A && git commit -m '${FIRST_COMMIT_MESSAGE}'`);
    // The commit it gives, run once the identity is set, is the commit the run would have made.
    git(cwd, env, 'config', '--global', 'user.name', 'Later User');
    git(cwd, env, 'config', '--global', 'user.email', 'later@example.com');
    execFileSync('sh', ['-c', `git add -A && git commit -q -m '${FIRST_COMMIT_MESSAGE}'`], {
      cwd: project,
      env: cleanEnv(env),
    });
    expect(git(project, env, 'status', '--porcelain')).toBe('');
  });

  it('is not made, in one line and without failing, when git is not installed', async () => {
    const cwd = tempDir();
    // Node is run by its path: a PATH with nothing on it leaves out git alone.
    const { code, stdout, stderr } = await runCli(['svc', ...FLAGS], { cwd, env: { ...gitEnv(), PATH: tempDir() } });
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('git was not found: the project has no repository (run "git init" inside it later).');
    expect(existsSync(path.join(cwd, 'svc', 'package.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'svc', '.git'))).toBe(false);
  });

  it('is removed, whole, when SIGINT comes while git runs: the project stays complete', async () => {
    const cwd = tempDir();
    const env = gitEnv();
    const bin = path.join(cwd, 'bin');
    mkdirSync(bin);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const adding = path.join(cwd, 'adding');
    // git as it is, but `add` says it started and takes a moment.
    writeFileSync(
      path.join(bin, 'git'),
      `#!/bin/sh\nif [ "$1" = add ]; then touch "${adding}"; sleep 1; fi\nexec "${realGit}" "$@"\n`,
    );
    chmodSync(path.join(bin, 'git'), 0o755);
    const child = spawn(process.execPath, [BIN, 'svc', ...FLAGS], {
      cwd,
      env: cleanEnv({ ...env, CI: undefined, PATH: `${bin}${path.delimiter}${process.env.PATH}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    while (!existsSync(adding)) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    expect(stderr).toContain('Cancelled while making the git repository: the project is complete, without one.');
    const project = path.join(cwd, 'svc');
    expect(existsSync(path.join(project, '.git'))).toBe(false);
    expect(projectFiles(project)).toEqual(expect.arrayContaining(['.yo-rc.json', PRISTINE_PATH, 'package.json']));
  });
});

describe('--no-git in the command line that repeats a run', () => {
  it('is there when the run had it, and not otherwise', () => {
    expect(rerunCommand('npm', 'svc', {}, { noGit: true })).toContain('--no-git');
    expect(rerunCommand('npm', 'svc', {}, {})).not.toContain('--no-git');
  });

  it('is printed by an interactive run stopped with Ctrl-C, and the printed command makes no repository', async () => {
    const cwd = tempDir();
    const env = gitEnv();
    const terminal = new Terminal(['svc', '--skip-install', '--no-git'], { cwd, env: { ...env, ...NO_AWS } });
    await terminal.answer('Package name');
    await terminal.answer('Cognito user pool ID', 'eu-west-1_AbCdEfGhI');
    await terminal.answer('Cognito app client ID', 'abc');
    await terminal.answer('Production browser origins', 'https://app.example.com');
    await terminal.answer('Dev browser origins');
    await terminal.waitFor('OAuth scopes');
    await terminal.type(KEY.ctrlC);
    expect(await terminal.exitCode()).toBe(130);
    const rerun = 'To run again with the answers given so far, without questions:';
    const printed = terminal.screen
      .slice(terminal.screen.indexOf(rerun) + rerun.length)
      .trim()
      .replace(/ \\\n\s+/g, ' ');
    expect(printed).toMatch(/^npx create-cognito-jwt-api svc .* --no-git .*--yes$/);
    const local = printed.replace(/^npx create-cognito-jwt-api/, `'${process.execPath}' '${BIN}'`);
    execFileSync('sh', ['-c', local], { cwd, env: cleanEnv({ ...env, ...NO_AWS }), encoding: 'utf8' });
    expect(existsSync(path.join(cwd, 'svc', 'package.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'svc', '.git'))).toBe(false);
  });
});
