/** Reduces a generated SAM template to the contract model, with the project's own parser. */
import {
  parseSamTemplate,
  samconfigParameters,
  samRoutes,
  type Node,
} from '../../templates/sam/test/infra/sam-template.js';
import { corsModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

/** An environment's parameters and stack name, from samconfig.toml (`sam deploy --config-env <environment>`). */
export function samDeployment(samconfig: string, environment: string) {
  const section = samconfig.split(/^\[/m).find((part) => part.startsWith(`${environment}.global.parameters]`));
  const stackName = section && /^stack_name = "(.*)"$/m.exec(section)?.[1];
  if (!stackName) throw new Error(`samconfig.toml has no stack_name for ${environment}`);
  return { parameters: samconfigParameters(samconfig, environment), stackName };
}

/** The model of the template deployed with `parameters` (an environment's), else with its defaults. */
export function samModel(text: string, parameters: Record<string, unknown> = {}): ApiModel {
  const sam = parseSamTemplate(text);
  const resolve = (value: unknown) => sam.resolve(value, parameters);
  const [[, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
  const authorizer = api.Properties.Auth.Authorizers[api.Properties.Auth.DefaultAuthorizer];
  const functions = sam.resources('AWS::Serverless::Function');
  return {
    authorizer: {
      issuer: resolve(authorizer.JwtConfiguration.issuer),
      audience: resolve(authorizer.JwtConfiguration.audience),
      identitySource: authorizer.IdentitySource,
    },
    routes: samRoutes(sam) as ApiRoute[],
    cors: corsModel(resolve(api.Properties.CorsConfiguration)),
    runtime: runtimeModel(functions.map(([, fn]) => fn.Properties.Runtime ?? sam.template.Globals?.Function?.Runtime)),
    throttling: {
      rateLimit: api.Properties.DefaultRouteSettings.ThrottlingRateLimit,
      burstLimit: api.Properties.DefaultRouteSettings.ThrottlingBurstLimit,
    },
    accessLog: {
      format: JSON.parse(api.Properties.AccessLogSettings.Format),
      retentionDays:
        sam.template.Resources[api.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]].Properties
          .RetentionInDays,
    },
  };
}
