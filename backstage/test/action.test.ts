/** The scaffolder action, run the way the scaffolder runs it, on a temporary workspace. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  PACKAGE_VERSION,
  parseAnswers,
  PRISTINE_PATH,
  renderProject,
  TEMPLATE_VERSION_ANNOTATION,
} from 'create-cognito-jwt-api';
import { InputError } from '@backstage/errors';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ACTION_ID, createCognitoJwtApiAction } from '../src/action.js';

/** As template.yaml passes the form's answers: no region, the pool id names it. */
const INPUT = {
  name: 'orders-api',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  clientId: '1example23456789abcdefghij',
  origins: ['https://app.example.com'],
  iac: 'terraform',
  scopes: ['orders-api/read'],
  owner: 'group:default/team-a',
};

/** The same answers as the command line takes them, region included. */
const ANSWERS = parseAnswers({ ...INPUT, region: 'eu-west-1' });

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

/** What the scaffolder tells the action of the template that runs it (a catalog entity's ref and metadata). */
const TEMPLATE_INFO = {
  entityRef: 'template:default/cognito-jwt-api',
  entity: { metadata: { name: 'cognito-jwt-api', namespace: 'default' } },
};

async function run(
  input: Record<string, unknown>,
  options: { isDryRun?: boolean; templateInfo?: Record<string, unknown> } = {},
) {
  const workspacePath = workspace();
  const { templateInfo, ...rest } = { templateInfo: TEMPLATE_INFO, ...options };
  // The mock keeps only some options; isDryRun is set as the scaffolder sets it.
  const ctx = Object.assign(
    createMockActionContext({ input: input as never, workspacePath, templateInfo: templateInfo as never }),
    rest,
  );
  await createCognitoJwtApiAction().handler(ctx);
  return { ctx, workspacePath };
}

describe(`${ACTION_ID}`, () => {
  it('writes the rendered service, its update record and catalog-info.yaml into the workspace', async () => {
    const { ctx, workspacePath } = await run({ ...INPUT, targetPath: 'service' });
    const target = path.join(workspacePath, 'service');
    const rendered = renderProject(ANSWERS);
    for (const file of rendered)
      expect(readFileSync(path.join(target, file.path), 'utf8'), file.path).toBe(file.contents);
    const files = listFiles(target);
    expect(files).toEqual(
      [...rendered.map((file) => file.path), '.yo-rc.json', PRISTINE_PATH, 'catalog-info.yaml'].sort(),
    );
    await expect(files.join('\n')).toMatchFileSnapshot('__snapshots__/workspace-files.txt');
    await expect(readFileSync(path.join(target, 'catalog-info.yaml'), 'utf8')).toMatchFileSnapshot(
      '__snapshots__/catalog-info.yaml',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'issuer',
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
    );
    expect(ctx.output).toHaveBeenCalledWith('files', files);
    expect(ctx.output).toHaveBeenCalledWith('apiName', 'orders-api');
  });

  it("outputs the API entity's catalog name, which has no npm scope", async () => {
    const { ctx, workspacePath } = await run({ ...INPUT, name: '@acme/orders-api' });
    const [, api] = readFileSync(path.join(workspacePath, 'catalog-info.yaml'), 'utf8')
      .split(/^---$/m)
      .map((doc) => parse(doc));
    expect(api.metadata.name).toBe('orders-api');
    expect(ctx.output).toHaveBeenCalledWith('apiName', api.metadata.name);
  });

  it('describes the API in catalog-info.yaml: a component providing an OpenAPI entity with JWT security', async () => {
    const { workspacePath } = await run(INPUT);
    const [component, api] = readFileSync(path.join(workspacePath, 'catalog-info.yaml'), 'utf8')
      .split(/^---$/m)
      .map((doc) => parse(doc));
    expect(component).toMatchObject({
      kind: 'Component',
      spec: { type: 'service', owner: 'group:default/team-a', providesApis: ['orders-api'] },
    });
    const definition = parse(api.spec.definition);
    expect(definition.paths['/me'].get.security).toEqual([{ cognito: ['orders-api/read'] }]);
    expect(definition.components.securitySchemes.cognito.openIdConnectUrl).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI/.well-known/openid-configuration',
    );
  });

  it(
    'names the template in both entities, spec.scaffoldedFrom and backstage.io/source-template, and this ' +
      'version in backstage.io/template-version, which update keeps current',
    async () => {
      const { workspacePath } = await run(INPUT);
      const entities = parseAllDocuments(readFileSync(path.join(workspacePath, 'catalog-info.yaml'), 'utf8')).map(
        (document) => document.toJS(),
      );
      expect(entities.map((entity) => entity.kind)).toEqual(['Component', 'API']);
      for (const entity of entities) {
        expect(entity.spec.scaffoldedFrom, entity.kind).toBe('template:default/cognito-jwt-api');
        expect(entity.metadata.annotations, entity.kind).toEqual({
          'backstage.io/source-template': 'template:default/cognito-jwt-api',
          [TEMPLATE_VERSION_ANNOTATION]: PACKAGE_VERSION,
        });
      }
    },
  );

  it("names the template by its own metadata in a dry run, whose entity ref is always the editor's", async () => {
    const { workspacePath } = await run(INPUT, {
      isDryRun: true,
      templateInfo: {
        entityRef: 'template:default/dry-run',
        entity: { metadata: { name: 'cognito-jwt-api', namespace: 'platform' } },
      },
    });
    const [component] = parseAllDocuments(readFileSync(path.join(workspacePath, 'catalog-info.yaml'), 'utf8'));
    expect(component!.getIn(['spec', 'scaffoldedFrom'])).toBe('template:platform/cognito-jwt-api');
  });

  it(
    'takes the template reference from the input over the running template, and leaves it out when neither ' +
      'gives one',
    async () => {
      const given = await run({ ...INPUT, scaffoldedFrom: 'template:golden/orders' });
      const [component] = parseAllDocuments(readFileSync(path.join(given.workspacePath, 'catalog-info.yaml'), 'utf8'));
      expect(component!.getIn(['spec', 'scaffoldedFrom'])).toBe('template:golden/orders');

      const none = await run(INPUT, { templateInfo: undefined });
      const [bare] = parseAllDocuments(readFileSync(path.join(none.workspacePath, 'catalog-info.yaml'), 'utf8')).map(
        (document) => document.toJS(),
      );
      expect(bare.spec).not.toHaveProperty('scaffoldedFrom');
      expect(bare.metadata.annotations).toEqual({ [TEMPLATE_VERSION_ANNOTATION]: PACKAGE_VERSION });
    },
  );

  it('takes the region from the pool id, which is all the form asks for', async () => {
    const { ctx } = await run({ ...INPUT, userPoolId: 'ap-southeast-2_XyZ123' });
    expect(ctx.output).toHaveBeenCalledWith(
      'issuer',
      'https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_XyZ123',
    );
  });

  it("refuses a pool id of another region than the region given, with an InputError in the form's terms, writing nothing", async () => {
    const workspacePath = workspace();
    const ctx = createMockActionContext({ input: { ...INPUT, region: 'us-east-1' } as never, workspacePath });

    const error = await createCognitoJwtApiAction()
      .handler(ctx)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'Cognito user pool ID "eu-west-1_AbCdEfGhI" is in region eu-west-1 but AWS region is us-east-1. ' +
        'Expected the two to agree: AWS region eu-west-1 (or no AWS region: the pool id gives it), or a pool id ' +
        'that starts with "us-east-1_".',
    );
    expect((error as Error).message).not.toContain('--');
    expect(listFiles(workspacePath)).toEqual([]);
  });

  it('refuses in a dry run with an InputError too, which the scaffolder answers with HTTP 400', async () => {
    const error = await run({ ...INPUT, region: 'us-east-1' }, { isDryRun: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^Cognito user pool ID "eu-west-1_AbCdEfGhI" is in region eu-west-1 but AWS region is us-east-1\./,
    );
  });

  it(
    'names every refused answer by its field title, and does not report the region a malformed pool id cannot ' +
      'give',
    async () => {
      const error = await run({
        ...INPUT,
        userPoolId: 'local_abc',
        origins: ['http://app.example.com'],
        iac: 'pulumi',
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message.split('\n')).toEqual([
        'Cognito user pool ID "local_abc" is not a Cognito user pool id. Expected a Cognito user pool id ' +
          '"<region>_<id>", e.g. "eu-west-1_AbCdEfGhI".',
        expect.stringMatching(/^Production browser origins "http:\/\/app\.example\.com" uses http; /),
        'Infrastructure as code "pulumi" is not one of cdk, terraform, sam. Expected one of them, e.g. ' +
          'Infrastructure as code cdk.',
      ]);
      expect((error as Error).message).not.toContain('--');
    },
  );

  it('takes the throttling limits as the form gives them, whole numbers, and refuses 0 by the field title', async () => {
    const { workspacePath } = await run({ ...INPUT, rateLimit: 500, burstLimit: 1000 });
    expect(readFileSync(path.join(workspacePath, 'src/api.ts'), 'utf8')).toContain(
      'export const throttling = {\n  rateLimit: 500,\n  burstLimit: 1000,\n};',
    );
    expect(readFileSync(path.join(workspacePath, 'infra/variables.tf'), 'utf8')).toMatch(/default += 1000\n/);
    const error = await run({ ...INPUT, burstLimit: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Burst limit 0 is 0, which answers every request with 429 /);
  });

  it('takes a custom domain with its certificate, and refuses a certificate of another region by the field title', async () => {
    const certificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';
    const { workspacePath } = await run({ ...INPUT, iac: 'terraform', domain: 'api.example.com', certificateArn });
    // Production's: the dev environment keeps its execute-api URL.
    const prod = readFileSync(path.join(workspacePath, 'infra/environments/prod.tfvars'), 'utf8');
    expect(prod).toContain('domain_name     = "api.example.com"');
    expect(prod).toContain(`certificate_arn = "${certificateArn}"`);
    const dev = readFileSync(path.join(workspacePath, 'infra/environments/dev.tfvars'), 'utf8');
    expect(dev).not.toContain('domain_name');
    const error = await run({
      ...INPUT,
      domain: 'api.example.com',
      certificateArn: certificateArn.replace('eu-west-1', 'us-east-1'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^Certificate ARN "arn:aws:acm:us-east-1:.*" is a certificate in us-east-1 /,
    );
    expect((error as Error).message).toContain('but AWS region is eu-west-1');
  });

  it('refuses "*" as an origin by the form\'s titles, not the command line\'s flags', async () => {
    const error = await run({ ...INPUT, origins: ['*'] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^Production browser origins "\*" lets every website call the API .*; set Allow any origin as well /,
    );
  });

  it(
    'writes into the workspace in a dry run too, which is what the template editor previews, and reports the ' +
      'files',
    async () => {
      const { ctx, workspacePath } = await run(INPUT, { isDryRun: true });
      const files = listFiles(workspacePath);
      expect(files).toEqual(expect.arrayContaining(['src/api.ts', 'catalog-info.yaml', '.yo-rc.json']));
      expect(ctx.output).toHaveBeenCalledWith('files', files);
    },
  );

  it('refuses a target path outside the workspace with an InputError', async () => {
    const workspacePath = workspace();
    const ctx = createMockActionContext({ input: { ...INPUT, targetPath: '../escape' } as never, workspacePath });
    const error = await createCognitoJwtApiAction()
      .handler(ctx)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^targetPath "\.\.\/escape" is outside the workspace\. Expected /);
    expect(existsSync(path.join(workspacePath, '..', 'escape'))).toBe(false);
  });

  it(
    'checks every path before it writes the first: a folder of the workspace that is a link elsewhere is ' +
      'refused, nothing written',
    async () => {
      const workspacePath = workspace();
      const outside = workspace();
      // As a fetch step could leave it: the service's src/ is a link out of the workspace.
      symlinkSync(outside, path.join(workspacePath, 'src'));
      const ctx = createMockActionContext({ input: INPUT as never, workspacePath });

      const error = await createCognitoJwtApiAction()
        .handler(ctx)
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(`"${path.join(workspacePath, 'src')}" is a symbolic link`);
      expect(readdirSync(workspacePath)).toEqual(['src']);
      expect(readdirSync(outside)).toEqual([]);
    },
  );

  it('refuses files already in the workspace, naming them, unless overwrite is true', async () => {
    const workspacePath = workspace();
    mkdirSync(path.join(workspacePath, 'src'));
    writeFileSync(path.join(workspacePath, 'README.md'), 'ours\n');
    writeFileSync(path.join(workspacePath, 'src', 'api.ts'), 'export {};\n');
    const refused = createMockActionContext({ input: INPUT as never, workspacePath });

    const error = await createCognitoJwtApiAction()
      .handler(refused)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^The workspace already holds README\.md, src\/api\.ts\. Expected /);
    expect(listFiles(workspacePath)).toEqual(['README.md', 'src/api.ts']);
    expect(readFileSync(path.join(workspacePath, 'README.md'), 'utf8')).toBe('ours\n');

    await createCognitoJwtApiAction().handler(
      createMockActionContext({ input: { ...INPUT, overwrite: true } as never, workspacePath }),
    );
    expect(readFileSync(path.join(workspacePath, 'README.md'), 'utf8')).toBe(
      renderProject(ANSWERS).find((file) => file.path === 'README.md')!.contents,
    );
  });
});
