/**
 * The CORS preflight handler behind the unauthenticated OPTIONS routes. A browser sends the
 * preflight without the token, so these routes must not have the authorizer: behind it, every
 * preflight would get a 401 and the browser would report a CORS error.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { corsPolicy, preflightCorsHeaders } from '../lib/cors';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    // A preflight must answer 2xx. The field is `statusCode`: with payload format 2.0, a result
    // without it is sent as a 200 body and its headers are lost.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
    statusCode: 204,
    // The origin is echoed only when allowlisted. No body: nothing of the request is sent back.
    headers: preflightCorsHeaders(corsPolicy(), event.headers?.origin),
  };
}
