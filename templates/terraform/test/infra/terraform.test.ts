/**
 * The Terraform configuration, parsed without Terraform: the security invariants, and the
 * routes, authorizer and CORS settings equal to src/api.ts. `terraform test` checks the same
 * invariants where Terraform is installed (infra/tests/).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auth,
  cors,
  type EnvironmentName,
  environments,
  preflight,
  production,
  region,
  routes,
  runtime,
  throttling,
} from '../../src/api';
import { corsEnvironment } from '../../src/lib/cors';
import { accessLogFields, REQUIRED_ACCESS_LOG_VARIABLES, SECRET_VARIABLE } from './access-log';
import { loadTerraform, type Block, type TerraformConfiguration } from './terraform-configuration';

const infra = fileURLToPath(new URL('../../infra/', import.meta.url));
let tf: TerraformConfiguration;
const resource = (type: string, name: string) => tf.resource(type, name);
const locals = () => tf.locals();
const variableDefault = (name: string) => tf.variableDefault(name);
const resolve = (value: unknown) => tf.resolve(value);
/** The production environment: what the variables default to. */
const deployed = environments[production];

beforeAll(async () => {
  tf = await loadTerraform(infra);
});

describe('variables', () => {
  it("default to the values of src/api.ts, the production environment's", () => {
    expect(variableDefault('region')).toBe(region);
    expect(variableDefault('user_pool_id')).toBe(deployed.userPoolId);
    expect(variableDefault('client_id')).toBe(deployed.audience[0]);
    expect(variableDefault('allowed_origins')).toEqual(deployed.allowOrigins);
    expect(variableDefault('scopes')).toEqual(auth.scopes);
    expect(variableDefault('lambda_runtime')).toBe(runtime);
    expect(variableDefault('throttling_rate_limit')).toBe(throttling.rateLimit);
    expect(variableDefault('throttling_burst_limit')).toBe(throttling.burstLimit);
  });

  it('validate the region, pool id, client id, origins and throttling limits', () => {
    for (const name of [
      'environment',
      'region',
      'user_pool_id',
      'client_id',
      'allowed_origins',
      'scopes',
      'throttling_rate_limit',
      'throttling_burst_limit',
    ]) {
      expect(tf.variable(name).validation, name).toBeDefined();
    }
  });
});

describe('environments', () => {
  const LOOPBACK = /^https?:\/\/(?:localhost|[^/]*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
  const varFile = async (name: string) =>
    parse(`${name}.tfvars`, readFileSync(`${infra}/environments/${name}.tfvars`, 'utf8'));

  it.each(Object.keys(environments) as EnvironmentName[])(
    'give %s its own pool, client and origins, those of src/api.ts',
    async (name) => {
      const { userPoolId, audience, allowOrigins } = environments[name];
      expect(await varFile(name)).toEqual({
        environment: name,
        user_pool_id: userPoolId,
        client_id: audience[0],
        allowed_origins: allowOrigins,
      });
    },
  );

  it('name every resource after the environment, so that both live side by side', () => {
    expect(locals().name).toBe('${var.name}-${var.environment}');
    expect(resource('aws_lambda_function', 'handler').function_name).toMatch(/^\$\{local\.name\}-/);
  });

  it('let no page on this machine (localhost, 127.0.0.0/8, [::1]) call production', () => {
    for (const origin of deployed.allowOrigins) expect(origin).not.toMatch(LOOPBACK);
  });
});

describe('routes', () => {
  it('are the routes of src/api.ts, each with its handler and scopes', () => {
    const declared = Object.entries(resolve(locals().routes) as Block).map(([key, route]) => ({ key, ...route }));
    const expected = routes.map((route) => ({
      key: `${route.method} ${route.path}`,
      handler: route.handler,
      scopes: route.scopes ?? auth.scopes,
    }));
    expect(declared).toEqual(expected);
    expect(locals().preflight_route_keys).toEqual(preflight.paths.map((path) => `OPTIONS ${path}`));
    expect(locals().preflight_handler).toBe(preflight.handler);
  });

  it('leave OPTIONS without an authorizer', () => {
    const route = resource('aws_apigatewayv2_route', 'preflight');
    expect(route.authorization_type).toBe('NONE');
    expect(route.authorizer_id).toBeUndefined();
    expect(route.authorization_scopes).toBeUndefined();
    expect(route.target).toBeDefined();
  });

  it('put the JWT authorizer and the scopes on every other route', () => {
    const route = resource('aws_apigatewayv2_route', 'protected');
    expect(route.authorization_type).toBe('JWT');
    expect(route.authorizer_id).toBe('${aws_apigatewayv2_authorizer.cognito.id}');
    expect(route.authorization_scopes).toMatch(/each\.value\.scopes/);
    expect(Object.keys(locals().routes).some((key) => key.startsWith('OPTIONS '))).toBe(false);
  });

  it('integrate Lambda with payload format 2.0', () => {
    expect(resource('aws_apigatewayv2_integration', 'handler')).toMatchObject({
      integration_type: 'AWS_PROXY',
      integration_method: 'POST',
      payload_format_version: '2.0',
    });
  });
});

describe('authorizer', () => {
  it('trusts exactly the pool issuer and the app client', () => {
    const authorizer = resource('aws_apigatewayv2_authorizer', 'cognito');
    expect(authorizer.authorizer_type).toBe('JWT');
    expect(authorizer.identity_sources).toEqual([auth.identitySource]);
    expect(resolve(authorizer.jwt_configuration[0].issuer)).toBe(deployed.issuer);
    expect(resolve(authorizer.jwt_configuration[0].audience)).toEqual([...deployed.audience]);
  });
});

describe('API', () => {
  it('has CORS equal to src/api.ts and no credentials', () => {
    const api = resource('aws_apigatewayv2_api', 'http');
    const corsConfiguration = resolve(api.cors_configuration[0]);
    expect(api.protocol_type).toBe('HTTP');
    expect(corsConfiguration).toEqual({
      allow_origins: deployed.allowOrigins,
      allow_methods: cors.allowMethods,
      allow_headers: cors.allowHeaders,
      max_age: cors.maxAge,
      allow_credentials: false,
    });
    expect(resolve(locals().cors)).toEqual({
      allow_origins: deployed.allowOrigins,
      allow_methods: cors.allowMethods,
      allow_headers: cors.allowHeaders,
      max_age: cors.maxAge,
    });
  });

  it('gives the functions the CORS policy under the names src/lib/cors.ts reads', () => {
    expect(Object.keys(locals().cors_environment).sort()).toEqual(Object.keys(corsEnvironment(cors)).sort());
    expect(resource('aws_lambda_function', 'handler').environment[0].variables).toBe('${local.cors_environment}');
  });

  it('deploys through an auto-deployed $default stage', () => {
    expect(resource('aws_apigatewayv2_stage', 'default')).toMatchObject({ name: '$default', auto_deploy: true });
  });

  it('throttles every route with both limits, each above 0 (one alone would be sent with the other as 0)', () => {
    const [settings] = resource('aws_apigatewayv2_stage', 'default').default_route_settings;
    expect(resolve(settings.throttling_rate_limit)).toBe(throttling.rateLimit);
    expect(resolve(settings.throttling_burst_limit)).toBe(throttling.burstLimit);
    expect(throttling.rateLimit).toBeGreaterThan(0);
    expect(throttling.burstLimit).toBeGreaterThan(0);
  });

  it('logs every request as a JSON line that tells why it failed, never the token, for a bounded time', () => {
    const [settings] = resource('aws_apigatewayv2_stage', 'default').access_log_settings;
    expect(settings.destination_arn).toBe('${aws_cloudwatch_log_group.access.arn}');
    expect(settings.format).toBe('${jsonencode(local.access_log_format)}');
    const variables = Object.values(accessLogFields(JSON.stringify(resolve(locals().access_log_format))));
    expect(variables).toEqual(expect.arrayContaining(REQUIRED_ACCESS_LOG_VARIABLES));
    for (const variable of variables) expect(variable).not.toMatch(SECRET_VARIABLE);
    expect(resource('aws_cloudwatch_log_group', 'access').retention_in_days).toBeGreaterThan(0);
    expect(tf.output('access_log_group').value).toBe('${aws_cloudwatch_log_group.access.name}');
  });

  it('gives its URL without a trailing slash, so that "$API_URL/me" is the route', () => {
    // The $default stage's invoke_url ends in "/".
    expect(tf.output('api_url').value).toBe('${aws_apigatewayv2_api.http.api_endpoint}');
  });

  it('lets only this API invoke the functions', () => {
    expect(resource('aws_lambda_permission', 'api')).toMatchObject({
      principal: 'apigateway.amazonaws.com',
      source_arn: '${aws_apigatewayv2_api.http.execution_arn}/*/*',
    });
  });

  it('zips each function with one file mode, so that its hash is the same on every machine', () => {
    expect(tf.data('archive_file', 'handler').output_file_mode).toBe('0666');
    expect(resource('aws_lambda_function', 'handler').source_code_hash).toBe(
      '${data.archive_file.handler[each.key].output_base64sha256}',
    );
  });

  it('runs the functions on the chosen runtime with a bounded log retention', () => {
    expect(resource('aws_lambda_function', 'handler').runtime).toBe('${var.lambda_runtime}');
    expect(resource('aws_cloudwatch_log_group', 'handler').retention_in_days).toBeGreaterThan(0);
  });
});

describe('custom domain', () => {
  it('is none unless domain_name is given, and then needs certificate_arn in the region', () => {
    expect(tf.variable('domain_name').type).toBe('${string}');
    expect(tf.variable('certificate_arn').validation.length).toBeGreaterThanOrEqual(3);
    for (const [type, name] of [
      ['aws_apigatewayv2_domain_name', 'custom'],
      ['aws_apigatewayv2_api_mapping', 'custom'],
    ] as const) {
      expect(resource(type, name).count, type).toBe('${var.domain_name == null ? 0 : 1}');
    }
  });

  it('is regional, TLS 1.2, mapped to the $default stage, with its DNS target as an output', () => {
    const domain = resource('aws_apigatewayv2_domain_name', 'custom');
    expect(domain.domain_name).toBe('${var.domain_name}');
    expect(domain.domain_name_configuration).toEqual([
      { certificate_arn: '${var.certificate_arn}', endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' },
    ]);
    expect(resource('aws_apigatewayv2_api_mapping', 'custom')).toMatchObject({
      api_id: '${aws_apigatewayv2_api.http.id}',
      domain_name: '${aws_apigatewayv2_domain_name.custom[0].id}',
      stage: '${aws_apigatewayv2_stage.default.id}',
    });
    expect(JSON.stringify(tf.output('custom_domain_target').value)).toContain('target_domain_name');
  });
});

describe('terraform test files', () => {
  it('parse, and check the preflight routes', async () => {
    const parsed = await parse('security.tftest.hcl', readFileSync(`${infra}/tests/security.tftest.hcl`, 'utf8'));
    expect(Object.keys(parsed.run)).toContain('preflight_routes_have_no_authorizer');
  });
});
