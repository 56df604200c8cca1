/**
 * src/model/, above the schema: the API a project describes, the one shape every flavour renders.
 *
 * The API a generated project describes, derived from the answers. Every flavour's templates
 * render this model, and the contract tests reduce each flavour's output back to it.
 */
import { PRODUCTION_ENVIRONMENT, type Answers, type EnvironmentName } from '../schema/answers.js';
import { issuerOf } from '../schema/parse.js';
import { ISSUER_PATTERN, issuerFor, type IssuerHost } from '../schema/rules.js';
import { PREFLIGHT_HANDLER, SAMPLE_ROUTES, type ProtectedRoute, type ROUTE_METHODS } from '../schema/routes.js';

/** A protected route's method, or the preflight's OPTIONS. */
export type RouteMethod = (typeof ROUTE_METHODS)[number] | 'OPTIONS';

export interface ApiRoute {
  method: RouteMethod;
  path: string;
  /** ref #9: preflight routes have no authorizer; every other route has the JWT authorizer. */
  authorization: 'NONE' | 'JWT';
  scopes: readonly string[];
  /** Function (file in src/handlers/ without extension) behind the route. */
  handler: string;
}

export interface ApiModel {
  authorizer: { issuer: string; audience: readonly string[]; identitySource: string };
  routes: readonly ApiRoute[];
  cors: {
    origins: readonly string[];
    methods: readonly RouteMethod[];
    headers: readonly string[];
    maxAge: number;
    credentials: false;
  };
  runtime: Answers['runtime'];
  /** The `$default` stage's default route throttling: both limits, always set together (ref #27). */
  throttling: { rateLimit: number; burstLimit: number };
  /** The `$default` stage's access log: one JSON line per request, in a log group of its own. */
  accessLog: { format: Readonly<Record<string, string>>; retentionDays: number };
  /** The custom domain the answers give, mapped to the `$default` stage; `null` for none. */
  customDomain: CustomDomain | null;
}

/**
 * A custom domain name of the API: regional (an HTTP API has no edge-optimized one), its TLS
 * certificate from ACM in the API's region, TLS 1.2 at least, and the whole API (the `$default`
 * stage) mapped to its root. The execute-api endpoint stays on beside it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
 */
export interface CustomDomain {
  name: string;
  certificateArn: string;
  endpointType: 'REGIONAL';
  securityPolicy: 'TLS_1_2';
  stage: '$default';
}

/** The paths the preflight function answers: ref #8, `/{proxy+}` may not cover `/`. */
export const PREFLIGHT_PATHS = ['/{proxy+}', '/'] as const;
/** ref #12: `authorization` must be listed by name; `*` never covers it. */
export const CORS_HEADERS = ['authorization', 'content-type'] as const;
/** ref #15: Chromium caps preflight caching at 7200 s. */
export const CORS_MAX_AGE = 7200;

/**
 * What each access log line holds: enough to tell why a call failed (ref #26: only
 * `$context.authorizer.error` records why the authorizer refused a token), never the token: no
 * header and no claim.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
export const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  errorMessage: '$context.error.message',
} as const;
/** Days the access logs (and the functions' logs) are kept. */
export const LOG_RETENTION_DAYS = 30;

/** What tells one deployment of the API from another: its pool, its client and its browser origins. */
export interface ApiEnvironment {
  name: EnvironmentName;
  production: boolean;
  userPoolId: string;
  clientId: string;
  issuer: string;
  origins: readonly string[];
  /** Production's alone: dev keeps its execute-api URL. */
  customDomain: CustomDomain | null;
}

/**
 * Each environment of the answers. Dev takes production's pool and client unless it has its own;
 * its own pool's issuer has the host of production's (--issuer: cognito-idp or issuer-cognito-idp).
 */
export function environmentsOf(answers: Answers): Record<EnvironmentName, ApiEnvironment> {
  const devPool = answers.devUserPoolId ?? answers.userPoolId;
  const issuerHost = ISSUER_PATTERN.exec(issuerOf(answers))![1] as IssuerHost;
  return {
    dev: {
      name: 'dev',
      production: false,
      userPoolId: devPool,
      clientId: answers.devClientId ?? answers.clientId,
      issuer: issuerFor(answers.region, devPool, issuerHost),
      origins: answers.devOrigins,
      customDomain: null,
    },
    prod: {
      name: 'prod',
      production: true,
      userPoolId: answers.userPoolId,
      clientId: answers.clientId,
      issuer: issuerOf(answers),
      origins: answers.origins,
      customDomain: customDomainOf(answers),
    },
  };
}

/**
 * The API of the answers as `environment` (production unless named) deploys it: the sample route,
 * then `routes` (checked by parseRoutes), if a front keeps more.
 */
export function describeApi(
  answers: Answers,
  routes: readonly ProtectedRoute[] = [],
  environment: EnvironmentName = PRODUCTION_ENVIRONMENT,
): ApiModel {
  const deployment = environmentsOf(answers)[environment];
  const protectedRoutes: ApiRoute[] = [...SAMPLE_ROUTES, ...routes].map((route) => ({
    method: route.method,
    path: route.path,
    handler: route.handler,
    authorization: 'JWT',
    scopes: ('scopes' in route ? route.scopes : undefined) ?? answers.scopes,
  }));
  const preflightRoutes: ApiRoute[] = PREFLIGHT_PATHS.map((path) => ({
    method: 'OPTIONS',
    path,
    authorization: 'NONE',
    scopes: [],
    handler: PREFLIGHT_HANDLER,
  }));
  return {
    authorizer: {
      issuer: deployment.issuer,
      audience: [deployment.clientId],
      identitySource: '$request.header.Authorization',
    },
    routes: [...preflightRoutes, ...protectedRoutes],
    cors: {
      origins: deployment.origins,
      // ref #13: every method the routes use.
      methods: [...new Set<RouteMethod>([...protectedRoutes.map((route) => route.method), 'OPTIONS'])],
      headers: CORS_HEADERS,
      maxAge: CORS_MAX_AGE,
      // ref #14: bearer tokens need no credentials mode; never combined with "*".
      credentials: false,
    },
    runtime: answers.runtime,
    throttling: { rateLimit: answers.rateLimit, burstLimit: answers.burstLimit },
    accessLog: { format: ACCESS_LOG_FORMAT, retentionDays: LOG_RETENTION_DAYS },
    customDomain: deployment.customDomain,
  };
}

/** The custom domain of the answers, or `null`: the schema holds the domain and its certificate together. */
export function customDomainOf(answers: Pick<Answers, 'domain' | 'certificateArn'>): CustomDomain | null {
  if (answers.domain === undefined || answers.certificateArn === undefined) return null;
  return {
    name: answers.domain,
    certificateArn: answers.certificateArn,
    endpointType: 'REGIONAL',
    securityPolicy: 'TLS_1_2',
    stage: '$default',
  };
}

/** Function names of a model, each once, in route order. */
export function handlersOf(model: ApiModel): string[] {
  return [...new Set(model.routes.map((route) => route.handler))];
}
