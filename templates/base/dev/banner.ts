/** The start banner: where the API listens, whose tokens it trusts, what it serves and to which origins. */
import type { RouteEntry } from './route-entry';

export interface BannerInput {
  url: string;
  /** The issuer the dev server trusts, and the one the deployed authorizer does. */
  issuer: string;
  deployedIssuer: string;
  table: readonly RouteEntry[];
  origins: readonly string[];
}

function accessOf(route: RouteEntry): string {
  if (route.authorization === 'NONE') return 'not protected';
  return route.scopes.length > 0 ? `protected, any one of the scopes ${route.scopes.join(', ')}` : 'protected';
}

export function banner({ url, issuer, deployedIssuer, table, origins }: BannerInput): string {
  // The protected routes first, then the preflight routes.
  const routes = [...table].sort((a, b) => Number(a.authorization === 'NONE') - Number(b.authorization === 'NONE'));
  const keys = routes.map((route) => `${route.method} ${route.path}`);
  const accesses = routes.map(accessOf);
  const keyWidth = Math.max(...keys.map((key) => key.length));
  const accessWidth = Math.max(...accesses.map((access) => access.length));
  const lines = routes.map(
    (route, index) =>
      `${keys[index]!.padEnd(keyWidth)}  ${accesses[index]!.padEnd(accessWidth)}  src/handlers/${route.handler}.ts`,
  );
  const issuerNote = issuer === deployedIssuer ? '' : ` (set by ISSUER; the deployed API trusts ${deployedIssuer})`;
  return [
    `listening on ${url}`,
    `  issuer:  ${issuer}${issuerNote}`,
    `  routes:  ${lines[0] ?? '(none)'}`,
    ...lines.slice(1).map((line) => `           ${line}`),
    `  origins: ${origins.includes('*') ? '* (any website)' : origins.join(', ')}`,
  ].join('\n');
}
