/**
 * A real Backstage scaffolder runs the template: a test backend (startTestBackend) with the
 * scaffolder plugin, its GitHub module and this repository's module, packed and installed as a
 * Backstage backend installs it, is sent backstage/template/template.yaml with a form's values on
 * its dry-run endpoint, which the template editor uses. The scaffolder is installed once in
 * .cache/backstage-scaffolder/ (about 470 MB, a few minutes) and reused while its package.json is
 * the same; the two tarballs are installed there afresh on every run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { execOk } from '../helpers/exec.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = path.join(ROOT, '.cache/backstage-scaffolder');
const MODULE = 'backstage-plugin-scaffolder-backend-module-cognito-jwt-api';
const INSTALL = ['install', '--legacy-peer-deps', '--no-audit', '--no-fund', '--prefer-offline'];

/**
 * The scaffolder's folder. Its native modules (better-sqlite3) are built for the Node.js that
 * installs them: its major version is part of what must match for the folder to be reused.
 */
const MANIFEST = `${JSON.stringify(
  {
    private: true,
    description: 'A Backstage scaffolder for test/e2e/backstage-scaffolder.test.ts',
    type: 'module',
    engines: { node: `${process.versions.node.split('.')[0]}.x` },
    dependencies: {
      '@backstage/backend-test-utils': '1.11.7',
      '@backstage/plugin-catalog-node': '2.2.5',
      '@backstage/plugin-scaffolder-backend': '4.2.0',
      '@backstage/plugin-scaffolder-backend-module-github': '0.10.0',
      '@backstage/plugin-scaffolder-node': '0.13.7',
    },
  },
  null,
  2,
)}\n`;

interface DryRunFile {
  path: string;
  base64Content: string;
}
interface DryRunResponse {
  status: number;
  body: {
    directoryContents?: DryRunFile[];
    log?: Array<{ body: { message: string } }>;
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

/** Installs the scaffolder unless the folder already holds it, then the packages as packed now. */
async function installScaffolder(): Promise<void> {
  const manifest = path.join(CACHE, 'package.json');
  const reusable =
    existsSync(path.join(CACHE, 'node_modules/.package-lock.json')) &&
    existsSync(manifest) &&
    readFileSync(manifest, 'utf8') === MANIFEST;
  if (!reusable) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(manifest, MANIFEST);
    await execOk('npm', INSTALL, { cwd: CACHE });
  }
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
  copyFileSync(
    fileURLToPath(new URL('backstage-scaffolder/dry-run.mjs', import.meta.url)),
    path.join(CACHE, 'dry-run.mjs'),
  );
}

beforeAll(async () => {
  await installScaffolder();
  const template = parse(readFileSync(path.join(ROOT, 'backstage/template/template.yaml'), 'utf8'));
  const input = path.join(CACHE, 'requests.json');
  const output = path.join(CACHE, 'responses.json');
  rmSync(output, { force: true });
  // A copy of the template whose step pins the API's region: valid for the form, refused by the
  // action for a pool of another region.
  const pinned = structuredClone(template);
  const step = pinned.spec.steps.find((candidate: { action: string }) => candidate.action === 'cognito-jwt-api:create');
  step.input.region = PINNED_REGION;
  const requests = [
    ...Object.keys(FLAVOURS).map((iac) => ({ values: { ...VALUES, iac } })),
    { values: { ...VALUES, iac: 'cdk', userPoolId: REFUSED_POOL }, template: pinned },
  ];
  writeFileSync(input, JSON.stringify({ template, requests }));
  await execOk(process.execPath, ['dry-run.mjs', input, output], { cwd: CACHE });
  responses = JSON.parse(readFileSync(output, 'utf8'));
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
      for (const entity of entities) expect(entity.spec.owner).toBe(VALUES.owner);
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
