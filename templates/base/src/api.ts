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
  /** API Gateway route path, e.g. "/orders/{id}"; `{proxy+}` only as the last segment (ref #8). */
  path: string;
  /** The file in src/handlers/ that serves the route, without ".ts". */
  handler: string;
  /** This route's scopes instead of `auth.scopes`: a token must carry any one of them. */
  scopes?: readonly string[];
}

export const region = <%- ts(answers.region) %>;

export const auth = {
  userPoolId: <%- ts(answers.userPoolId) %>,
  /** ref #2: exactly https://cognito-idp.<region>.amazonaws.com/<userPoolId>, no trailing slash. */
  issuer: <%- ts(api.authorizer.issuer) %>,
  /** ref #3: the app client id admits access tokens (`client_id`) and ID tokens (`aud`). */
  audience: <%- ts(api.authorizer.audience) %> as readonly string[],
  /** ref #1: bare token or "Bearer <token>". */
  identitySource: <%- ts(api.authorizer.identitySource) %>,
  /**
   * ref #4, #5: a protected route admits a token carrying any one of these scopes, unless it names
   * its own; [] checks no scope (any token of the pool, ID tokens included: see src/lib/access-token.ts).
   */
  scopes: <%- ts(answers.scopes) %> as readonly string[],
};

/** Protected routes: every one gets the JWT authorizer (ref #9). */
export const routes: readonly Route[] = [
<% for (const route of protectedRoutes) { -%>
  { method: <%- ts(route.method) %>, path: <%- ts(route.path) %>, handler: <%- ts(route.handler) %><% if (route.ownScopes) { %>, scopes: <%- ts(route.scopes) %><% } %> },
<% } -%>
];

/** Unauthenticated preflight routes (ref #9); `/{proxy+}` may not cover `/`, so both (ref #8). */
export const preflight = {
  handler: <%- ts(preflight.handler) %>,
  paths: <%- ts(preflight.paths) %> as readonly string[],
};

export const cors = {
  allowOrigins: <%- ts(api.cors.origins) %> as readonly string[],
  /** ref #13: every method the routes use, and OPTIONS. */
  allowMethods: [...new Set<string>([...routes.map((route) => route.method), 'OPTIONS'])] as readonly string[],
  /** ref #12: `authorization` by name; a `*` would not cover it. */
  allowHeaders: <%- ts(api.cors.headers) %> as readonly string[],
  /** ref #15: seconds a browser may cache a preflight; Chromium caps it at 7200. */
  maxAge: <%- ts(api.cors.maxAge) %>,
  /** ref #14: bearer tokens need no credentials mode, and API Gateway refuses it with "*". */
  allowCredentials: false,
};

/** The Lambda runtime of every function. */
export const runtime = <%- ts(answers.runtime) %>;
