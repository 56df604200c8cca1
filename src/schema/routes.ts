/**
 * Protected routes beside the sample `GET /me`, for fronts that keep the route table themselves
 * (the projen project type, whose src/api.ts is regenerated). Each gets the JWT authorizer and
 * its handler in src/handlers/<handler>.ts, which the user writes.
 */
import * as z from 'zod/mini';
import { RouteError } from '../errors.js';
import { pascalCase, routeIdOf } from './names.js';
import { SCOPE_PATTERN } from './rules.js';

export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** The protected sample route every project starts with. */
export const SAMPLE_ROUTES = [{ method: 'GET', path: '/me', handler: 'me' }] as const;
/** The preflight function's name: no protected route may take it. */
export const PREFLIGHT_HANDLER = 'preflight';

const SEGMENT = String.raw`(?:[\w.~-]+|\{[A-Za-z_]\w*\})`;
/** ref #8: literal and `{param}` segments, and `{name+}` only as the last one. */
export const ROUTE_PATH_PATTERN = new RegExp(String.raw`^/(?:(?:${SEGMENT}/)*(?:${SEGMENT}|\{[A-Za-z_]\w*\+\}))?$`);
/** A file name in src/handlers/ that is also part of the function's name (at most 64 with the prefix). */
export const HANDLER_PATTERN = /^[a-z](?:[a-z\d-]{0,24}[a-z\d])?$/;

const RouteShape = z.strictObject({
  method: z.string(),
  path: z.string(),
  handler: z.string(),
  /** This route's scopes instead of the answers' `scopes`: a token must carry any one of them (ref #4). */
  scopes: z.optional(z.array(z.string())),
});
export type ProtectedRoute = Omit<z.infer<typeof RouteShape>, 'method'> & { method: (typeof ROUTE_METHODS)[number] };

/** Checks the routes; throws one RouteError that names every bad entry and its fix. */
export function parseRoutes(input: unknown): ProtectedRoute[] {
  const parsed = z.safeParse(z.array(RouteShape), input ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RouteError(
      `routes${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}: ` +
        `${issue.message}. Expected { method: ${ROUTE_METHODS.map((m) => `'${m}'`).join(' | ')}, path, handler, ` +
        `scopes? }.`,
    );
  }
  const problems: string[] = [];
  const seen = new Set<string>(SAMPLE_ROUTES.map((route) => `${route.method} ${route.path}`));
  // Templates name resources after handlers and routes in PascalCase (names.ts): two that
  // read the same there would be one resource.
  const ids = new Map<string, string>(
    [...SAMPLE_ROUTES.map((route) => route.handler), PREFLIGHT_HANDLER].map((handler) => [
      pascalCase(handler),
      handler,
    ]),
  );
  const routeIds = new Map<string, string>(
    SAMPLE_ROUTES.map((route) => [routeIdOf(route), `${route.method} ${route.path}`]),
  );
  for (const [index, route] of parsed.data.entries()) {
    const at = `routes[${index}]`;
    if (!(ROUTE_METHODS as readonly string[]).includes(route.method)) {
      problems.push(
        `${at}.method ${JSON.stringify(route.method)} is not one of ${ROUTE_METHODS.join(', ')} (OPTIONS routes ` +
          `are the preflight's). Expected one of them, e.g. "POST".`,
      );
    }
    if (!ROUTE_PATH_PATTERN.test(route.path)) {
      problems.push(
        `${at}.path ${JSON.stringify(route.path)} is not an API Gateway route path. Expected "/" and segments, ` +
          `"{param}" ones and at most a last "{proxy+}", e.g. "/orders/{id}".`,
      );
    }
    if (!HANDLER_PATTERN.test(route.handler) || route.handler === PREFLIGHT_HANDLER) {
      problems.push(
        `${at}.handler ${JSON.stringify(route.handler)} is not a handler name. Expected lower-case letters, ` +
          `digits and "-" (at most 26, not "${PREFLIGHT_HANDLER}"), e.g. "orders": the file src/handlers/orders.ts.`,
      );
    }
    for (const scope of route.scopes ?? []) {
      if (!SCOPE_PATTERN.test(scope))
        problems.push(
          `${at}.scopes: ${JSON.stringify(scope)} is not a Cognito scope. Expected "<resource server>/<scope>", ` +
            `e.g. "orders-api/write".`,
        );
    }
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) problems.push(`${at}: ${key} is there already. Expected each method and path once.`);
    else if (routeIds.has(routeIdOf(route)))
      problems.push(
        `${at}: ${key} reads as ${routeIds.get(routeIdOf(route))} in resource names. Expected paths that differ ` +
          `in more than case, braces or punctuation.`,
      );
    seen.add(key);
    routeIds.set(routeIdOf(route), key);
    const handlerId = pascalCase(route.handler);
    if (ids.has(handlerId) && ids.get(handlerId) !== route.handler) {
      problems.push(
        `${at}.handler ${JSON.stringify(route.handler)} reads as ${JSON.stringify(ids.get(handlerId))} in ` +
          `resource names. Expected handler names that differ in more than dashes.`,
      );
    }
    if (!ids.has(handlerId)) ids.set(handlerId, route.handler);
  }
  if (problems.length > 0) throw new RouteError(problems.join('\n'));
  return parsed.data as ProtectedRoute[];
}
