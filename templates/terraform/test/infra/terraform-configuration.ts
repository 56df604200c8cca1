/**
 * The Terraform configuration in infra/, parsed without Terraform (hcl2json), with the
 * references these tests need resolved. Shared by the infrastructure tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';

export type Block = Record<string, any>;

export interface TerraformConfiguration {
  /** The one block `resource "<type>" "<name>"`. */
  resource(type: string, name: string): Block;
  /** Every `locals` entry of every file. */
  locals(): Block;
  /** A variable's default, resolved. */
  variableDefault(name: string): any;
  variable(name: string): Block;
  /**
   * Resolves `var.*` and `local.*` references and the `$${` / `%%{` escapes, as Terraform does
   * for the values the tests read; other expressions stay as written.
   */
  resolve(value: any): any;
}

export async function loadTerraform(dir: string): Promise<TerraformConfiguration> {
  const files = readdirSync(dir).filter((file) => file.endsWith('.tf'));
  const parsed = await Promise.all(files.map((file) => parse(file, readFileSync(path.join(dir, file), 'utf8'))));
  const variables: Block = {};
  const locals: Block = {};
  const resources: Block = {};
  for (const part of parsed) {
    Object.assign(variables, part.variable);
    for (const block of part.locals ?? []) Object.assign(locals, block);
    for (const [type, blocks] of Object.entries(part.resource ?? {})) resources[type] = { ...resources[type], ...(blocks as Block) };
  }
  const variableDefault = (name: string): any => resolve(variables[name][0].default);
  function resolve(value: any): any {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
    if (typeof value !== 'string') return value;
    const whole = /^\$\{(var|local)\.(\w+)\}$/.exec(value);
    if (whole) return whole[1] === 'var' ? variableDefault(whole[2]!) : resolve(locals[whole[2]!]);
    return value.replace(/(?<![$])\$\{var\.(\w+)\}/g, (_, name) => variableDefault(name)).replace(/([$%])\1\{/g, '$1{');
  }
  return {
    resource: (type, name) => resources[type][name][0],
    locals: () => locals,
    variableDefault,
    variable: (name) => variables[name][0],
    resolve,
  };
}
