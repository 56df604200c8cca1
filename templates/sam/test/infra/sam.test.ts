/**
 * template.yaml, parsed without the SAM CLI: the security invariants, and the routes,
 * authorizer and CORS settings equal to src/api.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  auth,
  cors,
  type EnvironmentName,
  environments,
  preflight,
  production,
  routes,
  runtime,
  throttling,
} from '../../src/api';
import { corsEnvironment } from '../../src/lib/cors';
import { accessLogFields, REQUIRED_ACCESS_LOG_VARIABLES, SECRET_VARIABLE } from './access-log';
import { loadSamTemplate, type Node, samconfigParameters } from './sam-template';

const sam = loadSamTemplate(fileURLToPath(new URL('../../template.yaml', import.meta.url)));
const [[, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
const functions = sam.resources('AWS::Serverless::Function');
const events: Node[] = functions.flatMap(([, fn]) =>
  Object.values(fn.Properties.Events as Record<string, Node>).map((event) => ({
    ...event,
    entry: fn.Metadata.BuildProperties.EntryPoints,
  })),
);
const samconfig = readFileSync(new URL('../../samconfig.toml', import.meta.url), 'utf8');
/** The production environment: what the parameters default to. */
const deployed = environments[production];
const handlerOf = (entryPoints: string[]) => /src\/handlers\/(\w[\w-]*)\.ts$/.exec(entryPoints[0]!)?.[1];

describe('parameters', () => {
  it("default to the values of src/api.ts, the production environment's", () => {
    expect(sam.resolve({ Ref: 'UserPoolId' })).toBe(deployed.userPoolId);
    expect(sam.resolve({ Ref: 'ClientId' })).toBe(deployed.audience[0]);
    expect(sam.resolve({ Ref: 'AllowedOrigins' })).toEqual(deployed.allowOrigins);
  });

  it('carry patterns that refuse malformed ids and origins', () => {
    const { UserPoolId, ClientId, AllowedOrigins } = sam.template.Parameters;
    expect(new RegExp(UserPoolId.AllowedPattern).test('eu-west-1_AbC')).toBe(true);
    expect(new RegExp(UserPoolId.AllowedPattern).test('local_abc')).toBe(false);
    expect(new RegExp(ClientId.AllowedPattern).test('has space')).toBe(false);
    expect(new RegExp(AllowedOrigins.AllowedPattern).test('https://app.example.com/path')).toBe(false);
    expect(new RegExp(AllowedOrigins.AllowedPattern).test('http://app.example.com')).toBe(false);
  });
});

describe('authorizer', () => {
  it('is the default, trusting exactly the pool issuer and the app client', () => {
    const { DefaultAuthorizer, Authorizers } = api.Properties.Auth;
    const authorizer = Authorizers[DefaultAuthorizer];
    expect(Object.keys(Authorizers)).toEqual([DefaultAuthorizer]);
    expect(authorizer.IdentitySource).toBe(auth.identitySource);
    expect(sam.resolve(authorizer.JwtConfiguration.issuer)).toBe(deployed.issuer);
    expect(sam.resolve(authorizer.JwtConfiguration.audience)).toEqual([...deployed.audience]);
  });
});

describe('environments', () => {
  const LOOPBACK = /^https?:\/\/(?:localhost|[^/]*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;

  it.each(Object.keys(environments) as EnvironmentName[])(
    'deploy %s from its own section of samconfig.toml, with its own pool, client and origins',
    (name) => {
      const parameters = samconfigParameters(samconfig, name);
      const { issuer, audience, allowOrigins } = environments[name];
      const { Auth, CorsConfiguration } = api.Properties;
      const { JwtConfiguration } = Auth.Authorizers[Auth.DefaultAuthorizer];
      expect(parameters.Environment).toBe(name);
      expect(sam.resolve(JwtConfiguration.issuer, parameters)).toBe(issuer);
      expect(sam.resolve(JwtConfiguration.audience, parameters)).toEqual([...audience]);
      expect(sam.resolve(CorsConfiguration.AllowOrigins, parameters)).toEqual([...allowOrigins]);
      expect(samconfig).toContain(`[${name}.global.parameters]`);
    },
  );

  it('let no page on this machine (localhost, 127.0.0.0/8, [::1]) call production', () => {
    for (const origin of samconfigParameters(samconfig, production).AllowedOrigins!)
      expect(origin).not.toMatch(LOOPBACK);
  });
});

describe('routes', () => {
  it('are the routes of src/api.ts and the preflight routes, each on its handler', () => {
    const declared = events.map(
      (event) => `${event.Properties.Method} ${event.Properties.Path} -> ${handlerOf(event.entry)}`,
    );
    const expected = [
      ...preflight.paths.map((path) => `OPTIONS ${path} -> ${preflight.handler}`),
      ...routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`),
    ];
    expect(declared.sort()).toEqual(expected.sort());
    for (const event of events) expect(event.Type).toBe('HttpApi');
  });

  it('leave OPTIONS without an authorizer', () => {
    for (const event of events.filter((candidate) => candidate.Properties.Method === 'OPTIONS')) {
      expect(event.Properties.Auth).toEqual({ Authorizer: 'NONE' });
    }
  });

  it('put the JWT authorizer and its scopes on every other route', () => {
    for (const event of events.filter((candidate) => candidate.Properties.Method !== 'OPTIONS')) {
      const route = routes.find(
        (candidate) => candidate.method === event.Properties.Method && candidate.path === event.Properties.Path,
      );
      expect(event.Properties.Auth.Authorizer).toBe(api.Properties.Auth.DefaultAuthorizer);
      expect(event.Properties.Auth.AuthorizationScopes ?? []).toEqual([...(route?.scopes ?? auth.scopes)]);
    }
  });
});

describe('API and functions', () => {
  it('has CORS equal to src/api.ts and no credentials', () => {
    expect(sam.resolve(api.Properties.CorsConfiguration)).toEqual({
      AllowOrigins: deployed.allowOrigins,
      AllowMethods: cors.allowMethods,
      AllowHeaders: cors.allowHeaders,
      MaxAge: cors.maxAge,
      AllowCredentials: false,
    });
  });

  it('deploys the $default stage', () => {
    expect(api.Properties.StageName).toBe('$default');
  });

  it('throttles every route with both limits of src/api.ts, each above 0', () => {
    const { ThrottlingRateLimit, ThrottlingBurstLimit } = api.Properties.DefaultRouteSettings;
    expect({ rateLimit: ThrottlingRateLimit, burstLimit: ThrottlingBurstLimit }).toEqual(throttling);
    expect(ThrottlingRateLimit).toBeGreaterThan(0);
    expect(ThrottlingBurstLimit).toBeGreaterThan(0);
  });

  it('logs every request as a JSON line that tells why it failed, never the token, for a bounded time', () => {
    const { DestinationArn, Format } = api.Properties.AccessLogSettings;
    const variables = Object.values(accessLogFields(Format));
    expect(variables).toEqual(expect.arrayContaining(REQUIRED_ACCESS_LOG_VARIABLES));
    for (const variable of variables) expect(variable).not.toMatch(SECRET_VARIABLE);
    const group = sam.template.Resources[DestinationArn['Fn::GetAtt'][0]];
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('bundles each function with esbuild and runs it on the chosen runtime', () => {
    expect(sam.template.Globals.Function.Runtime).toBe(runtime);
    for (const [id, fn] of functions) {
      expect(fn.Metadata.BuildMethod, id).toBe('esbuild');
      expect(fn.Properties.Handler, id).toBe(`${handlerOf(fn.Metadata.BuildProperties.EntryPoints)}.handler`);
    }
  });

  it("gives the functions production's CORS policy (the defaults) under the names src/lib/cors.ts reads", () => {
    expect(sam.resolve(sam.template.Globals.Function.Environment.Variables)).toEqual(
      corsEnvironment({ ...cors, allowOrigins: deployed.allowOrigins }),
    );
  });

  it("keeps each function's logs for a bounded time", () => {
    for (const [name, fn] of functions) {
      const group = sam.template.Resources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(group.Properties.RetentionInDays, name).toBeGreaterThan(0);
    }
  });

  it('lets each function write its own logs and do nothing else', () => {
    for (const [name, fn] of functions) {
      // Each function names its own role and log group, as MeFunction does.
      expect(fn.Properties.Role, name).toMatchObject({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
      expect(fn.Properties.LoggingConfig?.LogGroup, name).toMatchObject({ Ref: expect.any(String) });
      const role = sam.template.Resources[fn.Properties.Role['Fn::GetAtt'][0]];
      const logs = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(role.Type).toBe('AWS::IAM::Role');
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const statements = role.Properties.Policies.flatMap((policy: Node) => policy.PolicyDocument.Statement);
      expect(statements).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logs, 'Arn'] },
        },
      ]);
      expect(sam.template.Resources[logs].Type).toBe('AWS::Logs::LogGroup');
    }
  });
});

describe('custom domain', () => {
  const { Parameters, Conditions, Outputs } = sam.template;

  it('is none unless DomainName is given (empty by default), and then needs CertificateArn', () => {
    expect(Parameters.DomainName.Default).toBe('');
    expect(Parameters.CertificateArn.Default).toBe('');
    expect(Conditions.HasCustomDomain).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'DomainName' }, ''] }] });
    expect(new RegExp(Parameters.DomainName.AllowedPattern).test('')).toBe(true);
    expect(new RegExp(Parameters.DomainName.AllowedPattern).test('https://api.example.com')).toBe(false);
    expect(new RegExp(Parameters.CertificateArn.AllowedPattern).test('arn:aws:iam::123456789012:role/x')).toBe(false);
    expect(JSON.stringify(sam.template.Rules)).toContain('CertificateArn');
  });

  it('is regional, TLS 1.2, mapped to the $default stage, with its DNS target as outputs', () => {
    const [[domainId, domain]] = sam.resources('AWS::ApiGatewayV2::DomainName') as [[string, Node]];
    const [[, mapping]] = sam.resources('AWS::ApiGatewayV2::ApiMapping') as [[string, Node]];
    expect(domain.Condition).toBe('HasCustomDomain');
    expect(domain.Properties.DomainNameConfigurations).toEqual([
      { CertificateArn: { Ref: 'CertificateArn' }, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
    ]);
    expect(mapping).toMatchObject({
      Condition: 'HasCustomDomain',
      Properties: { ApiId: { Ref: 'HttpApi' }, DomainName: { Ref: domainId }, Stage: '$default' },
    });
    // The stage SAM makes for StageName $default.
    expect(mapping.DependsOn).toBe('HttpApiApiGatewayDefaultStage');
    expect(Outputs.CustomDomainTarget).toMatchObject({
      Condition: 'HasCustomDomain',
      Value: { 'Fn::GetAtt': [domainId, 'RegionalDomainName'] },
    });
  });
});
