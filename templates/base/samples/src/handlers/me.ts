/**
 * GET /me: a protected route. API Gateway's JWT authorizer has verified the token before this
 * runs, and `accessTokensOnly` has refused ID tokens. To add a route, copy this file (keep the
 * wrapper) and list the route in src/api.ts.
 */
import { accessTokensOnly } from '../lib/access-token';
import { json } from '../lib/respond';

export const handler = accessTokensOnly(async (event, { claims, scopes }) =>
  // The authorizer passes every claim as a string, and `scopes` as null when the token has none.
  json(200, { sub: claims.sub, username: claims.username, scopes: scopes ?? [], claims }, event.headers?.origin),
);
