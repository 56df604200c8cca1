/** Reduces a generated CDK project to the contract model: the stack, synthesized in-process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { cdkRoutes, resourcesOfType, type Resources } from '../../templates/cdk/test/infra/cdk-template.js';
import { corsModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

export async function synthesizeCdk(projectDir: string): Promise<Resources> {
  const { ApiStack } = await import(path.join(projectDir, 'infra/api-stack.ts'));
  // The feature flags of the project's cdk.json, as `cdk synth` has them; no bundling: the contract
  // reads the template, not the code.
  const { context } = JSON.parse(readFileSync(path.join(projectDir, 'cdk.json'), 'utf8'));
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new ApiStack(app, 'Contract')).toJSON().Resources;
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
  };
}
