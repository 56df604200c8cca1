/**
 * A local HTTP API that behaves like the deployed one: route matching, the JWT authorizer, the
 * API's CORS configuration, and the project's own handler modules behind a payload-format-2.0
 * Lambda proxy, each as API Gateway's documentation describes it (the README lists the gaps).
 */
import { pathToFileURL } from 'node:url';
import { auth, cors } from '../src/api';
import { corsEnvironment } from '../src/lib/cors';
import { createJwtAuthorizer } from './authorizer';
import { fromResult, toEvent, type GatewayRequest, type GatewayResponse } from './lambda-proxy';
import { matchRoute, routeTable, type RouteEntry } from './routes';

export type { GatewayRequest, GatewayResponse };

export interface GatewayOptions {
  /** The issuer to trust; a local identity provider's in development (ISSUER). */
  issuer?: string;
  /** The route table; the one built from src/api.ts unless given. */
  table?: readonly RouteEntry[];
  /** Loads a handler module by name; src/handlers/<name>.ts unless given. */
  loadHandler?: (name: string) => Promise<{ handler: (event: unknown, context: unknown) => unknown }>;
}

export interface Handled {
  response: GatewayResponse;
  /** The matched route key, if any. */
  routeKey?: string;
  /** Whether API Gateway's CORS headers allowed the request's origin. */
  cors: 'allowed' | 'denied' | 'none';
  /** Why a request got a 401 or 403: the authorizer's reason, or the message of the handler's answer. */
  denial?: string;
}

/** The `message` of a handler's JSON answer, e.g. that of `accessTokensOnly`'s 403. */
function messageOf(response: GatewayResponse): string | undefined {
  try {
    const { message } = JSON.parse(response.body.toString('utf8')) as { message?: unknown };
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): GatewayResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  cookies: [],
  body: Buffer.from(JSON.stringify(body)),
});

/**
 * The headers API Gateway adds for the API's CORS configuration, to requests with an `Origin`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
function corsHeaders(
  request: GatewayRequest,
  preflight: boolean,
): { headers: Record<string, string>; cors: Handled['cors'] } {
  const origin = request.headers.origin;
  if (!origin) return { headers: {}, cors: 'none' };
  const anyOrigin = cors.allowOrigins.includes('*');
  if (!anyOrigin && !cors.allowOrigins.includes(origin)) return { headers: {}, cors: 'denied' };
  const headers: Record<string, string> = { 'access-control-allow-origin': anyOrigin ? '*' : origin };
  if (!anyOrigin) headers.vary = 'Origin';
  if (preflight) {
    headers['access-control-allow-methods'] = cors.allowMethods.join(',');
    headers['access-control-allow-headers'] = cors.allowHeaders.join(',');
    headers['access-control-max-age'] = String(cors.maxAge);
  }
  return { headers, cors: 'allowed' };
}

/** With CORS configured, API Gateway drops the backend's CORS headers and sends its own. */
function withCors(response: GatewayResponse, headers: Record<string, string>): GatewayResponse {
  const kept = Object.entries(response.headers).filter(
    ([name]) => !name.startsWith('access-control-') && name !== 'vary',
  );
  return { ...response, headers: { ...Object.fromEntries(kept), ...headers } };
}

export function createGateway(options: GatewayOptions = {}) {
  const table = options.table ?? routeTable();
  const authorize = createJwtAuthorizer({ issuer: options.issuer ?? auth.issuer, audience: auth.audience });
  const loadHandler =
    options.loadHandler ?? ((name: string) => import(pathToFileURL(`${process.cwd()}/src/handlers/${name}.ts`).href));
  // The functions read their CORS policy from the environment the infrastructure sets.
  Object.assign(process.env, corsEnvironment(cors));

  return async function handle(request: GatewayRequest): Promise<Handled> {
    const path = new URL(request.url, 'http://localhost').pathname;
    // API Gateway treats a request as a preflight only when it has Origin and Access-Control-Request-Method.
    const preflight =
      request.method === 'OPTIONS' && !!request.headers.origin && !!request.headers['access-control-request-method'];
    const { headers: cors, cors: corsResult } = corsHeaders(request, preflight);
    const match = matchRoute(table, request.method, path);
    if (!match) {
      // With CORS configured, API Gateway answers a preflight no route takes by itself.
      if (preflight)
        return {
          response: withCors({ statusCode: 204, headers: {}, cookies: [], body: Buffer.alloc(0) }, cors),
          cors: corsResult,
        };
      return { response: withCors(json(404, { message: 'Not Found' }), cors), cors: corsResult };
    }
    let authorizer: { claims: Record<string, string>; scopes: string[] | null } | undefined;
    if (match.route.authorization === 'JWT') {
      const result = await authorize(request.headers.authorization, match.route.scopes);
      if (!result.allowed) {
        // API Gateway's denials: 401 with `www-authenticate`, or 403 for a missing scope. They carry
        // the CORS headers too, as reported rather than documented.
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html
        const denial =
          result.statusCode === 401
            ? json(
                401,
                { message: 'Unauthorized' },
                {
                  'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${result.reason.replace(/["\\]/g, '')}"`,
                },
              )
            : json(403, { message: 'Forbidden' });
        return { response: withCors(denial, cors), routeKey: match.routeKey, cors: corsResult, denial: result.reason };
      }
      authorizer = { claims: result.claims, scopes: result.scopes };
    }
    let response: GatewayResponse;
    try {
      const { handler } = await loadHandler(match.route.handler);
      response = fromResult(
        await handler(toEvent(request, match, authorizer), {
          awsRequestId: 'local',
          functionName: match.route.handler,
        }),
      );
    } catch (error) {
      console.error(`${match.route.handler} failed:`, error);
      response = json(500, { message: 'Internal Server Error' });
    }
    const handled: Handled = { response: withCors(response, cors), routeKey: match.routeKey, cors: corsResult };
    if (response.statusCode === 401 || response.statusCode === 403) {
      handled.denial = `${match.route.handler} handler: ${messageOf(response) ?? 'no message'}`;
    }
    return handled;
  };
}
