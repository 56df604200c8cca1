/**
 * The generated template-update script (.github/scripts/template-update.mjs), as the workflow runs
 * it: against services in git repositories with bare local remotes, a fake `gh` that answers from a
 * state file, and the locally built tool in place of `npx create-cognito-jwt-api@<version>`.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFLICT_MARKER } from '../../src/update/merge.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { fixtureCopy, read, write } from '../helpers/project.js';
import { tempDir } from '../helpers/temp.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import {
  ALICE,
  BOT_EMAIL,
  BRANCH,
  cloneBranch,
  commitAs,
  currentProject,
  DEV,
  fakeGitHub,
  git,
  remoteFile,
  remoteTip,
  remoteTree,
  runTemplateUpdate,
  type Service,
  serviceRepo,
  updateByHand,
  updatedByHand,
} from './harness.js';
import { tree } from '../helpers/project.js';

/** A service of the previous template version (the frozen 0.1.0 CDK fixture), with `edit` committed on main. */
function previousService(root: string, edit?: (dir: string) => void): Service {
  const source = fixtureCopy('cdk', path.join(root, 'fixture'));
  edit?.(source);
  const files = new Map(Object.entries(tree(source)));
  return serviceRepo(root, 'orders-api', files);
}

/** A conflicted file resolved by keeping "yours" in every hunk. */
const resolve = (marked: string) =>
  marked.replace(/<<<<<<< yours\n([\s\S]*?)\|\|\|\|\|\|\| [\s\S]*?>>>>>>> template \(new\)\n/g, '$1');
const mutating = (calls: string[][]) => calls.filter(([, command]) => !['list', 'view'].includes(command!));
const withMaxAge600 = (dir: string) =>
  write(dir, 'src/api.ts', read(dir, 'src/api.ts')!.replace('maxAge: 3600,', 'maxAge: 600,'));

describe('the template-update script', () => {
  it('opens a ready pull request whose branch holds exactly what update does by hand, its plan in the body', async () => {
    const root = tempDir('template-update');
    const service = previousService(root);
    const github = fakeGitHub(root);
    const main = remoteTip(service, 'main');

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);

    const [pr, ...others] = github.prs();
    expect(others).toEqual([]);
    expect(pr).toMatchObject({ state: 'OPEN', isDraft: false, baseRefName: 'main', headRefName: BRANCH });
    expect(pr!.title).toBe(`Update to create-cognito-jwt-api ${PACKAGE_VERSION}`);
    expect(pr!.body).toMatch(/^\| `dev\/server\.ts` \| add \| new in the template \|$/m);
    expect(pr!.body).toMatch(/^\| `src\/api\.ts` \| update \| /m);
    expect(pr!.body).not.toContain('Conflicts to resolve');
    expect(run.stdout).toContain(`opened a pull request: ${pr!.url}`);
    // One commit by the bot on top of main; main itself untouched.
    expect(remoteTip(service, 'main')).toBe(main);
    expect(git(service.remote, 'log', '--format=%an <%ae> %P', `main..${BRANCH}`)).toBe(
      `github-actions[bot] <${BOT_EMAIL}> ${main}`,
    );
    expect(remoteTree(service, BRANCH, path.join(root, 'branch'))).toEqual(
      updatedByHand(service, path.join(root, 'by-hand')),
    );
  });

  it('opens a draft listing each conflicted file and how to resolve it; the markers are on the branch only', async () => {
    const root = tempDir('template-update');
    const service = previousService(root, withMaxAge600);
    const github = fakeGitHub(root);

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);

    const [pr] = github.prs();
    expect(pr).toMatchObject({ state: 'OPEN', isDraft: true });
    expect(pr!.title).toBe(`Update to create-cognito-jwt-api ${PACKAGE_VERSION} (1 conflicted file(s))`);
    expect(pr!.body).toMatch(/### Conflicts to resolve\n\n.*\n\n- `src\/api\.ts`\n\n/);
    expect(pr!.body).toContain(`git fetch origin ${BRANCH} && git switch ${BRANCH}`);
    expect(pr!.body).toContain(`Run \`npx create-cognito-jwt-api@${PACKAGE_VERSION} update\``);
    expect(pr!.body).toMatch(/^\| `src\/api\.ts` \| conflict \| /m);
    expect(remoteFile(service, BRANCH, 'src/api.ts')).toMatch(CONFLICT_MARKER);
    expect(remoteFile(service, BRANCH, 'src/api.ts')).toContain('maxAge: 600,');
    expect(remoteFile(service, 'main', 'src/api.ts')).not.toMatch(CONFLICT_MARKER);
    expect(git(service.dir, 'status', '--porcelain')).toBe('');
  });

  it('changes nothing on a second run: no commit, no push, no edit of the pull request', async () => {
    const root = tempDir('template-update');
    const service = previousService(root);
    const github = fakeGitHub(root);
    expect((await runTemplateUpdate(service, github)).code).toBe(0);
    const tip = remoteTip(service, BRANCH);
    const prs = github.prs();
    const calls = github.calls().length;

    const second = await runTemplateUpdate(service, github);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`${prs[0]!.url} is up to date`);
    expect(remoteTip(service, BRANCH)).toBe(tip);
    expect(github.prs()).toEqual(prs);
    expect(mutating(github.calls().slice(calls))).toEqual([]);
  });

  it('refreshes a branch only the bot wrote when the base branch moves on, and keeps the one pull request', async () => {
    const root = tempDir('template-update');
    const service = previousService(root);
    const github = fakeGitHub(root);
    expect((await runTemplateUpdate(service, github)).code).toBe(0);
    write(service.dir, 'NOTES.md', 'Our notes.\n');
    commitAs(service.dir, DEV, 'Notes');
    git(service.dir, 'push', '-q', 'origin', 'main');

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    expect(github.prs()).toHaveLength(1);
    expect(git(service.remote, 'log', '--format=%ae', `main..${BRANCH}`)).toBe(BOT_EMAIL);
    expect(remoteFile(service, BRANCH, 'NOTES.md')).toBe('Our notes.\n');
  });

  it("never force-pushes over a person's commit: the update goes on top, and the resolved draft becomes ready", async () => {
    const root = tempDir('template-update');
    const service = previousService(root, withMaxAge600);
    const github = fakeGitHub(root);
    expect((await runTemplateUpdate(service, github)).code).toBe(0);
    // Alice resolves the conflict on the branch (keeping her 600 s) and pushes; main moves on meanwhile.
    const clone = cloneBranch(service, BRANCH, path.join(root, 'alice'));
    write(clone, 'src/api.ts', resolve(read(clone, 'src/api.ts')!));
    expect(read(clone, 'src/api.ts')).not.toMatch(CONFLICT_MARKER);
    const resolved = commitAs(clone, ALICE, 'Resolve the conflict');
    git(clone, 'push', '-q', 'origin', BRANCH);
    write(service.dir, 'NOTES.md', 'Our notes.\n');
    commitAs(service.dir, DEV, 'Notes');
    git(service.dir, 'push', '-q', 'origin', 'main');

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    // Alice's commit stays, with the bot's on top: the resolution recorded in .yo-rc.json.
    const tip = remoteTip(service, BRANCH)!;
    expect(git(service.remote, 'rev-parse', `${tip}^`)).toBe(resolved);
    expect(git(service.remote, 'show', '--name-only', '--format=%ae', tip).split('\n').filter(Boolean)).toEqual([
      BOT_EMAIL,
      '.yo-rc.json',
    ]);
    const record = JSON.parse(remoteFile(service, BRANCH, '.yo-rc.json')!)['create-cognito-jwt-api'];
    expect(record.conflicts).toBeUndefined();
    expect(remoteFile(service, BRANCH, 'src/api.ts')).toContain('maxAge: 600,');
    const [pr] = github.prs();
    expect(pr!.isDraft).toBe(false);
    expect(pr!.comments.map((comment) => comment.body)).toEqual([expect.stringMatching(/Added \w+ on top: Update/)]);
    expect(github.calls().filter(([, command]) => command === 'create')).toHaveLength(1);
  });

  it("comments once, and pushes nothing, when the update cannot run on a person's commits", async () => {
    const root = tempDir('template-update');
    const service = previousService(root, withMaxAge600);
    const github = fakeGitHub(root);
    expect((await runTemplateUpdate(service, github)).code).toBe(0);
    // Alice resolves the conflict, but lists the dev origins through a variable, which update cannot read.
    const clone = cloneBranch(service, BRANCH, path.join(root, 'alice'));
    write(
      clone,
      'src/api.ts',
      `const ORIGINS = ['https://app.example.com'];\n${resolve(read(clone, 'src/api.ts')!)}`.replace(
        /allowOrigins: \[[^\]]*\]/,
        'allowOrigins: ORIGINS',
      ),
    );
    const pushed = commitAs(clone, ALICE, 'Resolve, origins from a constant');
    git(clone, 'push', '-q', 'origin', BRANCH);

    for (const _ of [1, 2]) {
      const run = await runTemplateUpdate(service, github);
      expect(run.code, run.stderr).toBe(0);
      expect(remoteTip(service, BRANCH)).toBe(pushed);
    }
    const [pr] = github.prs();
    expect(pr!.comments).toHaveLength(1);
    expect(pr!.comments[0]!.body).toMatch(
      /could not run on this branch:\n\n```diff\n.*environments\.dev\.allowOrigins is "ORIGINS", not a literal/,
    );
    expect(pr!.isDraft).toBe(true);
  });

  it("adds nothing, and says nothing, while a person's commits leave the conflicts unresolved", async () => {
    const root = tempDir('template-update');
    const service = previousService(root, withMaxAge600);
    const github = fakeGitHub(root);
    expect((await runTemplateUpdate(service, github)).code).toBe(0);
    const clone = cloneBranch(service, BRANCH, path.join(root, 'alice'));
    write(clone, 'NOTES.md', 'Working on it.\n');
    const pushed = commitAs(clone, ALICE, 'Notes');
    git(clone, 'push', '-q', 'origin', BRANCH);
    const calls = github.calls().length;

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `${BRANCH} already holds create-cognito-jwt-api ${PACKAGE_VERSION}'s update, with conflicts to resolve in src/api.ts.`,
    );
    expect(remoteTip(service, BRANCH)).toBe(pushed);
    expect(mutating(github.calls().slice(calls))).toEqual([]);
  });

  it('opens no pull request, and calls no gh, for a project that is current', async () => {
    const root = tempDir('template-update');
    const service = serviceRepo(root, 'orders-api', currentProject({ ...EXAMPLE_INPUT, name: 'orders-api' }));
    const github = fakeGitHub(root);

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`main is current with create-cognito-jwt-api ${PACKAGE_VERSION}: nothing to do.`);
    expect(github.calls()).toEqual([]);
    expect(remoteTip(service, BRANCH)).toBeUndefined();
  });

  it('does not reopen a pull request someone closed, for the same update', async () => {
    const root = tempDir('template-update');
    const service = previousService(root);
    const github = fakeGitHub(root);
    expect((await runTemplateUpdate(service, github)).code).toBe(0);
    const tip = remoteTip(service, BRANCH)!;
    github.setPrs(github.prs().map((pr) => ({ ...pr, state: 'CLOSED', headRefOid: tip })));

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('was closed: not reopened');
    expect(github.prs().map((pr) => pr.state)).toEqual(['CLOSED']);
    expect(remoteTip(service, BRANCH)).toBe(tip);
  });

  it('leaves the checkout as it was, uncommitted changes included, and keeps them out of the pull request', async () => {
    const root = tempDir('template-update');
    const service = previousService(root);
    const github = fakeGitHub(root);
    write(service.dir, 'README.md', `${read(service.dir, 'README.md')}\nWork in progress.\n`);
    write(service.dir, 'scratch.txt', 'mine\n');
    const status = git(service.dir, 'status', '--porcelain');

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    expect(git(service.dir, 'status', '--porcelain')).toBe(status);
    expect(git(service.dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(remoteFile(service, BRANCH, 'README.md')).not.toContain('Work in progress.');
    expect(remoteFile(service, BRANCH, 'scratch.txt')).toBeUndefined();
    expect(git(service.dir, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('refreshes package-lock.json when the dependencies change', async () => {
    const root = tempDir('template-update');
    const service = previousService(root, (dir) => write(dir, 'package-lock.json', '{ "lockfileVersion": 3 }\n'));
    const github = fakeGitHub(root);

    const run = await runTemplateUpdate(service, github);
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, 'npm.log')).toBe('install --package-lock-only --ignore-scripts --no-audit --no-fund\n');
    expect(remoteFile(service, BRANCH, 'package-lock.json')).toContain('"refreshed": true');
    expect(github.prs()[0]!.body).toContain('`package-lock.json` is refreshed');
  });

  it('fails, naming the files, when the base branch holds conflicts an earlier update left unresolved', async () => {
    const root = tempDir('template-update');
    const source = fixtureCopy('cdk', path.join(root, 'fixture'));
    withMaxAge600(source);
    commitAs(source, DEV, 'Our max age');
    // An earlier update by hand, committed with its conflict markers.
    updateByHand(source);
    expect(read(source, 'src/api.ts')).toMatch(CONFLICT_MARKER);
    const service = serviceRepo(root, 'orders-api', new Map(Object.entries(tree(source))));
    const github = fakeGitHub(root);

    const run = await runTemplateUpdate(service, github);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Conflicts from an earlier update remain on main in: src\/api\.ts\. Expected them resolved/,
    );
    expect(github.calls()).toEqual([]);
    expect(remoteTip(service, BRANCH)).toBeUndefined();
  });

  it('explains a push GitHub refuses for a changed workflow file, as it does for a GITHUB_TOKEN', async () => {
    const root = tempDir('template-update');
    const service = previousService(root);
    const github = fakeGitHub(root);
    // GitHub refuses workflow files pushed with a token without the workflows permission.
    const hook = path.join(service.remote, 'hooks/pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do\n' +
        '  if git diff --name-only "$(git merge-base main "$new")" "$new" | grep -q "^.github/workflows/"; then\n' +
        '    echo "refusing to allow a GitHub App to create or update workflow without workflows permission" >&2\n' +
        '    exit 1\n  fi\ndone\n',
    );
    chmodSync(hook, 0o755);

    const run = await runTemplateUpdate(service, github);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('refusing to allow a GitHub App');
    expect(run.stderr).toContain(
      'This update changes .github/workflows/ci.yml, .github/workflows/template-update.yml, and GitHub refuses ' +
        "workflow files pushed with a workflow's GITHUB_TOKEN.",
    );
    expect(run.stderr).toContain('or set the secret TEMPLATE_UPDATE_TOKEN to a token that may change workflows');
    expect(github.prs()).toEqual([]);
    expect(existsSync(path.join(service.remote, 'refs/heads', BRANCH))).toBe(false);
  });

  it.each(['file:../evil', '1.0.0 && curl example.com', 'github:acme/tool'])(
    'refuses TEMPLATE_UPDATE_VERSION %j before it runs anything',
    async (version) => {
      const root = tempDir('template-update');
      const service = previousService(root);
      const github = fakeGitHub(root);
      const run = await runTemplateUpdate(service, github, {
        TEMPLATE_UPDATE_VERSION: version,
        TEMPLATE_UPDATE_COMMAND: undefined,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `TEMPLATE_UPDATE_VERSION "${version}" is not a version or a dist-tag. Expected e.g. 1.4.0, 1.5.0-beta.1 or latest.\n`,
      );
      expect(github.calls()).toEqual([]);
    },
  );
});
