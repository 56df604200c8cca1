/**
 * The guard every protected handler is wrapped in. API Gateway's JWT authorizer does not check
 * `token_use`: an ID token of the pool passes a route without scopes. `accessTokensOnly`
 * refuses anything but an access token before the handler runs, so no handler has to remember to.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from './respond';

export type ProtectedEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ProtectedResult = APIGatewayProxyStructuredResultV2;
/** The token's claims, every value a string, and its scopes (null when it has none). */
export type Jwt = ProtectedEvent['requestContext']['authorizer']['jwt'];

export const ACCESS_TOKENS_ONLY = 'Forbidden: this API accepts access tokens only';

/** Wraps a protected handler: ID tokens, and tokens without `token_use`, get a JSON 403. */
export function accessTokensOnly(handler: (event: ProtectedEvent, jwt: Jwt) => Promise<ProtectedResult>) {
  return async (event: ProtectedEvent): Promise<ProtectedResult> => {
    const jwt = event.requestContext.authorizer.jwt;
    if (jwt.claims.token_use !== 'access') return json(403, { message: ACCESS_TOKENS_ONLY }, event.headers?.origin);
    return handler(event, jwt);
  };
}
