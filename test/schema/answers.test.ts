import { describe, expect, it } from 'vitest';
import {
  CertificateArnError,
  ClientIdError,
  GithubRepositoryError,
  DomainError,
  IacError,
  InvalidAnswersError,
  IssuerError,
  LambdaRuntimeError,
  MissingAnswersError,
  OriginError,
  PackageNameError,
  RegionError,
  ScopeError,
  ThrottlingLimitError,
  UserPoolIdError,
} from '../../src/errors.js';
import { FLAG_LABELS, TITLE_LABELS } from '../../src/schema/answers.js';
import { answersJsonSchema } from '../../src/schema/json-schema.js';
import { checkGivenAnswers, resolveFormAnswers, resolveWithoutPrompts } from '../../src/schema/given.js';
import {
  checkAnswer,
  checkAnswers,
  defaultPackageName,
  issuerOf,
  missingFields,
  parseAnswers,
  REQUIRED_FIELDS,
  withDerivedDefaults,
} from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

function parseError(input: Record<string, unknown>): InvalidAnswersError {
  try {
    parseAnswers({ ...EXAMPLE_INPUT, ...input });
  } catch (error) {
    if (error instanceof InvalidAnswersError) return error;
    throw error;
  }
  throw new Error('expected the answers to be refused');
}

describe('parseAnswers', () => {
  it('accepts the example answers and fills the defaults', () => {
    expect(parseAnswers(EXAMPLE_INPUT)).toEqual({
      ...EXAMPLE_INPUT,
      devOrigins: ['http://localhost:5173'],
      allowAnyOrigin: false,
      scopes: [],
      runtime: 'nodejs24.x',
      rateLimit: 100,
      burstLimit: 200,
    });
  });

  it('normalises origins: case, trailing slash, default port, duplicates, commas', () => {
    const answers = parseAnswers({
      ...EXAMPLE_INPUT,
      origins: ['https://App.Example.com/, https://app.example.com:443', 'https://admin.example.com/'],
      devOrigins: 'http://LOCALHOST:5173/, http://localhost:5173,https://dev.example.com:443',
    });
    expect(answers.origins).toEqual(['https://app.example.com', 'https://admin.example.com']);
    expect(answers.devOrigins).toEqual(['http://localhost:5173', 'https://dev.example.com']);
  });

  it.each([
    'http://localhost:5173',
    'https://localhost',
    'https://app.localhost:8443',
    'http://127.0.0.1:3000',
    'https://127.1.2.3',
    'http://[::1]:8080',
  ])('refuses the loopback origin %s for production, pointing to the dev origins', (origin) => {
    expect(() => parseAnswers({ ...EXAMPLE_INPUT, origins: ['https://app.example.com', origin] })).toThrow(
      /^--origins ".*" is a loopback origin, which the production environment does not allow\. Expected it in --dev-origins instead/,
    );
    expect(parseAnswers({ ...EXAMPLE_INPUT, devOrigins: origin }).devOrigins).toHaveLength(1);
  });

  it('gives dev the production pool and client unless it has its own, of the same region', () => {
    const own = parseAnswers({ ...EXAMPLE_INPUT, devUserPoolId: 'eu-west-1_Dev1', devClientId: 'devclient' });
    expect([own.devUserPoolId, own.devClientId]).toEqual(['eu-west-1_Dev1', 'devclient']);
    expect(() => parseAnswers({ ...EXAMPLE_INPUT, devUserPoolId: 'us-east-1_Dev1' })).toThrow(
      /--dev-user-pool-id "us-east-1_Dev1" is in region us-east-1 but --region is eu-west-1/,
    );
    expect(() => parseAnswers({ ...EXAMPLE_INPUT, devOrigins: '*' })).toThrow(/--dev-origins "\*" lets every website/);
  });

  it('refuses a dev pool of its own without a client of it, where the dev pool is given, not where the pool is', () => {
    const devPoolAlone = { ...EXAMPLE_INPUT, devUserPoolId: 'eu-west-1_Dev1' };
    expect(() => parseAnswers(devPoolAlone)).toThrow(/--dev-user-pool-id "eu-west-1_Dev1" needs --dev-client-id/);
    // The production pool itself, given again as the dev one, has the production client.
    expect(parseAnswers({ ...EXAMPLE_INPUT, devUserPoolId: EXAMPLE_INPUT.userPoolId }).devClientId).toBeUndefined();
    expect(checkAnswers(['devUserPoolId'], devPoolAlone).map((error) => error.field)).toEqual(['devClientId']);
    // A prompt for the production pool could not fix it: no question asks for the dev client.
    expect(checkAnswers(['userPoolId'], devPoolAlone)).toEqual([]);
  });

  it('splits and de-duplicates scopes', () => {
    expect(parseAnswers({ ...EXAMPLE_INPUT, scopes: 'orders-api/read, openid,orders-api/read' }).scopes).toEqual([
      'orders-api/read',
      'openid',
    ]);
  });

  it('refuses a pool id whose region differs from --region, naming both and the fix', () => {
    const error = parseError({ region: 'us-east-1', userPoolId: 'eu-west-1_AbC' });
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toBeInstanceOf(UserPoolIdError);
    expect(error.message).toBe(
      '--user-pool-id "eu-west-1_AbC" is in region eu-west-1 but --region is us-east-1. Expected the two to ' +
        'agree: --region eu-west-1 (or no --region: the pool id gives it), or a pool id that starts with "us-east-1_".',
    );
  });

  it('refuses "*" without --allow-any-origin', () => {
    const error = parseError({ origins: '*' });
    expect(error.errors[0]).toBeInstanceOf(OriginError);
    expect(error.message).toMatch(/^--origins "\*" lets every website call the API/);
    expect(error.message).toMatch(/set --allow-any-origin as well/);
  });

  it('keeps "*" alone when --allow-any-origin is given (ref #14)', () => {
    const answers = parseAnswers({ ...EXAMPLE_INPUT, origins: 'https://a.example.com,*', allowAnyOrigin: true });
    expect(answers.origins).toEqual(['*']);
  });

  it('refuses an empty origin list', () => {
    const error = parseError({ origins: ' , ' });
    expect(error.errors[0]).toBeInstanceOf(OriginError);
    expect(error.message).toMatch(/names no origin/);
  });

  it('reports every bad answer at once, each with its own error class, flag, value and example', () => {
    const error = parseError({
      name: 'Bad Name',
      region: 'useast1',
      userPoolId: 'nope',
      clientId: 'a b',
      origins: 'ftp://x',
      scopes: 'read',
      iac: 'pulumi',
      runtime: 'nodejs18.x',
    });
    expect(error.errors.map((e) => e.constructor)).toEqual([
      PackageNameError,
      RegionError,
      UserPoolIdError,
      ClientIdError,
      OriginError,
      IacError,
      ScopeError,
      LambdaRuntimeError,
    ]);
    expect(error.errors.map((e) => e.field)).toEqual([
      'name',
      'region',
      'userPoolId',
      'clientId',
      'origins',
      'iac',
      'scopes',
      'runtime',
    ]);
    expect(error.errors[1]!.message).toBe(
      '--region "useast1" is not an AWS region code. Expected a region code of AWS or AWS GovCloud (US), e.g. ' +
        '"eu-west-1" or "us-gov-west-1".',
    );
    expect(error.errors[5]!.message).toBe(
      '--iac "pulumi" is not one of cdk, terraform, sam. Expected one of them, e.g. --iac cdk.',
    );
    expect(error.errors[7]!.message).toMatch(/^--runtime "nodejs18.x" is not one of nodejs24.x, nodejs22.x/);
    for (const each of error.errors) expect(each.message).toMatch(/^--[a-z-]+ .*Expected .*/s);
  });
});

describe('one rule text, phrased by each front', () => {
  it('names answers by flag on the command line and by field title in a form, from the same rules', () => {
    const messages = (input: Record<string, unknown>, labels?: typeof FLAG_LABELS) => {
      try {
        parseAnswers({ ...EXAMPLE_INPUT, ...input }, labels);
      } catch (error) {
        return (error as InvalidAnswersError).errors.map((each) => each.message);
      }
      throw new Error('expected the answers to be refused');
    };
    // A rule across answers, a rule of one answer, and one of zod's own checks.
    const inputs = [{ region: 'us-east-1' }, { origins: 'https://a.example.com/app', iac: 'pulumi' }];
    const flags = inputs.flatMap((input) => messages(input));
    const titles = inputs.flatMap((input) => messages(input, TITLE_LABELS));
    expect(flags).toEqual(inputs.flatMap((input) => messages(input, FLAG_LABELS)));
    expect(titles).toEqual([
      'Cognito user pool ID "eu-west-1_AbCdEfGhI" is in region eu-west-1 but AWS region is us-east-1. Expected ' +
        'the two to agree: AWS region eu-west-1 (or no AWS region: the pool id gives it), or a pool id that ' +
        'starts with "us-east-1_".',
      expect.stringMatching(/^Production browser origins "https:\/\/a\.example\.com\/app" has the path "\/app"; /),
      'Infrastructure as code "pulumi" is not one of cdk, terraform, sam. Expected one of them, e.g. ' +
        'Infrastructure as code cdk.',
    ]);
    for (const message of titles) expect(message).not.toContain('--');
    // The same texts, each title in place of its flag.
    const fields = Object.keys(TITLE_LABELS) as Array<keyof typeof TITLE_LABELS>;
    const asFlags = (text: string) =>
      fields.reduce((out, field) => out.replaceAll(TITLE_LABELS[field], FLAG_LABELS[field]), text);
    expect(titles.map(asFlags)).toEqual(flags);
  });

  it("checks one answer with a front's labels too, as a form checks a field", () => {
    const [error] = checkAnswer('clientId', 'a b', {}, TITLE_LABELS);
    expect(error!.message).toMatch(/^Cognito app client ID "a b" is not a Cognito app client id\. Expected /);
  });
});

describe('resolveFormAnswers', () => {
  const { region: _region, ...form } = EXAMPLE_INPUT;

  it('takes the region from the pool id prefix, which the form asks for instead (ref #23)', () => {
    expect(resolveFormAnswers(form, TITLE_LABELS)).toEqual(parseAnswers(EXAMPLE_INPUT));
  });

  it('refuses a malformed pool id alone: the region it cannot give is not reported missing', () => {
    expect(() => resolveFormAnswers({ ...form, userPoolId: 'local_abc' }, TITLE_LABELS)).toThrow(
      new InvalidAnswersError([
        new UserPoolIdError(
          'userPoolId',
          'Cognito user pool ID "local_abc" is not a Cognito user pool id. Expected a Cognito user pool id ' +
            '"<region>_<id>", e.g. "eu-west-1_AbCdEfGhI".',
        ),
      ]),
    );
  });

  it("keeps a region given beside the pool id, and holds it to the pool's", () => {
    expect(() => resolveFormAnswers({ ...form, region: 'us-east-1' }, TITLE_LABELS)).toThrow(
      /^Cognito user pool ID "eu-west-1_AbCdEfGhI" is in region eu-west-1 but AWS region is us-east-1\./,
    );
  });
});

describe('--issuer (ref #2)', () => {
  const updated = `https://issuer-cognito-idp.eu-west-1.amazonaws.com/${EXAMPLE_INPUT.userPoolId}`;

  it('defaults to https://cognito-idp.<region>.amazonaws.com/<pool id>', () => {
    expect(issuerOf(parseAnswers(EXAMPLE_INPUT))).toBe(
      `https://cognito-idp.eu-west-1.amazonaws.com/${EXAMPLE_INPUT.userPoolId}`,
    );
  });

  it('accepts the newer issuer of the same pool', () => {
    expect(issuerOf(parseAnswers({ ...EXAMPLE_INPUT, issuer: updated }))).toBe(updated);
  });

  it('refuses the issuer of another pool, naming both forms of this one', () => {
    const error = parseError({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' });
    expect(error.errors[0]).toBeInstanceOf(IssuerError);
    expect(error.message).toMatch(
      /is not an issuer of user pool eu-west-1_AbCdEfGhI. Expected "https:\/\/cognito-idp\..*" or "https:\/\/issuer-cognito-idp\./,
    );
  });

  it.each([
    [`${updated}/`, /ends with "\/"/],
    ['http://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI', /is not a Cognito user pool issuer/],
    ['https://example.com/eu-west-1_AbCdEfGhI', /is not a Cognito user pool issuer/],
  ])('refuses %j', (issuer, problem) => {
    expect(parseError({ issuer }).message).toMatch(problem);
  });
});

describe('--github-repository', () => {
  it('is optional, and kept as given', () => {
    expect(parseAnswers(EXAMPLE_INPUT).githubRepository).toBeUndefined();
    expect(parseAnswers({ ...EXAMPLE_INPUT, githubRepository: 'Acme-Corp/orders.api_v2' }).githubRepository).toBe(
      'Acme-Corp/orders.api_v2',
    );
  });

  // The deploy roles' trust policies name it: a wildcard there would trust other repositories.
  it.each([
    ['acme/*', /is not a GitHub repository "<owner>\/<name>"/],
    ['*/orders-api', /is not a GitHub repository/],
    ['acme/orders-?', /is not a GitHub repository/],
    ['acme', /is not a GitHub repository/],
    ['acme/orders-api/extra', /is not a GitHub repository/],
    ['-acme/orders-api', /is not a GitHub repository/],
    ['acme/..', /names the repository "." or ".."/],
    ['https://github.com/acme/orders-api', /is a URL; only the repository's owner and name are meant/],
    ['acme/orders-api.git', /is a URL/],
  ])('refuses %j, naming the flag and the expected form', (githubRepository, problem) => {
    const error = parseError({ githubRepository });
    expect(error.errors[0]).toBeInstanceOf(GithubRepositoryError);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(`--github-repository ${JSON.stringify(githubRepository)}`);
    expect(error.message).toContain('Expected a GitHub repository "<owner>/<name>"');
  });

  it('is a form field with the same pattern', () => {
    const property = answersJsonSchema().properties.githubRepository;
    expect(new RegExp(property.pattern!).test('acme/orders-api')).toBe(true);
    expect(new RegExp(property.pattern!).test('acme/*')).toBe(false);
  });
});

describe('--rate-limit and --burst-limit (ref #27)', () => {
  it('take a whole number, or its digits as a flag gives them', () => {
    expect(parseAnswers({ ...EXAMPLE_INPUT, rateLimit: '500', burstLimit: 1000 })).toMatchObject({
      rateLimit: 500,
      burstLimit: 1000,
    });
    expect(parseAnswers({ ...EXAMPLE_INPUT, rateLimit: ' 1 ', burstLimit: 2147483647 })).toMatchObject({
      rateLimit: 1,
      burstLimit: 2147483647,
    });
  });

  it('refuse 0, which would answer every request with 429, naming the flag and the expected form', () => {
    const error = parseError({ burstLimit: 0 });
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toBeInstanceOf(ThrottlingLimitError);
    expect(error.errors[0]!.field).toBe('burstLimit');
    expect(error.message).toBe(
      '--burst-limit 0 is 0, which answers every request with 429 Too Many Requests. Expected a whole number of ' +
        'requests from 1 to 2147483647, e.g. 200.',
    );
  });

  it.each([
    ['-5', /^--rate-limit "-5" is not a whole number of requests\. Expected a whole number of requests per second/],
    [2.5, /^--rate-limit 2\.5 is not a whole number of requests\./],
    ['100rps', /^--rate-limit "100rps" is not a whole number of requests\./],
    ['', /^--rate-limit "" is not a whole number of requests\./],
    [2147483648, /^--rate-limit 2147483648 is more than 2147483647\./],
  ])('refuse %j', (rateLimit, message) => {
    const error = parseError({ rateLimit });
    expect(error.errors[0]).toBeInstanceOf(ThrottlingLimitError);
    expect(error.message).toMatch(message);
  });

  it('are whole numbers from 1 in a form, with the defaults filled in', () => {
    const { rateLimit, burstLimit } = answersJsonSchema().properties;
    expect(rateLimit).toMatchObject({ type: 'integer', minimum: 1, maximum: 2147483647, default: 100 });
    expect(burstLimit).toMatchObject({ type: 'integer', minimum: 1, maximum: 2147483647, default: 200 });
    expect(rateLimit.description).not.toMatch(/default/);
    expect(answersJsonSchema().required).not.toContain('rateLimit');
  });
});

describe('--domain and --certificate-arn', () => {
  const ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';

  it('are optional, and taken together: the domain normalised as DNS has it', () => {
    expect(parseAnswers(EXAMPLE_INPUT)).not.toHaveProperty('domain');
    expect(parseAnswers({ ...EXAMPLE_INPUT, domain: ' API.Example.com. ', certificateArn: ARN })).toMatchObject({
      domain: 'api.example.com',
      certificateArn: ARN,
    });
    // Other partitions' ARNs, in their own regions.
    const gov = 'arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';
    expect(
      parseAnswers({
        ...EXAMPLE_INPUT,
        region: 'us-gov-west-1',
        userPoolId: 'us-gov-west-1_Gov1',
        domain: 'api.agency.example',
        certificateArn: gov,
      }).certificateArn,
    ).toBe(gov);
  });

  it('refuse a domain without a certificate, and a certificate without a domain, naming the missing flag', () => {
    const noCertificate = parseError({ domain: 'api.example.com' });
    expect(noCertificate.errors).toHaveLength(1);
    expect(noCertificate.errors[0]).toBeInstanceOf(CertificateArnError);
    expect(noCertificate.message).toMatch(/^--domain "api\.example\.com" needs --certificate-arn as well: /);
    const noDomain = parseError({ certificateArn: ARN });
    expect(noDomain.errors[0]).toBeInstanceOf(DomainError);
    expect(noDomain.message).toMatch(/^--certificate-arn is given without --domain: .* or neither\.$/);
    // Reported before anything is asked or written, as every given value is.
    expect(() => checkGivenAnswers({ domain: 'api.example.com' })).toThrow(/needs --certificate-arn/);
  });

  it("refuse a certificate of another region than the API's, saying why (a regional domain)", () => {
    const error = parseError({ domain: 'api.example.com', certificateArn: ARN.replace('eu-west-1', 'us-east-1') });
    expect(error.errors[0]).toBeInstanceOf(CertificateArnError);
    expect(error.message).toMatch(/is a certificate in us-east-1 \(partition aws\) but --region is eu-west-1\./);
    expect(error.message).toMatch(/an HTTP API's custom domain is regional .* Request or import one in eu-west-1\.$/);
    const partition = parseError({ domain: 'api.example.com', certificateArn: ARN.replace('arn:aws:', 'arn:aws-cn:') });
    expect(partition.message).toMatch(/\(partition aws-cn\) but --region is eu-west-1\. Expected .* \(partition aws\)/);
  });

  it.each([
    ['https://api.example.com', /is a URL; the domain is the host name alone/],
    ['*.example.com', /is a wildcard; the API is mapped to one host name/],
    ['bücher.example', /give an internationalised name in its "xn--" form/],
    ['localhost', /is not a DNS host name/],
    ['10.0.0.1', /is not a DNS host name/],
    ['-api.example.com', /is not a DNS host name/],
    [`${'a'.repeat(64)}.example.com`, /is not a DNS host name/],
    [`${'a.'.repeat(127)}com`, /is longer than 253 characters/],
  ])('refuse the domain %j, naming the flag and the expected form', (domain, problem) => {
    const error = parseError({ domain, certificateArn: ARN });
    expect(error.errors[0]).toBeInstanceOf(DomainError);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain('Expected a host name of dot-separated labels');
  });

  it.each([
    ['arn:aws:iam::123456789012:role/x', /is not the ARN of an ACM certificate/],
    ['12345678-90ab-cdef-1234-567890abcdef', /is not an ARN/],
    [ARN.replace('123456789012', '1234'), /is not an ACM certificate ARN/],
    [ARN.replace('certificate/', 'certificate/x'), /is not an ACM certificate ARN/],
  ])('refuse the certificate ARN %j', (certificateArn, problem) => {
    const error = parseError({ domain: 'api.example.com', certificateArn });
    expect(error.errors[0]).toBeInstanceOf(CertificateArnError);
    expect(error.message).toMatch(problem);
  });

  it('reach forms as optional fields with the same patterns, and are never asked', () => {
    const { properties, required } = answersJsonSchema();
    expect(required).not.toContain('domain');
    expect(required).not.toContain('certificateArn');
    const domain = new RegExp(properties.domain.pattern!);
    expect(['api.example.com', 'xn--bcher-kva.example'].every((name) => domain.test(name))).toBe(true);
    expect(['*.example.com', '10.0.0.1', 'localhost'].some((name) => domain.test(name))).toBe(false);
    expect(new RegExp(properties.certificateArn.pattern!).test(ARN)).toBe(true);
    expect(new RegExp(properties.certificateArn.pattern!).test('arn:aws:iam::123456789012:role/x')).toBe(false);
    expect(TITLE_LABELS.certificateArn).toBe('Certificate ARN');
    expect(FLAG_LABELS.domain).toBe('--domain');
  });
});

describe('checkAnswer (one answer, as a prompt gives it)', () => {
  it('applies the cross-field rule once the other field is known', () => {
    expect(checkAnswer('userPoolId', 'eu-west-1_AbC', {})).toEqual([]);
    const [error] = checkAnswer('userPoolId', 'eu-west-1_AbC', { region: 'us-east-1' });
    expect(error).toBeInstanceOf(UserPoolIdError);
  });

  it('judges "*" with --allow-any-origin at its default (off)', () => {
    expect(checkAnswer('origins', '*')[0]).toBeInstanceOf(OriginError);
    expect(checkAnswer('origins', '*', { allowAnyOrigin: true })).toEqual([]);
  });

  it('returns every problem of a list answer', () => {
    expect(checkAnswer('origins', 'ftp://a,https://b.example.com/path')).toHaveLength(2);
  });
});

describe('checkGivenAnswers', () => {
  it('reports every problem, field and cross-field ones alike, in schema order', () => {
    const given = { origins: ['*'], clientId: 'bad client!', userPoolId: 'eu-west-1_AbC', region: 'us-east-1' };
    expect(() => checkGivenAnswers(given)).toThrow(InvalidAnswersError);
    try {
      checkGivenAnswers(given);
    } catch (error) {
      expect((error as InvalidAnswersError).errors.map((problem) => problem.field)).toEqual([
        'userPoolId',
        'clientId',
        'origins',
      ]);
    }
  });

  it('reports a cross-field problem once, though both fields were given', () => {
    expect(() => checkGivenAnswers({ region: 'us-east-1', userPoolId: 'eu-west-1_AbC' })).toThrow(InvalidAnswersError);
    try {
      checkGivenAnswers({ region: 'us-east-1', userPoolId: 'eu-west-1_AbC' });
    } catch (error) {
      expect((error as InvalidAnswersError).errors).toHaveLength(1);
    }
  });
});

describe('defaults and requirements', () => {
  it('requires region, pool id, client id and origins; everything else has a default', () => {
    expect(REQUIRED_FIELDS).toEqual(['region', 'userPoolId', 'clientId', 'origins']);
  });

  it('takes the package name from the target folder, made valid', () => {
    expect(defaultPackageName('/tmp/My Service')).toBe('my-service');
    expect(defaultPackageName('Orders_API.v2')).toBe('orders-api-v2');
    expect(defaultPackageName('/')).toBe('cognito-jwt-api');
    expect(defaultPackageName('/tmp/Über Café')).toBe('uber-cafe');
    expect(defaultPackageName('København Straße')).toBe('kobenhavn-strasse');
    expect(defaultPackageName('Ærø')).toBe('aero');
    expect(defaultPackageName('--svc--')).toBe('svc');
    expect(defaultPackageName('.hidden')).toBe('hidden');
    expect(defaultPackageName('服务')).toBe('cognito-jwt-api');
  });

  it('refuses the package names npm reserves', () => {
    for (const name of ['node_modules', 'favicon.ico']) {
      expect(() => parseAnswers({ ...EXAMPLE_INPUT, name })).toThrow(/--name "[^"]+" is a name npm reserves/);
    }
  });

  it('takes the region from the pool id prefix when --region is not given (ref #23)', () => {
    const filled = withDerivedDefaults({ userPoolId: 'ap-southeast-2_Xyz' }, '/tmp/svc');
    expect(filled).toMatchObject({ region: 'ap-southeast-2', name: 'svc' });
    expect(missingFields(filled)).toEqual(['clientId', 'origins']);
  });

  it('lists every missing flag of a non-interactive run in one error, with an example command', () => {
    expect(() => resolveWithoutPrompts({ clientId: 'abc' }, 'svc')).toThrow(MissingAnswersError);
    try {
      resolveWithoutPrompts({ clientId: 'abc' }, 'svc');
    } catch (error) {
      // --region is left out of the list: the pool id, once given, brings it.
      expect((error as MissingAnswersError).flags).toEqual(['--user-pool-id', '--origins']);
      expect((error as Error).message).toMatch(
        /^Missing --user-pool-id, --origins \(a non-interactive run never prompts; --region, when left out, is the one in the pool id\)/,
      );
      expect((error as Error).message).toMatch(/npm create cognito-jwt-api@latest my-service -- --region eu-west-1 /);
    }
  });

  it('says nothing of --region when it is given', () => {
    expect(() => resolveWithoutPrompts({ region: 'eu-west-1', clientId: 'abc' }, 'svc')).toThrow(
      /^Missing --user-pool-id, --origins \(a non-interactive run never prompts\)\. /,
    );
  });

  it('derives the issuer exactly: https, region, pool id, no trailing slash (ref #2)', () => {
    expect(issuerOf({ region: 'us-gov-west-1', userPoolId: 'us-gov-west-1_Abc' })).toBe(
      'https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_Abc',
    );
  });
});
