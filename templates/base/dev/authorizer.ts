/**
 * API Gateway's JWT authorizer, emulated with real signature checks: `sam local` and
 * serverless-offline skip them. The checks follow API Gateway's documented workflow:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';

/**
 * API Gateway accepts RSA algorithms only, without naming them; Cognito signs with RS256,
 * so that is the one accepted here (never `none`, HS*, or another RSA variant: fail closed).
 */
const ALGORITHMS = ['RS256'];
/** `exp`, `nbf` and `iat` are compared with the current time; no clock skew is documented, so none is allowed. */
const CLOCK_TOLERANCE_SECONDS = 0;

export type Authorization =
  | { allowed: true; claims: Record<string, string>; scopes: string[] | null }
  | { allowed: false; statusCode: 401 | 403; reason: string };

export interface JwtAuthorizerOptions {
  issuer: string;
  audience: readonly string[];
}

/** The header may carry the bare token or "Bearer <token>". */
function tokenOf(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(value);
  return bearer ? bearer[1]!.trim() : value;
}

/** Scopes from `scope` (space-separated) or `scp`. */
function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}

/** Claim values reach the handler as strings; arrays as "[a b]" (payload format 2.0). */
function claimsAsStrings(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );
}

export function createJwtAuthorizer(options: JwtAuthorizerOptions) {
  // Keys are looked up by `kid` and, as API Gateway may, cached for up to 2 hours.
  const keys = createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`), {
    cacheMaxAge: 2 * 60 * 60 * 1000,
  });

  return async function authorize(
    authorizationHeader: string | undefined,
    requiredScopes: readonly string[],
  ): Promise<Authorization> {
    const token = tokenOf(authorizationHeader);
    if (!token) return { allowed: false, statusCode: 401, reason: 'no token in the Authorization header' };
    let payload: JWTPayload;
    try {
      // The key is the one of the JWKS whose `kid` the token names; a token without one is refused.
      if (typeof decodeProtectedHeader(token).kid !== 'string') {
        return { allowed: false, statusCode: 401, reason: 'the token has no kid header' };
      }
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      return { allowed: false, statusCode: 401, reason: error instanceof Error ? error.message : 'invalid token' };
    }
    // `aud` when present, else `client_id` (Cognito access tokens have no `aud`).
    const audience = payload.aud ?? payload.client_id;
    const audiences = Array.isArray(audience) ? audience : [audience];
    if (!audiences.some((value) => typeof value === 'string' && options.audience.includes(value))) {
      return { allowed: false, statusCode: 401, reason: 'the token is for another audience' };
    }
    // `iat` must be in the past (jose checks only `exp` and `nbf` against the clock).
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
      return { allowed: false, statusCode: 401, reason: 'the token was issued in the future' };
    }
    // `token_use` is not checked here, as API Gateway does not check it (handlers do).
    // A route with scopes admits a token carrying any one of them.
    const scopes = scopesOf(payload);
    if (requiredScopes.length > 0 && !requiredScopes.some((scope) => scopes.includes(scope))) {
      return { allowed: false, statusCode: 403, reason: "the token has none of the route's scopes" };
    }
    return { allowed: true, claims: claimsAsStrings(payload), scopes: scopes.length > 0 ? scopes : null };
  };
}
