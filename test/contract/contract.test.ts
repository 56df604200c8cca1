/**
 * CDK, Terraform and SAM output describe the same API: the one the answers ask for, with the
 * security invariants. Each flavour is reduced to one model by test/contract/<flavour>.ts.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeApi, type ApiModel } from '../../src/model/api-model.js';
import { renderProject, type RenderedFile } from '../../src/render/render-project.js';
import { ENVIRONMENTS, type AnswersInput, type EnvironmentName } from '../../src/schema/answers.js';
import { isLoopbackOrigin } from '../../src/schema/rules.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseRoutes, type ProtectedRoute } from '../../src/schema/routes.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { cdkModel, synthesizeCdk, synthesizeCdkApp } from './cdk.js';
import { assertInvariants, assertSameApi, contentsOf, writeProject } from './model.js';
import { samDeployment, samModel } from './sam.js';
import { terraformFiles, terraformModel, terraformName, terraformValues } from './terraform.js';

const ANSWER_SETS: Record<string, AnswersInput> = {
  'the README example': EXAMPLE_INPUT,
  'required scopes and many origins': {
    ...EXAMPLE_INPUT,
    scopes: 'orders-api/read,orders-api/write,openid',
    origins: 'https://app.example.com,https://admin.example.com:8443,https://staging.example.org',
    devOrigins: 'http://localhost:5173,http://127.0.0.1:3000,https://dev.app.example.com',
  },
  'any origin (--allow-any-origin)': { ...EXAMPLE_INPUT, origins: '*', allowAnyOrigin: true },
  'a dev environment with a pool and client of its own': {
    ...EXAMPLE_INPUT,
    devUserPoolId: `${EXAMPLE_INPUT.region}_DevPool1`,
    devClientId: '2dev3456789abcdefghijklmno',
    devOrigins: 'https://localhost:8443,http://[::1]:5173',
  },
  'a gov region and the older runtime': {
    ...EXAMPLE_INPUT,
    region: 'us-gov-west-1',
    userPoolId: 'us-gov-west-1_Gov123',
    runtime: 'nodejs22.x',
  },
  'throttling limits of its own, one given as a flag gives it': { ...EXAMPLE_INPUT, rateLimit: '1000', burstLimit: 50 },
  'a custom domain and its certificate': {
    ...EXAMPLE_INPUT,
    domain: 'api.example.com',
    certificateArn: `arn:aws:acm:${EXAMPLE_INPUT.region}:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef`,
  },
  'a custom domain in AWS GovCloud (US)': {
    ...EXAMPLE_INPUT,
    region: 'us-gov-west-1',
    userPoolId: 'us-gov-west-1_Gov123',
    domain: 'orders.api.agency.example',
    certificateArn: 'arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  },
  'a pool that emits the newer issuer': {
    ...EXAMPLE_INPUT,
    issuer: `https://issuer-cognito-idp.${EXAMPLE_INPUT.region}.amazonaws.com/${EXAMPLE_INPUT.userPoolId}`,
  },
  'awkward but valid values': {
    ...EXAMPLE_INPUT,
    name: '@acme/orders.api',
    clientId: `${'a'.repeat(64)}_+${'b'.repeat(62)}`,
    origins: 'https://xn--bcher-kva.example',
    devOrigins: 'http://[::1]:8080,https://xn--bcher-kva.example,https://a.localhost',
    scopes: 'https://api.example.com/v1/${read}%{x}',
  },
};

const written: string[] = [];
afterAll(() => written.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Each flavour's model of each environment, and the name each flavour deploys the environment under. */
async function modelsOf(answersInput: AnswersInput, routes: readonly ProtectedRoute[] = []) {
  const answers = parseAnswers(answersInput);
  const render = (iac: 'cdk' | 'terraform' | 'sam') => renderProject({ ...answers, iac }, { routes });
  // The handlers of added routes are the user's to write: here, copies of the sample's.
  const cdkFiles = render('cdk');
  const sample = contentsOf(cdkFiles, 'src/handlers/me.ts');
  const added = routes.map((route) => ({
    path: `src/handlers/${route.handler}.ts`,
    contents: sample,
    ownership: 'sample' as const,
  }));
  const cdkDir = writeProject([...cdkFiles, ...added], 'cdk');
  written.push(cdkDir);
  const cdkStacks = await synthesizeCdkApp(cdkDir);
  const terraform = render('terraform');
  const tf = terraformFiles(terraform);
  const sam = render('sam');
  const [template, samconfig] = [contentsOf(sam, 'template.yaml'), contentsOf(sam, 'samconfig.toml')];
  const models = {} as Record<EnvironmentName, Record<string, ApiModel>>;
  const names = {} as Record<EnvironmentName, Record<string, string>>;
  for (const environment of ENVIRONMENTS) {
    // The CDK stack whose description names the environment (infra/app.ts builds one per environment).
    const stack = cdkStacks.find(({ description }) => description?.includes(`(${environment})`));
    if (!stack) throw new Error(`infra/app.ts builds no stack for ${environment}`);
    const values = await terraformValues(terraform, environment);
    const deployment = samDeployment(samconfig, environment);
    models[environment] = {
      cdk: cdkModel(stack.resources),
      terraform: await terraformModel(tf, values),
      sam: samModel(template, deployment.parameters),
    };
    names[environment] = {
      cdk: stack.stackName,
      terraform: await terraformName(tf, values),
      sam: deployment.stackName,
    };
  }
  return { answers, models, names, cdkStackCount: cdkStacks.length, packages: { cdkFiles, terraform, sam } };
}

describe.each(Object.entries(ANSWER_SETS))('for %s', (_name, input) => {
  it('CDK, Terraform and SAM describe, for each environment, the API the answers ask for, with the security invariants', async () => {
    const { answers, models } = await modelsOf(input);
    for (const environment of ENVIRONMENTS) {
      assertSameApi(describeApi(answers, [], environment), models[environment]);
      for (const model of Object.values(models[environment])) assertInvariants(model, answers, environment);
    }
  });
});

describe('two environments side by side', () => {
  it('each deploys under its own name, the same in every flavour, from scripts of the same names', async () => {
    const { answers, names, cdkStackCount, packages } = await modelsOf(
      ANSWER_SETS['required scopes and many origins']!,
    );
    expect(cdkStackCount).toBe(ENVIRONMENTS.length);
    expect(names).toEqual({
      dev: { cdk: 'my-service-dev', terraform: 'my-service-dev', sam: 'my-service-dev' },
      prod: { cdk: 'my-service-prod', terraform: 'my-service-prod', sam: 'my-service-prod' },
    });
    const scriptsOf = (files: readonly RenderedFile[]) =>
      JSON.parse(contentsOf(files, 'package.json')).scripts as Record<string, string>;
    for (const [flavour, files] of Object.entries(packages)) {
      const scripts = scriptsOf(files);
      for (const environment of ENVIRONMENTS) {
        for (const verb of ['deploy', 'destroy'])
          expect(scripts[`${verb}:${environment}`], `${flavour} ${verb}:${environment}`).toBeDefined();
      }
      expect(scripts.deploy, `${flavour}: one deploy for every environment is gone`).toBeUndefined();
    }
    // Terraform: each environment its own state (workspace) and var file.
    const terraform = scriptsOf(packages.terraform);
    for (const environment of ENVIRONMENTS) {
      expect(terraform[`deploy:${environment}`]).toMatch(
        new RegExp(
          `workspace select -or-create ${environment} && .* apply -var-file=environments/${environment}\\.tfvars$`,
        ),
      );
    }
    // The loopback origins of the answers are dev's only.
    expect(answers.devOrigins.filter(isLoopbackOrigin)).toHaveLength(2);
    expect(answers.origins.filter(isLoopbackOrigin)).toEqual([]);
  });

  it('refuses a loopback origin for production, naming the dev origins as its place', () => {
    expect(() => parseAnswers({ ...EXAMPLE_INPUT, origins: 'https://app.example.com,http://localhost:5173' })).toThrow(
      /--origins "http:\/\/localhost:5173" is a loopback origin, .*Expected it in --dev-origins instead/,
    );
  });
});

describe('the custom domain', () => {
  it("is in no flavour without --domain, and with it in every flavour's production, never in dev", async () => {
    const without = await modelsOf(EXAMPLE_INPUT);
    for (const environment of ENVIRONMENTS) {
      for (const model of Object.values(without.models[environment])) expect(model.customDomain).toBeNull();
    }
    const { answers, models } = await modelsOf(ANSWER_SETS['a custom domain and its certificate']!);
    for (const [flavour, model] of Object.entries(models.prod)) {
      expect(model.customDomain, flavour).toEqual({
        name: 'api.example.com',
        certificateArn: answers.certificateArn,
        endpointType: 'REGIONAL',
        securityPolicy: 'TLS_1_2',
        stage: '$default',
      });
    }
    for (const [flavour, model] of Object.entries(models.dev)) expect(model.customDomain, flavour).toBeNull();
  });

  it('fails the contract when a SAM mapping names another API', () => {
    const answers = parseAnswers(ANSWER_SETS['a custom domain and its certificate']!);
    const files = renderProject({ ...answers, iac: 'sam' });
    const template = contentsOf(files, 'template.yaml').replace(
      'ApiId: !Ref HttpApi\n      DomainName: !Ref CustomDomain',
      'ApiId: other-api\n      DomainName: !Ref CustomDomain',
    );
    const { parameters } = samDeployment(contentsOf(files, 'samconfig.toml'), 'prod');
    expect(() => samModel(template, parameters)).toThrow(/must map this API/);
  });

  it('fails the contract when the Terraform domain accepts TLS 1.0', async () => {
    const answers = parseAnswers({ ...ANSWER_SETS['a custom domain and its certificate']!, iac: 'terraform' });
    const rendered = renderProject(answers);
    const files = terraformFiles(rendered);
    files['main.tf'] = files['main.tf']!.replace('"TLS_1_2"', '"TLS_1_0"');
    const drifted = await terraformModel(files, await terraformValues(rendered, 'prod'));
    expect(() => assertInvariants(drifted, answers)).toThrow(/TLS below 1.2/);
  });
});

describe('with routes a front keeps beside the sample (the projen option)', () => {
  it("CDK, Terraform and SAM describe them too, each with its own scopes or the answers'", async () => {
    const input = { ...EXAMPLE_INPUT, scopes: 'orders-api/read' };
    const routes = parseRoutes([
      { method: 'POST', path: '/orders', handler: 'orders', scopes: ['orders-api/write'] },
      { method: 'GET', path: '/orders/{id}', handler: 'orders' },
      { method: 'DELETE', path: '/files/{key+}', handler: 'files' },
      // Its own empty list: any token of the pool, whatever the answers' scopes.
      { method: 'GET', path: '/health', handler: 'files', scopes: [] },
    ]);
    const { answers, models: byEnvironment } = await modelsOf(input, routes);
    const models = byEnvironment.prod;
    expect(describeApi(answers, routes, 'dev').routes).toEqual(describeApi(answers, routes).routes);
    const expected = describeApi(answers, routes);
    expect(
      expected.routes
        .filter((route) => route.authorization === 'JWT')
        .map((route) => `${route.method} ${route.path} ${route.scopes.join(' ')}`),
    ).toEqual([
      'GET /me orders-api/read',
      'POST /orders orders-api/write',
      'GET /orders/{id} orders-api/read',
      'DELETE /files/{key+} orders-api/read',
      'GET /health ',
    ]);
    assertSameApi(expected, models);
    for (const model of Object.values(models)) assertInvariants(model, answers);
  });
});

describe('a drifting flavour', () => {
  it('fails the contract when the Terraform preflight route gets the authorizer', async () => {
    const answers = parseAnswers(EXAMPLE_INPUT);
    const files = terraformFiles(renderProject({ ...answers, iac: 'terraform' }));
    files['main.tf'] = files['main.tf']!.replace('authorization_type = "NONE"', 'authorization_type = "JWT"');
    const drifted = await terraformModel(files);
    expect(() => assertSameApi(describeApi(answers), { terraform: drifted })).toThrow(
      /terraform describes another API/,
    );
  });

  it('fails the contract when the Terraform stage sets the rate limit alone (the burst would go as 0)', async () => {
    const answers = parseAnswers(EXAMPLE_INPUT);
    const files = terraformFiles(renderProject({ ...answers, iac: 'terraform' }));
    files['main.tf'] = files['main.tf']!.replace(/\n\s+throttling_burst_limit = .*/, '');
    const drifted = await terraformModel(files);
    expect(() => assertSameApi(describeApi(answers), { terraform: drifted })).toThrow(
      /terraform describes another API/,
    );
    expect(() => assertInvariants(drifted, answers)).toThrow(/both throttling limits must be set and above 0/);
  });

  it('fails the contract when a SAM access log would hold the Authorization header', () => {
    const answers = parseAnswers(EXAMPLE_INPUT);
    const template = contentsOf(renderProject({ ...answers, iac: 'sam' }), 'template.yaml').replace(
      '"sourceIp":"$context.identity.sourceIp",',
      '"sourceIp":"$context.identity.sourceIp", "token":"$request.header.Authorization",',
    );
    const drifted = samModel(template);
    expect(() => assertSameApi(describeApi(answers), { sam: drifted })).toThrow(/sam describes another API/);
    expect(() => assertInvariants(drifted, answers)).toThrow(/the access log must not hold \$request\.header/);
  });

  it('fails the contract when a SAM route loses its scopes', () => {
    const answers = parseAnswers({ ...EXAMPLE_INPUT, scopes: 'orders-api/read' });
    const template = contentsOf(renderProject({ ...answers, iac: 'sam' }), 'template.yaml').replace(
      /\n\s+AuthorizationScopes: .*/,
      '',
    );
    expect(() => assertSameApi(describeApi(answers), { sam: samModel(template) })).toThrow(/sam describes another API/);
  });

  it('fails the contract when the CDK preflight routes lose their explicit no-authorizer', async () => {
    const answers = parseAnswers(EXAMPLE_INPUT);
    const files = renderProject({ ...answers, iac: 'cdk' }).map((file) =>
      file.path === 'infra/api-stack.ts'
        ? { ...file, contents: file.contents.replace('authorizer: new HttpNoneAuthorizer(),', '') }
        : file,
    );
    const dir = writeProject(files, 'cdk-drift');
    written.push(dir);
    const drifted = cdkModel(await synthesizeCdk(dir));
    expect(() => assertSameApi(describeApi(answers), { cdk: drifted })).toThrow(/cdk describes another API/);
    expect(() => assertInvariants(drifted, answers)).toThrow(/OPTIONS must be unauthenticated/);
  });
});
