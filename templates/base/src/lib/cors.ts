/**
 * The CORS policy of the Lambda functions, read from environment variables that the
 * infrastructure sets from `cors` in src/api.ts. While the API's own CORS configuration is on,
 * API Gateway sends its headers and ignores these; they keep the functions correct without it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */

export interface CorsPolicy {
  allowOrigins: readonly string[];
  allowMethods: string;
  allowHeaders: string;
  maxAge: number;
}

/** The environment variables that carry a CORS policy to the functions. */
export function corsEnvironment(cors: {
  allowOrigins: readonly string[];
  allowMethods: readonly string[];
  allowHeaders: readonly string[];
  maxAge: number;
}): Record<string, string> {
  return {
    CORS_ALLOW_ORIGINS: cors.allowOrigins.join(','),
    CORS_ALLOW_METHODS: cors.allowMethods.join(','),
    CORS_ALLOW_HEADERS: cors.allowHeaders.join(','),
    CORS_MAX_AGE: String(cors.maxAge),
  };
}

/** Reads the policy; with no origins configured, no origin is allowed (fail closed). */
export function corsPolicy(env: Record<string, string | undefined> = process.env): CorsPolicy {
  const maxAge = Number.parseInt(env.CORS_MAX_AGE ?? '', 10);
  return {
    allowOrigins: (env.CORS_ALLOW_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    allowMethods: env.CORS_ALLOW_METHODS || 'GET,OPTIONS',
    allowHeaders: env.CORS_ALLOW_HEADERS || 'authorization,content-type',
    // 0..7200 seconds: Chromium caps the preflight cache at 7200.
    maxAge: Number.isFinite(maxAge) ? Math.min(Math.max(maxAge, 0), 7200) : 7200,
  };
}

/** The Access-Control-Allow-Origin value for a request's Origin, or undefined if not allowed. */
export function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (policy.allowOrigins.includes('*')) return '*';
  // Browsers send "scheme://host[:port]", the form the allowlist holds, so an exact match is enough.
  return policy.allowOrigins.includes(origin) ? origin : undefined;
}

/**
 * Headers for an ordinary response: the allowed origin only, and `Vary: Origin`, as the answer
 * differs by origin and caches must not share it.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS
 */
export function responseCorsHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  return allowed ? { 'access-control-allow-origin': allowed, vary: 'Origin' } : { vary: 'Origin' };
}

/** Headers for a preflight response; none of the `Access-Control-Allow-*` ones for a disallowed origin. */
export function preflightCorsHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  if (!allowed) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': policy.allowMethods,
    'access-control-allow-headers': policy.allowHeaders,
    'access-control-max-age': String(policy.maxAge),
    vary: 'Origin',
  };
}
