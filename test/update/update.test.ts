/**
 * `update` on a project of the previous template version: every merge rule, for CDK and
 * Terraform, asserting the exact resulting files and that no user edit is lost.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFLICT_MARKER } from '../../src/update/merge.js';
import { PACKAGE_VERSIONS } from '../../src/render/versions.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import {
  commitAll,
  currentRender,
  fixtureCopy,
  read,
  remove,
  tree,
  update,
  updateWith,
  write,
} from '../helpers/project.js';
import { biomeScript, reportedFiles } from '../helpers/biome.js';

/**
 * The user's edit to src/api.ts, beside lines the template changed. (A route added to the routes
 * list of a previous-version project conflicts: the template's quotes changed on that list.)
 */
const USER_NOTE = ' * - Our team: every route names its scopes.\n';
const withUserNote = (api: string) => api.replace(' * - Add a route:', `${USER_NOTE} * - Add a route:`);

describe.each(['cdk', 'terraform'] as const)('update of a %s project from the previous version', (iac) => {
  it('applies every rule in one run, and loses no edit', async () => {
    const dir = fixtureCopy(iac);
    // The user's edits since generation.
    write(
      dir,
      'tsconfig.json',
      read(dir, 'tsconfig.json')!.replace('"strict": true,', '"strict": true,\n    "noUnusedLocals": true,'),
    );
    write(dir, 'src/api.ts', withUserNote(read(dir, 'src/api.ts')!));
    write(dir, 'infra/README.md', `${read(dir, 'infra/README.md')}\nOur team's notes.\n`);
    const pkg = JSON.parse(read(dir, 'package.json')!);
    pkg.dependencies = { zod: '^4.0.0' };
    pkg.scripts.lint = 'tsc --noEmit';
    pkg.devDependencies.vitest = '^4.1.0';
    write(dir, 'package.json', `${JSON.stringify(pkg, null, 2)}\n`);
    remove(dir, 'test/api.test.ts');
    remove(dir, 'src/handlers/preflight.ts');
    commitAll(dir, 'our edits');
    const before = tree(dir);

    const { code, out } = await update(dir);
    expect(code, out).toBe(0);
    const after = tree(dir);
    const next = new Map(currentRender(dir).map((file) => [file.path, file.contents]));

    // Untouched files take the new output; new template files are added.
    expect(after['README.md']).toBe(next.get('README.md'));
    expect(after['dev/server.ts']).toBe(next.get('dev/server.ts'));
    expect(out).toMatch(/add +dev\/server\.ts +\(new in the template\)/);
    // Changed by the user only: kept exactly.
    expect(after['tsconfig.json']).toBe(before['tsconfig.json']);
    // Changed by both: merged, with the user's note and the template's new max age and runtime.
    expect(after['src/api.ts']).toContain(USER_NOTE);
    expect(after['src/api.ts']).toContain('maxAge: 7200,');
    expect(after['src/api.ts']).toContain("export const runtime = 'nodejs22.x';");
    expect(after['src/api.ts']).toBe(withUserNote(next.get('src/api.ts')!));
    // Deleted by the user: stay deleted, and reported.
    expect(after['test/api.test.ts']).toBeUndefined();
    expect(after['src/handlers/preflight.ts']).toBeUndefined();
    expect(out).toMatch(/stay-deleted +test\/api\.test\.ts/);
    // .nvmrc, dropped by 0.1.0's successors and generated again, follows the migrated runtime.
    expect(after['.nvmrc']).toBe('22\n');
    // Dropped by the template: kept and reported when edited (removed when untouched: plan.test.ts).
    expect(after['infra/README.md']).toBe(before['infra/README.md']);
    expect(out).toMatch(/keep +infra\/README\.md +\(dropped by the template, but you edited it: kept\)/);
    // Samples are never overwritten, though the template changed them.
    expect(after['src/handlers/me.ts']).toBe(before['src/handlers/me.ts']);
    expect(after['src/handlers/me.ts']).not.toBe(next.get('src/handlers/me.ts'));
    // package.json: template bumps and additions applied, the user's dependencies and scripts kept.
    const merged = JSON.parse(after['package.json']!);
    const template = JSON.parse(next.get('package.json')!);
    expect(merged.dependencies).toEqual({ zod: '^4.0.0' });
    expect(merged.scripts).toEqual({ ...template.scripts, lint: 'tsc --noEmit' });
    expect(merged.devDependencies).toEqual({ ...template.devDependencies, vitest: '^4.1.0' });
    // No edit lost: every line the user added is still there.
    expect(after['infra/README.md']).toContain("Our team's notes.");
    expect(after['tsconfig.json']).toContain('"noUnusedLocals": true');
    // The record: migrated answers, current schema, the new base.
    const record = JSON.parse(after['.yo-rc.json']!)['create-cognito-jwt-api'];
    expect(record.answers.runtime).toBe('nodejs22.x');
    expect(record.schemaVersion).toBe(3);
    // No origin lost: the loopback one is dev's alone, the other both environments'.
    expect([record.answers.origins, record.answers.devOrigins]).toEqual([
      ['https://app.example.com'],
      ['https://app.example.com', 'http://localhost:5173'],
    ]);
    expect(out).toMatch(/answers migrated: 2→3: environments dev and prod: loopback origins go to dev only/);
    expect(merged.scripts).toMatchObject({ 'deploy:dev': expect.any(String), 'deploy:prod': expect.any(String) });
    expect(merged.scripts.deploy).toBeUndefined();
    expect(JSON.parse(after['.cognito-jwt-api/pristine.json']!).files).toEqual(Object.fromEntries(next));
    expect(out).toMatch(/answers migrated: 1→2: nodejs20\.x left Lambda support/);
    // The template bumped devDependencies: the lock file is stale, so the steps start with an install.
    expect(out).toMatch(
      /\nUpdated \d+ file\(s\)\.\n\nNext steps:\n {2}npm install {3}# the dependencies changed: refreshes the lock file\n {2}npm test\n {2}npm run deploy:dev\n$/,
    );
  });

  it('takes a checkout with CRLF line ends as the same files, and keeps its line ends', async () => {
    const dir = fixtureCopy(iac);
    for (const [file, contents] of Object.entries(tree(dir))) write(dir, file, contents.replaceAll('\n', '\r\n'));
    write(
      dir,
      'tsconfig.json',
      read(dir, 'tsconfig.json')!.replace('"strict": true,', '"strict": true,\r\n    "noUnusedLocals": true,'),
    );
    commitAll(dir, 'checked out on Windows');
    const { code, out } = await update(dir);
    expect(code, out).toBe(0);
    expect(out).not.toMatch(/conflict|merge /);
    expect(out).toMatch(/update +README\.md +\(untouched by you/);
    expect(out).toMatch(/keep +tsconfig\.json +\(changed by you, not by the template/);
    const after = tree(dir);
    const next = new Map(currentRender(dir).map((file) => [file.path, file.contents]));
    expect(after['README.md']).toBe(next.get('README.md')!.replaceAll('\n', '\r\n'));
    expect(after['src/api.ts']).toContain('maxAge: 7200,\r\n');
    expect(after['tsconfig.json']).toContain('"noUnusedLocals": true,\r\n');
    // A file the update adds follows the checkout.
    expect(out).toMatch(/add +dev\/server\.ts/);
    expect(after['dev/server.ts']).toBe(next.get('dev/server.ts')!.replaceAll('\n', '\r\n'));
  });

  it('adds biome.json and the lint and format scripts cleanly; every file it manages passes the lint', async () => {
    const dir = fixtureCopy(iac);
    const { code, out } = await update(dir);
    expect(code, out).toBe(0);
    expect(out).toMatch(/add +biome\.json +\(new in the template\)/);
    const after = tree(dir);
    const next = new Map(currentRender(dir).map((file) => [file.path, file.contents]));
    expect(after['biome.json']).toBe(next.get('biome.json'));
    const { scripts, devDependencies } = JSON.parse(after['package.json']!);
    const biome = `npx --yes @biomejs/biome@${PACKAGE_VERSIONS['@biomejs/biome']}`;
    expect(scripts).toMatchObject({
      lint: `${biome} check --error-on-warnings .`,
      format: `${biome} format --write .`,
    });
    expect(devDependencies).not.toHaveProperty('@biomejs/biome');
    // The samples stay as the previous version wrote them (they are yours): npm run format brings them in line.
    const first = biomeScript(dir, 'lint');
    expect(reportedFiles(first.output), first.output).toEqual(['src/handlers/me.ts', 'test/handlers/me.test.ts']);
    expect(first.status).not.toBe(0);
    expect(biomeScript(dir, 'format').status).toBe(0);
    const second = biomeScript(dir, 'lint');
    expect(second.status, second.output).toBe(0);
  });

  it('is idempotent: a second update changes nothing', async () => {
    const dir = fixtureCopy(iac);
    expect((await update(dir)).code).toBe(0);
    commitAll(dir, 'updated');
    const once = tree(dir);
    const second = await update(dir);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/is current\./);
    expect(tree(dir)).toEqual(once);
  });

  it('marks conflicts diff3-style, lists them, and exits 1 until they are resolved', async () => {
    const dir = fixtureCopy(iac);
    write(dir, 'src/api.ts', read(dir, 'src/api.ts')!.replace('maxAge: 3600,', 'maxAge: 600,'));
    commitAll(dir, 'our max age');
    const preview = await update(dir, '--check');
    expect(preview.code).toBe(1);
    expect(preview.err).toMatch(/^An update would mark conflicts in: src\/api\.ts \(to resolve after it\)\.$/m);
    expect(preview.err).not.toContain('Conflicts remain');
    const first = await update(dir);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/conflict +src\/api\.ts/);
    expect(first.err).toMatch(/Conflicts remain in: src\/api\.ts/);
    expect(first.out).toMatch(
      /\nNext steps:\n {2}resolve the conflicts in src\/api\.ts, then run update again to record it\n {2}npm install /,
    );
    const marked = read(dir, 'src/api.ts')!;
    // The hunk holds the comments around the line too, as the template changed them.
    expect(marked).toMatch(
      /<<<<<<< yours\n(.*\n)* {2}maxAge: 600,\n(.*\n)*\|\|\|\|\|\|\| base \(as generated\)\n(.*\n)* {2}maxAge: 3600,\n(.*\n)*=======\n(.*\n)* {2}maxAge: 7200,\n(.*\n)*>>>>>>> template \(new\)\n/,
    );
    commitAll(dir, 'update with a conflict');

    expect((await update(dir)).code).toBe(1);
    for (const flag of ['--check', '--dry-run'])
      expect((await update(dir, flag)).err).toMatch(/Conflicts remain in: src\/api\.ts/);
    // An update that would change files again waits for the resolution: its markers would mix with these.
    const before = tree(dir);
    const again = await update(dir, '--scopes', 'orders-api/read');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /^Conflicts from the last update remain in: src\/api\.ts\. .*resolve the <<<<<<< .* then run update again\.$/m,
    );
    expect(tree(dir)).toEqual(before);
    // Resolved as a user would: the template's side, with their max age.
    write(
      dir,
      'src/api.ts',
      marked.replace(/<<<<<<< yours\n[\s\S]*?=======\n([\s\S]*?)>>>>>>> template \(new\)\n/, (_, theirs: string) =>
        theirs.replace('maxAge: 7200,', 'maxAge: 600,'),
      ),
    );
    expect(read(dir, 'src/api.ts')).not.toMatch(CONFLICT_MARKER);
    // The resolution is not committed yet: recording it writes update's own files only, so the tree may be dirty.
    const resolved = await update(dir);
    expect(resolved.code, resolved.err).toBe(0);
    expect(resolved.out).toMatch(
      /^Recorded your resolution of 1 file\(s\): src\/api\.ts\. The next update merges from here\.$/m,
    );
    expect(resolved.out).not.toMatch(/Updated \d+ file|is current/);
    // Nothing of package.json changed in this run: test and deploy the resolved file.
    expect(resolved.out).toMatch(/\nNext steps:\n {2}npm test\n {2}npm run deploy:dev\n$/);
    expect(read(dir, 'src/api.ts')).toContain('maxAge: 600,');
    expect(JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'].conflicts).toBeUndefined();
  });
});

describe('update options', () => {
  it('says what a new --name does to the deployed stack', async () => {
    for (const [iac, effect] of [
      ['cdk', /creates a second stack and API/],
      ['terraform', /replaces the API and its functions/],
    ] as const) {
      const { out } = await update(fixtureCopy(iac), '--name', 'renamed-api', '--dry-run');
      expect(out).toMatch(
        /^note: the name changes from "orders-api" to "renamed-api": .*Keep --name orders-api to deploy over the same one$/m,
      );
      expect(out).toMatch(effect);
    }
    expect((await update(fixtureCopy('cdk'), '--dry-run')).out).not.toContain('the name changes');
    // A scope is not part of the stack's or the resources' names.
    expect((await update(fixtureCopy('cdk'), '--name', '@acme/orders-api', '--dry-run')).out).not.toContain(
      'the name changes',
    );
  });

  it('--dry-run prints the plan and unified diffs, and writes nothing', async () => {
    const dir = fixtureCopy('cdk');
    const before = tree(dir);
    const { code, out } = await update(dir, '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/update +src\/api\.ts +\(untouched by you: replaced by the new output\)/);
    expect(out).toContain('--- src/api.ts\tnow\n+++ src/api.ts\tafter update');
    expect(out).toContain('\n-  maxAge: 3600,\n');
    expect(out).toContain('\n+  maxAge: 7200,\n');
    expect(out).toContain('Dry run: nothing was written.');
    expect(tree(dir)).toEqual(before);
  });

  it('--check exits 2 while an update would change files, 0 once current; --json prints the plan', async () => {
    const dir = fixtureCopy('terraform');
    const check = await update(dir, '--check', '--json');
    expect(check.code).toBe(2);
    const plan = JSON.parse(check.out);
    expect(plan.current).toBe(false);
    expect(plan.plan).toContainEqual({
      path: 'infra/main.tf',
      action: 'update',
      reason: 'untouched by you: replaced by the new output',
      ownership: 'managed',
    });
    await update(dir);
    commitAll(dir, 'updated');
    expect((await update(dir, '--check')).code).toBe(0);
  });

  it('reads a record whose hashes are SHA-256, as some earlier versions wrote them, with or without the base', async () => {
    const dir = fixtureCopy('cdk');
    await update(dir);
    // The record of a current project as those versions kept it: each file's hash as SHA-256.
    const yoRc = JSON.parse(read(dir, '.yo-rc.json')!);
    const { files } = JSON.parse(read(dir, '.cognito-jwt-api/pristine.json')!) as { files: Record<string, string> };
    const record = yoRc['create-cognito-jwt-api'] as { files: Record<string, { hash: string }> };
    for (const [file, entry] of Object.entries(record.files))
      entry.hash = `sha256-${createHash('sha256').update(files[file]!).digest('hex')}`;
    write(dir, '.yo-rc.json', `${JSON.stringify(yoRc, null, 2)}\n`);
    commitAll(dir, 'a record with SHA-256 hashes');
    const checked = await update(dir, '--dry-run', '--json');
    expect(JSON.parse(checked.out).notes).toEqual([]);
    // Without the stored base, the hash tells that a file you deleted is unchanged by the template: it stays deleted.
    remove(dir, '.cognito-jwt-api/pristine.json');
    remove(dir, 'tsconfig.json');
    commitAll(dir, 'base lost, a file deleted');
    const { plan } = JSON.parse((await update(dir, '--dry-run', '--json')).out) as { plan: { path: string }[] };
    expect(plan.find(({ path }) => path === 'tsconfig.json')).toMatchObject({
      action: 'stay-deleted',
      reason: 'you deleted it: it stays deleted',
    });
  });

  it('refuses a dirty git tree unless --force', async () => {
    const dir = fixtureCopy('cdk');
    write(dir, 'notes.txt', 'work in progress');
    const refused = await update(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /uncommitted changes \(1 file\(s\), e\.g\. notes\.txt\)\. Expected a clean tree.*--force/,
    );
    expect(refused.out).not.toContain('Plan for'); // refused before a plan that would read as applied
    expect(read(dir, 'src/api.ts')).toContain('maxAge: 3600,');
    expect((await update(dir, '--force')).code).toBe(0);
    expect(read(dir, 'notes.txt')).toBe('work in progress');
  });

  it("stops a project of before environments whose origins are all loopback ones until --origins names production's", async () => {
    const dir = fixtureCopy('cdk');
    const yoRc = JSON.parse(read(dir, '.yo-rc.json')!);
    yoRc['create-cognito-jwt-api'].answers.origins = ['http://localhost:5173'];
    write(dir, '.yo-rc.json', `${JSON.stringify(yoRc, null, 2)}\n`);
    // As generated so: src/api.ts and its merge base alike.
    const localOnly = (api: string) => api.replace(/(allowOrigins: \[)["']https:\/\/app\.example\.com["'], /, '$1');
    const api = read(dir, 'src/api.ts')!;
    write(dir, 'src/api.ts', localOnly(api));
    expect(read(dir, 'src/api.ts')).not.toBe(api);
    const pristine = JSON.parse(read(dir, '.cognito-jwt-api/pristine.json')!);
    pristine.files['src/api.ts'] = localOnly(pristine.files['src/api.ts']);
    write(dir, '.cognito-jwt-api/pristine.json', `${JSON.stringify(pristine, null, 2)}\n`);
    commitAll(dir, 'only the local front end');
    const before = tree(dir);
    const refused = await update(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /origins \(http:\/\/localhost:5173\) are all loopback ones: they stay in dev \(--dev-origins\), which leaves production none\. Expected --origins/,
    );
    expect(tree(dir)).toEqual(before);
    // Given production's origins, it updates (src/api.ts, edited here by hand, merges with conflicts to resolve).
    const { err } = await update(dir, '--origins', 'https://app.example.com');
    expect(err).not.toMatch(/leaves production none/);
    const { answers } = JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'];
    expect([answers.origins, answers.devOrigins]).toEqual([['https://app.example.com'], ['http://localhost:5173']]);
  });

  it('changes answers through the same merge: --origins adds an origin everywhere it is used', async () => {
    const dir = fixtureCopy('terraform');
    await update(dir);
    commitAll(dir, 'updated');
    const { code, out } = await update(dir, '--origins', 'https://app.example.com,https://admin.example.com');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^note: --origins replaces the list of production origins: removed none; added https:\/\/admin\.example\.com$/m,
    );
    // The dependencies are as they were: no install, and `npm ci` still works.
    expect(out).toMatch(/\nNext steps:\n {2}npm test\n {2}npm run deploy:dev\n$/);
    expect(read(dir, 'src/api.ts')).toContain("allowOrigins: ['https://app.example.com', 'https://admin.example.com']");
    expect(read(dir, 'infra/variables.tf')).toContain(
      'default     = ["https://app.example.com", "https://admin.example.com"]',
    );
    expect(read(dir, 'infra/environments/prod.tfvars')).toContain(
      'allowed_origins = ["https://app.example.com", "https://admin.example.com"]',
    );
    // Dev keeps its own, the loopback one among them.
    expect(read(dir, 'infra/environments/dev.tfvars')).toContain(
      'allowed_origins = ["https://app.example.com", "http://localhost:5173"]',
    );
    commitAll(dir, 'an origin added');
    const replaced = await update(dir, '--origins', 'https://admin.example.com');
    expect(replaced.out).toMatch(
      /^note: --origins replaces the list of production origins: removed https:\/\/app\.example\.com; added none \(give every origin to keep, comma-separated\)$/m,
    );
    expect(JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'].answers.origins).toEqual([
      'https://admin.example.com',
    ]);
  });

  it('switching --iac says the old stack stays deployed and how to tear it down, then deploys the new flavour', async () => {
    const dir = fixtureCopy('terraform');
    expect((await update(dir)).code).toBe(0);
    commitAll(dir, 'updated');
    const preview = await update(dir, '--iac', 'cdk', '--dry-run');
    const note =
      /^note: --iac changes from terraform to cdk: .*deletes nothing deployed: the resources Terraform deployed are left running.*run `npm run destroy:dev` and `npm run destroy:prod` while the Terraform files are there: before applying this update/m;
    expect(preview.out).toMatch(note);
    const { code, out } = await update(dir, '--iac', 'cdk');
    expect(code).toBe(0);
    expect(out).toMatch(note);
    expect(read(dir, 'infra/main.tf')).toBeUndefined();
    // The new flavour deploys for the first time: CDK's bootstrap is among the steps.
    expect(out).toMatch(
      /\nNext steps:\n {2}npm install {3}# .*\n {2}npm test\n {2}npx cdk bootstrap {3}# once per AWS account and region\n {2}npm run deploy:dev\n$/,
    );
  });

  it('--json on a run that writes prints one report after writing, and nothing else on stdout', async () => {
    const dir = fixtureCopy('cdk');
    write(dir, 'src/api.ts', read(dir, 'src/api.ts')!.replace('maxAge: 3600,', 'maxAge: 600,'));
    commitAll(dir, 'our max age');
    const from = JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'].generatorVersion;
    const check = await update(dir, '--check', '--json');
    expect(JSON.parse(check.out)).toMatchObject({ from, written: false, current: false, installNeeded: true });
    const { code, out } = await update(dir, '--json', '--yes');
    expect(code).toBe(1); // conflicts written
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual([
      'from',
      'to',
      'current',
      'written',
      'installNeeded',
      'conflicts',
      'conflictHunks',
      'notes',
      'plan',
    ]);
    expect(report).toMatchObject({
      from,
      to: PACKAGE_VERSION,
      current: false,
      written: true,
      installNeeded: true,
      conflicts: ['src/api.ts'],
    });
    // The hunks are those now in the file.
    const hunks = report.conflictHunks[0].hunks as string[];
    expect(report.conflictHunks).toEqual([{ path: 'src/api.ts', hunks }]);
    expect(hunks.length).toBeGreaterThan(0);
    for (const hunk of hunks) {
      expect(read(dir, 'src/api.ts')).toContain(hunk);
      expect(hunk).toMatch(/^<<<<<<< yours\n[\s\S]*\n>>>>>>> template \(new\)\n$/);
    }
    expect(hunks.join('')).toContain('maxAge: 600,');
    expect(report.notes).toContainEqual(expect.stringMatching(/^answers migrated: 1→2/));
    expect(report.plan).toContainEqual({
      path: 'src/api.ts',
      action: 'conflict',
      reason: 'you and the template both changed it: conflicts marked in the file',
      ownership: 'managed',
    });
    expect(report.plan.map((entry: { action: string }) => entry.action)).not.toContain('unchanged');
    // Resolved and recorded: the report says so, and no longer lists the conflict.
    const resolvedApi = new Map(currentRender(dir).map((file) => [file.path, file.contents])).get('src/api.ts')!;
    write(dir, 'src/api.ts', resolvedApi.replace('maxAge: 7200,', 'maxAge: 600,'));
    const recorded = JSON.parse((await update(dir, '--json')).out);
    expect(recorded).toMatchObject({ from: PACKAGE_VERSION, written: true, installNeeded: false, conflicts: [] });
    expect(recorded.conflictHunks).toEqual([]);
    expect(recorded.notes).toContain(
      'Recorded your resolution of 1 file(s): src/api.ts. The next update merges from here.',
    );
  });

  it('names the package manager that ran it in the next steps', async () => {
    const dir = fixtureCopy('terraform');
    const { code, out } = await updateWith({ cwd: dir, env: { npm_config_user_agent: 'pnpm/9.1.0 npm/? node/v20' } });
    expect(code).toBe(0);
    expect(out).toMatch(/\nNext steps:\n {2}pnpm install {3}# .*\n {2}pnpm test\n {2}pnpm run deploy:dev\n$/);
  });

  it('keeps an issuer given for the pool while the pool stays, and drops it, saying so, with the pool', async () => {
    const dir = fixtureCopy('cdk');
    const record = () => JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'];
    const { userPoolId, region } = record().answers;
    const newer = `https://issuer-cognito-idp.${region}.amazonaws.com/${userPoolId}`;
    expect((await update(dir, '--issuer', newer)).code).toBe(0);
    commitAll(dir, 'the newer issuer');
    expect((await update(dir, '--user-pool-id', userPoolId)).code).toBe(0);
    expect(record().answers.issuer).toBe(newer);
    const moved = await update(
      dir,
      '--user-pool-id',
      `${region}_Moved3`,
      '--client-id',
      '3new23456789abcdefghijklmn',
      '--force',
    );
    expect(moved.code, moved.err).toBe(0);
    expect(record().answers.issuer).toBeUndefined();
    expect(moved.out).toContain(
      `note: the issuer chosen for ${userPoolId} was dropped with that pool: give --issuer if the new pool needs one`,
    );
  });

  it('moves to another pool: its region comes with it unless given', async () => {
    const dir = fixtureCopy('cdk');
    const client = ['--client-id', '3new23456789abcdefghijklmn'];
    const { code, err } = await update(dir, '--user-pool-id', 'us-east-1_Moved1', ...client);
    expect(code, err).toBe(0);
    const record = JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'];
    expect(record.answers).toMatchObject({ region: 'us-east-1', userPoolId: 'us-east-1_Moved1' });
    expect(read(dir, 'src/api.ts')).toContain('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Moved1');
    const mismatch = await update(dir, '--user-pool-id', 'eu-west-1_Moved2', '--region', 'us-east-1', ...client);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toMatch(/--user-pool-id "eu-west-1_Moved2"/);
  });

  it("refuses an invalid answer flag with the schema's message, writing nothing", async () => {
    const dir = fixtureCopy('cdk');
    const before = tree(dir);
    const { code, err } = await update(dir, '--origins', 'http://insecure.example.com');
    expect(code).toBe(1);
    expect(err).toMatch(/^--origins "http:\/\/insecure\.example\.com" uses http/);
    expect(tree(dir)).toEqual(before);
  });

  it('blames a stored answer the schema refuses on .yo-rc.json, not on a flag the user did not give', async () => {
    const dir = fixtureCopy('cdk');
    const yoRc = JSON.parse(read(dir, '.yo-rc.json')!);
    // An answer src/api.ts does not hold: the record is its only source.
    yoRc['create-cognito-jwt-api'].answers.iac = 'pulumi';
    write(dir, '.yo-rc.json', `${JSON.stringify(yoRc, null, 2)}\n`);
    commitAll(dir, 'hand-edited record');
    const before = tree(dir);
    const { code, err } = await update(dir);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^\.yo-rc\.json holds answers this version refuses \(its message names each by its flag\):\n--iac "pulumi" is not one of cdk, terraform, sam/,
    );
    expect(err).toMatch(
      /Expected valid stored answers: give that flag to replace the answer, or restore \.yo-rc\.json/,
    );
    expect(tree(dir)).toEqual(before);
    // A flag that breaks a rule across answers is the flag's problem, not the record's.
    const flagged = await update(dir, '--region', 'us-east-1', '--iac', 'cdk');
    expect(flagged.err).toMatch(
      /^--user-pool-id "eu-west-1_AbCdEfGhI" is in region eu-west-1 but --region is us-east-1\./,
    );
    // Given as a flag, the answer replaces the stored one.
    expect((await update(dir, '--iac', 'cdk')).code).toBe(0);
  });

  it('explains an unreadable .yo-rc.json, and merges without a readable base', async () => {
    const dir = fixtureCopy('cdk');
    write(dir, '.cognito-jwt-api/pristine.json', '{ truncated');
    commitAll(dir, 'base lost');
    const plan = JSON.parse((await update(dir, '--dry-run', '--json')).out);
    expect(plan.notes).toContain(
      'no readable .cognito-jwt-api/pristine.json: the recorded hashes tell untouched files; other differences ' +
        'are merged as conflicts',
    );
    write(dir, '.yo-rc.json', '{ "create-cognito-jwt-api": ');
    const before = tree(dir);
    const { code, err } = await update(dir, '--force');
    expect(code).toBe(1);
    expect(err).toMatch(/\.yo-rc\.json is not valid JSON\. Expected the file a generation wrote: restore it/);
    expect(tree(dir)).toEqual(before);
  });

  it('looks for uncommitted changes in the project folder only, not elsewhere in its repository', async () => {
    const repo = fixtureCopy('cdk');
    const service = path.join(repo, 'services', 'orders');
    mkdirSync(service, { recursive: true });
    for (const entry of readdirSync(repo))
      if (entry !== '.git' && entry !== 'services') renameSync(path.join(repo, entry), path.join(service, entry));
    commitAll(repo, 'moved into services/orders');
    write(repo, 'notes.txt', 'work in progress elsewhere');
    expect((await update(service)).code).toBe(0);
    expect(read(service, 'src/api.ts')).not.toContain('maxAge: 3600,');
    write(service, 'scratch.txt', 'work in progress here');
    expect((await update(service, '--origins', 'https://admin.example.com')).err).toMatch(/uncommitted changes/);
  });

  it('refuses a project generated by a later version, writing nothing', async () => {
    const dir = fixtureCopy('cdk');
    const yoRc = JSON.parse(read(dir, '.yo-rc.json')!);
    const later = `${Number(PACKAGE_VERSION.split('.')[0]) + 1}.0.0`;
    yoRc['create-cognito-jwt-api'].generatorVersion = later;
    write(dir, '.yo-rc.json', `${JSON.stringify(yoRc, null, 2)}\n`);
    write(dir, 'src/lib/respond.ts', `${read(dir, 'src/lib/respond.ts')}// a fix from ${later}\n`);
    commitAll(dir, `generated by ${later}`);
    const before = tree(dir);
    for (const flags of [[], ['--check'], ['--dry-run']]) {
      const { code, err } = await update(dir, ...flags);
      expect(code, flags.join(' ')).toBe(1);
      expect(err).toContain(`was generated by create-cognito-jwt-api ${later}, later than this ${PACKAGE_VERSION}`);
      expect(err).toContain(`or earlier: run that version: npx create-cognito-jwt-api@${later} update.`);
    }
    expect(tree(dir)).toEqual(before);
  });

  it('explains when the folder is not a generated project, or is not there', async () => {
    const dir = fixtureCopy('cdk');
    remove(dir, '.yo-rc.json');
    const { code, err } = await update(dir);
    expect(code).toBe(1);
    expect(err).toMatch(/is not a project generated by create-cognito-jwt-api: it has no \.yo-rc\.json\. Expected/);
    const missing = await update(path.join(dir, 'no-such-folder'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no-such-folder does not exist\. Expected the folder of a generated project/);
    const file = await update(dir, 'package.json');
    expect(file.code).toBe(1);
    expect(file.err).toMatch(/package\.json is a file, not a folder\. Expected the folder of a generated project/);
  });

  it('prints its version', async () => {
    for (const flag of ['--version', '-v'])
      expect(await update(fixtureCopy('cdk'), flag)).toEqual({ code: 0, out: `${PACKAGE_VERSION}\n`, err: '' });
  });

  it('finds the project from a folder inside it, as Yeoman does', async () => {
    const dir = fixtureCopy('cdk');
    const { code, out } = await update(path.join(dir, 'src', 'handlers'), '--check');
    expect(code).toBe(2);
    expect(out).toContain(`Plan for ${dir}:`);
  });
});
