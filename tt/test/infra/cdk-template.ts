/**
 * Reads a synthesized CloudFormation template of the stack: the routes API Gateway will serve,
 * followed through their integrations to the functions. Shared by the infrastructure tests.
 */
import type { RouteEntry } from '../../dev/route-entry';

export type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

/** A route as API Gateway will serve it; `authorization` may also read "INVALID <type>". */
export type DeployedRoute = Omit<RouteEntry, 'authorization'> & { authorization: string };

export function resourcesOfType(resources: Resources, type: string): Array<[string, Resources[string]]> {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

export function cdkRoutes(resources: Resources): DeployedRoute[] {
  const authorizerId = resourcesOfType(resources, 'AWS::ApiGatewayV2::Authorizer')[0]?.[0];
  const handlerOfTarget = (target: any): string => {
    const integration = resources[target['Fn::Join'][1][1].Ref]!;
    const functionId = integration.Properties.IntegrationUri['Fn::GetAtt'][0];
    // Each function's description names its handler file.
    return /src\/handlers\/([\w-]+)\.ts$/.exec(resources[functionId]!.Properties.Description)?.[1] ?? 'unknown';
  };
  return resourcesOfType(resources, 'AWS::ApiGatewayV2::Route').map(([, { Properties: route }]) => {
    const [method, path] = String(route.RouteKey).split(' ');
    const jwt = route.AuthorizationType === 'JWT' && route.AuthorizerId?.Ref === authorizerId;
    const none = route.AuthorizationType === 'NONE' && route.AuthorizerId === undefined;
    return {
      method: method!,
      path: path!,
      authorization: jwt ? 'JWT' : none ? 'NONE' : `INVALID ${route.AuthorizationType}`,
      scopes: route.AuthorizationScopes ?? [],
      handler: handlerOfTarget(route.Target),
    };
  });
}
