/** Reduces a generated Terraform configuration to the contract model, with the project's own parser. */
import {
  parseTerraform,
  parseVarFile,
  terraformRoutes,
  type TerraformConfiguration,
} from '../../templates/terraform/test/infra/terraform-configuration.js';
import type { RenderedFile } from '../../src/render/render-project.js';
import { customDomainModel, type ApiModel, type ApiRoute } from './model.js';

export function terraformFiles(files: readonly RenderedFile[]): Record<string, string> {
  return Object.fromEntries(
    files
      .filter((file) => /^infra\/[^/]+\.tf$/.test(file.path))
      .map((file) => [file.path.slice('infra/'.length), file.contents]),
  );
}

/** The variable values of an environment's var file (infra/environments/<environment>.tfvars). */
export async function terraformValues(
  files: readonly RenderedFile[],
  environment: string,
): Promise<Record<string, any>> {
  const file = files.find((candidate) => candidate.path === `infra/environments/${environment}.tfvars`);
  if (!file) throw new Error(`infra/environments/${environment}.tfvars was not rendered`);
  return parseVarFile(file.contents);
}

/** The resource name prefix of a deployment with `values`: `local.name`, resolved. */
export async function terraformName(tfFiles: Record<string, string>, values: Record<string, any>): Promise<string> {
  const tf = await parseTerraform(tfFiles, values);
  return tf.resolve(tf.locals().name);
}

/** The model of the configuration as applied with `values` (an environment's var file), else its defaults. */
export async function terraformModel(
  tfFiles: Record<string, string>,
  values: Record<string, any> = {},
): Promise<ApiModel> {
  const tf = await parseTerraform(tfFiles, values);
  const cors = tf.resolve(tf.resource('aws_apigatewayv2_api', 'http').cors_configuration[0]);
  const authorizer = tf.resource('aws_apigatewayv2_authorizer', 'cognito');
  const jwt = tf.resolve(authorizer.jwt_configuration[0]);
  const stage = tf.resource('aws_apigatewayv2_stage', 'default');
  const [throttling] = tf.resolve(stage.default_route_settings);
  const [accessLog] = stage.access_log_settings;
  return {
    authorizer: { issuer: jwt.issuer, audience: jwt.audience, identitySource: authorizer.identity_sources[0] },
    routes: terraformRoutes(tf) as ApiRoute[],
    cors: {
      origins: cors.allow_origins,
      methods: cors.allow_methods,
      headers: cors.allow_headers,
      maxAge: cors.max_age,
      credentials: cors.allow_credentials,
    },
    runtime: tf.resolve(tf.resource('aws_lambda_function', 'handler').runtime),
    throttling: { rateLimit: throttling.throttling_rate_limit, burstLimit: throttling.throttling_burst_limit },
    accessLog: {
      format: jsonencoded(tf, accessLog.format),
      retentionDays: tf.resource('aws_cloudwatch_log_group', logGroupOf(accessLog.destination_arn)).retention_in_days,
    },
    customDomain: customDomainModel(customDomains(tf)),
  };
}

/** How many of a resource `count = var.domain_name == null ? 0 : 1` makes, with the deployment's values. */
function countOf(tf: TerraformConfiguration, block: Record<string, any>): number {
  if (block.count === undefined) return 1;
  if (block.count !== '${var.domain_name == null ? 0 : 1}') throw new Error(`unexpected count ${block.count}`);
  return tf.variableValue('domain_name') === null ? 0 : 1;
}

/** The custom domain and its mapping, when the deployment's values make them. */
function customDomains(tf: TerraformConfiguration) {
  const domain = tf.resource('aws_apigatewayv2_domain_name', 'custom');
  const mapping = tf.resource('aws_apigatewayv2_api_mapping', 'custom');
  if (countOf(tf, domain) === 0) return [];
  return [
    {
      name: tf.resolve(domain.domain_name),
      configurations: domain.domain_name_configuration.map((configuration: Record<string, string>) => ({
        certificateArn: tf.resolve(configuration.certificate_arn),
        endpointType: configuration.endpoint_type,
        securityPolicy: configuration.security_policy,
      })),
      mapsTheApi:
        countOf(tf, mapping) === 1 &&
        mapping.api_id === '${aws_apigatewayv2_api.http.id}' &&
        mapping.domain_name === '${aws_apigatewayv2_domain_name.custom[0].id}',
      // The stage's id is its name.
      stage:
        mapping.stage === '${aws_apigatewayv2_stage.default.id}'
          ? tf.resource('aws_apigatewayv2_stage', 'default').name
          : mapping.stage,
    },
  ];
}

/** The value `jsonencode(local.<name>)` encodes, resolved; any other expression is not read. */
function jsonencoded(tf: TerraformConfiguration, expression: string): Record<string, string> {
  const local = /^\$\{jsonencode\(local\.(\w+)\)\}$/.exec(expression)?.[1];
  if (!local) throw new Error(`expected jsonencode(local.<name>) as the access log format, got ${expression}`);
  return tf.resolve(tf.locals()[local]);
}

/** The log group a reference `${aws_cloudwatch_log_group.<name>.arn}` names. */
function logGroupOf(reference: string): string {
  const name = /^\$\{aws_cloudwatch_log_group\.(\w+)\.arn\}$/.exec(reference)?.[1];
  if (!name) throw new Error(`expected a log group's arn as the access log destination, got ${reference}`);
  return name;
}
