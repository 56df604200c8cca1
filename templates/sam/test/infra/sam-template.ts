/**
 * template.yaml, parsed with its CloudFormation tags (`!Ref`, `!Sub`, ...) as the JSON form
 * (`{ Ref }`, `{ "Fn::Sub" }`), and the intrinsics these tests need evaluated against the
 * parameter defaults. Shared by the infrastructure tests.
 */
import { readFileSync } from 'node:fs';
import { parse, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';
import type { RouteEntry } from '../../dev/route-entry';

export type Node = Record<string, any>;

/** A route as API Gateway will serve it; `authorization` may also read "INVALID <type>". */
export type DeployedRoute = Omit<RouteEntry, 'authorization'> & { authorization: string };

const INTRINSICS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
];

const tags: Tags = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Condition', resolve: (value: string) => ({ Condition: value }) },
  { tag: '!GetAtt', resolve: (value: string) => ({ 'Fn::GetAtt': value.split('.') }) },
  ...INTRINSICS.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: value }) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: YAMLSeq) => ({ [`Fn::${name}`]: seq.toJSON() }) },
    { tag: `!${name}`, collection: 'map' as const, resolve: (map: YAMLMap) => ({ [`Fn::${name}`]: map.toJSON() }) },
  ]),
] as Tags;

export interface SamTemplate {
  template: Node;
  /** Resources of one type, by logical id. */
  resources(type: string): Array<[string, Node]>;
  /** Evaluates Ref (parameters), Fn::Join, Fn::Select, Fn::Split and Fn::Sub; keeps the rest. */
  resolve(value: any, variables?: Record<string, unknown>): any;
}

export function loadSamTemplate(file: string): SamTemplate {
  return parseSamTemplate(readFileSync(file, 'utf8'));
}

export function parseSamTemplate(text: string): SamTemplate {
  const template = parse(text, { customTags: tags }) as Node;
  const parameter = (name: string) => {
    const { Type, Default } = template.Parameters[name];
    return Type === 'CommaDelimitedList' ? String(Default).split(',') : Default;
  };
  function resolve(value: any, variables: Record<string, unknown> = {}): any {
    if (Array.isArray(value)) return value.map((item) => resolve(item, variables));
    if (!value || typeof value !== 'object') return value;
    if ('Ref' in value)
      return value.Ref in variables
        ? variables[value.Ref]
        : value.Ref in template.Parameters
          ? parameter(value.Ref)
          : value;
    if ('Fn::Join' in value) {
      const [separator, items] = value['Fn::Join'];
      return (resolve(items, variables) as unknown[]).flat().join(separator);
    }
    if ('Fn::Split' in value) {
      const [separator, text] = value['Fn::Split'];
      return String(resolve(text, variables)).split(separator);
    }
    if ('Fn::Select' in value) {
      const [index, items] = value['Fn::Select'];
      return resolve(items, variables)[Number(index)];
    }
    if ('Fn::Sub' in value) {
      const [text, own] = Array.isArray(value['Fn::Sub']) ? value['Fn::Sub'] : [value['Fn::Sub'], {}];
      const scope = { ...variables, ...resolve(own, variables) };
      return String(text).replace(/\$\{([\w:.]+)\}/g, (whole, name: string) => {
        const resolved = resolve({ Ref: name }, scope);
        return typeof resolved === 'string' ? resolved : whole;
      });
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, variables)]));
  }
  return {
    template,
    resources: (type) => Object.entries(template.Resources as Node).filter(([, resource]) => resource.Type === type),
    resolve,
  };
}

/** The routes the template deploys: each function's HttpApi events, with their authorization. */
export function samRoutes(sam: SamTemplate): DeployedRoute[] {
  const [[, api]] = sam.resources('AWS::Serverless::HttpApi') as [[string, Node]];
  const { DefaultAuthorizer, Authorizers } = api.Properties.Auth;
  return sam.resources('AWS::Serverless::Function').flatMap(([, fn]) =>
    Object.values(fn.Properties.Events as Record<string, Node>)
      .filter((event) => event.Type === 'HttpApi')
      .map(({ Properties: event }) => {
        const chosen = event.Auth?.Authorizer ?? DefaultAuthorizer;
        return {
          method: String(event.Method).toUpperCase(),
          path: event.Path,
          authorization: chosen === 'NONE' ? 'NONE' : chosen === DefaultAuthorizer ? 'JWT' : `INVALID ${chosen}`,
          scopes:
            event.Auth?.AuthorizationScopes ??
            (chosen === 'NONE' ? [] : (Authorizers[chosen]?.AuthorizationScopes ?? [])),
          handler: /src\/handlers\/([\w-]+)\.ts$/.exec(fn.Metadata.BuildProperties.EntryPoints[0])?.[1] ?? 'unknown',
        };
      }),
  );
}

/**
 * The parameter overrides of one environment's section of samconfig.toml (`[<environment>.deploy.parameters]`),
 * as `sam deploy --config-env <environment>` passes them: `Key="value"` pairs, lists split at commas.
 */
export function samconfigParameters(text: string, environment: string): Record<string, string | string[]> {
  const section = text.split(/^\[/m).find((part) => part.startsWith(`${environment}.deploy.parameters]`));
  const line = section && /^parameter_overrides = (".*")$/m.exec(section)?.[1];
  if (!line) throw new Error(`samconfig.toml has no parameter_overrides for ${environment}`);
  const pairs = [...(JSON.parse(line) as string).matchAll(/(\w+)="([^"]*)"/g)];
  return Object.fromEntries(
    pairs.map(([, key, value]) => [key!, key === 'AllowedOrigins' ? value!.split(',') : value!]),
  );
}
