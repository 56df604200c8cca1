/**
 * CDK, Terraform and SAM output describe the same API: the one the answers ask for, with the
 * security invariants. Each flavour is reduced to one model by test/contract/<flavour>.ts.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeApi } from '../../src/model/api-model.js';
import { renderProject } from '../../src/render/render-project.js';
import type { AnswersInput } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseRoutes, type ProtectedRoute } from '../../src/schema/routes.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { cdkModel, synthesizeCdk } from './cdk.js';
import { assertInvariants, assertSameApi, contentsOf, writeProject } from './model.js';
import { samModel } from './sam.js';
import { terraformFiles, terraformModel } from './terraform.js';

const ANSWER_SETS: Record<string, AnswersInput> = {
  'the README example': EXAMPLE_INPUT,
  'required scopes and many origins': {
    ...EXAMPLE_INPUT,
    scopes: 'orders-api/read,orders-api/write,openid',
    origins:
      'https://app.example.com,https://admin.example.com:8443,https://staging.example.org,http://localhost:5173,http://127.0.0.1:3000',
  },
  'any origin (--allow-any-origin)': { ...EXAMPLE_INPUT, origins: '*', allowAnyOrigin: true },
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
    origins: 'http://[::1]:8080,https://xn--bcher-kva.example',
    scopes: 'https://api.example.com/v1/${read}%{x}',
  },
};

const written: string[] = [];
afterAll(() => written.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

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
  return {
    answers,
    models: {
      cdk: cdkModel(await synthesizeCdk(cdkDir)),
      terraform: await terraformModel(terraformFiles(render('terraform'))),
      sam: samModel(contentsOf(render('sam'), 'template.yaml'), contentsOf(render('sam'), 'samconfig.toml')),
    },
  };
}

describe.each(Object.entries(ANSWER_SETS))('for %s', (_name, input) => {
  it('CDK, Terraform and SAM describe the API the answers ask for, with the security invariants', async () => {
    const { answers, models } = await modelsOf(input);
    const expected = describeApi(answers);
    assertSameApi(expected, models);
    for (const model of Object.values(models)) assertInvariants(model, answers);
  });
});

describe('the custom domain', () => {
  it('is in no flavour without --domain, and in every one with it: the domain and its mapping', async () => {
    const without = await modelsOf(EXAMPLE_INPUT);
    for (const model of Object.values(without.models)) expect(model.customDomain).toBeNull();
    const { answers, models } = await modelsOf(ANSWER_SETS['a custom domain and its certificate']!);
    for (const [flavour, model] of Object.entries(models)) {
      expect(model.customDomain, flavour).toEqual({
        name: 'api.example.com',
        certificateArn: answers.certificateArn,
        endpointType: 'REGIONAL',
        securityPolicy: 'TLS_1_2',
        stage: '$default',
      });
    }
  });

  it('fails the contract when a SAM mapping names another API', () => {
    const answers = parseAnswers(ANSWER_SETS['a custom domain and its certificate']!);
    const files = renderProject({ ...answers, iac: 'sam' });
    const template = contentsOf(files, 'template.yaml').replace(
      'ApiId: !Ref HttpApi\n      DomainName: !Ref CustomDomain',
      'ApiId: other-api\n      DomainName: !Ref CustomDomain',
    );
    expect(() => samModel(template, contentsOf(files, 'samconfig.toml'))).toThrow(/must map this API/);
  });

  it('fails the contract when the Terraform domain accepts TLS 1.0', async () => {
    const answers = parseAnswers({ ...ANSWER_SETS['a custom domain and its certificate']!, iac: 'terraform' });
    const files = terraformFiles(renderProject(answers));
    files['main.tf'] = files['main.tf']!.replace('"TLS_1_2"', '"TLS_1_0"');
    const drifted = await terraformModel(files);
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
    const { answers, models } = await modelsOf(input, routes);
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
