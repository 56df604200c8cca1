/**
 * The API definition: the one place that says which routes exist, who may call them and from
 * which browser origins. The infrastructure, the handlers' CORS policy and the tests read it.
 *
 * - Add a route: add an entry to `routes` and its handler in src/handlers/<handler>.ts.
 * - Add a browser origin: add it to `cors.allowOrigins` as "scheme://host[:port]" (no path,
 *   no trailing slash).
 */

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface Route {
  method: RouteMethod;
  /** API Gateway route path, e.g. "/orders/{id}"; `{proxy+}` only as the last segment. */
  path: string;
  /** The file in src/handlers/ that serves the route, without ".ts". */
  handler: string;
  /** This route's scopes instead of `auth.scopes`: a token must carry any one of them. */
  scopes?: readonly string[];
}

export const region = <%- ts(answers.region) %>;

export const auth = {
  userPoolId: <%- ts(answers.userPoolId) %>,
  /**
   * Exactly https://cognito-idp.<region>.amazonaws.com/<userPoolId>, with no trailing slash: the
   * authorizer compares `iss` with it character for character.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
   */
  issuer: <%- ts(api.authorizer.issuer) %>,
  /** The app client id: API Gateway checks `aud` (ID tokens), else `client_id` (access tokens have no `aud`). */
  audience: <%- ts(api.authorizer.audience) %> as readonly string[],
  /** The header holds the bare token or "Bearer <token>". */
  identitySource: <%- ts(api.authorizer.identitySource) %>,
  /**
   * A protected route admits a token carrying any one of these scopes, unless it names
   * its own; [] checks no scope (any token of the pool, ID tokens included: see src/lib/access-token.ts).
   */
  scopes: <%- ts(answers.scopes) %> as readonly string[],
};

/** Protected routes: every one gets the JWT authorizer. */
export const routes: readonly Route[] = [
<% for (const route of protectedRoutes) { -%>
  { method: <%- ts(route.method) %>, path: <%- ts(route.path) %>, handler: <%- ts(route.handler) %><% if (route.ownScopes) { %>, scopes: <%- ts(route.scopes) %><% } %> },
<% } -%>
];

/**
 * Unauthenticated routes for browser preflights, which never carry the token. They outrank a
 * greedy or `$default` route; whether `/{proxy+}` matches `/` is not documented, so both.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export const preflight = {
  handler: <%- ts(preflight.handler) %>,
  paths: <%- ts(preflight.paths) %> as readonly string[],
};

export const cors = {
  allowOrigins: <%- ts(api.cors.origins) %> as readonly string[],
  /** Every method the routes use, and OPTIONS. */
  allowMethods: [...new Set<string>([...routes.map((route) => route.method), 'OPTIONS'])] as readonly string[],
  /** `authorization` by name: a `*` never covers it (https://fetch.spec.whatwg.org/#cors-protocol). */
  allowHeaders: <%- ts(api.cors.headers) %> as readonly string[],
  /** Seconds a browser may cache a preflight; Chromium caps it at 7200. */
  maxAge: <%- ts(api.cors.maxAge) %>,
  /**
   * Bearer tokens need no credentials mode, and API Gateway refuses it with the origin "*".
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
   */
  allowCredentials: false,
};

/** The Lambda runtime of every function. */
export const runtime = <%- ts(answers.runtime) %>;
