/**
 * catalog-info.yaml for a service created through Backstage: a Component that provides an API
 * entity, whose OpenAPI definition describes the routes and the JWT security they require.
 */
import { describeApi, unscopedName, type Answers } from 'create-cognito-jwt-api';
import { stringify } from 'yaml';

/** The catalog name of the service's component and API entities: the package name without its scope. */
export function entityNameOf(answers: Pick<Answers, 'name'>): string {
  return unscopedName(answers.name).replace(/[^a-zA-Z0-9._-]+/g, '-');
}

export function catalogInfo(answers: Answers, options: { owner?: string; system?: string }): string {
  const api = describeApi(answers);
  const name = entityNameOf(answers);
  const owner = options.owner ?? 'unknown';
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of api.routes.filter((candidate) => candidate.authorization === 'JWT')) {
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        summary: `${route.method} ${route.path} (handler ${route.handler})`,
        security: [{ cognito: [...route.scopes] }],
        responses: {
          '200': { description: 'OK' },
          '401': { description: 'Unauthorized' },
          '403': { description: 'Forbidden' },
        },
      },
    };
  }
  const definition = {
    openapi: '3.0.3',
    info: { title: answers.name, version: '1.0.0' },
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'openIdConnect',
          openIdConnectUrl: `${api.authorizer.issuer}/.well-known/openid-configuration`,
        },
      },
    },
  };
  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      description: `HTTP API behind the Cognito JWT authorizer of ${answers.userPoolId}`,
      annotations: { 'backstage.io/source-template': 'template:default/cognito-jwt-api' },
      tags: ['aws', 'cognito', 'http-api', answers.iac],
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner,
      ...(options.system ? { system: options.system } : {}),
      providesApis: [name],
    },
  };
  const apiEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, description: `Routes of ${answers.name}; tokens from ${api.authorizer.issuer}` },
    spec: {
      type: 'openapi',
      lifecycle: 'experimental',
      owner,
      ...(options.system ? { system: options.system } : {}),
      definition: stringify(definition, { lineWidth: 0 }),
    },
  };
  const format = { lineWidth: 0, blockQuote: 'literal' } as const;
  return `${stringify(component, format)}---\n${stringify(apiEntity, format)}`;
}
