/** Reduces a generated CDK project to the contract model: the stack, synthesized in-process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { cdkRoutes, resourcesOfType, type Resources } from '../../templates/cdk/test/infra/cdk-template.js';
import { corsModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

/** The production stack, built from the project's ApiStack and src/api.ts in an app of its own. */
export async function synthesizeCdk(projectDir: string): Promise<Resources> {
  const { ApiStack } = await import(path.join(projectDir, 'infra/api-stack.ts'));
  const { environments } = await import(path.join(projectDir, 'src/api.ts'));
  const app = new App({ context: contextOf(projectDir) });
  return Template.fromStack(new ApiStack(app, 'Contract', { deployment: environments.prod })).toJSON().Resources;
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
  };
}
