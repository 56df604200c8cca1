/**
 * API Gateway's JWT authorizer, emulated with real signature checks: `sam local` and
 * serverless-offline skip them. The checks follow API Gateway's documented workflow:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
import {
  createRemoteJWKSet,
  customFetch,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';

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

/** A JWKS that could not be fetched, with the cause: the reason names the URL and what went wrong. */
class JwksUnavailable extends Error {}

/** Time stamps in the reasons, e.g. "2025-01-31T12:00:00Z". */
const timeOf = (seconds: unknown) =>
  typeof seconds === 'number' ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : String(seconds);

/** Why jose refused a token, in the words of the check that failed. */
function reasonOf(error: unknown, payload: JWTPayload, kid: unknown, jwksUrl: URL): string {
  if (error instanceof JwksUnavailable) return error.message;
  if (error instanceof errors.JWTExpired) return `token expired at ${timeOf(payload.exp)}`;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no ${error.claim} claim`;
    if (error.claim === 'nbf') return `token not valid before ${timeOf(payload.nbf)}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return `algorithm refused: only ${ALGORITHMS.join(', ')} is accepted`;
  if (error instanceof errors.JWKSNoMatchingKey) return `no key with kid ${kid} in ${jwksUrl.href}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return `the signature does not verify with key ${kid}`;
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return `not a JWT (${error.message})`;
  return error instanceof Error ? error.message : 'invalid token';
}

/** The cause of a failed fetch, e.g. "fetch failed: connect ECONNREFUSED 127.0.0.1:9229". */
function causeOf(error: unknown): string {
  if (error instanceof errors.JWKSTimeout) return 'no answer within 5 s';
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

export function createJwtAuthorizer(options: JwtAuthorizerOptions) {
  const jwksUrl = new URL(`${options.issuer}/.well-known/jwks.json`);
  // Keys are looked up by `kid` and, as API Gateway may, cached for up to 2 hours.
  const jwks = createRemoteJWKSet(jwksUrl, {
    cacheMaxAge: 2 * 60 * 60 * 1000,
    // Any status but 200 fails the fetch, and says which.
    [customFetch]: async (url, init) => {
      const response = await fetch(url, init);
      if (response.status !== 200) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      return response;
    },
  });
  // Failures to look a key up stay as they are; any other is the JWKS's, named with its URL and cause.
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      if (error instanceof errors.JOSENotSupported || error instanceof errors.JOSEAlgNotAllowed) throw error;
      throw new JwksUnavailable(`JWKS could not be fetched from ${jwksUrl.href}: ${causeOf(error)}`);
    }
  };

  return async function authorize(
    authorizationHeader: string | undefined,
    requiredScopes: readonly string[],
  ): Promise<Authorization> {
    const token = tokenOf(authorizationHeader);
    if (!token) return { allowed: false, statusCode: 401, reason: 'no token in the Authorization header' };
    let payload: JWTPayload;
    // The claims as the token states them, unverified: only to say why a token is refused.
    let claimed: JWTPayload = {};
    let kid: unknown;
    try {
      claimed = decodeJwt(token);
      kid = decodeProtectedHeader(token).kid;
      // The key is the one of the JWKS whose `kid` the token names; a token without one is refused.
      if (typeof kid !== 'string') {
        return { allowed: false, statusCode: 401, reason: 'the token has no kid header' };
      }
      // Another issuer's token names a key this issuer does not have: say so rather than "no matching key".
      if (claimed.iss !== options.issuer) {
        const reason = `issuer ${claimed.iss} is not the trusted ${options.issuer}`;
        return { allowed: false, statusCode: 401, reason };
      }
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      return { allowed: false, statusCode: 401, reason: reasonOf(error, claimed, kid, jwksUrl) };
    }
    // `aud` when present, else `client_id` (Cognito access tokens have no `aud`).
    const audience = payload.aud ?? payload.client_id;
    const audiences = Array.isArray(audience) ? audience : [audience];
    if (!audiences.some((value) => typeof value === 'string' && options.audience.includes(value))) {
      const reason = `audience ${audiences.join(', ')} is not the app client ${options.audience.join(', ')}`;
      return { allowed: false, statusCode: 401, reason };
    }
    // `iat` must be in the past (jose checks only `exp` and `nbf` against the clock).
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
      return { allowed: false, statusCode: 401, reason: `token issued in the future, at ${timeOf(payload.iat)}` };
    }
    // `token_use` is not checked here, as API Gateway does not check it (handlers do).
    // A route with scopes admits a token carrying any one of them.
    const scopes = scopesOf(payload);
    if (requiredScopes.length > 0 && !requiredScopes.some((scope) => scopes.includes(scope))) {
      const idToken = payload.token_use === 'id' ? ': an ID token, send the access token' : '';
      const has = scopes.join(' ') || 'none';
      const reason = `none of the scopes ${requiredScopes.join(', ')} in the token (it has ${has})${idToken}`;
      return { allowed: false, statusCode: 403, reason };
    }
    return { allowed: true, claims: claimsAsStrings(payload), scopes: scopes.length > 0 ? scopes : null };
  };
}
