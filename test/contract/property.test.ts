/**
 * For many random valid answer sets, including awkward ones: every generated TypeScript file
 * parses, every JSON, YAML and HCL file parses, and each flavour's model equals the answers.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { describeApi, type ApiModel } from '../../src/model/api-model.js';
import { renderProject, type RenderedFile } from '../../src/render/render-project.js';
import { ENVIRONMENTS, LAMBDA_RUNTIMES, type AnswersInput, type EnvironmentName } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { STANDARD_SCOPES, THROTTLING_LIMIT_MAX } from '../../src/schema/rules.js';
import { parseSamTemplate } from '../../templates/sam/test/infra/sam-template.js';
import { assertInvariants, assertSameApi, contentsOf } from './model.js';
import { samDeployment, samModel } from './sam.js';
import { terraformFiles, terraformModel, terraformValues } from './terraform.js';

const region = fc.oneof(
  fc.constantFrom(
    'us-east-1',
    'eu-west-1',
    'ap-southeast-2',
    'us-gov-west-1',
    'us-gov-east-1',
    'il-central-1',
    'ca-west-1',
  ),
  fc.stringMatching(/^[a-z]{2}-(gov-)?[a-z]{4,9}-[1-9]\d?$/).filter((value) => !value.startsWith('cn-')),
);
const host = fc.oneof(fc.domain(), fc.constant('[2001:db8::1]'), fc.constant('xn--bcher-kva.example'));
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const httpsOrigin = fc.tuple(host, port).map(([name, p]) => `https://${name}${p ? `:${p}` : ''}`);
/** Any origin; production takes those that are not loopback ones. */
const origin = fc.oneof(
  httpsOrigin,
  fc
    .tuple(fc.constantFrom('localhost', '127.0.0.1', '[::1]'), port)
    .map(([name, p]) => `http://${name}${p ? `:${p}` : ''}`),
);
const customScope = fc.stringMatching(
  /^[\x21\x23-\x26\x28-\x2B\x2D-\x5B\x5D-\x7E]{1,24}\/[\x21\x23-\x26\x28-\x2B\x2D\x2E\x30-\x5B\x5D-\x7E]{1,24}$/,
);

const answers = fc
  .record({
    name: fc.oneof(
      fc.stringMatching(/^[a-z][a-z\d-]{0,30}$/),
      fc.stringMatching(/^@[a-z][a-z\d-]{0,10}\/[a-z][a-z\d._-]{0,20}$/),
    ),
    region,
    poolSuffix: fc.stringMatching(/^[a-zA-Z\d]{1,30}$/),
    clientId: fc.oneof(
      fc.stringMatching(/^[a-z\d]{26}$/),
      fc.stringMatching(/^[\w+]{1,128}$/),
      fc.constant('Z'.repeat(128)),
    ),
    origins: fc.uniqueArray(httpsOrigin, { minLength: 1, maxLength: 8 }),
    devOrigins: fc.option(fc.uniqueArray(origin, { minLength: 1, maxLength: 8 }), { nil: undefined }),
    devPoolSuffix: fc.option(fc.stringMatching(/^[a-zA-Z\d]{1,30}$/), { nil: undefined }),
    devClientId: fc.option(fc.stringMatching(/^[\w+]{1,128}$/), { nil: undefined }),
    // A dev pool of its own comes with a client of it.
    devPoolClientId: fc.stringMatching(/^[\w+]{1,128}$/),
    anyOrigin: fc.boolean(),
    scopes: fc.uniqueArray(fc.oneof(fc.constantFrom(...STANDARD_SCOPES), customScope), { maxLength: 4 }),
    runtime: fc.constantFrom(...LAMBDA_RUNTIMES),
    // Left out (the defaults), a number, or its digits as a flag gives them.
    rateLimit: fc.option(
      fc.oneof(fc.integer({ min: 1, max: THROTTLING_LIMIT_MAX }), fc.integer({ min: 1 }).map(String)),
      {
        nil: undefined,
      },
    ),
    burstLimit: fc.option(fc.integer({ min: 1, max: THROTTLING_LIMIT_MAX }), { nil: undefined }),
    updatedIssuer: fc.boolean(),
    // A custom domain and its certificate, in the API's region, or none.
    domain: fc.option(
      fc.tuple(
        fc.domain().filter((name) => /^[a-z\d.-]+$/.test(name) && /\.[a-z][a-z\d-]*$/.test(name)),
        fc.stringMatching(/^\d{12}$/),
        fc.uuid(),
      ),
      { nil: undefined },
    ),
  })
  .map(
    (value): AnswersInput => ({
      name: value.name,
      region: value.region,
      userPoolId: `${value.region}_${value.poolSuffix}`.slice(0, 55),
      clientId: value.clientId,
      origins: value.anyOrigin ? [...value.origins, '*'] : value.origins,
      ...(value.devOrigins === undefined ? {} : { devOrigins: value.devOrigins }),
      ...(value.devPoolSuffix === undefined
        ? {}
        : { devUserPoolId: `${value.region}_${value.devPoolSuffix}`.slice(0, 55) }),
      ...(value.devClientId === undefined && value.devPoolSuffix === undefined
        ? {}
        : { devClientId: value.devClientId ?? value.devPoolClientId }),
      allowAnyOrigin: value.anyOrigin,
      scopes: value.scopes,
      runtime: value.runtime,
      ...(value.rateLimit === undefined ? {} : { rateLimit: value.rateLimit }),
      ...(value.burstLimit === undefined ? {} : { burstLimit: value.burstLimit }),
      ...(value.domain === undefined
        ? {}
        : {
            domain: value.domain[0],
            certificateArn:
              `arn:${value.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'}:acm:${value.region}:` +
              `${value.domain[1]}:certificate/${value.domain[2]}`,
          }),
      ...(value.updatedIssuer
        ? {
            issuer: `https://issuer-cognito-idp.${value.region}.amazonaws.com/${`${value.region}_${value.poolSuffix}`.slice(0, 55)}`,
          }
        : {}),
    }),
  );

function assertParses(file: RenderedFile): Promise<unknown> | void {
  if (/\.(ts|tsx)$/.test(file.path)) {
    const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    expect(
      diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
      file.path,
    ).toEqual([]);
  } else if (file.path.endsWith('.json')) {
    JSON.parse(file.contents);
  } else if (/\.ya?ml$/.test(file.path)) {
    // Throws on any YAML error; CloudFormation tags resolve to their JSON form.
    parseSamTemplate(file.contents);
  } else if (/\.(tf|hcl|tfvars)$/.test(file.path)) {
    return parseHcl(file.path, file.contents);
  }
}

/**
 * The model of the shared API definition (src/api.ts), which the CDK stack is built from; it holds
 * no access log (the stack writes it, which contract.test.ts checks on the synthesized stack) and
 * no custom domain (a deployment's, which infra/app.ts gives the stack).
 */
async function definitionModel(
  files: readonly RenderedFile[],
  environment: EnvironmentName,
): Promise<Omit<ApiModel, 'accessLog' | 'customDomain'>> {
  const js = ts.transpileModule(contentsOf(files, 'src/api.ts'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const api = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  const deployed = api.environments[environment];
  return {
    authorizer: { issuer: deployed.issuer, audience: deployed.audience, identitySource: api.auth.identitySource },
    routes: [
      ...api.preflight.paths.map((path: string) => ({
        method: 'OPTIONS',
        path,
        authorization: 'NONE',
        scopes: [],
        handler: api.preflight.handler,
      })),
      ...api.routes.map((route: any) => ({ ...route, authorization: 'JWT', scopes: route.scopes ?? api.auth.scopes })),
    ],
    cors: {
      origins: deployed.allowOrigins,
      methods: api.cors.allowMethods,
      headers: api.cors.allowHeaders,
      maxAge: api.cors.maxAge,
      credentials: api.cors.allowCredentials,
    },
    runtime: api.runtime,
    throttling: api.throttling,
  };
}

describe('any valid answers', () => {
  it('render files that parse, and flavours whose models equal the answers', async () => {
    await fc.assert(
      fc.asyncProperty(answers, async (input) => {
        const parsed = parseAnswers(input);
        const projects = {
          cdk: renderProject({ ...parsed, iac: 'cdk' }),
          terraform: renderProject({ ...parsed, iac: 'terraform' }),
          sam: renderProject({ ...parsed, iac: 'sam' }),
        };
        for (const files of Object.values(projects)) await Promise.all(files.map(assertParses));
        const samconfig = contentsOf(projects.sam, 'samconfig.toml');
        for (const environment of ENVIRONMENTS) {
          const expected = describeApi(parsed, [], environment);
          assertSameApi(expected, { definition: await definitionModel(projects.cdk, environment) }, [
            'accessLog',
            'customDomain',
          ]);
          assertSameApi(expected, {
            terraform: await terraformModel(
              terraformFiles(projects.terraform),
              await terraformValues(projects.terraform, environment),
            ),
            sam: samModel(contentsOf(projects.sam, 'template.yaml'), samDeployment(samconfig, environment).parameters),
          });
          assertInvariants(expected, parsed, environment);
        }
      }),
      { numRuns: 200 },
    );
    // 200 runs parse every file of three projects: about 20 s alone, more on a loaded machine.
  }, 120_000);
});
