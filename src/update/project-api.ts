/**
 * Reads what a project's src/api.ts holds of the answers: each environment's `allowOrigins`,
 * `auth.scopes` and `routes` (from a project of before environments, `cors.allowOrigins`,
 * shared out as the answers' migration does). Once edited, that file is the user's source of truth
 * (its header tells them to edit it), so update reads it rather than trust the answers stored at
 * generation. Pure: text in, values out.
 * The file is parsed with the TypeScript compiler and only literals are read (strings, arrays,
 * objects, through `as`, `satisfies` and parentheses); anything else is refused, as update cannot
 * tell what it evaluates to.
 */
import ts from 'typescript';
import { ProjectApiError } from '../errors.js';
import { splitOrigins } from '../schema/rules.js';

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

/** The literal a node stands for, or a refusal naming `where` it is. */
function literalOf(node: ts.Expression, where: string): Literal {
  while (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isTypeAssertionExpression(node)
  )
    node = node.expression;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isArrayLiteralExpression(node))
    return node.elements.map((element, index) => literalOf(element as ts.Expression, `${where}[${index}]`));
  if (ts.isObjectLiteralExpression(node)) {
    // No prototype: a key such as "__proto__" in the file is a key like any other.
    const object: Record<string, Literal> = Object.create(null) as Record<string, Literal>;
    for (const property of node.properties) {
      const key =
        property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
          ? property.name.text
          : undefined;
      if (!ts.isPropertyAssignment(property) || key === undefined)
        refuse(where, `holds ${JSON.stringify(property.getText())}, which is not a plain property`);
      object[key] = literalOf(property.initializer, `${where}.${key}`);
    }
    return object;
  }
  return refuse(where, `is ${JSON.stringify(node.getText())}, not a literal`);
}

/** The initialiser of `export const <name>`, or of its property `property`. */
function declared(file: ts.SourceFile, name: string, property?: string): ts.Expression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
      if (property === undefined) return declaration.initializer;
      let object = declaration.initializer;
      while (ts.isAsExpression(object) || ts.isSatisfiesExpression(object) || ts.isParenthesizedExpression(object))
        object = object.expression;
      if (!ts.isObjectLiteralExpression(object)) return undefined;
      const found = object.properties.find(
        (p) =>
          ts.isPropertyAssignment(p) &&
          (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
          p.name.text === property,
      );
      return found && ts.isPropertyAssignment(found) ? found.initializer : undefined;
    }
  }
  return undefined;
}

function listOf(file: ts.SourceFile, name: string, property?: string): Literal[] {
  const where = property ? `${name}.${property}` : name;
  const node = declared(file, name, property);
  if (!node) unreadable(`no \`${where}\` found`);
  const value = literalOf(node, where);
  if (!Array.isArray(value)) refuse(where, 'is not an array');
  return value;
}

function strings(list: Literal[], where: string): string[] {
  return list.map((item, index) => (typeof item === 'string' ? item : refuse(`${where}[${index}]`, 'is not a string')));
}

export function readProjectApi(text: string): ProjectApi {
  const file = ts.createSourceFile(API_PATH, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // The parser recovers from syntax errors; its diagnostics (internal, but stable since TypeScript 1) say whether it
  // had to.
  const syntax = (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
  if (syntax) {
    const { line } = file.getLineAndCharacterOfPosition(syntax.start ?? 0);
    unreadable(`line ${line + 1} does not parse: ${ts.flattenDiagnosticMessageText(syntax.messageText, ' ')}`);
  }
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
function originsOf(file: ts.SourceFile): Pick<ProjectApi, 'origins' | 'devOrigins'> {
  const node = declared(file, 'environments');
  if (!node) {
    const { prod, dev } = splitOrigins(strings(listOf(file, 'cors', 'allowOrigins'), 'cors.allowOrigins'));
    return { origins: prod, devOrigins: dev };
  }
  const environments = literalOf(node, 'environments');
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
