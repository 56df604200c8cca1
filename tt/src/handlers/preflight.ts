/**
 * The CORS preflight handler behind the unauthenticated OPTIONS routes. A browser sends the
 * preflight without the token, so these routes must not have the authorizer (ref #9).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { corsPolicy, preflightCorsHeaders } from '../lib/cors';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    // ref #16, #20: a 2xx `statusCode`; with any other field name API Gateway sends the object as a 200 body.
    statusCode: 204,
    // ref #17: the origin is echoed only when allowlisted. No body: nothing of the request is sent back.
    headers: preflightCorsHeaders(corsPolicy(), event.headers?.origin),
  };
}
