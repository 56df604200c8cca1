/**
 * The dev server's route table, built from src/api.ts (the same definition the infrastructure
 * is built from or tested against), and API Gateway's route matching.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
import { auth, preflight, routes } from '../src/api';
import type { RouteEntry } from './route-entry';

export type { RouteEntry };

export interface RouteMatch {
  route: RouteEntry;
  routeKey: string;
  pathParameters: Record<string, string>;
}

export function routeTable(): RouteEntry[] {
  return [
    ...preflight.paths.map(
      (path): RouteEntry => ({
        method: 'OPTIONS',
        path,
        authorization: 'NONE',
        scopes: [],
        handler: preflight.handler,
      }),
    ),
    ...routes.map(
      (route): RouteEntry => ({
        method: route.method,
        path: route.path,
        authorization: 'JWT',
        scopes: route.scopes ?? auth.scopes,
        handler: route.handler,
      }),
    ),
  ];
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** A decoded path segment, or undefined for a malformed escape such as `%E0%A4%A`. */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Path parameters if `pattern` matches `path`; `{name+}` needs at least one segment. A parameter
 * that cannot be decoded matches nothing.
 */
function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = segmentsOf(pattern);
  const given = segmentsOf(path);
  const parameters: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const greedy = /^\{(\w+)\+\}$/.exec(segment);
    const parameter = greedy ?? /^\{(\w+)\}$/.exec(segment);
    const values = greedy ? given.slice(index) : given.slice(index, index + 1);
    if (values.length === 0) return undefined;
    if (!parameter) {
      if (segment !== values[0]) return undefined;
      continue;
    }
    const decoded = values.map(decode);
    if (decoded.includes(undefined)) return undefined;
    parameters[parameter[1]!] = decoded.join('/');
    if (greedy) return parameters;
  }
  return given.length === wanted.length ? parameters : undefined;
}

/** How specific a route is: exact before greedy, literal segments before parameters, method before ANY. */
function specificity(route: RouteEntry): number[] {
  const segments = segmentsOf(route.path);
  return [
    segments.some((segment) => segment.endsWith('+}')) ? 0 : 1,
    segments.filter((segment) => !segment.startsWith('{')).length,
    segments.length,
    route.method === 'ANY' ? 0 : 1,
  ];
}

export function matchRoute(table: readonly RouteEntry[], method: string, path: string): RouteMatch | undefined {
  const candidates = table
    .filter((route) => route.method === method || route.method === 'ANY')
    .map((route) => ({ route, pathParameters: matchPath(route.path, path) }))
    .filter(
      (candidate): candidate is { route: RouteEntry; pathParameters: Record<string, string> } =>
        candidate.pathParameters !== undefined,
    )
    .sort((a, b) => {
      const [x, y] = [specificity(a.route), specificity(b.route)];
      const index = x.findIndex((value, i) => value !== y[i]);
      return index === -1 ? 0 : y[index]! - x[index]!;
    });
  const best = candidates[0];
  return best && { ...best, routeKey: `${best.route.method} ${best.route.path}` };
}
