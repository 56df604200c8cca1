/**
 * End to end: the built CLI generates a CDK project, installs it, and the project's own tests,
 * type check, offline synth and lint pass. The synthesized CloudFormation is then checked here too.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FLAGS, EXAMPLE_INPUT } from '../helpers/answers.js';
import { BIN } from '../helpers/cli.js';
import { execOk } from '../helpers/exec.js';

type Resource = { Type: string; Properties: Record<string, any> };

const workspace = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-e2e-'));
const project = path.join(workspace, 'my-service');
const SCOPE = 'orders-api/read';
let resources: Resource[] = [];
const ofType = (type: string) => resources.filter((resource) => resource.Type === type);

beforeAll(async () => {
  // Non-interactive (no terminal), with the real install step.
  await execOk(process.execPath, [BIN, 'my-service', ...EXAMPLE_FLAGS, '--scopes', SCOPE], {
    cwd: workspace,
    env: { CI: '1' },
  });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('generated CDK project', () => {
  it('passes its own tests', async () => {
    const output = await execOk('npm', ['test'], { cwd: project });
    expect(output).toMatch(/Tests\s+\d+ passed/);
  });

  it('type-checks', async () => {
    await execOk('npm', ['run', 'build'], { cwd: project });
  });

  it('synthesizes offline, bundling each handler with the local esbuild', async () => {
    const output = await execOk('npm', ['run', 'synth'], { cwd: project });
    // cdk.json sets every feature flag the pinned aws-cdk-lib recommends: the CLI has none to report.
    expect(output).not.toMatch(/feature flags? (is|are) not configured/i);
    const out = path.join(project, 'cdk.out');
    // One stack per environment; the checks below read production's.
    expect(
      readdirSync(out)
        .filter((file) => file.endsWith('.template.json'))
        .sort(),
    ).toEqual(['my-service-dev.template.json', 'my-service-prod.template.json']);
    const template = readFileSync(path.join(out, 'my-service-prod.template.json'), 'utf8');
    resources = Object.values(JSON.parse(template).Resources);
    const bundles = readdirSync(out).filter((file) => file.startsWith('asset.'));
    expect(bundles).toHaveLength(2);
  });

  it('passes its own lint (Biome, as generated), the synthesized cdk.out beside it', async () => {
    await execOk('npm', ['run', 'lint'], { cwd: project });
  });

  it('synthesized an authorizer with the exact issuer and audience (ref #2, #3)', () => {
    const [authorizer] = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer!.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: `https://cognito-idp.${EXAMPLE_INPUT.region}.amazonaws.com/${EXAMPLE_INPUT.userPoolId}`,
        Audience: [EXAMPLE_INPUT.clientId],
      },
    });
  });

  it('synthesized OPTIONS routes without authorizer and every other route with it and the scopes (ref #9)', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map((route) => route.Properties);
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(['GET /me', 'OPTIONS /', 'OPTIONS /{proxy+}']);
    for (const route of routes) {
      if (route.RouteKey.startsWith('OPTIONS ')) {
        expect(route.AuthorizationType).toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      } else {
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizationScopes).toEqual([SCOPE]);
      }
    }
  });

  it("synthesized production's CORS with exactly the given origins (ref #11-#14)", () => {
    const [api] = ofType('AWS::ApiGatewayV2::Api');
    expect(api!.Properties.CorsConfiguration).toMatchObject({
      AllowOrigins: EXAMPLE_INPUT.origins,
      AllowCredentials: false,
      AllowHeaders: expect.arrayContaining(['authorization']),
    });
  });
});
