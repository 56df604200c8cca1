/**
 * Response helpers for handlers, in Lambda payload format 2.0: `statusCode`, single-valued headers.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { corsPolicy, responseCorsHeaders } from './cors';

/** A JSON response with the CORS headers for the caller's origin. */
export function json(statusCode: number, body: unknown, origin: string | undefined): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...responseCorsHeaders(corsPolicy(), origin) },
    body: JSON.stringify(body),
  };
}
