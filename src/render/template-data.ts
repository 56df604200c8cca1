/**
 * What templates see: the answers (only through the escaping helpers), the API model, and
 * values derived once here so that no template computes them.
 */
import type { Answers } from '../schema/answers.js';
import {
  CERTIFICATE_ARN_PATTERN,
  CLIENT_ID_PATTERN,
  GITHUB_REPOSITORY_PATTERN,
  DOMAIN_MAX,
  DOMAIN_PATTERN,
  ISSUER_PATTERN,
  LOOPBACK_ORIGIN_PATTERN,
  ORIGIN_PATTERN,
  REGION_PATTERN,
  SCOPE_PATTERN,
  THROTTLING_LIMIT_MAX,
  unscopedName,
  USER_POOL_ID_PATTERN,
} from '../schema/rules.js';
import { ENVIRONMENTS, LAMBDA_RUNTIMES } from '../schema/answers.js';
import { pascalCase, routeIdOf } from '../schema/names.js';
import { PREFLIGHT_HANDLER, type ProtectedRoute } from '../schema/routes.js';
import { describeApi, environmentsOf, handlersOf, PREFLIGHT_PATHS } from '../model/api-model.js';
import { ciData } from './ci.js';
import { escapers } from './escape.js';
import { FLAVOURS } from './flavours.js';
import { tsLine } from './ts-layout.js';
import { IAC_VERSIONS, PACKAGE_VERSIONS, RUNTIME_DETAILS } from './versions.js';

/** How a front renders: protected routes it keeps beside the sample, and whether projen manages the files. */
export interface RenderOptions {
  routes?: readonly ProtectedRoute[];
  projen?: boolean;
}

export function templateData(answers: Answers, { routes = [], projen = false }: RenderOptions = {}) {
  const api = describeApi(answers, routes);
  const resourcePrefix = resourcePrefixOf(answers.name);
  const deployments = environmentsOf(answers);
  const ownScopes = new Set(
    routes.filter((route) => route.scopes !== undefined).map((route) => `${route.method} ${route.path}`),
  );
  return {
    answers,
    api,
    /** One function per handler, with a logical id and the routes it serves (each with an id). */
    functions: handlersOf(api).map((handler) => ({
      handler,
      id: `${pascalCase(handler)}Function`,
      routes: api.routes
        .filter((route) => route.handler === handler)
        .map((route) => ({ ...route, id: routeIdOf(route) })),
    })),
    /** Each with `ownScopes` when it requires its own scopes instead of the answers'. */
    protectedRoutes: api.routes
      .filter((route) => route.authorization === 'JWT')
      .map((route) => ({ ...route, ownScopes: ownScopes.has(`${route.method} ${route.path}`) })),
    /** The protected routes as src/api.ts lists them: `scopes` only on those with scopes of their own. */
    apiRoutes: api.routes
      .filter((route) => route.authorization === 'JWT')
      .map(({ method, path, handler, scopes }) => ({
        method,
        path,
        handler,
        ...(ownScopes.has(`${method} ${path}`) ? { scopes } : {}),
      })),
    /** The files are projen's: the README points at .projenrc.ts for routes and origins. */
    projen,
    preflight: { handler: PREFLIGHT_HANDLER, paths: PREFLIGHT_PATHS },
    flavour: FLAVOURS[answers.iac],
    runtime: RUNTIME_DETAILS[answers.runtime],
    runtimes: LAMBDA_RUNTIMES,
    /** Whether an environment allows "*" (--allow-any-origin). */
    anyOrigin: answers.origins.includes('*') || answers.devOrigins.includes('*'),
    /** ref #2: cognito-idp, or issuer-cognito-idp for pools that emit the newer issuer. */
    issuerHost: ISSUER_PATTERN.exec(api.authorizer.issuer)![1]!,
    stackId: stackIdOf(answers.name),
    resourcePrefix,
    /**
     * Each environment with its stack name (CloudFormation stack, Terraform workspace resources),
     * dev first; prod is the production one.
     */
    environments: ENVIRONMENTS.map((name) => ({
      ...deployments[name],
      stackName: stackNameOf(answers.name, name),
      anyOrigin: deployments[name].origins.includes('*'),
    })),
    iacVersions: IAC_VERSIONS,
    /** The Biome the lint and format scripts run through npx (biome.json's schema, the README). */
    biomeVersion: PACKAGE_VERSIONS['@biomejs/biome'],
    /** The schema's rules as regular expressions, for the IaC's own input validation. */
    patterns: {
      region: REGION_PATTERN.source,
      userPoolId: USER_POOL_ID_PATTERN.source,
      clientId: CLIENT_ID_PATTERN.source,
      origin: ORIGIN_PATTERN.source,
      loopbackOrigin: LOOPBACK_ORIGIN_PATTERN.source,
      scope: SCOPE_PATTERN.source,
      githubRepository: GITHUB_REPOSITORY_PATTERN.source,
      domain: DOMAIN_PATTERN.source,
      certificateArn: CERTIFICATE_ARN_PATTERN.source,
      resourcePrefix: `^[a-zA-Z][a-zA-Z0-9-]{0,${RESOURCE_PREFIX_MAX - 1}}$`,
    },
    resourcePrefixMax: RESOURCE_PREFIX_MAX,
    domainMax: DOMAIN_MAX,
    /** The largest throttling limit the schema takes, for the IaC's own input validation. */
    throttlingLimitMax: THROTTLING_LIMIT_MAX,
    /** The GitHub Actions workflows' and the deploy role's values. */
    ci: ciData(answers, resourcePrefixOf(answers.name)),
    ...escapers,
    tsLine,
  };
}

export type TemplateData = ReturnType<typeof templateData>;

/** The names templates use: every field of the data, and partial(). A test proves the list complete. */
export const TEMPLATE_LOCALS = [
  'answers',
  'api',
  'functions',
  'protectedRoutes',
  'apiRoutes',
  'projen',
  'preflight',
  'flavour',
  'runtime',
  'runtimes',
  'anyOrigin',
  'issuerHost',
  'stackId',
  'resourcePrefix',
  'environments',
  'resourcePrefixMax',
  'domainMax',
  'throttlingLimitMax',
  'ci',
  'iacVersions',
  'biomeVersion',
  'patterns',
  'ts',
  'tsLine',
  'json',
  'yaml',
  'hcl',
  'code',
  'codes',
  'text',
  'sh',
  'id',
  'partial',
] as const;

/** A CloudFormation-safe PascalCase id from the package name: "@acme/orders-api" → "OrdersApi". */
export function stackIdOf(name: string): string {
  const words = unscopedName(name)
    .split(/[^a-zA-Z\d]+/)
    .filter(Boolean);
  const id = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  // CloudFormation stack names hold at most 128 characters.
  return (/^[A-Za-z]/.test(id) ? id : `Api${id}`).slice(0, 128);
}

/**
 * A prefix for AWS resource names (Lambda, IAM, log groups): "@acme/orders.api" → "orders-api".
 * At most 32 characters: an environment's names add "-prod" to it, and an IAM role's
 * `name_prefix` takes 38, the prefix and a dash.
 */
export const RESOURCE_PREFIX_MAX = 32;

/** The stack (or deployment) name of an environment: "orders-api-dev", "orders-api-prod". */
export function stackNameOf(name: string, environment: string): string {
  return `${resourcePrefixOf(name)}-${environment}`;
}

export function resourcePrefixOf(name: string): string {
  const words = unscopedName(name)
    .replace(/[^a-zA-Z\d-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const prefix = /^[a-zA-Z]/.test(words) ? words : `api-${words}`;
  return prefix.slice(0, RESOURCE_PREFIX_MAX).replace(/-+$/, '');
}
