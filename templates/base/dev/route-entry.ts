/** One route as API Gateway serves it: what the dev server and the infrastructure tests compare. */
export interface RouteEntry {
  /** An HTTP method, or ANY. */
  method: string;
  /** API Gateway route path: literal segments, `{name}`, and `{name+}` as the last segment. */
  path: string;
  /** NONE for the preflight routes, JWT for every other route. */
  authorization: 'NONE' | 'JWT';
  scopes: readonly string[];
  handler: string;
}
