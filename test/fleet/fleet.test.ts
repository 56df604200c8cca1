/**
 * A fleet rollout: 30 services of the previous template version (every flavour, each with its own
 * kind of edit), as git repositories with bare remotes, each updated the way its template-update
 * workflow does it (the generated script, the locally built tool, a fake `gh` per repository).
 * Every service ends with the one pull request state expected of it, no edit is lost, conflicts are
 * reported, and a second rollout changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswersInput } from '../../src/schema/answers.js';
import { CONFLICT_MARKER } from '../../src/update/merge.js';
import { YO_RC_PATH } from '../../src/update/record.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import {
  BRANCH,
  currentProject,
  type FakeGitHub,
  fakeGitHub,
  git,
  previousProject,
  remoteFile,
  remoteTree,
  runTemplateUpdate,
  type ScriptRun,
  type Service,
  serviceRepo,
} from './harness.js';

const FLAVOURS = ['cdk', 'terraform', 'sam'] as const;
type Flavour = (typeof FLAVOURS)[number];
/** What each flavour's services answered, so that the fleet is not thirty copies of one project. */
const ANSWERS: Record<Flavour, Partial<AnswersInput>> = {
  cdk: { scopes: ['orders-api/read'] },
  terraform: { runtime: 'nodejs22.x' },
  sam: { origins: ['https://app.example.com', 'https://admin.example.com'] },
};
const INFRA: Record<Flavour, string | undefined> = { cdk: undefined, terraform: 'infra/main.tf', sam: 'template.yaml' };

type Outcome = 'ready' | 'draft' | 'none' | 'refused';
type Files = Map<string, string>;
interface Kind {
  outcome: Outcome;
  /** The previous-version project to start from (this build's, for a current one). */
  project?: (input: AnswersInput) => Files;
  /** The user's committed edit. */
  edit?: (files: Files) => void;
  /** Done in the checkout after the push, and left uncommitted. */
  dirty?: (dir: string) => void;
  /** That the edit survived: on the update branch for a pull request, on main otherwise. */
  check: (fleet: Result) => void;
}

const change = (files: Files, file: string, from: string | RegExp, to: string) => {
  const before = files.get(file)!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file}: ${from} not found`);
  files.set(file, after);
};
const ROUTE = "{ method: 'POST', path: '/orders', handler: 'orders' },";
const HANDLER = "export const handler = async () => ({ statusCode: 201, body: '' });\n";
const UNRESOLVED =
  '<<<<<<< yours\nOur own introduction.\n||||||| base (as generated)\n=======\nThe template introduction.\n' +
  '>>>>>>> template (new)\n';

const KINDS: Record<string, Kind> = {
  untouched: {
    outcome: 'ready',
    // Nothing edited: the branch holds exactly what this build generates for the same answers.
    check: ({ branch, input }) => expect(branch).toEqual(Object.fromEntries(currentProject(input))),
  },
  'handler code': {
    outcome: 'ready',
    edit: (files) => {
      change(files, 'src/handlers/me.ts', /\n$/, '\n// Our audit log hooks in here.\n');
      change(files, 'src/handlers/preflight.ts', /^/, '// Reviewed by the security team.\n');
    },
    check: ({ branch }) => {
      expect(branch['src/handlers/me.ts']).toContain('// Our audit log hooks in here.\n');
      expect(branch['src/handlers/preflight.ts']).toMatch(/^\/\/ Reviewed by the security team\.\n/);
    },
  },
  'a managed file': {
    outcome: 'ready',
    edit: (files) => change(files, 'tsconfig.json', '"strict": true,', '"strict": true,\n    "noUnusedLocals": true,'),
    check: ({ branch }) => expect(branch['tsconfig.json']).toContain('"noUnusedLocals": true,'),
  },
  'package.json': {
    outcome: 'ready',
    edit: (files) => {
      const pkg = JSON.parse(files.get('package.json')!);
      pkg.dependencies = { ...pkg.dependencies, zod: '^4.0.0' };
      pkg.scripts.lint = 'tsc --noEmit';
      files.set('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
    },
    check: ({ branch }) => {
      const pkg = JSON.parse(branch['package.json']!);
      expect(pkg.dependencies.zod).toBe('^4.0.0');
      expect(pkg.scripts.lint).toBe('tsc --noEmit');
    },
  },
  'an added route': {
    outcome: 'ready',
    edit: (files) => {
      change(files, 'src/api.ts', "{ method: 'GET', path: '/me', handler: 'me' },", `$&\n  ${ROUTE}`);
      files.set('src/handlers/orders.ts', HANDLER);
    },
    check: ({ branch, iac }) => {
      expect(branch['src/api.ts']).toContain(ROUTE);
      expect(branch['src/api.ts']).toContain('maxAge: 7200,');
      expect(branch['src/handlers/orders.ts']).toBe(HANDLER);
      // The new infrastructure carries the route read from src/api.ts.
      if (INFRA[iac]) expect(branch[INFRA[iac]]).toMatch(/POST \/orders|Path: "\/orders"/);
    },
  },
  'a removed origin': {
    outcome: 'ready',
    edit: (files) => change(files, 'src/api.ts', /, 'http:\/\/localhost:5173'|'http:\/\/localhost:5173', /, ''),
    check: ({ branch, iac, pr }) => {
      expect(branch['src/api.ts']).not.toContain('http://localhost:5173');
      const { answers } = JSON.parse(branch[YO_RC_PATH]!)['create-cognito-jwt-api'];
      expect(answers.devOrigins).toEqual(['https://dev.example.com']);
      // Where the dev environment's origins are deployed from (CDK's app reads src/api.ts).
      const devConfig = { cdk: undefined, terraform: 'infra/environments/dev.tfvars', sam: 'samconfig.toml' }[iac];
      if (devConfig) expect(branch[devConfig]).not.toContain('5173');
      expect(pr!.body).toMatch(/^- devOrigins read from src\/api\.ts: https:\/\/dev\.example\.com /m);
    },
  },
  'an unresolved earlier conflict': {
    outcome: 'refused',
    edit: (files) => {
      change(files, 'README.md', /\n\n/, `\n\n${UNRESOLVED}\n`);
      const yoRc = JSON.parse(files.get(YO_RC_PATH)!);
      yoRc['create-cognito-jwt-api'].conflicts = ['README.md'];
      files.set(YO_RC_PATH, `${JSON.stringify(yoRc, null, 2)}\n`);
    },
    check: ({ run, main }) => {
      expect(run.stderr).toMatch(/Conflicts from the last update remain in: README\.md/);
      expect(main['README.md']).toContain(UNRESOLVED);
    },
  },
  'a dirty tree': {
    outcome: 'ready',
    dirty: (dir) => {
      writeFileSync(path.join(dir, 'README.md'), `${readFileSync(path.join(dir, 'README.md'), 'utf8')}\nDraft.\n`);
      writeFileSync(path.join(dir, 'scratch.txt'), 'mine\n');
    },
    check: ({ branch, service }) => {
      expect(branch['README.md']).not.toContain('Draft.');
      expect(branch['scratch.txt']).toBeUndefined();
      expect(readFileSync(path.join(service.dir, 'README.md'), 'utf8')).toMatch(/\nDraft\.\n$/);
      const status = git(service.dir, 'status', '--porcelain').split('\n');
      expect(status.map((line) => line.trim()).sort()).toEqual(['?? scratch.txt', 'M README.md']);
    },
  },
  'a conflicting edit': {
    outcome: 'draft',
    edit: (files) => change(files, 'src/api.ts', 'maxAge: 3600,', 'maxAge: 600,'),
    check: ({ branch, main, pr }) => {
      expect(branch['src/api.ts']).toMatch(CONFLICT_MARKER);
      expect(branch['src/api.ts']).toContain('maxAge: 600,');
      expect(main['src/api.ts']).not.toMatch(CONFLICT_MARKER);
      expect(pr!.body).toMatch(/### Conflicts to resolve\n\n.*\n\n- `src\/api\.ts`\n\n/);
    },
  },
  current: {
    outcome: 'none',
    project: currentProject,
    check: ({ run }) => expect(run.stdout).toMatch(/main is current with create-cognito-jwt-api/),
  },
};

interface Member {
  name: string;
  iac: Flavour;
  kind: string;
  input: AnswersInput;
  service: Service;
  github: FakeGitHub;
}
interface Result extends Member {
  run: ScriptRun;
  pr: FakeGitHubPr | undefined;
  branch: Record<string, string>;
  main: Record<string, string>;
}
type FakeGitHubPr = ReturnType<FakeGitHub['prs']>[number];

/** Runs `task` over `items`, `width` at a time (the machine has two cores). */
async function pool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

function enlist(root: string, iac: Flavour, kind: string): Member {
  const name = `${iac}-${kind.replaceAll(' ', '-').replaceAll('.', '-')}`;
  // Two dev origins, so that one can go (the dev environment's list may not be empty).
  const input = {
    ...EXAMPLE_INPUT,
    devOrigins: ['http://localhost:5173', 'https://dev.example.com'],
    ...ANSWERS[iac],
    iac,
    name,
  };
  const { project = previousProject, edit, dirty } = KINDS[kind]!;
  const files = project(input);
  edit?.(files);
  const folder = path.join(root, name);
  const service = serviceRepo(folder, 'service', files);
  dirty?.(service.dir);
  return { name, iac, kind, input, service, github: fakeGitHub(folder) };
}

/** Every ref of the remote, and the pull requests: what a rollout may change. */
const visible = ({ service, github }: Member) => ({
  refs: git(service.remote, 'for-each-ref', '--format=%(refname) %(objectname)'),
  prs: github.prs(),
});
const mutating = (calls: string[][]) => calls.filter(([, command]) => !['list', 'view'].includes(command!));

const FLEET: Array<[Flavour, string]> = FLAVOURS.flatMap((iac) =>
  Object.keys(KINDS).map((kind): [Flavour, string] => [iac, kind]),
);
let results: Result[] = [];
let before: Array<ReturnType<typeof visible>> = [];

describe(`a rollout to ${FLEET.length} services`, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-fleet-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    const members = FLEET.map(([iac, kind]) => enlist(root, iac, kind));
    const runs = await pool(members, 2, (member) => runTemplateUpdate(member.service, member.github));
    results = members.map((member, index) => {
      const [pr, ...others] = member.github.prs();
      if (others.length > 0) throw new Error(`${member.name}: more than one pull request`);
      const folder = path.dirname(member.service.dir);
      return {
        ...member,
        run: runs[index]!,
        pr,
        branch: pr ? remoteTree(member.service, BRANCH, path.join(folder, 'branch')) : {},
        main: remoteTree(member.service, 'main', path.join(folder, 'main')),
      };
    });
    before = results.map(visible);
  });

  it.each(FLEET)('leaves the %s service with %s in the expected pull request state, its edit kept', (iac, kind) => {
    const result = results.find((candidate) => candidate.iac === iac && candidate.kind === kind)!;
    const { outcome, check } = KINDS[kind]!;
    const { run, pr, service } = result;
    expect(run.code, run.stderr).toBe(outcome === 'refused' ? 1 : 0);
    const state = pr ? (pr.isDraft ? 'draft' : 'ready') : outcome === 'refused' ? 'refused' : 'none';
    expect(state, run.stdout + run.stderr).toBe(outcome);
    if (pr) expect(pr).toMatchObject({ state: 'OPEN', headRefName: BRANCH, baseRefName: 'main' });
    else expect(remoteFile(service, BRANCH, YO_RC_PATH)).toBeUndefined();
    // main is never written.
    expect(git(service.remote, 'rev-list', '--count', 'main')).toBe('1');
    check(result);
  });

  it('reports every conflict: each draft names its files, each refusal its unresolved ones', () => {
    const drafts = results.filter((result) => result.pr?.isDraft);
    expect(drafts.map((result) => result.name).sort()).toEqual(
      FLAVOURS.map((iac) => `${iac}-a-conflicting-edit`).sort(),
    );
    for (const { pr } of drafts) expect(pr!.title).toMatch(/\(1 conflicted file\(s\)\)$/);
    const refused = results.filter((result) => result.run.code !== 0);
    expect(refused.map((result) => result.name).sort()).toEqual(
      FLAVOURS.map((iac) => `${iac}-an-unresolved-earlier-conflict`).sort(),
    );
  });

  it('changes nothing on a second rollout of the same version', async () => {
    const calls = results.map((result) => result.github.calls().length);
    const again = await pool(results, 2, (result) => runTemplateUpdate(result.service, result.github));
    results.forEach((result, index) => {
      expect(again[index]!.code, result.name).toBe(result.run.code);
      expect(visible(result), result.name).toEqual(before[index]);
      expect(mutating(result.github.calls().slice(calls[index])), result.name).toEqual([]);
    });
    // The dirty checkouts are still as their owners left them.
    for (const result of results.filter((candidate) => candidate.kind === 'a dirty tree'))
      expect(git(result.service.dir, 'status', '--porcelain')).not.toBe('');
  });
});
