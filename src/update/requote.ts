/**
 * Generated TypeScript is single-quoted; projects generated before were double-quoted. A three-way
 * merge of such a file would see the quote change on every line the template renders, so a line
 * you added beside one (a route in src/api.ts) became a conflict. Before merging a file whose base
 * is double-quoted and whose new output is not, its base and your version are brought to single
 * quotes first, as the templates now write them. Only string literals move; no other text does.
 */
import { ts as tsLiteral } from '../render/escape.js';
import { nodesOf, parseTypeScript } from './typescript-syntax.js';

interface StringAt {
  start: number;
  end: number;
  value: string;
}

/**
 * Double-quoted string literals that single quotes can hold as they are (no `'` inside), in order;
 * none in a file that does not parse.
 */
function requotable(source: string): StringAt[] {
  const parsed = parseTypeScript(source);
  if ('syntaxError' in parsed) return [];
  // By start: a tree may hold one node twice (`export { "name" }`: its local and its exported name).
  const found = new Map<number, StringAt>();
  for (const node of nodesOf(parsed.tree)) {
    const { start, end } = node;
    if (start == null || end == null || source[start] !== '"') continue;
    // A directive ("use strict") keeps its text as written, which is its value where it has no escape.
    const value = node.type === 'StringLiteral' || node.type === 'DirectiveLiteral' ? node.value : undefined;
    if (node.type === 'DirectiveLiteral' && value?.includes('\\')) continue;
    if (value !== undefined && !value.includes("'")) found.set(start, { start, end, value });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
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
