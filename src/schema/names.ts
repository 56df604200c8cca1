/**
 * The names templates give AWS resources, derived from handlers and routes. The route rules use
 * them too: two routes or handlers whose names read the same would be one resource.
 */

/** A route's id among its function's events: "GET /me" → "GetMe", "OPTIONS /" → "OptionsRoot". */
export function routeIdOf(route: { method: string; path: string }): string {
  return pascalCase(`${route.method} ${route.path === '/' ? 'root' : route.path}`);
}

/** "OPTIONS /{proxy+}" → "OptionsProxy": letters and digits only, for logical ids. */
export function pascalCase(text: string): string {
  return text
    .split(/[^a-zA-Z\d]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}
