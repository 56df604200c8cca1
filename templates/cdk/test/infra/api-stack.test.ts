/**
 * Security invariants of the synthesized CloudFormation template: what API Gateway will really
 * enforce, checked against the definition in src/api.ts. The production stack throughout; each
 * environment's own values at the end.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auth,
  cors,
  type EnvironmentName,
  environments,
  preflight,
  production,
  region,
  routes,
  runtime,
  throttling,
} from '../../src/api';
import { accessLogFields, REQUIRED_ACCESS_LOG_VARIABLES, SECRET_VARIABLE } from './access-log';
import { synthesizeTemplate } from './route-table';

type Resource = { Properties: Record<string, any> };

let template: Template;
const resources = (type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);

beforeAll(() => {
  template = synthesizeTemplate();
});

describe('template', () => {
  it('passes the CloudFormation template validation built into CDK: schema and common misconfigurations', () => {
    // CDK's built-in validation, with its errors failing the synthesis as cdk.json has it for `cdk synth`.
    expect(() => synthesizeTemplate({ validate: true })).not.toThrow();
  });
});

describe('JWT authorizer', () => {
  it('trusts exactly the user pool issuer and the app client id', () => {
    const authorizers = resources('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]![1].Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: [auth.identitySource],
      JwtConfiguration: {
        Issuer: environments[production].issuer,
        Audience: [...environments[production].audience],
      },
    });
  });
});

describe('routes', () => {
  const routeKeys = () => resources('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);

  it('has exactly the routes of src/api.ts and the preflight routes', () => {
    const expected = [
      ...preflight.paths.map((path) => `OPTIONS ${path}`),
      ...routes.map((route) => `${route.method} ${route.path}`),
    ];
    expect(routeKeys().sort()).toEqual(expected.sort());
  });

  it('puts the JWT authorizer on every route but OPTIONS, with the scopes of each route', () => {
    const authorizerId = resources('AWS::ApiGatewayV2::Authorizer')[0]![0];
    for (const [, route] of resources('AWS::ApiGatewayV2::Route')) {
      const { RouteKey, AuthorizationType, AuthorizerId, AuthorizationScopes } = route.Properties;
      if (RouteKey.startsWith('OPTIONS ')) continue;
      const definition = routes.find((candidate) => `${candidate.method} ${candidate.path}` === RouteKey);
      const scopes = definition?.scopes ?? auth.scopes;
      expect(AuthorizationType, RouteKey).toBe('JWT');
      expect(AuthorizerId, RouteKey).toEqual({ Ref: authorizerId });
      expect(AuthorizationScopes ?? [], RouteKey).toEqual([...scopes]);
    }
  });

  it('leaves OPTIONS routes without an authorizer, so preflights carry no token', () => {
    const options = resources('AWS::ApiGatewayV2::Route').filter(([, route]) =>
      route.Properties.RouteKey.startsWith('OPTIONS '),
    );
    expect(options.map(([, route]) => route.Properties.RouteKey)).toContain('OPTIONS /{proxy+}');
    for (const [, route] of options) {
      expect(route.Properties.AuthorizationType).toBe('NONE');
      expect(route.Properties.AuthorizerId).toBeUndefined();
      expect(route.Properties.AuthorizationScopes).toBeUndefined();
      expect(route.Properties.Target, 'an OPTIONS route without integration answers 404').toBeDefined();
    }
  });

  it('integrates every route with Lambda, payload format 2.0', () => {
    for (const [, integration] of resources('AWS::ApiGatewayV2::Integration')) {
      expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    }
  });
});

describe('API', () => {
  it('has CORS with exactly the allowed origins, authorization among the headers, no credentials', () => {
    const api = resources('AWS::ApiGatewayV2::Api')[0]![1];
    expect(api.Properties.ProtocolType).toBe('HTTP');
    const corsConfiguration = api.Properties.CorsConfiguration;
    expect(corsConfiguration.AllowOrigins).toEqual([...environments[production].allowOrigins]);
    expect(corsConfiguration.AllowHeaders).toContain('authorization');
    expect(corsConfiguration.AllowMethods.sort()).toEqual([...cors.allowMethods].sort());
    expect(corsConfiguration.MaxAge).toBe(cors.maxAge);
    expect(corsConfiguration.AllowCredentials ?? false).toBe(false);
  });

  it('deploys through an auto-deployed $default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true });
  });

  it('throttles every route with both limits of src/api.ts, each above 0', () => {
    const stages = resources('AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const { ThrottlingRateLimit, ThrottlingBurstLimit } = stages[0]![1].Properties.DefaultRouteSettings;
    expect({ rateLimit: ThrottlingRateLimit, burstLimit: ThrottlingBurstLimit }).toEqual(throttling);
    expect(ThrottlingRateLimit).toBeGreaterThan(0);
    expect(ThrottlingBurstLimit).toBeGreaterThan(0);
  });

  it('logs every request as a JSON line that tells why it failed, never the token, for a bounded time', () => {
    const stages = resources('AWS::ApiGatewayV2::Stage');
    const { DestinationArn, Format } = stages[0]![1].Properties.AccessLogSettings;
    const variables = Object.values(accessLogFields(Format));
    expect(variables).toEqual(expect.arrayContaining(REQUIRED_ACCESS_LOG_VARIABLES));
    for (const variable of variables) expect(variable).not.toMatch(SECRET_VARIABLE);
    const group = template.toJSON().Resources[DestinationArn['Fn::GetAtt'][0]];
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('lets only API Gateway invoke the functions', () => {
    const permissions = resources('AWS::Lambda::Permission');
    const [apiId] = resources('AWS::ApiGatewayV2::Api')[0]!;
    expect(permissions.length).toBeGreaterThan(0);
    for (const [, permission] of permissions) {
      expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
      // This API's execution ARN: arn:<partition>:execute-api:<region>:<account>:<api id>/<stage>/<method>/<path>
      const sourceArn = JSON.stringify(permission.Properties.SourceArn);
      expect(sourceArn).toContain(':execute-api:');
      expect(sourceArn).toContain(JSON.stringify({ Ref: apiId }));
    }
  });
});

describe('functions', () => {
  it('run on the chosen runtime with the CORS allowlist in their environment', () => {
    const functions = resources('AWS::Lambda::Function');
    expect(functions).toHaveLength(new Set([preflight.handler, ...routes.map((route) => route.handler)]).size);
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe(runtime);
      expect(fn.Properties.Environment.Variables.CORS_ALLOW_ORIGINS).toBe(
        environments[production].allowOrigins.join(','),
      );
    }
  });

  it('may each write their own log group and do nothing else: a role of their own, no managed policy', () => {
    const functions = resources('AWS::Lambda::Function');
    expect(resources('AWS::IAM::Role')).toHaveLength(functions.length);
    for (const [name, fn] of functions) {
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const logs = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(template.toJSON().Resources[role].Properties.ManagedPolicyArns, name).toBeUndefined();
      const statements = resources('AWS::IAM::Policy')
        .filter(([, policy]) => policy.Properties.Roles.some((entry: { Ref?: string }) => entry.Ref === role))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
      expect(statements, name).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logs, 'Arn'] },
        },
      ]);
    }
  });

  it('keep their logs for a bounded time', () => {
    for (const [name, fn] of resources('AWS::Lambda::Function')) {
      const group = template.toJSON().Resources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(group.Properties.RetentionInDays, name).toBeGreaterThan(0);
    }
  });
});

describe('custom domain', () => {
  const domain = {
    name: 'api.example.com',
    certificateArn: `arn:aws:acm:${region}:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef`,
  };

  it('is none unless a deployment gives one: the API has its execute-api URL only', () => {
    expect(resources('AWS::ApiGatewayV2::DomainName')).toEqual([]);
    expect(resources('AWS::ApiGatewayV2::ApiMapping')).toEqual([]);
  });

  it('is regional, TLS 1.2, mapped to the $default stage, with its DNS target among the outputs', () => {
    const withDomain = synthesizeTemplate({ domain });
    const [domainId, resource] = Object.entries(withDomain.findResources('AWS::ApiGatewayV2::DomainName'))[0]!;
    expect(resource.Properties).toEqual({
      DomainName: domain.name,
      DomainNameConfigurations: [
        { CertificateArn: domain.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
      ],
    });
    const [apiId] = Object.keys(withDomain.findResources('AWS::ApiGatewayV2::Api'));
    withDomain.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    withDomain.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiId: { Ref: apiId },
      DomainName: { Ref: domainId },
      Stage: '$default',
    });
    withDomain.hasOutput('CustomDomainTarget', { Value: { 'Fn::GetAtt': [domainId, 'RegionalDomainName'] } });
    withDomain.hasOutput('CustomDomainHostedZoneId', { Value: { 'Fn::GetAtt': [domainId, 'RegionalHostedZoneId'] } });
  });
});

describe('environments', () => {
  const LOOPBACK = /^https?:\/\/(?:localhost|[^/]*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;

  it.each(Object.keys(environments) as EnvironmentName[])(
    'deploys %s with its own pool, client and origins',
    (name) => {
      // Production's is the template synthesized above.
      const synthesized = name === production ? template : synthesizeTemplate({ environment: name });
      const stack = synthesized.toJSON().Resources as Record<string, Resource & { Type: string }>;
      const ofType = (type: string) => Object.values(stack).filter((resource) => resource.Type === type);
      const { issuer, audience, allowOrigins } = environments[name];
      expect(ofType('AWS::ApiGatewayV2::Authorizer')[0]!.Properties.JwtConfiguration).toEqual({
        Issuer: issuer,
        Audience: [...audience],
      });
      expect(ofType('AWS::ApiGatewayV2::Api')[0]!.Properties.CorsConfiguration.AllowOrigins).toEqual([...allowOrigins]);
      for (const fn of ofType('AWS::Lambda::Function'))
        expect(fn.Properties.Environment.Variables.CORS_ALLOW_ORIGINS).toBe(allowOrigins.join(','));
    },
  );

  it('lets no page on this machine (localhost, 127.0.0.0/8, [::1]) call production', () => {
    for (const origin of environments[production].allowOrigins) expect(origin).not.toMatch(LOOPBACK);
  });
});
