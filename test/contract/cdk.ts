/** Reduces a generated CDK project to the contract model: the stack, synthesized in-process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { cdkRoutes, resourcesOfType, type Resources } from '../../templates/cdk/test/infra/cdk-template.js';
import { corsModel, customDomainModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

/**
 * The custom domain infra/app.ts gives the stack, read from its `domain: { name, certificateArn }`
 * (single-quoted literals, as the template writes them; the schema lets neither hold a quote or a
 * backslash); `undefined` when it gives none.
 */
export function appDomain(appSource: string): { name: string; certificateArn: string } | undefined {
  const block = /\n {2}domain: \{([^}]*)\}/.exec(appSource)?.[1];
  if (block === undefined) return undefined;
  const value = (key: string) => {
    const literal = new RegExp(`\\b${key}: '([^'\\\\]*)'`).exec(block)?.[1];
    if (literal === undefined) throw new Error(`infra/app.ts gives the domain no ${key} literal`);
    return literal;
  };
  return { name: value('name'), certificateArn: value('certificateArn') };
}

export async function synthesizeCdk(projectDir: string): Promise<Resources> {
  const { ApiStack } = await import(path.join(projectDir, 'infra/api-stack.ts'));
  // The feature flags of the project's cdk.json, as `cdk synth` has them; no bundling: the contract
  // reads the template, not the code.
  const { context } = JSON.parse(readFileSync(path.join(projectDir, 'cdk.json'), 'utf8'));
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  // The stack with the props infra/app.ts gives it.
  const domain = appDomain(readFileSync(path.join(projectDir, 'infra/app.ts'), 'utf8'));
  return Template.fromStack(new ApiStack(app, 'Contract', { domain })).toJSON().Resources;
}

export function cdkModel(resources: Resources): ApiModel {
  const [[, authorizer]] = resourcesOfType(resources, 'AWS::ApiGatewayV2::Authorizer') as [[string, Resources[string]]];
  const [[, api]] = resourcesOfType(resources, 'AWS::ApiGatewayV2::Api') as [[string, Resources[string]]];
  const [[, stage]] = resourcesOfType(resources, 'AWS::ApiGatewayV2::Stage') as [[string, Resources[string]]];
  const { DefaultRouteSettings: throttling, AccessLogSettings: accessLog } = stage.Properties;
  return {
    authorizer: {
      issuer: authorizer.Properties.JwtConfiguration.Issuer,
      audience: authorizer.Properties.JwtConfiguration.Audience,
      identitySource: authorizer.Properties.IdentitySource[0],
    },
    routes: cdkRoutes(resources) as ApiRoute[],
    cors: corsModel(api.Properties.CorsConfiguration),
    runtime: runtimeModel(resourcesOfType(resources, 'AWS::Lambda::Function').map(([, fn]) => fn.Properties.Runtime)),
    throttling: { rateLimit: throttling.ThrottlingRateLimit, burstLimit: throttling.ThrottlingBurstLimit },
    accessLog: {
      format: JSON.parse(accessLog.Format),
      retentionDays: resources[accessLog.DestinationArn['Fn::GetAtt'][0]]!.Properties.RetentionInDays,
    },
    customDomain: customDomainModel(
      resourcesOfType(resources, 'AWS::ApiGatewayV2::DomainName').map(([id, domain]) => {
        const mappings = resourcesOfType(resources, 'AWS::ApiGatewayV2::ApiMapping').filter(
          ([, mapping]) => mapping.Properties.DomainName?.Ref === id,
        );
        const [apiId] = resourcesOfType(resources, 'AWS::ApiGatewayV2::Api')[0]!;
        return {
          name: domain.Properties.DomainName,
          configurations: domain.Properties.DomainNameConfigurations.map((configuration: Record<string, string>) => ({
            certificateArn: configuration.CertificateArn,
            endpointType: configuration.EndpointType,
            securityPolicy: configuration.SecurityPolicy,
          })),
          mapsTheApi: mappings.length === 1 && mappings[0]![1].Properties.ApiId?.Ref === apiId,
          stage: mappings[0]?.[1].Properties.Stage,
        };
      }),
    ),
  };
}
