/**
 * A real Backstage scaffolder runs the templates: a test backend (startTestBackend) with the
 * scaffolder plugin, its GitHub module and this repository's module, packed and installed as a
 * Backstage backend installs it, is sent backstage/template/template.yaml with a form's values on
 * its dry-run endpoint, which the template editor uses; then update-template.yaml, on a service the
 * first dry run generated, aged by hand (see agedService). The scaffolder is installed once in
 * .cache/backstage-scaffolder/ (about 470 MB, a few minutes) and reused while its package.json is
 * the same; the two tarballs are installed there afresh on every run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { type CachedInstall, cachedInstall, cacheFolder } from '../helpers/cached-install.js';
import { execOk } from '../helpers/exec.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const MODULE = 'backstage-plugin-scaffolder-backend-module-cognito-jwt-api';
const INSTALL = ['install', '--legacy-peer-deps', '--no-audit', '--no-fund', '--prefer-offline'];

/**
 * The scaffolder's folder. Its native modules (better-sqlite3) are built for the Node.js that
 * installs them: its major version is part of what must match for the folder to be reused.
 */
const SCAFFOLDER: CachedInstall = {
  name: 'backstage-scaffolder',
  description: 'A Backstage scaffolder for test/e2e/backstage-scaffolder.test.ts',
  engines: { node: `${process.versions.node.split('.')[0]}.x` },
  dependencies: {
    '@backstage/backend-test-utils': '1.11.7',
    '@backstage/plugin-catalog-node': '2.2.5',
    '@backstage/plugin-scaffolder-backend': '4.2.0',
    '@backstage/plugin-scaffolder-backend-module-github': '0.10.0',
    '@backstage/plugin-scaffolder-node': '0.13.7',
  },
  install: INSTALL,
  scripts: [fileURLToPath(new URL('backstage-scaffolder/dry-run.mjs', import.meta.url))],
};
const CACHE = cacheFolder(SCAFFOLDER.name);

interface DryRunFile {
  path: string;
  base64Content: string;
}
interface DryRunResponse {
  status: number;
  body: {
    directoryContents?: DryRunFile[];
    log?: Array<{ body: { message: string } }>;
    output?: { links?: Array<{ title: string; url?: string }>; text?: Array<{ title: string; content: string }> };
    error?: { name: string; message: string };
  };
}

const VALUES = {
  name: 'orders-api',
  userPoolId: EXAMPLE_INPUT.userPoolId,
  clientId: EXAMPLE_INPUT.clientId,
  scopes: ['orders-api/read'],
  origins: ['https://app.example.com'],
  owner: 'group:default/team-a',
  repoUrl: 'github.com?owner=acme&repo=orders-api',
};
const FLAVOURS = { cdk: 'infra/api-stack.ts', terraform: 'infra/main.tf', sam: 'template.yaml' } as const;
/** The region a platform team's copy of the template pins for its APIs (the action's optional input). */
const PINNED_REGION = 'us-east-1';
const REFUSED_POOL = `${EXAMPLE_INPUT.region}_AbCdEfGhI`;
let responses: DryRunResponse[] = [];
let updateResponse: DryRunResponse;
/** The update template's form: the service lives in a folder of its repository. */
const UPDATE_VALUES = { repoUrl: VALUES.repoUrl, targetPath: 'service' };
/** The owner the team gave its catalog entities after the service was created. */
const EDITED_OWNER = 'group:default/orders-team';

/** Installs the scaffolder unless the folder already holds it, then the packages as packed now. */
async function installScaffolder(): Promise<void> {
  await cachedInstall(SCAFFOLDER);
  const packed = path.join(CACHE, 'packed');
  rmSync(packed, { recursive: true, force: true });
  mkdirSync(packed);
  // The global setup has built dist/ and backstage/dist/.
  const pack = (...args: string[]) =>
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  const tarballs = [pack(), pack('-w', 'backstage')].map((file) => path.join(packed, file));
  // Removed first, so that npm installs these tarballs and does not keep the last run's copies.
  for (const name of ['create-cognito-jwt-api', MODULE])
    rmSync(path.join(CACHE, 'node_modules', name), { recursive: true, force: true });
  await execOk('npm', [...INSTALL, '--no-save', ...tarballs], { cwd: CACHE });
}

/** Runs `requests` through dry-run.mjs (one test backend for them all) and returns the responses. */
async function dryRun(template: unknown, requests: unknown[]): Promise<DryRunResponse[]> {
  const input = path.join(CACHE, 'requests.json');
  const output = path.join(CACHE, 'responses.json');
  rmSync(output, { force: true });
  writeFileSync(input, JSON.stringify({ template, requests }));
  await execOk(process.execPath, ['dry-run.mjs', input, output], { cwd: CACHE });
  return JSON.parse(readFileSync(output, 'utf8'));
}

/**
 * The service a create dry run generated, as a repository holding it in service/ after some time:
 * its catalog-info.yaml names an earlier version and the owner the team set, and an earlier
 * version of the templates had no dev/server.ts (gone from the folder, the record and the base).
 */
function agedService(files: Map<string, string>): DryRunFile[] {
  const aged = new Map(files);
  aged.set(
    'catalog-info.yaml',
    aged
      .get('catalog-info.yaml')!
      .replaceAll(`backstage.io/template-version: ${VERSION}`, 'backstage.io/template-version: 0.0.1')
      .replaceAll(`owner: ${VALUES.owner}`, `owner: ${EDITED_OWNER}`),
  );
  aged.delete('dev/server.ts');
  const yoRc = JSON.parse(aged.get('.yo-rc.json')!);
  delete yoRc['create-cognito-jwt-api'].files['dev/server.ts'];
  aged.set('.yo-rc.json', JSON.stringify(yoRc, null, 2));
  const pristine = JSON.parse(aged.get('.cognito-jwt-api/pristine.json')!);
  delete pristine.files['dev/server.ts'];
  aged.set('.cognito-jwt-api/pristine.json', JSON.stringify(pristine, null, 2));
  return [...aged].map(([file, contents]) => ({
    path: `service/${file}`,
    base64Content: Buffer.from(contents).toString('base64'),
  }));
}

beforeAll(async () => {
  await installScaffolder();
  const template = parse(readFileSync(path.join(ROOT, 'backstage/template/template.yaml'), 'utf8'));
  // A copy of the template whose step pins the API's region: valid for the form, refused by the
  // action for a pool of another region.
  const pinned = structuredClone(template);
  const step = pinned.spec.steps.find((candidate: { action: string }) => candidate.action === 'cognito-jwt-api:create');
  step.input.region = PINNED_REGION;
  responses = await dryRun(template, [
    ...Object.keys(FLAVOURS).map((iac) => ({ values: { ...VALUES, iac } })),
    { values: { ...VALUES, iac: 'cdk', userPoolId: REFUSED_POOL }, template: pinned },
  ]);
  // The update template as it is but for its fetch step, which reads the repository from GitHub:
  // here it reads the folder the dry run is given (relative to the template, as the editor's own
  // files are), which holds the aged CDK service. The steps after it are the template's.
  const update = parse(readFileSync(path.join(ROOT, 'backstage/template/update-template.yaml'), 'utf8'));
  const fetch = update.spec.steps.find((candidate: { id: string }) => candidate.id === 'fetch');
  expect(fetch.action).toBe('fetch:plain');
  fetch.input.url = '.';
  expect(responses[0]!.status).toBe(200);
  [updateResponse] = (await dryRun(update, [
    { values: UPDATE_VALUES, directoryContents: agedService(filesOf(responses[0]!)) },
  ])) as [DryRunResponse];
});

/** The files of a dry run's workspace, by path, as text. */
const filesOf = (response: DryRunResponse) =>
  new Map(
    (response.body.directoryContents ?? []).map((file) => [
      file.path,
      Buffer.from(file.base64Content, 'base64').toString('utf8'),
    ]),
  );

describe('the template on a real Backstage scaffolder (dry run)', () => {
  it.each(Object.entries(FLAVOURS).map(([iac, file], index) => ({ iac, file, index })))(
    'generates the $iac service into the workspace, with its catalog-info.yaml',
    ({ file, index }) => {
      const response = responses[index]!;
      expect(response.status, JSON.stringify(response.body.error)).toBe(200);
      const files = filesOf(response);
      expect([...files.keys()]).toEqual(
        expect.arrayContaining(['catalog-info.yaml', 'src/api.ts', '.yo-rc.json', 'package.json', file]),
      );
      expect(files.get('src/api.ts')).toMatch(new RegExp(`userPoolId: ["']${VALUES.userPoolId}["']`));
      const entities = parseAllDocuments(files.get('catalog-info.yaml')!).map((document) => document.toJS());
      expect(entities.map((entity) => `${entity.kind}:${entity.metadata.name}`)).toEqual([
        'Component:orders-api',
        'API:orders-api',
      ]);
      for (const entity of entities) {
        expect(entity.spec.owner).toBe(VALUES.owner);
        // The template by its own name (a dry run's entity ref is template:default/dry-run), and this version.
        expect(entity.spec.scaffoldedFrom, entity.kind).toBe('template:default/cognito-jwt-api');
        expect(entity.metadata.annotations['backstage.io/template-version'], entity.kind).toBe(VERSION);
      }
      // The steps the scaffolder cannot dry-run (publishing, registering) are skipped, not failed.
      const log = (response.body.log ?? []).map((line) => line.body.message).join('\n');
      expect(log).toContain('Skipping because publish:github does not support dry-run');
    },
  );

  it("refuses a pool id of another region than the pinned one with 400 (InputError) in the form's words, writing nothing", () => {
    const response = responses[Object.keys(FLAVOURS).length]!;
    expect(response.status).toBe(400);
    expect(response.body.error?.name).toBe('InputError');
    const message = response.body.error?.message ?? '';
    expect(message).toContain(
      `Cognito user pool ID "${REFUSED_POOL}" is in region ${EXAMPLE_INPUT.region} but AWS region is ${PINNED_REGION}`,
    );
    expect(message).not.toMatch(/--[a-z]/);
    expect(response.body.directoryContents).toBeUndefined();
  });
});

describe('the update template on a real Backstage scaffolder (dry run)', () => {
  it('updates the service in the folder the form names, and proposes it in a pull request', () => {
    expect(updateResponse.status, JSON.stringify(updateResponse.body.error)).toBe(200);
    const log = (updateResponse.body.log ?? []).map((line) => line.body.message).join('\n');
    expect(log).toMatch(
      new RegExp(`Dry run: updated \\S+/service to create-cognito-jwt-api ${VERSION.replaceAll('.', '\\.')}: `),
    );
    const files = filesOf(updateResponse);
    // The file the earlier templates lacked is added, and recorded.
    expect(files.get('service/dev/server.ts')).toBe(filesOf(responses[0]!).get('dev/server.ts'));
    const record = JSON.parse(files.get('service/.yo-rc.json')!)['create-cognito-jwt-api'];
    expect(Object.keys(record.files)).toContain('dev/server.ts');
    // The pull request step ran, in its dry-run form, with the action's outputs.
    expect(log).toContain('Performing dry run of creating pull request');
    expect(updateResponse.body.output?.links).toEqual([{ title: 'Pull request', url: UPDATE_VALUES.repoUrl }]);
    const summary = updateResponse.body.output?.text?.[0]?.content ?? '';
    expect(summary).toMatch(/^Updates the service in `service\/` to create-cognito-jwt-api /);
    expect(summary).toContain('| `dev/server.ts` | add | new in the template |');
  });

  it("keeps catalog-info.yaml's template version current and its template named, and the team's edits", () => {
    const files = filesOf(updateResponse);
    const entities = parseAllDocuments(files.get('service/catalog-info.yaml')!).map((document) => document.toJS());
    expect(entities.map((entity) => entity.kind)).toEqual(['Component', 'API']);
    for (const entity of entities) {
      expect(entity.metadata.annotations['backstage.io/template-version'], entity.kind).toBe(VERSION);
      expect(entity.spec.scaffoldedFrom, entity.kind).toBe('template:default/cognito-jwt-api');
      expect(entity.spec.owner, entity.kind).toBe(EDITED_OWNER);
    }
    const summary = updateResponse.body.output?.text?.[0]?.content ?? '';
    for (const kind of ['Component', 'API'])
      expect(summary).toContain(`backstage.io/template-version annotation of ${kind} orders-api: 0.0.1 → ${VERSION}`);
  });
});
