/** Reduces a generated CDK project to the contract model: the stack, synthesized in-process. */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { ApiModel, ApiRoute } from './model.js';
import { corsModel, handlerOfEntry, runtimeModel } from './model.js';

type Resource = { Type: string; Properties: Record<string, any> };

export async function synthesizeCdk(projectDir: string): Promise<Record<string, Resource>> {
  const { ApiStack } = await import(path.join(projectDir, 'infra/api-stack.ts'));
  // No bundling: the contract reads the template, not the code.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new ApiStack(app, 'Contract')).toJSON().Resources;
}

export function cdkModel(resources: Record<string, Resource>): ApiModel {
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
  const [[, api]] = ofType('AWS::ApiGatewayV2::Api') as [[string, Resource]];
  const handlerOfTarget = (target: any): string => {
    const integration = resources[target['Fn::Join'][1][1].Ref]!;
    const functionId = integration.Properties.IntegrationUri['Fn::GetAtt'][0];
    return handlerOfEntry(resources[functionId]!.Properties.Description);
  };
  const routes = ofType('AWS::ApiGatewayV2::Route').map(([, { Properties: route }]): ApiRoute => {
    const [method, routePath] = route.RouteKey.split(' ');
    const usesAuthorizer = route.AuthorizationType === 'JWT' && route.AuthorizerId?.Ref === authorizerId;
    const unauthenticated = route.AuthorizationType === 'NONE' && route.AuthorizerId === undefined;
    return {
      method,
      path: routePath,
      authorization: usesAuthorizer ? 'JWT' : unauthenticated ? 'NONE' : (`INVALID ${route.AuthorizationType}` as 'NONE'),
      scopes: route.AuthorizationScopes ?? [],
      handler: handlerOfTarget(route.Target),
    };
  });
  const runtimes = new Set(ofType('AWS::Lambda::Function').map(([, fn]) => fn.Properties.Runtime));
  const cors = api.Properties.CorsConfiguration;
  return {
    authorizer: {
      issuer: authorizer.Properties.JwtConfiguration.Issuer,
      audience: authorizer.Properties.JwtConfiguration.Audience,
      identitySource: authorizer.Properties.IdentitySource[0],
    },
    routes,
    cors: corsModel(cors),
    runtime: runtimeModel(runtimes),
  };
}
