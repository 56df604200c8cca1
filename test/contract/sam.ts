/** Reduces a generated SAM template to the contract model, with the project's own parser. */
import { parseSamTemplate, samRoutes, type Node } from '../../templates/sam/test/infra/sam-template.js';
import { corsModel, customDomainModel, runtimeModel, type ApiModel, type ApiRoute } from './model.js';

/**
 * The parameter overrides of samconfig.toml's deploy section, `parameter_overrides = "K=V K=V"`
 * (values without spaces, as the template writes them); none when it has no such line.
 */
export function samconfigOverrides(samconfig = ''): Record<string, string> {
  const line = /^parameter_overrides = (".*")$/m.exec(samconfig)?.[1];
  if (line === undefined) return {};
  return Object.fromEntries(
    (JSON.parse(line) as string)
      .split(' ')
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

/** The template's model, its parameters overridden as samconfig.toml (when given) has them for `sam deploy`. */
export function samModel(text: string, samconfig?: string): ApiModel {
  const sam = parseSamTemplate(text);
  const overrides = samconfigOverrides(samconfig);
  const deployed = (name: string) => sam.resolve({ Ref: name }, overrides);
  // The one condition the template has: the custom domain's.
  const hasCustomDomain = sam.template.Conditions?.HasCustomDomain;
  if (
    hasCustomDomain &&
    JSON.stringify(hasCustomDomain) !== JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'DomainName' }, ''] }] })
  )
    throw new Error(`HasCustomDomain is not "DomainName is not empty": ${JSON.stringify(hasCustomDomain)}`);
  const created = ([, resource]: [string, Node]) =>
    resource.Condition === undefined || (resource.Condition === 'HasCustomDomain' && deployed('DomainName') !== '');
  const [[apiId, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
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
            name: sam.resolve(domain.Properties.DomainName, overrides),
            configurations: domain.Properties.DomainNameConfigurations.map((configuration: Node) => ({
              certificateArn: sam.resolve(configuration.CertificateArn, overrides),
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
