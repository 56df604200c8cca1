/**
 * GET /me: a protected route. API Gateway's JWT authorizer has verified the token before this
 * runs. To add a route, copy this file and list the route in src/api.ts.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from '../lib/respond';

export async function handler(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> {
  const origin = event.headers?.origin;
  // ref #7: claims arrive as strings; scopes may be null.
  const { claims, scopes } = event.requestContext.authorizer.jwt;
  // ref #5: the authorizer does not check token_use, so an ID token passes a route without scopes.
  if (claims.token_use !== 'access') {
    return json(403, { message: 'Forbidden: this API accepts access tokens only' }, origin);
  }
  return json(200, { sub: claims.sub, username: claims.username, scopes: scopes ?? [], claims }, origin);
}
