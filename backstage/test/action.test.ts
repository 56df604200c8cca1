/** The scaffolder action, run the way the scaffolder runs it, on a temporary workspace. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parseAnswers, PRISTINE_PATH, renderProject } from 'create-cognito-jwt-api';
import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ACTION_ID, createCognitoJwtApiAction } from '../src/action.js';

const INPUT = {
  name: 'orders-api',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  clientId: '1example23456789abcdefghij',
  origins: ['https://app.example.com'],
  iac: 'terraform',
  scopes: ['orders-api/read'],
  owner: 'group:default/team-a',
};

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-backstage-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const listFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

async function run(input: Record<string, unknown>, options: { isDryRun?: boolean } = {}) {
  const workspacePath = workspace();
  // The mock keeps only some options; isDryRun is set as the scaffolder sets it.
  const ctx = Object.assign(createMockActionContext({ input: input as never, workspacePath }), options);
  await createCognitoJwtApiAction().handler(ctx);
  return { ctx, workspacePath };
}

describe(`${ACTION_ID}`, () => {
  it('writes the rendered service, its update record and catalog-info.yaml into the workspace', async () => {
    const { ctx, workspacePath } = await run({ ...INPUT, targetPath: 'service' });
    const target = path.join(workspacePath, 'service');
    const rendered = renderProject(parseAnswers(INPUT));
    for (const file of rendered) expect(readFileSync(path.join(target, file.path), 'utf8'), file.path).toBe(file.contents);
    const files = listFiles(target);
    expect(files).toEqual([...rendered.map((file) => file.path), '.yo-rc.json', PRISTINE_PATH, 'catalog-info.yaml'].sort());
    await expect(files.join('\n')).toMatchFileSnapshot('__snapshots__/workspace-files.txt');
    await expect(readFileSync(path.join(target, 'catalog-info.yaml'), 'utf8')).toMatchFileSnapshot('__snapshots__/catalog-info.yaml');
    expect(ctx.output).toHaveBeenCalledWith('issuer', 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI');
    expect(ctx.output).toHaveBeenCalledWith('files', files);
    expect(ctx.output).toHaveBeenCalledWith('apiName', 'orders-api');
  });

  it('outputs the API entity\'s catalog name, which has no npm scope', async () => {
    const { ctx, workspacePath } = await run({ ...INPUT, name: '@acme/orders-api' });
    const [, api] = readFileSync(path.join(workspacePath, 'catalog-info.yaml'), 'utf8').split(/^---$/m).map((doc) => parse(doc));
    expect(api.metadata.name).toBe('orders-api');
    expect(ctx.output).toHaveBeenCalledWith('apiName', api.metadata.name);
  });

  it('describes the API in catalog-info.yaml: a component providing an OpenAPI entity with JWT security', async () => {
    const { workspacePath } = await run(INPUT);
    const [component, api] = readFileSync(path.join(workspacePath, 'catalog-info.yaml'), 'utf8').split(/^---$/m).map((doc) => parse(doc));
    expect(component).toMatchObject({ kind: 'Component', spec: { type: 'service', owner: 'group:default/team-a', providesApis: ['orders-api'] } });
    const definition = parse(api.spec.definition);
    expect(definition.paths['/me'].get.security).toEqual([{ cognito: ['orders-api/read'] }]);
    expect(definition.components.securitySchemes.cognito.openIdConnectUrl).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI/.well-known/openid-configuration');
  });

  it('rejects invalid input as an InputError with the answers schema\'s message, writing nothing', async () => {
    const workspacePath = workspace();
    const ctx = createMockActionContext({ input: { ...INPUT, region: 'us-east-1' } as never, workspacePath });
    const error = await createCognitoJwtApiAction().handler(ctx).catch((caught: unknown) => caught);
    // An InputError is what the scaffolder answers with 400 and shows the user; any other error is a 500.
    expect(error).toBeInstanceOf(InputError);
    // The schema's own message, as the command line prints it.
    const schemaError = (() => {
      try {
        parseAnswers({ ...INPUT, region: 'us-east-1' });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect((error as Error).message).toBe(schemaError?.message);
    expect((error as Error).message).toMatch(/^--user-pool-id "eu-west-1_AbCdEfGhI" is in region eu-west-1 but --region is us-east-1\. Expected /);
    expect(listFiles(workspacePath)).toEqual([]);
  });

  it('writes into the workspace in a dry run too, which is what the template editor previews, and reports the files', async () => {
    const { ctx, workspacePath } = await run(INPUT, { isDryRun: true });
    const files = listFiles(workspacePath);
    expect(files).toEqual(expect.arrayContaining(['src/api.ts', 'catalog-info.yaml', '.yo-rc.json']));
    expect(ctx.output).toHaveBeenCalledWith('files', files);
  });

  it('refuses a target path outside the workspace', async () => {
    const workspacePath = workspace();
    const ctx = createMockActionContext({ input: { ...INPUT, targetPath: '../escape' } as never, workspacePath });
    await expect(createCognitoJwtApiAction().handler(ctx)).rejects.toThrow(/outside/i);
    expect(existsSync(path.join(workspacePath, '..', 'escape'))).toBe(false);
  });

  it('checks every path before it writes the first: a folder of the workspace that is a link elsewhere is refused, nothing written', async () => {
    const workspacePath = workspace();
    const outside = workspace();
    // As a fetch step could leave it: the service's src/ is a link out of the workspace.
    symlinkSync(outside, path.join(workspacePath, 'src'));
    const ctx = createMockActionContext({ input: INPUT as never, workspacePath });

    const error = await createCognitoJwtApiAction().handler(ctx).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`"${path.join(workspacePath, 'src')}" is a symbolic link`);
    expect(readdirSync(workspacePath)).toEqual(['src']);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses files already in the workspace, naming them, unless overwrite is true', async () => {
    const workspacePath = workspace();
    mkdirSync(path.join(workspacePath, 'src'));
    writeFileSync(path.join(workspacePath, 'README.md'), 'ours\n');
    writeFileSync(path.join(workspacePath, 'src', 'api.ts'), 'export {};\n');
    const refused = createMockActionContext({ input: INPUT as never, workspacePath });

    const error = await createCognitoJwtApiAction().handler(refused).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^The workspace already holds README\.md, src\/api\.ts\. Expected /);
    expect(listFiles(workspacePath)).toEqual(['README.md', 'src/api.ts']);
    expect(readFileSync(path.join(workspacePath, 'README.md'), 'utf8')).toBe('ours\n');

    await createCognitoJwtApiAction().handler(createMockActionContext({ input: { ...INPUT, overwrite: true } as never, workspacePath }));
    expect(readFileSync(path.join(workspacePath, 'README.md'), 'utf8')).toBe(renderProject(parseAnswers(INPUT)).find((file) => file.path === 'README.md')!.contents);
  });
});
