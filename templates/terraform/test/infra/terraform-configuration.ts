/**
 * The Terraform configuration in infra/, parsed without Terraform (hcl2json), with the
 * references these tests need resolved. Shared by the infrastructure tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import type { RouteEntry } from '../../dev/route-entry';

export type Block = Record<string, any>;

/** A route as API Gateway will serve it; `authorization` may also read "INVALID <type>". */
export type DeployedRoute = Omit<RouteEntry, 'authorization'> & { authorization: string };

export interface TerraformConfiguration {
  /** The one block `resource "<type>" "<name>"`. */
  resource(type: string, name: string): Block;
  /** The one block `data "<type>" "<name>"`. */
  data(type: string, name: string): Block;
  /** Every `locals` entry of every file. */
  locals(): Block;
  /** A variable's default, resolved. */
  variableDefault(name: string): any;
  /** A variable's value: the one given (a var file's), else its default. */
  variableValue(name: string): any;
  variable(name: string): Block;
  /** The one block `output "<name>"`. */
  output(name: string): Block;
  /**
   * Resolves `var.*` and `local.*` references and the `$${` / `%%{` escapes, as Terraform does
   * for the values the tests read; other expressions stay as written.
   */
  resolve(value: any): any;
}

/** Reads every `.tf` file of a folder, with the variable values of `environment`'s var file if one is named. */
export async function loadTerraform(dir: string, environment?: string): Promise<TerraformConfiguration> {
  const names = readdirSync(dir).filter((file) => file.endsWith('.tf'));
  const values = environment
    ? await parseVarFile(readFileSync(path.join(dir, 'environments', `${environment}.tfvars`), 'utf8'))
    : {};
  return parseTerraform(
    Object.fromEntries(names.map((name) => [name, readFileSync(path.join(dir, name), 'utf8')])),
    values,
  );
}

/** The values a `.tfvars` file gives. */
export async function parseVarFile(contents: string): Promise<Record<string, any>> {
  return parse('values.tfvars', contents);
}

/**
 * Parses `.tf` files given as { name: contents }; `values` are the variables given (a var file's),
 * over their defaults.
 */
export async function parseTerraform(
  files: Record<string, string>,
  values: Record<string, any> = {},
): Promise<TerraformConfiguration> {
  const parsed = await Promise.all(Object.entries(files).map(([name, contents]) => parse(name, contents)));
  const variables: Block = {};
  const locals: Block = {};
  const resources: Block = {};
  const dataSources: Block = {};
  const outputs: Block = {};
  for (const part of parsed) {
    Object.assign(variables, part.variable);
    Object.assign(outputs, part.output);
    for (const block of part.locals ?? []) Object.assign(locals, block);
    for (const [type, blocks] of Object.entries(part.resource ?? {}))
      resources[type] = { ...resources[type], ...(blocks as Block) };
    for (const [type, blocks] of Object.entries(part.data ?? {}))
      dataSources[type] = { ...dataSources[type], ...(blocks as Block) };
  }
  const variableDefault = (name: string): any => resolve(variables[name][0].default);
  const variableValue = (name: string): any => (name in values ? values[name] : variableDefault(name));
  function resolve(value: any): any {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
    if (typeof value !== 'string') return value;
    const whole = /^\$\{(var|local)\.(\w+)((?:\.\w+)*)\}$/.exec(value);
    if (whole) {
      const root = whole[1] === 'var' ? variableValue(whole[2]!) : resolve(locals[whole[2]!]);
      return whole[3]!
        .split('.')
        .slice(1)
        .reduce((object, key) => object?.[key], root);
    }
    return value
      .replace(/(?<![$])\$\{(var|local)\.(\w+)\}/g, (_, kind, name) =>
        kind === 'var' ? variableValue(name) : resolve(locals[name]),
      )
      .replace(/([$%])\1\{/g, '$1{');
  }
  return {
    resource: (type, name) => resources[type][name][0],
    data: (type, name) => dataSources[type][name][0],
    locals: () => locals,
    variableDefault,
    variableValue,
    variable: (name) => variables[name][0],
    output: (name) => outputs[name][0],
    resolve,
  };
}

/**
 * The routes the configuration deploys: the preflight route keys and `local.routes`, with the
 * authorization their route resources give them.
 */
export function terraformRoutes(tf: TerraformConfiguration): DeployedRoute[] {
  const locals = tf.locals();
  const authorizationOf = (name: string): string => {
    const route = tf.resource('aws_apigatewayv2_route', name);
    if (route.authorization_type === 'JWT' && route.authorizer_id === '${aws_apigatewayv2_authorizer.cognito.id}')
      return 'JWT';
    if (route.authorization_type === 'NONE' && route.authorizer_id === undefined) return 'NONE';
    return `INVALID ${route.authorization_type}`;
  };
  const split = (key: string) => {
    const [method, path] = key.split(' ');
    return { method: method!, path: path! };
  };
  const preflightTarget = String(tf.resource('aws_apigatewayv2_route', 'preflight').target);
  const preflightHandler = preflightTarget.includes('[local.preflight_handler]')
    ? tf.resolve(locals.preflight_handler)
    : preflightTarget;
  return [
    ...(tf.resolve(locals.preflight_route_keys) as string[]).map((key) => ({
      ...split(key),
      authorization: authorizationOf('preflight'),
      scopes: [],
      handler: preflightHandler,
    })),
    ...Object.entries(tf.resolve(locals.routes) as Record<string, { handler: string; scopes: string[] }>).map(
      ([key, route]) => ({
        ...split(key),
        authorization: authorizationOf('protected'),
        scopes: route.scopes,
        handler: route.handler,
      }),
    ),
  ];
}
