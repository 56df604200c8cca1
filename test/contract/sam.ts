/** Reduces a generated SAM template to the contract model, with the project's own parser. */
import { parseSamTemplate, samRoutes, type Node } from '../../templates/sam/test/infra/sam-template.js';
import { corsModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

export function samModel(text: string): ApiModel {
  const sam = parseSamTemplate(text);
  const [[, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
  const authorizer = api.Properties.Auth.Authorizers[api.Properties.Auth.DefaultAuthorizer];
  const functions = sam.resources('AWS::Serverless::Function');
  return {
    authorizer: {
      issuer: sam.resolve(authorizer.JwtConfiguration.issuer),
      audience: sam.resolve(authorizer.JwtConfiguration.audience),
      identitySource: authorizer.IdentitySource,
    },
    routes: samRoutes(sam) as ApiRoute[],
    cors: corsModel(sam.resolve(api.Properties.CorsConfiguration)),
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
