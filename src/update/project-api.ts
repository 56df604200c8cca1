/**
 * Reads what a project's src/api.ts holds of the answers: each environment's `allowOrigins`,
 * `auth.scopes` and `routes` (from a project of before environments, `cors.allowOrigins`,
 * shared out as the answers' migration does). Once edited, that file is the user's source of truth
 * (its header tells them to edit it), so update reads it rather than trust the answers stored at
 * generation. Pure: text in, values out.
 * The file is parsed (typescript-syntax.ts) and only literals are read (strings, arrays, objects,
 * through `as`, `satisfies`, type assertions and parentheses); anything else is refused, as update
 * cannot tell what it evaluates to.
 */
import type { Expression, File, Node, ObjectExpression } from '@babel/types';
import { ProjectApiError } from '../errors.js';
import { splitOrigins } from '../schema/rules.js';
import { parseTypeScript, textOf } from './typescript-syntax.js';

export const API_PATH = 'src/api.ts';

/** The values as written in the file, before the answers schema checks them. */
export interface ProjectApi {
  /** The production environment's origins. */
  origins: string[];
  devOrigins: string[];
  scopes: string[];
  routes: Record<string, string | string[]>[];
}

type Literal = string | Literal[] | { [key: string]: Literal };

const LITERAL_FORM =
  'a literal: quoted strings, arrays and objects of them (no variables, calls, spreads or ${} substitutions)';

function refuse(where: string, problem: string): never {
  throw new ProjectApiError(
    `${API_PATH}: ${where} ${problem}. Expected ${LITERAL_FORM}, as generated, so that update can render the ` +
      `infrastructure from it: write the values out, e.g. allowOrigins: ['https://app.example.com'], then run ` +
      `update again.`,
  );
}

function unreadable(problem: string): never {
  throw new ProjectApiError(
    `${API_PATH}: ${problem}. Expected the declarations as generated (export const environments = { dev: { ` +
      `allowOrigins: [...] }, prod: { allowOrigins: [...] } }, auth = { scopes: [...] }, routes = [...]), ` +
      `each a literal, as update reads them there: restore them (see the file ` +
      `as generated in .cognito-jwt-api/pristine.json), then run update again.`,
  );
}

/** `node` without the `as`, `satisfies`, type assertions and parentheses around it (parentheses are no node). */
function unwrapped(node: Expression): Expression {
  while (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSTypeAssertion')
    node = node.expression;
  return node;
}

/** The name of a plain property (`name: value` or `'name': value`), if `property` is one. */
function plainName(property: ObjectExpression['properties'][number]): string | undefined {
  if (property.type !== 'ObjectProperty' || property.computed || property.shorthand) return undefined;
  const { key } = property;
  return key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
}

/** The literal a node stands for, or a refusal naming `where` it is. */
function literalOf(source: string, node: Node | null, where: string): Literal {
  if (node === null) return refuse(where, 'is empty');
  const bare = node.type === 'SpreadElement' ? node : unwrapped(node as Expression);
  if (bare.type === 'StringLiteral') return bare.value;
  if (bare.type === 'TemplateLiteral' && bare.expressions.length === 0 && bare.quasis[0]?.value.cooked != null)
    return bare.quasis[0].value.cooked;
  if (bare.type === 'ArrayExpression')
    return bare.elements.map((element, index) => literalOf(source, element, `${where}[${index}]`));
  if (bare.type === 'ObjectExpression') {
    // No prototype: a key such as "__proto__" in the file is a key like any other.
    const object: Record<string, Literal> = Object.create(null) as Record<string, Literal>;
    for (const property of bare.properties) {
      const key = plainName(property);
      if (key === undefined || property.type !== 'ObjectProperty')
        return refuse(where, `holds ${JSON.stringify(textOf(source, property))}, which is not a plain property`);
      object[key] = literalOf(source, property.value, `${where}.${key}`);
    }
    return object;
  }
  return refuse(where, `is ${JSON.stringify(textOf(source, bare))}, not a literal`);
}

/** The initialiser of `export const <name>` (or `const <name>`), or of its property `property`. */
function declared(tree: File, name: string, property?: string): Expression | undefined {
  for (const topLevel of tree.program.body) {
    const statement = topLevel.type === 'ExportNamedDeclaration' ? topLevel.declaration : topLevel;
    if (statement?.type !== 'VariableDeclaration') continue;
    for (const declaration of statement.declarations) {
      if (declaration.id.type !== 'Identifier' || declaration.id.name !== name || !declaration.init) continue;
      if (property === undefined) return declaration.init;
      const object = unwrapped(declaration.init);
      if (object.type !== 'ObjectExpression') return undefined;
      const found = object.properties.find((p) => plainName(p) === property);
      return found?.type === 'ObjectProperty' ? (found.value as Expression) : undefined;
    }
  }
  return undefined;
}

/** The file as parsed, with its text (for the text of a node a refusal quotes). */
interface Parsed {
  tree: File;
  source: string;
}

function listOf({ tree, source }: Parsed, name: string, property?: string): Literal[] {
  const where = property ? `${name}.${property}` : name;
  const node = declared(tree, name, property);
  if (!node) unreadable(`no \`${where}\` found`);
  const value = literalOf(source, node, where);
  if (!Array.isArray(value)) refuse(where, 'is not an array');
  return value;
}

function strings(list: Literal[], where: string): string[] {
  return list.map((item, index) => (typeof item === 'string' ? item : refuse(`${where}[${index}]`, 'is not a string')));
}

export function readProjectApi(text: string): ProjectApi {
  const parsed = parseTypeScript(text);
  if ('syntaxError' in parsed) {
    const { line, problem } = parsed.syntaxError;
    unreadable(`${line === undefined ? 'it' : `line ${line}`} does not parse: ${problem}`);
  }
  const file = { tree: parsed.tree, source: text };
  const routes = listOf(file, 'routes').map((route, index) => {
    if (typeof route !== 'object' || Array.isArray(route)) return refuse(`routes[${index}]`, 'is not an object');
    return route as Record<string, string | string[]>;
  });
  return {
    ...originsOf(file),
    scopes: strings(listOf(file, 'auth', 'scopes'), 'auth.scopes'),
    routes,
  };
}

/** Each environment's origins; a file of before environments has one list, shared out (see splitOrigins). */
function originsOf(file: Parsed): Pick<ProjectApi, 'origins' | 'devOrigins'> {
  const node = declared(file.tree, 'environments');
  if (!node) {
    const { prod, dev } = splitOrigins(strings(listOf(file, 'cors', 'allowOrigins'), 'cors.allowOrigins'));
    return { origins: prod, devOrigins: dev };
  }
  const environments = literalOf(file.source, node, 'environments');
  const allowed = (name: string) => {
    const where = `environments.${name}.allowOrigins`;
    const environment = typeof environments === 'object' && !Array.isArray(environments) && environments[name];
    const list =
      environment && typeof environment === 'object' && !Array.isArray(environment) && environment.allowOrigins;
    if (!list) unreadable(`no \`${where}\` found`);
    if (!Array.isArray(list)) refuse(where, 'is not an array');
    return strings(list, where);
  };
  return { origins: allowed('prod'), devOrigins: allowed('dev') };
}
