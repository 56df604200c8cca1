/**
 * catalog-info.yaml for a service created through Backstage: a Component that provides an API
 * entity, whose OpenAPI definition describes the routes and the JWT security they require. Both
 * say what made them: `spec.scaffoldedFrom`, the template's entity ref (which the community's
 * scaffolder relation processor links the template and its entities by), and the
 * `backstage.io/template-version` annotation, this tool's version; `update` keeps the two current
 * and leaves the rest of the file, the team's from then on, as it is.
 */
import {
  describeApi,
  PACKAGE_VERSION,
  TEMPLATE_VERSION_ANNOTATION,
  unscopedName,
  type Answers,
} from 'create-cognito-jwt-api';
import { stringify } from 'yaml';

/** The catalog name of the service's component and API entities: the package name without its scope. */
export function entityNameOf(answers: Pick<Answers, 'name'>): string {
  return unscopedName(answers.name).replace(/[^a-zA-Z0-9._-]+/g, '-');
}

export interface CatalogInfoOptions {
  owner?: string;
  system?: string;
  /** The template's entity ref; unknown (outside a scaffolder task), the entities do not name one. */
  scaffoldedFrom?: string;
}

export function catalogInfo(answers: Answers, options: CatalogInfoOptions): string {
  const api = describeApi(answers);
  const name = entityNameOf(answers);
  const owner = options.owner ?? 'unknown';
  const annotations = {
    ...(options.scaffoldedFrom ? { 'backstage.io/source-template': options.scaffoldedFrom } : {}),
    [TEMPLATE_VERSION_ANNOTATION]: PACKAGE_VERSION,
  };
  const origin = options.scaffoldedFrom ? { scaffoldedFrom: options.scaffoldedFrom } : {};
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
      annotations,
      tags: ['aws', 'cognito', 'http-api', answers.iac],
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner,
      ...(options.system ? { system: options.system } : {}),
      providesApis: [name],
      ...origin,
    },
  };
  const apiEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, description: `Routes of ${answers.name}; tokens from ${api.authorizer.issuer}`, annotations },
    spec: {
      type: 'openapi',
      lifecycle: 'experimental',
      owner,
      ...(options.system ? { system: options.system } : {}),
      ...origin,
      definition: stringify(definition, { lineWidth: 0 }),
    },
  };
  const format = { lineWidth: 0, blockQuote: 'literal' } as const;
  return `${stringify(component, format)}---\n${stringify(apiEntity, format)}`;
}
