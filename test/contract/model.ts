/**
 * The contract all flavours satisfy: each flavour's output, reduced to one model (the
 * renderer's `ApiModel`), must equal the model of the answers and hold the security invariants.
 */
import { deepStrictEqual, ok } from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { environmentsOf, type ApiModel, type ApiRoute, type RouteMethod } from '../../src/model/api-model.js';
import type { RenderedFile } from '../../src/render/render-project.js';
import { PRODUCTION_ENVIRONMENT, type Answers, type EnvironmentName } from '../../src/schema/answers.js';
import { isLoopbackOrigin } from '../../src/schema/rules.js';

export type { ApiModel, ApiRoute };

/** Order-free form: routes sorted by key, CORS methods and headers sorted, access log fields sorted by name. */
export function canonical(model: Partial<ApiModel>): Partial<ApiModel> {
  const { routes, cors, accessLog, ...rest } = model;
  return {
    ...rest,
    ...(routes && {
      routes: [...routes]
        .map((route) => ({ ...route, method: route.method.toUpperCase() as RouteMethod, scopes: [...route.scopes] }))
        .sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`)),
    }),
    ...(cors && { cors: { ...cors, methods: [...cors.methods].sort(), headers: [...cors.headers].sort() } }),
    ...(accessLog && {
      accessLog: {
        format: Object.fromEntries(Object.entries(accessLog.format).sort(([a], [b]) => a.localeCompare(b))),
        retentionDays: accessLog.retentionDays,
      },
    }),
  };
}

/**
 * Throws, naming the flavour, unless every model equals the expected one; `ignoring` names parts
 * a source does not hold (src/api.ts has no access log: the CDK stack writes it).
 */
export function assertSameApi(
  expected: ApiModel,
  models: Record<string, Partial<ApiModel>>,
  ignoring: readonly (keyof ApiModel)[] = [],
): void {
  const compared = (model: Partial<ApiModel>) => {
    const parts = canonical(model);
    for (const part of ignoring) delete parts[part];
    return parts;
  };
  for (const [flavour, model] of Object.entries(models)) {
    deepStrictEqual(compared(model), compared(expected), `${flavour} describes another API than the answers`);
  }
}

/**
 * The security invariants of ref #2-#17, #26 and #27, on the model of `environment` (production
 * unless named), whose origins hold no loopback one.
 */
export function assertInvariants(
  model: ApiModel,
  answers: Answers,
  environment: EnvironmentName = PRODUCTION_ENVIRONMENT,
): void {
  const deployment = environmentsOf(answers)[environment];
  const keys = model.routes.map((route) => `${route.method} ${route.path}`);
  ok(keys.includes('OPTIONS /{proxy+}'), 'OPTIONS /{proxy+} must exist (ref #9)');
  for (const route of model.routes) {
    if (route.method === 'OPTIONS') {
      deepStrictEqual(
        [route.authorization, route.scopes],
        ['NONE', []],
        `${route.path}: OPTIONS must be unauthenticated (ref #9)`,
      );
    } else {
      deepStrictEqual(route.authorization, 'JWT', `${route.method} ${route.path} must use the JWT authorizer (ref #9)`);
    }
  }
  deepStrictEqual(model.authorizer.issuer, deployment.issuer);
  deepStrictEqual(model.authorizer.audience, [deployment.clientId]);
  if (deployment.production)
    for (const origin of model.cors.origins)
      ok(!isLoopbackOrigin(origin), `${environment} is production: it must not allow the loopback origin ${origin}`);
  ok(model.cors.headers.includes('authorization'), 'authorization must be an allowed header (ref #12)');
  deepStrictEqual(model.cors.credentials, false, 'credentials must stay off (ref #14)');
  ok(answers.allowAnyOrigin || !model.cors.origins.includes('*'), '"*" needs --allow-any-origin');
  ok(model.cors.maxAge <= 7200, 'max age at most 7200 s (ref #15)');
  const { rateLimit, burstLimit } = model.throttling;
  ok(
    [rateLimit, burstLimit].every((limit) => Number.isInteger(limit) && limit > 0),
    `both throttling limits must be set and above 0 (ref #27): rate ${rateLimit}, burst ${burstLimit}`,
  );
  const variables = Object.values(model.accessLog.format);
  for (const variable of ['$context.requestId', '$context.status', '$context.routeKey', '$context.authorizer.error'])
    ok(variables.includes(variable), `the access log must hold ${variable} (ref #26)`);
  for (const variable of variables)
    ok(
      !/header|authorization|claims|token|cookie/i.test(variable),
      `the access log must not hold ${variable} (ref #26)`,
    );
  ok(model.accessLog.retentionDays > 0, 'access logs must be kept for a bounded time');
  if (model.customDomain) {
    const { endpointType, securityPolicy, stage, certificateArn } = model.customDomain;
    deepStrictEqual(endpointType, 'REGIONAL', 'an HTTP API custom domain is regional');
    deepStrictEqual(securityPolicy, 'TLS_1_2', 'the custom domain must refuse TLS below 1.2');
    deepStrictEqual(stage, '$default', 'the custom domain must map the $default stage');
    deepStrictEqual(certificateArn.split(':')[3], answers.region, "the certificate must be in the API's region");
  }
}

/** A custom domain resource and its mapping, as each flavour's reduction reads them. */
export interface DomainResources {
  name: string;
  configurations: ReadonlyArray<{ certificateArn: string; endpointType: string; securityPolicy: string }>;
  /** Whether the mapping maps this API (and this domain). */
  mapsTheApi: boolean;
  stage: string;
}

/** The model's custom domain from what a flavour deploys: none, or one domain with one mapping. */
export function customDomainModel(domains: readonly DomainResources[]): ApiModel['customDomain'] {
  if (domains.length === 0) return null;
  ok(domains.length === 1, `one custom domain expected, got ${domains.length}`);
  const [domain] = domains as [DomainResources];
  ok(domain.configurations.length === 1, 'one domain name configuration expected');
  ok(domain.mapsTheApi, 'the API mapping must map this API to this domain');
  const [configuration] = domain.configurations as [DomainResources['configurations'][number]];
  return {
    name: domain.name,
    certificateArn: configuration.certificateArn,
    endpointType: configuration.endpointType as 'REGIONAL',
    securityPolicy: configuration.securityPolicy as 'TLS_1_2',
    stage: domain.stage as '$default',
  };
}

const SCRATCH = fileURLToPath(new URL('../../.tmp/contract/', import.meta.url));
let written = 0;

/**
 * Writes rendered files into a new folder inside this repository, so that imports from the
 * generated code (aws-cdk-lib, yaml, ...) resolve to this repository's dependencies.
 */
export function writeProject(files: readonly RenderedFile[], label: string): string {
  const dir = path.join(SCRATCH, `${process.pid}-${written++}-${label}`);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.contents);
  }
  return dir;
}

/** The contents of the rendered file at `filePath`. */
export function contentsOf(files: readonly RenderedFile[], filePath: string): string {
  const file = files.find((candidate) => candidate.path === filePath);
  if (!file) throw new Error(`${filePath} was not rendered`);
  return file.contents;
}

/** The CORS part of the model from CloudFormation's `CorsConfiguration` (CDK and SAM alike). */
export function corsModel(cors: Record<string, any>): ApiModel['cors'] {
  return {
    origins: cors.AllowOrigins,
    methods: cors.AllowMethods,
    headers: cors.AllowHeaders,
    maxAge: cors.MaxAge,
    credentials: cors.AllowCredentials ?? false,
  };
}

/** The one runtime of all functions; several show as "a | b", which no answer equals. */
export function runtimeModel(runtimes: Iterable<string>): ApiModel['runtime'] {
  return [...new Set(runtimes)].join(' | ') as ApiModel['runtime'];
}
