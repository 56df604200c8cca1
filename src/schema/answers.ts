/**
 * src/schema/, the lowest layer: what a valid answer or route is. It imports no other layer.
 *
 * The answers schema: the single source of truth for every answer, its rules, its defaults and
 * its help text. Flags, prompts and the renderer's input all derive from it.
 */
// zod/mini: the same schemas as zod's classic API, in a fraction of the start-up time.
import * as z from 'zod/mini';
import {
  certificateLocation,
  checkCertificateArn,
  checkClientId,
  checkGithubRepository,
  checkIssuer,
  checkPackageName,
  checkRegion,
  checkScope,
  checkUserPoolId,
  expectations,
  flagOf,
  normaliseDomain,
  isLoopbackOrigin,
  normaliseOrigin,
  parseThrottlingLimit,
  partitionOf,
  problemMessage,
  issuersOf,
  regionOfUserPool,
  splitList,
  type FieldLabels,
  type Phrasing,
} from './rules.js';

export const IAC_FLAVOURS = ['cdk', 'terraform', 'sam'] as const;
/**
 * The environments every project deploys from one codebase, each on its own (its own stack, state
 * or configuration); the last is production, whose origins the schema keeps free of loopback ones.
 */
export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];
export const PRODUCTION_ENVIRONMENT: EnvironmentName = 'prod';
/**
 * Throttling of the API's `$default` stage when none is given: a steady 100 requests per second,
 * bursts of 200. API Gateway's own account-wide default (10,000 and 5,000) lets one caller spend a
 * whole account's quota; these are the limits of a service that has not measured its load yet.
 */
export const DEFAULT_RATE_LIMIT = 100;
export const DEFAULT_BURST_LIMIT = 200;
/** Answers given as whole numbers (flags and forms may give their digits as text). */
export const INTEGER_FIELDS = ['rateLimit', 'burstLimit'] as const;
/** Lambda Node.js runtimes that aws-cdk-lib, the Terraform AWS provider (>= 6.20) and SAM all accept. */
export const LAMBDA_RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const;

/**
 * The issue of a broken rule. Its `phrase` names the answers with the labels of the front that
 * reports it (parse.ts); zod's own message is the command line's phrasing.
 */
function ruleIssue(phrase: AnswerPhrasing) {
  return { code: 'custom' as const, message: phrase(FLAG_LABELS), params: { phrase } };
}

/** A string answer checked by one rule; the problem text becomes the issue message. */
function checked(field: keyof typeof expectations, check: (value: string) => string | undefined) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      const problem = check(value);
      if (problem) ctx.addIssue(ruleIssue(problemMessage(field, value, problem, expectations[field])));
    }),
  );
}

/** Title, description and examples, for prompts, help and JSON Schema. */
interface FieldMeta {
  title: string;
  description: string;
  examples?: string[];
}

function described<T extends z.ZodMiniType>(schema: T, meta: FieldMeta): T {
  z.globalRegistry.add(schema, { ...meta });
  return schema;
}

/** A list answer: comma-separated string or repeated values, each checked and normalised. */
function checkedList(
  field: 'origins' | 'devOrigins' | 'scopes',
  normalise: (item: string) => { value: string } | { problem: string },
) {
  return z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((raw: string | string[], ctx) => {
      const values: string[] = [];
      for (const item of splitList(raw)) {
        const result = normalise(item);
        if ('problem' in result) {
          ctx.issues.push({
            ...ruleIssue(problemMessage(field, item, result.problem, expectations[field])),
            input: item,
          });
        } else if (!values.includes(result.value)) {
          values.push(result.value);
        }
      }
      return values;
    }),
  );
}

/** A list of origins, at least one; `field` names it in messages. */
function originList(field: 'origins' | 'devOrigins') {
  return checkedList(field, (item) => {
    const result = normaliseOrigin(item);
    return 'origin' in result ? { value: result.origin } : result;
  }).check(
    z.superRefine((value, ctx) => {
      if (value.length === 0) {
        ctx.addIssue(ruleIssue(problemMessage(field, '', 'names no origin', `at least one of ${expectations[field]}`)));
      }
    }),
  );
}

/**
 * The production environment's origins: never this machine's. A page on localhost may be served
 * by any local process; only the dev environment lets one call the API.
 */
const origins = originList('origins').check(
  z.superRefine((value, ctx) => {
    for (const origin of value.filter(isLoopbackOrigin)) {
      ctx.addIssue({
        ...ruleIssue(
          (label) =>
            `${label.origins} ${JSON.stringify(origin)} is a loopback origin, which the production environment ` +
            `does not allow. Expected it in ${label.devOrigins} instead (the dev environment's origins), and in ` +
            `${label.origins} the origins of the deployed front end, e.g. "https://app.example.com".`,
        ),
        input: origin,
      });
    }
  }),
);

/** What the dev environment allows when no dev origin is given: a local front-end dev server (Vite's port). */
export const DEFAULT_DEV_ORIGIN = 'http://localhost:5173';

/** A throttling limit: a whole number, or its digits as flags and forms give it. */
function throttlingLimit(field: (typeof INTEGER_FIELDS)[number]) {
  return z.pipe(
    z.union([z.number(), z.string()]),
    z.transform((raw: number | string, ctx) => {
      const result = parseThrottlingLimit(raw);
      if ('value' in result) return result.value;
      ctx.issues.push({ ...ruleIssue(problemMessage(field, raw, result.problem, expectations[field])), input: raw });
      return z.NEVER;
    }),
  );
}

/** The custom domain: a host name, normalised as API Gateway and DNS take it (rules.ts). */
const domain = z.pipe(
  z.string(),
  z.transform((raw: string, ctx) => {
    const result = normaliseDomain(raw);
    if ('value' in result) return result.value;
    ctx.issues.push({ ...ruleIssue(problemMessage('domain', raw, result.problem, expectations.domain)), input: raw });
    return z.NEVER;
  }),
);

const scopes = checkedList('scopes', (item) => {
  const problem = checkScope(item);
  return problem ? { problem } : { value: item };
});

export const AnswersFields = z.object({
  name: described(checked('name', checkPackageName), {
    title: 'Package name',
    description: 'npm package name of the generated service (default: the target folder name)',
    examples: ['orders-api'],
  }),
  region: described(checked('region', checkRegion), {
    title: 'AWS region',
    description: 'AWS region of the user pool and the API',
    examples: ['eu-west-1'],
  }),
  userPoolId: described(checked('userPoolId', checkUserPoolId), {
    title: 'Cognito user pool ID',
    description: 'ID of the user pool whose tokens the API accepts (its prefix is its region)',
    examples: ['eu-west-1_AbCdEfGhI'],
  }),
  clientId: described(checked('clientId', checkClientId), {
    title: 'Cognito app client ID',
    description: 'App client the browser app signs in with; the authorizer audience',
    examples: ['1example23456789abcdefghij'],
  }),
  origins: described(origins, {
    title: 'Production browser origins',
    description:
      'Origins allowed to call the production API from a browser (comma-separated; no localhost: see dev origins)',
    examples: ['https://app.example.com'],
  }),
  devOrigins: described(z._default(originList('devOrigins'), [DEFAULT_DEV_ORIGIN]), {
    title: 'Dev browser origins',
    description:
      'Origins allowed to call the dev API and npm run dev from a browser ' +
      `(comma-separated; default ${DEFAULT_DEV_ORIGIN})`,
    examples: ['http://localhost:5173,https://dev.app.example.com'],
  }),
  devUserPoolId: described(z.optional(checked('devUserPoolId', checkUserPoolId)), {
    title: 'Dev user pool ID',
    description: "The dev environment's own user pool, with an app client of it (default: the production one)",
    examples: ['eu-west-1_DeVeLoPmEn'],
  }),
  devClientId: described(z.optional(checked('devClientId', checkClientId)), {
    title: 'Dev app client ID',
    description: "The dev environment's own app client (default: the production one)",
    examples: ['1dev23456789abcdefghijklmn'],
  }),
  allowAnyOrigin: described(z._default(z.boolean(), false), {
    title: 'Allow any origin',
    description: 'Accept "*" in --origins (any website may call the API; credentials stay off)',
  }),
  iac: described(z._default(z.enum(IAC_FLAVOURS), 'cdk'), {
    title: 'Infrastructure as code',
    description: 'How the API is deployed',
  }),
  scopes: described(z._default(scopes, []), {
    title: 'OAuth scopes',
    description:
      'Protected routes admit a token carrying any one of these scopes (comma-separated; empty for no scope check)',
    examples: ['orders-api/read'],
  }),
  runtime: described(z._default(z.enum(LAMBDA_RUNTIMES), LAMBDA_RUNTIMES[0]), {
    title: 'Lambda runtime',
    description: 'Node.js runtime of the Lambda functions',
  }),
  rateLimit: described(z._default(throttlingLimit('rateLimit'), DEFAULT_RATE_LIMIT), {
    title: 'Rate limit',
    description: `Requests per second the API serves on average before answering 429 (default ${DEFAULT_RATE_LIMIT})`,
    examples: ['500'],
  }),
  burstLimit: described(z._default(throttlingLimit('burstLimit'), DEFAULT_BURST_LIMIT), {
    title: 'Burst limit',
    description: `Requests the API takes at once above the rate limit (default ${DEFAULT_BURST_LIMIT})`,
    examples: ['1000'],
  }),
  issuer: described(z.optional(checked('issuer', checkIssuer)), {
    title: 'Token issuer',
    description:
      'Only for pools that emit https://issuer-cognito-idp.<region>.amazonaws.com/<pool id> (--verify tells)',
    examples: ['https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI'],
  }),
  githubRepository: described(z.optional(checked('githubRepository', checkGithubRepository)), {
    title: 'GitHub repository',
    description:
      'owner/name of the repository that deploys the API: adds the deploy workflow and the role it assumes ' +
      "through GitHub's OIDC provider, trusted by this repository alone",
    examples: ['acme/orders-api'],
  }),
  domain: described(z.optional(domain), {
    title: 'Custom domain',
    description: 'Host name to serve the API at, besides its execute-api URL; needs a certificate ARN',
    examples: ['api.example.com'],
  }),
  certificateArn: described(z.optional(checked('certificateArn', checkCertificateArn)), {
    title: 'Certificate ARN',
    description: "ACM certificate of the custom domain, in the API's region",
    // Its id in full would not fit a line of --help; the expected form in messages gives a whole ARN.
    examples: ['arn:aws:acm:eu-west-1:123456789012:certificate/<id>'],
  }),
});

export type AnswersInput = z.input<typeof AnswersFields>;
export type AnswerField = keyof typeof AnswersFields.shape;
export const ANSWER_FIELDS = Object.keys(AnswersFields.shape) as AnswerField[];

/** A field's title, description and examples. */
export function metaOf(field: AnswerField): FieldMeta {
  return z.globalRegistry.get(AnswersFields.shape[field]) as FieldMeta;
}
/** How a front names the answers in messages (see `FieldLabels`). */
export type AnswerLabels = FieldLabels<AnswerField>;
/** A message about answers, phrased with a front's labels. */
export type AnswerPhrasing = Phrasing<AnswerField>;
/** The command line's labels: each answer by its flag, e.g. `--user-pool-id`. */
export const FLAG_LABELS: AnswerLabels = Object.fromEntries(
  ANSWER_FIELDS.map((field) => [field, flagOf(field)]),
) as AnswerLabels;
/** A form's labels: each answer by its field title, e.g. "Cognito user pool ID", as template.yaml shows it. */
export const TITLE_LABELS: AnswerLabels = Object.fromEntries(
  ANSWER_FIELDS.map((field) => [field, metaOf(field).title]),
) as AnswerLabels;

/** Partial answers as flags, options or prompts give them, before parsing. */
export type GivenAnswers = Partial<Record<AnswerField, unknown>>;

/**
 * Rules that involve more than one answer. Each names the field it reports on and the fields it
 * reads; prompts run a rule as soon as those fields are known. A broken rule returns its message
 * unphrased: each front names the answers with its own labels.
 */
interface CrossFieldRule {
  field: AnswerField;
  needs: readonly AnswerField[];
  check(answers: z.output<typeof AnswersFields>): AnswerPhrasing | undefined;
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    field: 'userPoolId',
    needs: ['userPoolId', 'region'],
    check({ userPoolId, region }) {
      const poolRegion = regionOfUserPool(userPoolId);
      if (poolRegion === undefined || poolRegion === region) return undefined;
      return (label) =>
        `${label.userPoolId} ${JSON.stringify(userPoolId)} is in region ${poolRegion} but ${label.region} is ` +
        `${region}. ` +
        `Expected the two to agree: ${label.region} ${poolRegion} (or no ${label.region}: the pool id gives it), ` +
        `or a pool id that starts with "${region}_".`;
    },
  },
  {
    field: 'issuer',
    needs: ['issuer', 'region', 'userPoolId'],
    check({ issuer, region, userPoolId }) {
      const forms = issuersOf(region, userPoolId);
      if (issuer === undefined || forms.includes(issuer)) return undefined;
      return (label) =>
        `${label.issuer} ${JSON.stringify(issuer)} is not an issuer of user pool ${userPoolId}. Expected ` +
        `${forms.map((form) => `"${form}"`).join(' or ')}.`;
    },
  },
  ...(['origins', 'devOrigins'] as const).map(
    (field): CrossFieldRule => ({
      field,
      needs: [field, 'allowAnyOrigin'],
      check(answers) {
        if (!answers[field].includes('*') || answers.allowAnyOrigin) return undefined;
        return (label) =>
          `${label[field]} "*" lets every website call the API with its users' tokens. ` +
          `Expected ${expectations[field]}; set ${label.allowAnyOrigin} as well if any origin is really meant.`;
      },
    }),
  ),
  {
    field: 'devUserPoolId',
    needs: ['devUserPoolId', 'region'],
    check({ devUserPoolId, region }) {
      const poolRegion = devUserPoolId && regionOfUserPool(devUserPoolId);
      if (!poolRegion || poolRegion === region) return undefined;
      return (label) =>
        `${label.devUserPoolId} ${JSON.stringify(devUserPoolId)} is in region ${poolRegion} but ${label.region} is ` +
        `${region}. Expected a pool of the API's region, whose id starts with "${region}_".`;
    },
  },
  // An app client belongs to one pool, and a pool accepts tokens of its own clients only: a dev
  // environment with a pool of its own needs a client of that pool. Checked where the dev pool is
  // given (flags, forms), not at a prompt for the production pool, which could not fix it.
  {
    field: 'devClientId',
    needs: ['devUserPoolId'],
    check({ devUserPoolId, devClientId, userPoolId }) {
      if (devUserPoolId === undefined || devUserPoolId === userPoolId || devClientId !== undefined) return undefined;
      return (label) =>
        `${label.devUserPoolId} ${JSON.stringify(devUserPoolId)} needs ${label.devClientId} as well: the production ` +
        `app client (${label.clientId}) is one of ${userPoolId}, and ${devUserPoolId} accepts tokens of its own ` +
        `clients only. Expected ${expectations.devClientId}.`;
    },
  },
  // A custom domain and its certificate go together: a domain name needs a certificate to serve TLS,
  // and a certificate serves no domain by itself.
  {
    field: 'certificateArn',
    needs: ['domain'],
    check({ domain, certificateArn }) {
      if (domain === undefined || certificateArn !== undefined) return undefined;
      return (label) =>
        `${label.domain} ${JSON.stringify(domain)} needs ${label.certificateArn} as well: API Gateway serves a ` +
        `custom domain with an ACM certificate that covers it. Expected ${expectations.certificateArn}.`;
    },
  },
  {
    field: 'domain',
    needs: ['certificateArn'],
    check({ domain, certificateArn }) {
      if (certificateArn === undefined || domain !== undefined) return undefined;
      return (label) =>
        `${label.certificateArn} is given without ${label.domain}: the certificate serves the custom domain. ` +
        `Expected ${label.domain} as well, ${expectations.domain}, or neither.`;
    },
  },
  {
    field: 'certificateArn',
    needs: ['certificateArn', 'region'],
    check({ certificateArn, region }) {
      const location = certificateArn === undefined ? undefined : certificateLocation(certificateArn);
      if (!location || (location.region === region && location.partition === partitionOf(region))) return undefined;
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
      return (label) =>
        `${label.certificateArn} ${JSON.stringify(certificateArn)} is a certificate in ${location.region} ` +
        `(partition ${location.partition}) but ${label.region} is ${region}. Expected a certificate of ACM in ` +
        `${region} (partition ${partitionOf(region)}): an HTTP API's custom domain is regional (edge-optimized ` +
        `ones, whose certificates live in us-east-1, are for REST APIs), and a regional domain takes only a ` +
        `certificate of its own region. Request or import one in ${region}.`;
    },
  },
];

export const AnswersSchema = z.pipe(
  AnswersFields.check(
    z.superRefine((answers, ctx) => {
      for (const rule of CROSS_FIELD_RULES) {
        const phrase = rule.check(answers);
        if (phrase) ctx.addIssue({ ...ruleIssue(phrase), path: [rule.field] });
      }
    }),
  ),
  z.transform((answers: z.output<typeof AnswersFields>) => ({
    ...answers,
    // "*" covers every other origin; keep it alone (ref #14: never with credentials).
    origins: answers.origins.includes('*') ? ['*'] : answers.origins,
    devOrigins: answers.devOrigins.includes('*') ? ['*'] : answers.devOrigins,
  })),
);

export type Answers = z.output<typeof AnswersSchema>;
