/**
 * The format rules for single answers. Each returns `undefined` when the value is good, or
 * the problem as the tail of a sentence ("is not …"), which `problemMessage` turns into the
 * full error text, naming the answer as each front labels it. The zod schema in ./answers.ts
 * applies them; the JSON Schema and --verify reuse the patterns and issuer forms.
 */

export const REGION_PATTERN = /^[a-z]{2}-(?:gov-)?[a-z]+-\d{1,2}$/;
/** ref #23: the documented pattern is `[\w-]+_[0-9a-zA-Z]+`; real pools start with their region. */
export const USER_POOL_ID_PATTERN = /^([a-z]{2}-(?:gov-)?[a-z]+-\d{1,2})_([0-9a-zA-Z]+)$/;
/** ref #23: `[\w+]+`, 1-128 characters. */
export const CLIENT_ID_PATTERN = /^[\w+]{1,128}$/;
/** The same rule for package names that create-vite and npm apply to new packages. */
export const PACKAGE_NAME_PATTERN = /^(?:@[a-z\d\-*~][a-z\d\-*._~]*\/)?[a-z\d\-~][a-z\d\-._~]*$/;
/** A package name without its scope: "@acme/orders-api" → "orders-api". */
export const unscopedName = (name: string) => name.replace(/^@[^/]+\//, '');
export const STANDARD_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
/**
 * A standard scope, or Cognito's custom scope "<identifier>/<name>": identifier
 * `[\x21\x23-\x5B\x5D-\x7E]+`, name the same without `/`. Quotes and commas are refused too:
 * they are legal in Cognito but break the formats a scope passes through (commas separate
 * scopes in --scopes).
 */
export const SCOPE_PATTERN = new RegExp(
  `^(?:${STANDARD_SCOPES.map((scope) => scope.replaceAll('.', '\\.')).join('|')}|` +
    '[\\x21\\x23-\\x26\\x28-\\x2B\\x2D-\\x5B\\x5D-\\x7E]{1,256}' +
    '/[\\x21\\x23-\\x26\\x28-\\x2B\\x2D\\x2E\\x30-\\x5B\\x5D-\\x7E]{1,256})$',
);
/**
 * A normalised origin (ref #17): what `normaliseOrigin` returns, and what the Terraform and SAM
 * templates check their variables against.
 */
export const ORIGIN_PATTERN = new RegExp(
  [
    '^(?:https://(?:',
    // DNS labels, no empty or dash-edged one
    '[a-z\\d_](?:[a-z\\d_-]*[a-z\\d_])?(?:\\.[a-z\\d_](?:[a-z\\d_-]*[a-z\\d_])?)*',
    '|\\[[\\da-f:.]+\\])',
    // a port as browsers write it, but not 443: they leave it out
    '(?::(?:[1-9]\\d?|[1-9]\\d{3,4}|[1-35-9]\\d\\d|4[0-35-9]\\d|44[0-24-9]))?',
    '|http://(?:localhost|127\\.0\\.0\\.1|\\[::1\\])',
    '(?::(?:[1-9]|[1-79]\\d|8[1-9]|[1-9]\\d{2,4}))?', // not 80, likewise
    ')$',
  ].join(''),
);
/** Hosts a browser treats as potentially trustworthy over plain http. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A GitHub repository "owner/name": an owner of letters, digits and single inner dashes (at most 39
 * characters), a name of letters, digits, ".", "-" and "_" (at most 100). It is written into the
 * deploy role's trust policy: no "*" or "?", which IAM's StringLike would read as wildcards.
 */
export const GITHUB_REPOSITORY_PATTERN = /^[A-Za-z\d](?:-?[A-Za-z\d]){0,38}\/[\w.-]{1,100}$/;

/**
 * Whether a normalised origin names this machine: localhost, *.localhost, 127.0.0.0/8 or [::1]
 * (over http or https). A production API never lets such a page call it: any local process could
 * serve one.
 */
export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK_ORIGIN_PATTERN.test(origin);
}

/** A normalised origin on this machine (see isLoopbackOrigin), for the IaC's own input validation. */
export const LOOPBACK_ORIGIN_PATTERN =
  /^https?:\/\/(?:localhost|[a-z\d_.-]+\.localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d{1,5})?$/;

/**
 * The origins of a project from before environments, shared out: loopback origins go to dev
 * only, every other to both production and dev (a dev front end may run on a deployed address).
 */
export function splitOrigins(origins: readonly string[]): { prod: string[]; dev: string[] } {
  return { prod: origins.filter((origin) => !isLoopbackOrigin(origin)), dev: [...origins] };
}

/** API Gateway keeps the burst limit as a 32-bit integer; the rate limit is held to the same bound. */
export const THROTTLING_LIMIT_MAX = 2_147_483_647;

export const expectations = {
  name: 'a lowercase npm package name, e.g. "orders-api" or "@acme/orders-api"',
  region: 'a region code of AWS or AWS GovCloud (US), e.g. "eu-west-1" or "us-gov-west-1"',
  userPoolId: 'a Cognito user pool id "<region>_<id>", e.g. "eu-west-1_AbCdEfGhI"',
  devUserPoolId: 'a Cognito user pool id "<region>_<id>", e.g. "eu-west-1_AbCdEfGhI"',
  clientId:
    'a Cognito app client id of letters, digits, "_" or "+" (1-128 characters), e.g. "1example23456789abcdefghij"',
  devClientId:
    'a Cognito app client id of letters, digits, "_" or "+" (1-128 characters), e.g. "1example23456789abcdefghij"',
  origins: 'browser origins "scheme://host[:port]", e.g. "https://app.example.com" or "http://localhost:5173"',
  devOrigins: 'browser origins "scheme://host[:port]", e.g. "http://localhost:5173" or "https://dev.example.com"',
  scopes:
    `standard scopes (${STANDARD_SCOPES.join(', ')}) or custom scopes "<resource-server>/<scope>", e.g. ` +
    `"orders-api/read"`,
  issuer:
    'https://cognito-idp.<region>.amazonaws.com/<pool id>, or issuer-cognito-idp for pools that emit the newer issuer',
  rateLimit: `a whole number of requests per second from 1 to ${THROTTLING_LIMIT_MAX}, e.g. 100`,
  burstLimit: `a whole number of requests from 1 to ${THROTTLING_LIMIT_MAX}, e.g. 200`,
  githubRepository: 'a GitHub repository "<owner>/<name>" as GitHub spells it, e.g. "acme/orders-api"',
  domain: 'a host name of dot-separated labels (letters, digits, "-" inside), e.g. "api.example.com"',
  certificateArn:
    'an ACM certificate ARN "arn:aws:acm:<region>:<account>:certificate/<id>", e.g. ' +
    '"arn:aws:acm:eu-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef"',
} as const;

export const PACKAGE_NAME_MAX = 214;
export const RESERVED_PACKAGE_NAMES: readonly string[] = ['node_modules', 'favicon.ico'];
/** ref #23. */
export const USER_POOL_ID_MAX = 55;

export function checkPackageName(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > PACKAGE_NAME_MAX) return `is longer than ${PACKAGE_NAME_MAX} characters`;
  if (!PACKAGE_NAME_PATTERN.test(value)) return 'is not a valid npm package name';
  if (RESERVED_PACKAGE_NAMES.includes(value)) return 'is a name npm reserves';
  return undefined;
}

/** Region codes of partitions whose Cognito issues tokens under another domain than ref #2 gives. */
export const OTHER_PARTITIONS: ReadonlyArray<[pattern: RegExp, name: string]> = [
  [/^cn-[a-z]+-\d{1,2}$/, 'the AWS China partition'],
  [/^eusc-[a-z]+-[a-z]+-\d{1,2}$/, 'the AWS European Sovereign Cloud'],
  [/^[a-z]{2}-iso[a-z]?-[a-z]+-\d{1,2}$/, 'an AWS isolated (ISO) partition'],
];

/** The problem with a region of another partition, if `region` is one. */
function otherPartition(region: string): string | undefined {
  const partition = OTHER_PARTITIONS.find(([pattern]) => pattern.test(region));
  return partition && `is in ${partition[1]}, whose Cognito issuer this tool does not know yet`;
}

export function checkRegion(value: string): string | undefined {
  const partition = otherPartition(value);
  if (partition) return partition;
  if (!REGION_PATTERN.test(value)) return 'is not an AWS region code';
  return undefined;
}

export function checkUserPoolId(value: string): string | undefined {
  if (value.length === 0 || value.length > USER_POOL_ID_MAX) return `is not 1-${USER_POOL_ID_MAX} characters long`;
  const partition = otherPartition(value.split('_')[0]!);
  if (partition) return partition;
  if (!USER_POOL_ID_PATTERN.test(value)) return 'is not a Cognito user pool id';
  return undefined;
}

/** The region a user pool id belongs to (its prefix), ref #23. */
export function regionOfUserPool(userPoolId: string): string | undefined {
  return USER_POOL_ID_PATTERN.exec(userPoolId)?.[1];
}

export function checkClientId(value: string): string | undefined {
  if (!CLIENT_ID_PATTERN.test(value)) return 'is not a Cognito app client id';
  return undefined;
}

export function checkScope(value: string): string | undefined {
  if (/[\s"',\\]/.test(value)) return 'contains whitespace, a quote, a comma or a backslash';
  if (SCOPE_PATTERN.test(value)) return undefined;
  return 'is neither a standard scope nor "<resource-server>/<scope>"';
}

export type OriginResult = { origin: string } | { problem: string };

/**
 * Normalises one origin to `scheme://host[:port]` (ref #17): lowercase, no trailing slash, no
 * default port. Refuses anything a browser would never send as `Origin`.
 */
export function normaliseOrigin(raw: string): OriginResult {
  const value = raw.trim();
  if (value === '*') return { origin: '*' };
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(value)) return { problem: 'has no scheme (http:// or https://)' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `uses the scheme "${url.protocol.slice(0, -1)}"; browsers send origins for http and https only` };
  }
  if (url.username || url.password) return { problem: 'contains credentials' };
  if (value.includes('?')) return { problem: 'has a query; an origin is scheme, host and port only' };
  if (value.includes('#')) return { problem: 'has a fragment; an origin is scheme, host and port only' };
  if (url.pathname !== '/')
    return { problem: `has the path "${url.pathname}"; an origin is scheme, host and port only` };
  if (url.hostname.includes('*')) return { problem: 'uses a wildcard host, which API Gateway does not match' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.includes(url.hostname)) {
    return { problem: `uses http; browsers need https except for ${LOOPBACK_HOSTS.join(', ')}` };
  }
  const origin = `${url.protocol}//${url.host}`;
  if (!ORIGIN_PATTERN.test(origin))
    return { problem: 'has a host name that is not one of dot-separated labels (letters, digits, "-" inside, "_")' };
  return { origin };
}

/**
 * ref #2: the host of a pool's issuer. Pools whose IssuerConfiguration is "UPDATED" emit
 * tokens from `issuer-cognito-idp`.
 */
export const ISSUER_HOSTS = ['cognito-idp', 'issuer-cognito-idp'] as const;
export type IssuerHost = (typeof ISSUER_HOSTS)[number];
/** Any pool's issuer; the first group is its host. */
export const ISSUER_PATTERN = new RegExp(
  `^https://(${ISSUER_HOSTS.join('|')})\\.[a-z\\d-]+\\.amazonaws\\.com/[\\w-]+_[0-9a-zA-Z]+$`,
);

/** ref #2: exactly https://<host>.<region>.amazonaws.com/<userPoolId>, no trailing slash. */
export function issuerFor(region: string, userPoolId: string, host: IssuerHost = 'cognito-idp'): string {
  return `https://${host}.${region}.amazonaws.com/${userPoolId}`;
}

/** Every issuer a pool's tokens can carry, one per host. */
export function issuersOf(region: string, userPoolId: string): string[] {
  return ISSUER_HOSTS.map((host) => issuerFor(region, userPoolId, host));
}

export function checkIssuer(value: string): string | undefined {
  if (value.endsWith('/')) return 'ends with "/"; the issuer tokens carry has no trailing slash';
  if (!ISSUER_PATTERN.test(value)) return 'is not a Cognito user pool issuer';
  return undefined;
}

export function checkGithubRepository(value: string): string | undefined {
  if (/^https?:|^git@|\.git$/.test(value)) return "is a URL; only the repository's owner and name are meant";
  if (!GITHUB_REPOSITORY_PATTERN.test(value)) return 'is not a GitHub repository "<owner>/<name>"';
  if (/\/\.{1,2}$/.test(value)) return 'names the repository "." or "..", which GitHub does not allow';
  return undefined;
}

/** Splits comma-separated and repeated values into trimmed, non-empty items. */
export function splitList(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? [value] : value;
  return parts
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Kebab-case flag for an answers-schema key: `userPoolId` → `--user-pool-id`. */
export function flagOf(field: string): string {
  return `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * How a front names each answer in its messages, by schema key: the command line by its flag
 * (`--user-pool-id`), a form by the field's title ("Cognito user pool ID").
 */
export type FieldLabels<Field extends string = string> = Readonly<Record<Field, string>>;

/** A message that names answers only through a front's labels: one text, phrased for each front. */
export type Phrasing<Field extends string = string> = (labels: FieldLabels<Field>) => string;

/** The full text of an answer error: the answer's label, quoted value, problem, expected form. */
export function problemMessage<Field extends string>(
  field: Field,
  value: unknown,
  problem: string,
  expected: string,
): Phrasing<Field> {
  return (labels) => `${labels[field]} ${JSON.stringify(value)} ${problem}. Expected ${expected}.`;
}

/**
 * A throttling limit (rate or burst), given as a number or as its digits (flags and forms give
 * text). Both must be at least 1 (ref #27): a limit of 0 lets no request through, and every
 * one gets 429 Too Many Requests.
 */
export function parseThrottlingLimit(raw: number | string): { value: number } | { problem: string } {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (!/^\d+$/.test(text)) return { problem: 'is not a whole number of requests' };
  const value = Number(text);
  if (value === 0) return { problem: 'is 0, which answers every request with 429 Too Many Requests' };
  if (value > THROTTLING_LIMIT_MAX) return { problem: `is more than ${THROTTLING_LIMIT_MAX}` };
  return { value };
}

/** RFC 1035 as DNS has it today (RFC 1123): a label of 1-63 letters, digits and inner dashes. */
const DNS_LABEL = '[a-z\\d](?:[a-z\\d-]{0,61}[a-z\\d])?';
/**
 * A custom domain name: two labels or more, lowercase (DNS ignores case; API Gateway keeps the
 * name as given), a top-level label that starts with a letter (as every top-level domain does, and
 * unlike an IP address), at most 253 characters. No lookaround: Terraform's regex (RE2) has none.
 */
export const DOMAIN_PATTERN = new RegExp(`^(?:${DNS_LABEL}\\.)+[a-z](?:[a-z\\d-]{0,61}[a-z\\d])?$`);
export const DOMAIN_MAX = 253;

/** A custom domain as API Gateway takes it: trimmed, lowercase, without the root's trailing dot. */
export function normaliseDomain(raw: string): { value: string } | { problem: string } {
  const value = raw.trim().toLowerCase().replace(/\.$/, '');
  if (value.includes('://') || value.includes('/')) return { problem: 'is a URL; the domain is the host name alone' };
  if (value.startsWith('*.')) return { problem: 'is a wildcard; the API is mapped to one host name' };
  if (/[^\p{ASCII}]/u.test(value))
    return { problem: 'holds letters beyond ASCII; give an internationalised name in its "xn--" form' };
  if (value.length > DOMAIN_MAX) return { problem: `is longer than ${DOMAIN_MAX} characters` };
  if (!DOMAIN_PATTERN.test(value)) return { problem: 'is not a DNS host name' };
  return { value };
}

/**
 * An ACM certificate's ARN. The partition (aws, aws-us-gov, ...) and region come first;
 * the id is a UUID.
 */
export const CERTIFICATE_ARN_PATTERN = new RegExp(
  '^arn:(aws(?:-[a-z]+)*):acm:([a-z]{2}(?:-[a-z]+)+-\\d{1,2}):(\\d{12}):' +
    'certificate\\/[\\da-f]{8}(?:-[\\da-f]{4}){3}-[\\da-f]{12}$',
);

export function checkCertificateArn(value: string): string | undefined {
  if (!value.startsWith('arn:')) return 'is not an ARN';
  if (!/^arn:[^:]+:acm:/.test(value)) return 'is not the ARN of an ACM certificate';
  if (!CERTIFICATE_ARN_PATTERN.test(value)) return 'is not an ACM certificate ARN';
  return undefined;
}

/** The region and partition an ACM certificate ARN names. */
export function certificateLocation(arn: string): { partition: string; region: string } | undefined {
  const match = CERTIFICATE_ARN_PATTERN.exec(arn);
  return match ? { partition: match[1]!, region: match[2]! } : undefined;
}

/** The partition of a region this tool accepts (checkRegion): AWS GovCloud (US), or the standard one. */
export function partitionOf(region: string): string {
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}
