/** Reduces a generated Terraform configuration to the contract model, with the project's own parser. */
import { parseTerraform, type TerraformConfiguration } from '../../templates/terraform/test/infra/terraform-configuration.js';
import type { RenderedFile } from '../../src/render/render-project.js';
import type { ApiModel, ApiRoute } from './model.js';

export function terraformFiles(files: readonly RenderedFile[]): Record<string, string> {
  return Object.fromEntries(
    files.filter((file) => /^infra\/[^/]+\.tf$/.test(file.path)).map((file) => [file.path.slice('infra/'.length), file.contents]),
  );
}

export async function terraformModel(tfFiles: Record<string, string>): Promise<ApiModel> {
  const tf: TerraformConfiguration = await parseTerraform(tfFiles);
  const locals = tf.locals();
  const authorizationOf = (name: string): ApiRoute['authorization'] => {
    const route = tf.resource('aws_apigatewayv2_route', name);
    if (route.authorization_type === 'JWT' && route.authorizer_id === '${aws_apigatewayv2_authorizer.cognito.id}') return 'JWT';
    if (route.authorization_type === 'NONE' && route.authorizer_id === undefined) return 'NONE';
    return `INVALID ${route.authorization_type}` as 'NONE';
  };
  const preflightTarget = tf.resource('aws_apigatewayv2_route', 'preflight').target as string;
  const preflightHandler = preflightTarget.includes('[local.preflight_handler]') ? tf.resolve(locals.preflight_handler) : preflightTarget;
  const routes: ApiRoute[] = [
    ...(tf.resolve(locals.preflight_route_keys) as string[]).map((key) => {
      const [method, path] = key.split(' ');
      return { method, path, authorization: authorizationOf('preflight'), scopes: [], handler: preflightHandler } as ApiRoute;
    }),
    ...Object.entries(tf.resolve(locals.routes) as Record<string, { handler: string; scopes: string[] }>).map(([key, route]) => {
      const [method, path] = key.split(' ');
      return { method, path, authorization: authorizationOf('protected'), scopes: route.scopes, handler: route.handler } as ApiRoute;
    }),
  ];
  const api = tf.resource('aws_apigatewayv2_api', 'http');
  const cors = tf.resolve(api.cors_configuration[0]);
  const authorizer = tf.resource('aws_apigatewayv2_authorizer', 'cognito');
  const jwt = tf.resolve(authorizer.jwt_configuration[0]);
  return {
    authorizer: { issuer: jwt.issuer, audience: jwt.audience, identitySource: authorizer.identity_sources[0] },
    routes,
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
