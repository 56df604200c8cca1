/**
 * The Lambda proxy integration, payload format 2.0: HTTP request to event, and handler result to
 * HTTP response.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteMatch } from './routes';

export interface GatewayRequest {
  method: string;
  /** Path with query string, as in the request line. */
  url: string;
  /** Lower-case names; repeated headers joined with ",". */
  headers: Record<string, string>;
  body: Buffer;
  sourceIp: string;
}

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|[\w.+-]+\+json))/;

export function toEvent(
  request: GatewayRequest,
  match: RouteMatch,
  authorizer?: { claims: Record<string, string>; scopes: string[] | null },
): APIGatewayProxyEventV2 {
  const url = new URL(request.url, 'http://localhost');
  const now = new Date();
  const { cookie, ...headers } = request.headers;
  const text = TEXT_TYPES.test(headers['content-type'] ?? 'text/plain');
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookie ? { cookies: cookie.split(/;\s*/) } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method: request.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: match.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // Claims and scopes where the JWT authorizer puts them.
      ...(authorizer ? { authorizer: { jwt: authorizer } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(request.body.length > 0 ? { body: request.body.toString(text ? 'utf8' : 'base64') } : {}),
    isBase64Encoded: request.body.length > 0 && !text,
  };
}

/** A result with `statusCode` is a response; anything else is a JSON body with status 200. */
export function fromResult(result: unknown): GatewayResponse {
  if (result && typeof result === 'object' && 'statusCode' in result) {
    const {
      statusCode,
      headers = {},
      cookies = [],
      body = '',
      isBase64Encoded,
    } = result as APIGatewayProxyStructuredResultV2;
    return {
      statusCode: Number(statusCode),
      // Payload format 2.0 has no multi-value headers: every value is a string.
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)])),
      cookies,
      body: Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8'),
    };
  }
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
}
