/** Response helpers for handlers (payload format 2.0, ref #20-#21). */
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
