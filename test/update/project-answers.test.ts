/**
 * `update` and the project's own src/api.ts: once edited, it is the source of the origins, scopes
 * and routes; an answer flag that disagrees with it is refused, never applied silently.
 */
import { describe, expect, it } from 'vitest';
import { computeUpdate } from '../../src/update/project.js';
import { AnswersDisagreeError } from '../../src/errors.js';
import { commitAll, currentRender, fixtureCopy, read, tree, update, write } from '../helpers/project.js';

/** The dev environment's origins in src/api.ts, as the update of the fixture writes them. */
const BOTH = "allowOrigins: ['https://app.example.com', 'http://localhost:5173']";
/** The production environment's origins in src/api.ts, replaced by `origins`. */
const prodOrigins = (api: string, origins: string) =>
  api.replace(/(\n {2}prod: \{[^}]*?allowOrigins: )\[[^\]]*\]/, `$1${origins}`);
const ORDERS = "  { method: 'POST', path: '/orders', handler: 'orders', scopes: ['orders-api/write'] },\n";

/** A copy of the fixture brought to the current templates, then edited by the user in src/api.ts. */
async function editedProject(edit: (api: string) => string): Promise<string> {
  const dir = fixtureCopy('cdk');
  expect((await update(dir)).code).toBe(0);
  commitAll(dir, 'updated');
  const api = read(dir, 'src/api.ts')!;
  expect(edit(api)).not.toBe(api);
  write(dir, 'src/api.ts', edit(api));
  commitAll(dir, 'our edits to src/api.ts');
  return dir;
}
const record = (dir: string) => JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'];

describe('update reads the origins, scopes and routes the project holds in src/api.ts', () => {
  it(
    'keeps an origin removed from src/api.ts out of every file when the flavour changes, and says where it read ' +
      'them',
    async () => {
      const dir = await editedProject((api) => api.replace(BOTH, "allowOrigins: ['https://app.example.com']"));
      const { code, out, err } = await update(dir, '--iac', 'sam');
      expect(code, err).toBe(0);
      expect(out).toContain(
        'note: devOrigins read from src/api.ts: https://app.example.com (.yo-rc.json had https://app.example.com, ' +
          'http://localhost:5173)',
      );
      expect(read(dir, 'template.yaml')).toMatch(/Default: "?https:\/\/app\.example\.com"?\n/);
      expect(read(dir, 'samconfig.toml')).toContain('AllowedOrigins=\\"https://app.example.com\\"');
      expect(read(dir, 'samconfig.toml')).not.toContain('http://localhost:5173');
      expect(read(dir, 'src/api.ts')).not.toContain('http://localhost:5173');
      expect(record(dir).answers.devOrigins).toEqual(['https://app.example.com']);
      // The record now agrees with the project: nothing more to say, nothing more to do.
      commitAll(dir, 'to SAM');
      const again = await update(dir);
      expect(again.out).not.toContain('read from src/api.ts');
      expect(again.out).toMatch(/is current\./);
    },
  );

  it('carries scopes and routes added in src/api.ts into the infrastructure of another flavour', async () => {
    const dir = await editedProject((api) =>
      api
        .replace('scopes: [] as readonly string[]', "scopes: ['orders-api/read'] as readonly string[]")
        .replace(/( {2}\{ method: 'GET', path: '\/me', handler: 'me' \},\n)/, `$1${ORDERS}`),
    );
    const { code, out, err } = await update(dir, '--iac', 'sam');
    expect(code, err).toBe(0);
    expect(out).toContain('note: scopes read from src/api.ts: orders-api/read (.yo-rc.json had none)');
    expect(out).toContain('note: routes read from src/api.ts: POST /orders');
    const template = read(dir, 'template.yaml')!;
    expect(template).toMatch(/Path: "?\/orders"?\n +Method: "?POST"?/);
    expect(template).toMatch(/AuthorizationScopes: \["?orders-api\/write"?\]/);
    expect(template).toMatch(/AuthorizationScopes: \["?orders-api\/read"?\]/);
    expect(read(dir, 'src/api.ts')).toContain(ORDERS);
    expect(record(dir).answers.scopes).toEqual(['orders-api/read']);
    // Once rendered with them, the same routes are nothing new; a route removed from src/api.ts leaves the template
    // too.
    commitAll(dir, 'to SAM');
    const again = await update(dir);
    expect(again.out).not.toContain('read from src/api.ts');
    expect(again.out).toMatch(/is current\./);
    write(dir, 'src/api.ts', read(dir, 'src/api.ts')!.replace(ORDERS, ''));
    commitAll(dir, 'no orders route');
    const removed = await update(dir);
    expect(removed.code, removed.err).toBe(0);
    expect(removed.out).toContain('note: routes read from src/api.ts: none beside the sample GET /me');
    expect(read(dir, 'template.yaml')).not.toContain('/orders');
  });

  it(
    'refuses an answer flag that disagrees with an edited src/api.ts, naming both values and the flag, and ' +
      'writes nothing',
    async () => {
      const dir = await editedProject((api) => prodOrigins(api, "['https://www.example.com']"));
      const before = tree(dir);
      const { code, err } = await update(dir, '--origins', 'https://admin.example.com', '--iac', 'sam');
      expect(code).toBe(1);
      expect(err).toMatch(
        /src\/api\.ts allows in production the origins \["https:\/\/www\.example\.com"\] \(environments\.prod\.allowOrigins\), but --origins gives \["https:\/\/admin\.example\.com"\]/,
      );
      expect(err).toMatch(/--origins https:\/\/www\.example\.com/);
      expect(tree(dir)).toEqual(before);
      expect(() => computeUpdate(dir, { origins: 'https://admin.example.com' })).toThrow(AnswersDisagreeError);
      // The flag that agrees with the file is no disagreement.
      expect((await update(dir, '--origins', 'https://www.example.com', '--iac', 'sam')).code).toBe(0);
    },
  );

  it('still takes an answer flag as a change while src/api.ts holds what was generated', async () => {
    const dir = fixtureCopy('cdk');
    const { code, out } = await update(dir, '--scopes', 'orders-api/read');
    expect(code).toBe(0);
    expect(out).not.toContain('read from src/api.ts');
    expect(read(dir, 'src/api.ts')).toContain("scopes: ['orders-api/read'] as readonly string[]");
  });

  it(
    'refuses a src/api.ts whose origins are not literals, naming the file and the fix, and writes ' + 'nothing',
    async () => {
      const dir = await editedProject((api) => api.replace(BOTH, "allowOrigins: process.env.ORIGINS!.split(',')"));
      const before = tree(dir);
      const { code, err } = await update(dir, '--iac', 'sam');
      expect(code).toBe(1);
      expect(err).toMatch(/^src\/api\.ts: environments\.dev\.allowOrigins .*Expected .*literal/m);
      expect(tree(dir)).toEqual(before);
    },
  );

  it("blames an origin the schema refuses on src/api.ts, with the schema's message", async () => {
    const dir = await editedProject((api) => api.replace(BOTH, "allowOrigins: ['http://insecure.example.com']"));
    const { code, err } = await update(dir);
    expect(code).toBe(1);
    expect(err).toMatch(/src\/api\.ts holds answers this version refuses/);
    expect(err).toMatch(/"http:\/\/insecure\.example\.com" uses http/);
  });

  it('refuses a loopback origin added to production in src/api.ts, pointing to the dev origins', async () => {
    const dir = await editedProject((api) => prodOrigins(api, "['https://app.example.com', 'http://localhost:3000']"));
    const { code, err } = await update(dir);
    expect(code).toBe(1);
    expect(err).toMatch(/src\/api\.ts holds answers this version refuses/);
    expect(err).toMatch(/"http:\/\/localhost:3000" is a loopback origin, .*--dev-origins/);
  });
});

describe('update of package.json', () => {
  it('keeps a dependency you removed removed when the template bumps its range, and says so', async () => {
    const dir = fixtureCopy('cdk');
    const pkg = JSON.parse(read(dir, 'package.json')!);
    expect(pkg.devDependencies.vitest).toBe('^4.0.0');
    delete pkg.devDependencies.vitest;
    delete pkg.scripts.synth;
    write(dir, 'package.json', `${JSON.stringify(pkg, null, 2)}\n`);
    commitAll(dir, 'we test with node:test');
    const wanted = JSON.parse(currentRender(dir).find((file) => file.path === 'package.json')!.contents);
    expect(wanted.devDependencies.vitest).not.toBe('^4.0.0');

    const { code, out } = await update(dir);
    expect(code).toBe(0);
    const merged = JSON.parse(read(dir, 'package.json')!);
    expect(merged.devDependencies.vitest).toBeUndefined();
    expect(merged.devDependencies['aws-cdk-lib']).toBe(wanted.devDependencies['aws-cdk-lib']);
    expect(merged.scripts.synth).toBeUndefined();
    expect(merged.scripts.dev).toBe(wanted.scripts.dev);
    expect(out).toMatch(
      new RegExp(
        `merge +package\\.json +\\(.*kept removed: vitest \\(template now wants \\${wanted.devDependencies.vitest}\\)`,
      ),
    );
  });
});
