/** Reduces a generated SAM template to the contract model, with the project's own parser. */
import {
  parseSamTemplate,
  samconfigParameters,
  samRoutes,
  type Node,
} from '../../templates/sam/test/infra/sam-template.js';
import { corsModel, customDomainModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

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
  // The one condition the template has: the custom domain's.
  const hasCustomDomain = sam.template.Conditions?.HasCustomDomain;
  if (
    hasCustomDomain &&
    JSON.stringify(hasCustomDomain) !== JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'DomainName' }, ''] }] })
  )
    throw new Error(`HasCustomDomain is not "DomainName is not empty": ${JSON.stringify(hasCustomDomain)}`);
  const created = ([, resource]: [string, Node]) =>
    resource.Condition === undefined ||
    (resource.Condition === 'HasCustomDomain' && resolve({ Ref: 'DomainName' }) !== '');
  const [[apiId, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
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
    customDomain: customDomainModel(
      sam
        .resources('AWS::ApiGatewayV2::DomainName')
        .filter(created)
        .map(([id, domain]) => {
          const mappings = sam
            .resources('AWS::ApiGatewayV2::ApiMapping')
            .filter(created)
            .filter(([, mapping]) => mapping.Properties.DomainName?.Ref === id);
          return {
            name: resolve(domain.Properties.DomainName),
            configurations: domain.Properties.DomainNameConfigurations.map((configuration: Node) => ({
              certificateArn: resolve(configuration.CertificateArn),
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
