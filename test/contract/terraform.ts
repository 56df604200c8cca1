/** Reduces a generated Terraform configuration to the contract model, with the project's own parser. */
import { parseTerraform, terraformRoutes } from '../../templates/terraform/test/infra/terraform-configuration.js';
import type { RenderedFile } from '../../src/render/render-project.js';
import type { ApiModel, ApiRoute } from './model.js';

export function terraformFiles(files: readonly RenderedFile[]): Record<string, string> {
  return Object.fromEntries(
    files
      .filter((file) => /^infra\/[^/]+\.tf$/.test(file.path))
      .map((file) => [file.path.slice('infra/'.length), file.contents]),
  );
}

export async function terraformModel(tfFiles: Record<string, string>): Promise<ApiModel> {
  const tf = await parseTerraform(tfFiles);
  const cors = tf.resolve(tf.resource('aws_apigatewayv2_api', 'http').cors_configuration[0]);
  const authorizer = tf.resource('aws_apigatewayv2_authorizer', 'cognito');
  const jwt = tf.resolve(authorizer.jwt_configuration[0]);
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
  };
}
