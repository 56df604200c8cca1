/**
 * What the API's access log must hold, whichever tool deploys it: one JSON object per request,
 * enough to tell why a call got 401, 403 or 429, and nothing that could hold the token. Shared
 * by the infrastructure tests.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */

/** Who called what, when, with which outcome, how fast, and the authorizer's and integration's errors. */
export const REQUIRED_ACCESS_LOG_VARIABLES = [
  '$context.requestId',
  '$context.requestTime',
  '$context.identity.sourceIp',
  '$context.httpMethod',
  '$context.routeKey',
  '$context.status',
  '$context.responseLatency',
  '$context.integrationLatency',
  '$context.integrationErrorMessage',
  '$context.authorizer.error',
];

/** Variables that would write a header (Authorization among them), a token or its claims into the logs. */
export const SECRET_VARIABLE = /header|authorization|claims|token|cookie/i;

/** The format as field → `$context` variable; throws unless it is one JSON object of strings on one line. */
export function accessLogFields(format: string): Record<string, string> {
  if (format.includes('\n')) throw new Error('the access log format must be one line');
  const fields = JSON.parse(format) as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') throw new Error(`access log field ${name} is not a string`);
  }
  return fields as Record<string, string>;
}
