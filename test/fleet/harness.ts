/**
 * Services as the template-update workflow finds them: generated projects in git repositories with
 * bare local remotes, a fake `gh` (fake-gh.mjs) and a fake `npm` on PATH, and the generated
 * template-update script run against them with the locally built tool, so that nothing reaches
 * GitHub or the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFiles } from '../../src/io/write-files.js';
import { renderProject } from '../../src/render/render-project.js';
import type { AnswersInput } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { PRISTINE_PATH, projectFiles, recordOf, YO_RC_PATH, yoRcWith } from '../../src/update/record.js';
import { BIN, type CliResult, runNode } from '../helpers/cli.js';
import { cleanEnv } from '../helpers/exec.js';
import { tree } from '../helpers/project.js';

export const SCRIPT = fileURLToPath(
  new URL('../../templates/base/.github/scripts/template-update.mjs', import.meta.url),
);
const FAKE_GH = fileURLToPath(new URL('./fake-gh.mjs', import.meta.url));
export const BRANCH = 'template-update';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';
export const DEV = { name: 'Dev', email: 'dev@example.com' };
export const ALICE = { name: 'Alice', email: 'alice@example.com' };

/** The version a previous-version project records, and what its template generated differently. */
export const PREVIOUS_VERSION = '0.0.9';
const NEW_IN_TEMPLATE = ['.github/workflows/template-update.yml', '.github/scripts/template-update.mjs'];
const BEFORE_THE_FIX: ReadonlyArray<[string, string]> = [
  ['maxAge: 7200,', 'maxAge: 3600,'],
  ['MaxAge: 7200', 'MaxAge: 3600'],
  ['CORS_MAX_AGE: "7200"', 'CORS_MAX_AGE: "3600"'],
  ['max_age = 7200', 'max_age = 3600'],
];

/**
 * What the previous build of the tool generated for `input`: the same project without the update
 * workflow, and with a preflight cache of 3600 s where this build has 7200; its record and merge
 * base written as that build wrote them.
 */
export function previousProject(input: AnswersInput): Map<string, string> {
  const answers = parseAnswers(input);
  const files = renderProject(answers)
    .filter((file) => !NEW_IN_TEMPLATE.includes(file.path))
    .map((file) => ({
      ...file,
      contents: BEFORE_THE_FIX.reduce((text, [now, before]) => text.replaceAll(now, before), file.contents),
    }));
  const { record, pristine } = recordOf(answers, files);
  const previous = { ...JSON.parse(pristine), generatorVersion: PREVIOUS_VERSION };
  return new Map([
    ...files.map((file): [string, string] => [file.path, file.contents]),
    [YO_RC_PATH, yoRcWith(undefined, { ...record, generatorVersion: PREVIOUS_VERSION })],
    [PRISTINE_PATH, `${JSON.stringify(previous, null, 2)}\n`],
  ]);
}

/** What this build generates for `input`. */
export const currentProject = (input: AnswersInput) => projectFiles(parseAnswers(input));

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();
}

/** Commits everything in `dir` as `who`. */
export function commitAs(dir: string, who: { name: string; email: string }, message: string): string {
  git(dir, 'add', '--all');
  git(dir, '-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export interface Service {
  /** The checkout the workflow runs in. */
  dir: string;
  /** Its remote, a bare repository. */
  remote: string;
}

/** `files` committed on `main` in `root/name`, pushed to the bare remote `root/name.git`. */
export function serviceRepo(root: string, name: string, files: ReadonlyMap<string, string>): Service {
  const dir = path.join(root, name);
  const remote = path.join(root, `${name}.git`);
  writeFiles(dir, files);
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(dir, 'init', '-q', '-b', 'main');
  commitAs(dir, DEV, 'Generated');
  git(dir, 'remote', 'add', 'origin', remote);
  git(dir, 'push', '-q', 'origin', 'main');
  return { dir, remote };
}

/** A branch's tip on the remote, or undefined. */
export function remoteTip(service: Service, branch: string): string | undefined {
  try {
    return git(service.remote, 'rev-parse', '--verify', '-q', `refs/heads/${branch}`);
  } catch {
    return undefined;
  }
}

/** A file on a remote branch, or undefined. */
export function remoteFile(service: Service, branch: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `refs/heads/${branch}:${file}`], {
      cwd: service.remote,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch {
    return undefined;
  }
}

/** Every file of a remote branch, as path → contents (a clone into `into`). */
export function remoteTree(service: Service, branch: string, into: string): Record<string, string> {
  return tree(cloneBranch(service, branch, into));
}

/** A person's clone of a remote branch, to commit to and push as they would. */
export function cloneBranch(service: Service, branch: string, into: string): string {
  git(path.dirname(into), 'clone', '-q', '--branch', branch, service.remote, into);
  return into;
}

export interface PullRequest {
  number: number;
  url: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  title: string;
  body: string;
  isDraft: boolean;
  baseRefName: string;
  headRefName: string;
  headRefOid?: string;
  comments: Array<{ body: string }>;
}

export interface FakeGitHub {
  bin: string;
  stateFile: string;
  npmLog: string;
  prs(): PullRequest[];
  calls(): string[][];
  /** Replaces the pull requests (as someone on GitHub would change them). */
  setPrs(prs: PullRequest[]): void;
}

/** A folder for PATH with `gh` (fake-gh.mjs over a state file) and an `npm` that logs its arguments. */
export function fakeGitHub(root: string): FakeGitHub {
  const bin = path.join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  const stateFile = path.join(root, 'gh-state.json');
  const npmLog = path.join(root, 'npm.log');
  writeFileSync(stateFile, JSON.stringify({ prs: [], calls: [] }));
  writeFileSync(path.join(bin, 'gh'), `#!/bin/sh\nexec '${process.execPath}' '${FAKE_GH}' "$@"\n`);
  // `npm install --package-lock-only`: logged, and the lock file marked as refreshed.
  writeFileSync(
    path.join(bin, 'npm'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${npmLog}'\nprintf '{ "lockfileVersion": 3, "refreshed": true }\\n' > package-lock.json\n`,
  );
  chmodSync(path.join(bin, 'gh'), 0o755);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const state = () => JSON.parse(readFileSync(stateFile, 'utf8'));
  return {
    bin,
    stateFile,
    npmLog,
    prs: () => state().prs,
    calls: () => state().calls,
    setPrs: (prs) => writeFileSync(stateFile, JSON.stringify({ ...state(), prs })),
  };
}

export type ScriptRun = CliResult;

/** The template-update script in the service's checkout, as the workflow runs it, with the local build of the tool. */
export function runTemplateUpdate(
  service: Service,
  github: FakeGitHub,
  env: Record<string, string | undefined> = {},
): Promise<ScriptRun> {
  return runNode(SCRIPT, [], {
    cwd: service.dir,
    env: cleanEnv({
      PATH: `${github.bin}${path.delimiter}${process.env.PATH}`,
      FAKE_GH_STATE: github.stateFile,
      TEMPLATE_UPDATE_COMMAND: `'${process.execPath}' '${BIN}'`,
      GITHUB_STEP_SUMMARY: undefined,
      CI: undefined,
      ...env,
    }),
  });
}

/** `create-cognito-jwt-api update` run by hand in `dir` (exit 1 when it marks conflicts, which are part of the result). */
export function updateByHand(dir: string): void {
  spawnSync(process.execPath, [BIN, 'update'], { cwd: dir, stdio: 'pipe', env: cleanEnv({ CI: undefined }) });
}

/** The update run by hand in a fresh clone of `main`: the files the update branch should hold. */
export function updatedByHand(service: Service, into: string): Record<string, string> {
  updateByHand(cloneBranch(service, 'main', into));
  return tree(into);
}
