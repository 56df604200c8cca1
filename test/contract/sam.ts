/** Reduces a generated SAM template to the contract model, with the project's own parser. */
import { parseSamTemplate, type Node } from '../../templates/sam/test/infra/sam-template.js';
import type { ApiModel, ApiRoute } from './model.js';
import { corsModel, handlerOfEntry, runtimeModel } from './model.js';

export function samModel(text: string): ApiModel {
  const sam = parseSamTemplate(text);
  const [[, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
  const { DefaultAuthorizer, Authorizers } = api.Properties.Auth;
  const authorizer = Authorizers[DefaultAuthorizer];
  const functions = sam.resources('AWS::Serverless::Function');
  const routes = functions.flatMap(([, fn]) =>
    Object.values(fn.Properties.Events as Record<string, Node>).map(({ Properties: event }): ApiRoute => {
      const chosen = event.Auth?.Authorizer ?? DefaultAuthorizer;
      return {
        method: String(event.Method).toUpperCase() as ApiRoute['method'],
        path: event.Path,
        authorization: chosen === 'NONE' ? 'NONE' : chosen === DefaultAuthorizer ? 'JWT' : (`INVALID ${chosen}` as 'NONE'),
        scopes: event.Auth?.AuthorizationScopes ?? (chosen === 'NONE' ? [] : (authorizer.AuthorizationScopes ?? [])),
        handler: handlerOfEntry(fn.Metadata.BuildProperties.EntryPoints[0]),
      };
    }),
  );
  const cors = sam.resolve(api.Properties.CorsConfiguration);
  const runtimes = new Set(functions.map(([, fn]) => fn.Properties.Runtime ?? sam.template.Globals?.Function?.Runtime));
  return {
    authorizer: {
      issuer: sam.resolve(authorizer.JwtConfiguration.issuer),
      audience: sam.resolve(authorizer.JwtConfiguration.audience),
      identitySource: authorizer.IdentitySource,
    },
    routes,
    cors: corsModel(cors),
    runtime: runtimeModel(runtimes),
  };
}
