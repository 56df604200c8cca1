/**
 * The generated project's git repository, as the CLI and the generator make it after the install
 * (so that the lock file is in the first commit), and the one line that says how it went. Git
 * never fails a run: without git, inside a repository or without a commit, the project stands.
 */
import { makeFirstCommit, type FirstCommit } from '../io/git.js';
import { sh } from '../render/escape.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';

export const FIRST_COMMIT_MESSAGE = `Initial commit from ${PACKAGE_NAME} ${PACKAGE_VERSION}`;

export interface GitReport {
  /** What happened, for standard output. */
  out?: string;
  /** A commit that failed, and how to make it, for standard error. */
  err?: string;
}

/** What to print for an outcome of `makeFirstCommit`. */
export function gitReport(outcome: FirstCommit): GitReport {
  const commit = `git add -A && git commit -m ${sh(FIRST_COMMIT_MESSAGE)}`;
  switch (outcome.kind) {
    case 'committed':
      return { out: `Made a git repository (branch ${outcome.branch}) with the project as its first commit.` };
    case 'inside-repository':
      return { out: 'The project is inside a git repository already: no repository of its own was made.' };
    case 'no-git':
      return { out: 'git was not found: the project has no repository (run "git init" inside it later).' };
    case 'not-made':
      return { err: `Could not make a git repository (${outcome.reason}); the project has none.` };
    case 'not-committed': {
      // git's own advice for a missing identity is several lines long: ours is the two commands.
      const identity = /email|name|identity/i.test(outcome.reason)
        ? 'set your name and email first (git config --global user.name "Your Name", then user.email), and '
        : '';
      return {
        err:
          `Made a git repository, but could not commit the project: ${outcome.reason}\n` +
          `To commit it, ${identity}run inside the project:\n  ${commit}`,
      };
    }
  }
}

/** Makes the repository and first commit in `dir` and prints how it went. */
export async function commitProject(
  dir: string,
  io: { out: (text: string) => void; err: (text: string) => void; env: Record<string, string | undefined> },
): Promise<FirstCommit> {
  const outcome = await makeFirstCommit(dir, {
    message: FIRST_COMMIT_MESSAGE,
    env: io.env,
    onCancel: () => io.err('\nCancelled while making the git repository: the project is complete, without one.'),
  });
  const report = gitReport(outcome);
  if (report.out) io.out(`\n${report.out}`);
  if (report.err) io.err(`\n${report.err}`);
  return outcome;
}
