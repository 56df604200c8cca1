/**
 * A generated project's git repository and first commit, as create-cloudflare and create-next-app
 * make them: never inside another repository's work tree, and never a reason for the run to fail.
 * Ctrl-C or SIGTERM meanwhile removes the repository begun here, so that none is left half made.
 */
import { lstatSync, rmSync } from 'node:fs';
import path from 'node:path';
import { withSignalsHeld } from './signals.js';

export type FirstCommit =
  | { kind: 'committed'; branch: string }
  /** The folder is in the work tree (or the git folder) of a repository that exists, or holds a `.git`. */
  | { kind: 'inside-repository' }
  /** No `git` command on PATH. */
  | { kind: 'no-git' }
  /** `git init` failed (`reason` is git's): no repository is left. */
  | { kind: 'not-made'; reason: string }
  /** The repository was made, but the files could not be committed (`reason` is git's, e.g. no user.email). */
  | { kind: 'not-committed'; reason: string };

/**
 * Variables that point git at a repository: set when the run starts from a git hook (`npm create`
 * in a hook script), they would make git answer for, and commit to, that repository instead.
 */
const LOCATING_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_PREFIX',
  'GIT_IMPLICIT_WORK_TREE',
];

interface Ran {
  code: number | null;
  /** git was not found. */
  missing: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git in `cwd`, its output captured; never rejects. */
async function git(args: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<Ran> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ code: null, missing: error.code === 'ENOENT', stdout, stderr: error.message }),
    );
    child.on('close', (code) => resolve({ code, missing: false, stdout, stderr }));
  });
}

/** git's reason for a failure, in one line: its first `error:`/`fatal:` line, else its first line. */
function reasonOf(ran: Ran): string {
  const lines = ran.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((candidate) => /^(fatal|error):/.test(candidate)) ?? lines[0];
  return line ?? `git exited with code ${ran.code}`;
}

/**
 * In `dir`, a project just written: `git init` (on the user's init.defaultBranch, else `main`),
 * `git add -A`, `git commit -m message`. Calls `onCancel` and ends the process as the signal asks
 * when Ctrl-C or SIGTERM comes meanwhile, after removing the repository begun here.
 */
export async function makeFirstCommit(
  dir: string,
  options: { message: string; env: Record<string, string | undefined>; onCancel: () => void },
): Promise<FirstCommit> {
  const env = Object.fromEntries(Object.entries(options.env).filter(([name]) => !LOCATING_VARIABLES.includes(name)));
  // Succeeds in any work tree or git folder above or at `dir`; a repository there is the user's.
  const probe = await git(['rev-parse', '--git-dir'], dir, env);
  if (probe.missing) return { kind: 'no-git' };
  // A `.git` the probe could not read (another user's, say) is not ours to make, or to remove on Ctrl-C.
  const gitFolder = path.join(dir, '.git');
  if (probe.code === 0 || lstatSync(gitFolder, { throwIfNoEntry: false })) return { kind: 'inside-repository' };
  const configured = await git(['config', '--get', 'init.defaultBranch'], dir, env);
  const branch = configured.code === 0 && configured.stdout.trim() !== '' ? configured.stdout.trim() : 'main';

  return withSignalsHeld(async (checkpoint) => {
    try {
      // Older git has no `init --initial-branch`: HEAD is pointed at the branch instead.
      for (const args of [
        ['init', '--quiet'],
        ['symbolic-ref', 'HEAD', `refs/heads/${branch}`],
      ]) {
        const ran = await git(args, dir, env);
        // A signal that reached git (Ctrl-C reaches the whole process group) has reached the hold too.
        await checkpoint();
        if (ran.code !== 0) {
          rmSync(gitFolder, { recursive: true, force: true });
          return { kind: 'not-made', reason: reasonOf(ran) };
        }
      }
      for (const args of [
        ['add', '--all'],
        ['commit', '--quiet', '--message', options.message],
      ]) {
        const ran = await git(args, dir, env);
        await checkpoint();
        if (ran.code !== 0) return { kind: 'not-committed', reason: reasonOf(ran) };
      }
      return { kind: 'committed', branch };
    } catch (error) {
      rmSync(gitFolder, { recursive: true, force: true });
      options.onCancel();
      throw error;
    }
  });
}
