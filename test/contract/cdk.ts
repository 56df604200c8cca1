/** Reduces a generated CDK project to the contract model: the stack, synthesized in-process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { cdkRoutes, resourcesOfType, type Resources } from '../../templates/cdk/test/infra/cdk-template.js';
import { corsModel, customDomainModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

/** The production stack of the project's app (infra/app.ts), with the props the app gives it. */
export async function synthesizeCdk(projectDir: string): Promise<Resources> {
  const stack = (await synthesizeCdkApp(projectDir)).find(({ description }) => description?.includes('(prod)'));
  if (!stack) throw new Error('infra/app.ts builds no stack for prod');
  return stack.resources;
}

/**
 * Every stack of the project's app (infra/app.ts), by stack name, with the description that names its
 * environment. The app reads its context from CDK_CONTEXT_JSON, as under `cdk synth`.
 */
export async function synthesizeCdkApp(
  projectDir: string,
): Promise<Array<{ stackName: string; description: string | undefined; resources: Resources }>> {
  const saved = process.env.CDK_CONTEXT_JSON;
  process.env.CDK_CONTEXT_JSON = JSON.stringify(contextOf(projectDir));
  try {
    const { app } = (await import(path.join(projectDir, 'infra/app.ts'))) as { app: App };
    return app.node.children.filter(Stack.isStack).map((stack) => ({
      stackName: stack.stackName,
      description: stack.templateOptions.description,
      resources: Template.fromStack(stack).toJSON().Resources,
    }));
  } finally {
    if (saved === undefined) delete process.env.CDK_CONTEXT_JSON;
    else process.env.CDK_CONTEXT_JSON = saved;
  }
}

/**
 * The feature flags of the project's cdk.json, as `cdk synth` has them; no bundling: the contract
 * reads the template, not the code.
 */
function contextOf(projectDir: string): Record<string, unknown> {
  const { context } = JSON.parse(readFileSync(path.join(projectDir, 'cdk.json'), 'utf8'));
  return { ...context, 'aws:cdk:bundling-stacks': [] };
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
