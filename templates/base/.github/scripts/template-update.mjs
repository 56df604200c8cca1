#!/usr/bin/env node
// Brings the template's fixes into this service: runs `create-cognito-jwt-api update` on the
// branch `template-update` and opens, or refreshes, one pull request with the result. Run by
// .github/workflows/template-update.yml, with git, Node.js and the GitHub CLI (`gh`) that GitHub's
// runners have; it needs no npm package.
//
// - A clean update: a pull request ready for review, its description the update's plan.
// - Conflicts: a draft pull request that lists each conflicted file and how to resolve it. The
//   conflict markers are committed on the update branch only, never on the base branch.
// - Commits a person pushed to the update branch are never overwritten: the next update goes on top
//   of them, or, where it cannot, a comment on the pull request says why.
// - Nothing new (the project is current, or the branch already holds this update): nothing changes.
//
// The update runs in a worktree of its own, so the checkout it starts from is never modified.
// Environment:
//   TEMPLATE_UPDATE_VERSION  the tool's version or dist-tag (default: latest)
//   TEMPLATE_UPDATE_BRANCH   the update branch (default: template-update)
//   TEMPLATE_UPDATE_BASE     the branch the pull request targets (default: the branch checked out)
//   TEMPLATE_UPDATE_COMMAND  the command that runs the tool (default: npx -y create-cognito-jwt-api@<version>)
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TOOL = 'create-cognito-jwt-api';
// The identity of GITHUB_TOKEN's pushes; its commits tell the bot's work from a person's.
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication
const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
const MARKER = '<!-- create-cognito-jwt-api:template-update -->';
// GitHub refuses pull request descriptions and comments over 65,536 characters.
const BODY_LIMIT = 60_000;
// A version (1.2.3, 1.2.3-beta.1) or a dist-tag (latest, next): never a path, URL or other package.
const VERSION = /^(?:\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?|[A-Za-z][0-9A-Za-z.-]*)$/;

class Stop extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

function git(cwd, ...args) {
  const result = run('git', args, { cwd });
  if (result.status !== 0) throw new Stop(`git ${args.join(' ')} failed:\n${result.stderr.trim()}`);
  return result.stdout.trim();
}

function gh(args, input) {
  const result = run('gh', args, { input });
  if (result.status === 0) return result.stdout;
  const hint = /not permitted to create or approve pull requests/.test(result.stderr)
    ? '\nAllow it under Settings → Actions → General → Workflow permissions: "Allow GitHub Actions to create ' +
      'and approve pull requests".'
    : '';
  throw new Stop(`gh ${args.slice(0, 2).join(' ')} failed:\n${result.stderr.trim()}${hint}`);
}

function say(message) {
  console.log(message);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${message}\n\n`);
}

/** The update branch's pull request that is open, if any. */
function openPullRequest(branch) {
  const fields = 'number,title,body,isDraft,url,headRefOid';
  const [pr] = JSON.parse(gh(['pr', 'list', '--head', branch, '--state', 'open', '--json', fields]));
  return pr;
}

/** Commits on the update branch, not on the base, that the bot did not make (author or committer). */
function peopleCommits(repo, base, tip) {
  const log = git(repo, 'log', '--format=%H %ae %ce', `refs/remotes/origin/${base}..${tip}`);
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '))
    .filter(([, author, committer]) => author !== BOT.email || committer !== BOT.email)
    .map(([sha]) => sha);
}

/** `update --json` in `dir`: its report, or the tool's own message when it did not run. */
function runUpdate(command, dir) {
  const result = run(`${command} update --json --force`, [], { cwd: dir, shell: true });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {}
  if (report && Array.isArray(report.plan) && Array.isArray(report.conflicts)) return { report };
  return { failure: (result.stderr || result.stdout).trim() || `${command} update exited ${result.status}` };
}

/** The version the update brought the project to: the report's, else the one the project's record now names. */
function toolVersion(report, dir) {
  if (report.to) return report.to;
  try {
    return JSON.parse(readFileSync(path.join(dir, '.yo-rc.json'), 'utf8'))[TOOL].generatorVersion;
  } catch {
    return 'latest';
  }
}

/** Brings package-lock.json in line when the update changed the dependencies, so that `npm ci` keeps working. */
function refreshLockFile(dir, report) {
  if (!existsSync(path.join(dir, 'package-lock.json'))) return undefined;
  const changed =
    report.installNeeded ?? report.plan.some((entry) => entry.path === 'package.json' && entry.action !== 'unchanged');
  if (!changed) return undefined;
  const result = run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: dir,
  });
  return result.status === 0
    ? 'The dependencies changed: `package-lock.json` is refreshed (`npm install --package-lock-only`).'
    : 'The dependencies changed, and `npm install --package-lock-only` failed: run `npm install` on this branch and ' +
        'commit `package-lock.json`.';
}

const code = (text) => `\`${String(text).replaceAll('`', "'")}\``;
const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
function fenced(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}diff\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}

/** The pull request's description: what the update did, its conflicts and how to resolve them, its plan. */
function pullRequestBody({ report, to, branch, lockNote }, withHunks = true) {
  const from = report.from ? ` (from ${report.from})` : '';
  const lines = [
    MARKER,
    `This pull request updates the project to **${TOOL} ${to}**${from}, as \`npx ${TOOL}@${to} update\` does: ` +
      'files you did not change take the new template output, files only you changed stay as they are, and ' +
      'files you both changed are merged.',
    '',
  ];
  if (report.conflicts.length > 0) {
    lines.push(
      '### Conflicts to resolve',
      '',
      'The template and this repository changed the same lines of these files. The conflict markers are ' +
        `committed on \`${branch}\` only:`,
      '',
      ...report.conflicts.map((file) => `- ${code(file)}`),
      '',
      'To resolve them:',
      '',
      `1. \`git fetch origin ${branch} && git switch ${branch}\``,
      '2. In each file, keep what you need of `<<<<<<< yours` (this repository), `||||||| base (as generated)` ' +
        '(the template before) and `>>>>>>> template (new)`, and delete the marker lines.',
      `3. Run \`npx ${TOOL}@${to} update\`: it checks that no marker is left and records the resolution in ` +
        '`.yo-rc.json`.',
      '4. Commit, push, and mark this pull request ready for review. The update workflow never overwrites ' +
        'commits you push to this branch.',
      '',
    );
    for (const { path: file, hunks } of withHunks ? (report.conflictHunks ?? []) : []) {
      lines.push(`<details><summary>${code(file)}</summary>`, '', fenced(hunks.join('\n')), '', '</details>', '');
    }
  }
  const notes = [...report.notes, ...(lockNote ? [lockNote] : [])];
  if (notes.length > 0) lines.push('### Notes', '', ...notes.map((note) => `- ${note}`), '');
  const changes = report.plan.filter((entry) => entry.action !== 'unchanged');
  if (changes.length > 0) {
    lines.push('### Plan', '', '| File | Action | Why |', '| --- | --- | --- |');
    lines.push(...changes.map((entry) => `| ${code(entry.path)} | ${entry.action} | ${cell(entry.reason)} |`), '');
  }
  const body = lines.join('\n');
  if (body.length <= BODY_LIMIT) return body;
  if (withHunks) return pullRequestBody({ report, to, branch, lockNote }, false);
  return `${body.slice(0, BODY_LIMIT)}\n\n… (cut short: run \`npx ${TOOL}@${to} update --dry-run\` for the rest)`;
}

/** Opens the pull request, or brings its title, description and draft state in line; changes nothing already so. */
function publish(pr, { base, branch, title, body, draft }) {
  if (!pr) {
    const args = ['pr', 'create', '--base', base, '--head', branch, '--title', title, '--body-file', '-'];
    const url = gh(draft ? [...args, '--draft'] : args, body).trim();
    return `opened ${draft ? 'a draft' : 'a'} pull request: ${url}`;
  }
  const edits = [];
  if (pr.title !== title || pr.body !== body) {
    gh(['pr', 'edit', String(pr.number), '--title', title, '--body-file', '-'], body);
    edits.push('description');
  }
  if (pr.isDraft !== draft) {
    gh(['pr', 'ready', String(pr.number), ...(draft ? ['--undo'] : [])]);
    edits.push(draft ? 'back to draft' : 'ready for review');
  }
  return edits.length > 0 ? `refreshed ${pr.url} (${edits.join(', ')})` : `${pr.url} is up to date`;
}

/** Comments on the pull request, unless the same comment is there already. */
function comment(pr, text) {
  const { comments } = JSON.parse(gh(['pr', 'view', String(pr.number), '--json', 'comments']));
  if (comments.some((existing) => existing.body === text)) return false;
  gh(['pr', 'comment', String(pr.number), '--body-file', '-'], text);
  return true;
}

function commit(dir, title, report) {
  const details = report.conflicts.length > 0 ? [`Conflicts to resolve: ${report.conflicts.join(', ')}`] : [];
  const identity = ['-c', `user.name=${BOT.name}`, '-c', `user.email=${BOT.email}`, '-c', 'commit.gpgsign=false'];
  git(dir, ...identity, 'commit', '--quiet', '--no-verify', '-m', title, ...details.flatMap((line) => ['-m', line]));
}

function push(dir, branch, lease, report) {
  const force = lease === undefined ? [] : [`--force-with-lease=refs/heads/${branch}:${lease}`];
  const result = run('git', ['push', '--quiet', '--no-verify', ...force, 'origin', `HEAD:refs/heads/${branch}`], {
    cwd: dir,
  });
  if (result.status === 0) return;
  const workflows = report.plan.filter((e) => e.path.startsWith('.github/workflows/') && e.action !== 'unchanged');
  const hint =
    workflows.length > 0
      ? `\nThis update changes ${workflows.map((e) => e.path).join(', ')}, and GitHub refuses workflow files ` +
        "pushed with a workflow's GITHUB_TOKEN. Run `npx " +
        `${TOOL} update\` on a branch yourself and open its pull request, or set the secret ` +
        'TEMPLATE_UPDATE_TOKEN to a token that may change workflows (see .github/workflows/template-update.yml).'
      : '';
  throw new Stop(`git push to ${branch} failed:\n${result.stderr.trim()}${hint}`);
}

function main() {
  const version = process.env.TEMPLATE_UPDATE_VERSION || 'latest';
  if (!VERSION.test(version))
    throw new Stop(
      `TEMPLATE_UPDATE_VERSION "${version}" is not a version or a dist-tag. Expected e.g. 1.4.0, 1.5.0-beta.1 or ` +
        'latest.',
    );
  const command = process.env.TEMPLATE_UPDATE_COMMAND || `npx -y ${TOOL}@${version}`;
  const branch = process.env.TEMPLATE_UPDATE_BRANCH || 'template-update';
  const repo = git(process.cwd(), 'rev-parse', '--show-toplevel');
  const base = process.env.TEMPLATE_UPDATE_BASE || git(repo, 'symbolic-ref', '--short', 'HEAD');
  if (base === branch) throw new Stop(`The base branch is the update branch (${branch}): run from the base branch.`);

  git(repo, 'fetch', '--quiet', 'origin', `+refs/heads/${base}:refs/remotes/origin/${base}`);
  const tip = git(repo, 'ls-remote', 'origin', `refs/heads/${branch}`).split(/\s/)[0] || undefined;
  if (tip) git(repo, 'fetch', '--quiet', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`);
  const people = tip ? peopleCommits(repo, base, tip) : [];
  const pr = people.length > 0 ? openPullRequest(branch) : undefined;
  if (people.length > 0 && !pr)
    throw new Stop(
      `${branch} has commits pushed by people (${people[0].slice(0, 7)}) and no open pull request. Expected the ` +
        `branch to be gone once its pull request is merged or closed: delete it (git push origin --delete ${branch}) ` +
        'and run again.',
    );

  const scratch = mkdtempSync(path.join(tmpdir(), 'template-update-'));
  const dir = path.join(scratch, 'tree');
  git(repo, 'worktree', 'add', '--quiet', '--detach', dir, people.length > 0 ? tip : `refs/remotes/origin/${base}`);
  try {
    const { report, failure } = runUpdate(command, dir);
    if (failure) {
      if (!pr) throw new Stop(`${TOOL} update did not run on ${base}:\n${failure}`);
      const posted = comment(pr, `${MARKER}\n${TOOL} update could not run on this branch:\n\n${fenced(failure)}`);
      say(`${pr.url}: update could not run on the branch; ${posted ? 'commented' : 'already commented'}.`);
      return;
    }
    const to = toolVersion(report, dir);
    const lockNote = refreshLockFile(dir, report);
    git(dir, 'add', '--all');
    if (run('git', ['diff', '--cached', '--quiet'], { cwd: dir }).status === 0) {
      const left = report.conflicts.join(', ');
      if (people.length > 0)
        say(`${branch} already holds ${TOOL} ${to}'s update${left ? `, with conflicts to resolve in ${left}` : ''}.`);
      else if (left)
        throw new Stop(
          `Conflicts from an earlier update remain on ${base} in: ${left}. Expected them resolved before the next ` +
            `update: resolve the <<<<<<< / ||||||| / ======= / >>>>>>> sections, run \`npx ${TOOL}@${to} update\` ` +
            '(it records the resolution), and commit.',
        );
      else say(`${base} is current with ${TOOL} ${to}: nothing to do.`);
      return;
    }
    const draft = report.conflicts.length > 0;
    const title = `Update to ${TOOL} ${to}${draft ? ` (${report.conflicts.length} conflicted file(s))` : ''}`;
    commit(dir, title, report);

    if (people.length > 0) {
      // Never over a person's commits: this commit goes on top of them, and the description stays theirs.
      push(dir, branch, undefined, report);
      comment(pr, `${MARKER}\nAdded ${git(dir, 'rev-parse', '--short', 'HEAD')} on top: ${title}.`);
      say(`${publish(pr, { base, branch, title: pr.title, body: pr.body, draft })}; committed on top of people's work`);
      return;
    }
    const same = tip && git(dir, 'rev-parse', 'HEAD^{tree}') === git(repo, 'rev-parse', `${tip}^{tree}`);
    if (!same) push(dir, branch, tip ?? '', report);
    const current = pr ?? openPullRequest(branch);
    if (!current && same && closedOn(branch, tip)) {
      say(`The pull request for this update (${branch} at ${tip.slice(0, 7)}) was closed: not reopened.`);
      return;
    }
    say(publish(current, { base, branch, title, body: pullRequestBody({ report, to, branch, lockNote }), draft }));
  } finally {
    run('git', ['worktree', 'remove', '--force', dir], { cwd: repo });
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Whether a closed pull request had the update branch at `tip`: someone declined this very update. */
function closedOn(branch, tip) {
  const closed = JSON.parse(gh(['pr', 'list', '--head', branch, '--state', 'closed', '--json', 'headRefOid']));
  return closed.some((pr) => pr.headRefOid === tip);
}

try {
  main();
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  console.error(error.message);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${error.message}\n`);
  process.exitCode = 1;
}
