/**
 * Generated TypeScript is single-quoted; projects generated before were double-quoted. A three-way
 * merge of such a file would see the quote change on every line the template renders, so a line
 * you added beside one (a route in src/api.ts) became a conflict. Before merging a file whose base
 * is double-quoted and whose new output is not, its base and your version are brought to single
 * quotes first, as the templates now write them. Only string literals move; no other text does.
 */
import ts from 'typescript';
import { ts as tsLiteral } from '../render/escape.js';

interface StringAt {
  start: number;
  end: number;
  value: string;
}

/** Double-quoted string literals that single quotes can hold as they are (no `'` inside). */
function requotable(source: string): StringAt[] {
  const file = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: StringAt[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && source[node.getStart(file)] === '"' && !node.text.includes("'")) {
      found.push({ start: node.getStart(file), end: node.end, value: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `source` with each requotable string literal single-quoted. */
export function singleQuoted(source: string): string {
  let result = source;
  for (const { start, end, value } of requotable(source).reverse()) {
    result = `${result.slice(0, start)}${tsLiteral(value)}${result.slice(end)}`;
  }
  return result;
}

/** Base and yours, requoted when the base is of the double-quoted generation and the new output is not. */
export function alignQuotes(path: string, base: string, yours: string, next: string): [string, string] {
  if (!path.endsWith('.ts') || requotable(base).length === 0 || requotable(next).length > 0) return [base, yours];
  return [singleQuoted(base), singleQuoted(yours)];
}
