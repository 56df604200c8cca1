/**
 * A project's TypeScript, parsed for what update reads in it: the literals of src/api.ts
 * (project-api.ts) and the string literals an earlier generation double-quoted (requote.ts).
 * Babel's parser with its TypeScript plugin: about 300 KB bundled, where the TypeScript compiler's
 * is 3.5 MB, which `update --check`, run by every service's CI, would load and compile each time.
 * It parses the TypeScript the compiler does (test/update/typescript-syntax.test.ts): every file
 * this package generates, and the forms of the language, decorators, `import defer` and import
 * assertions included. One form is known not to parse: a decorator after `export` (`export @sealed
 * class`); the form before it (`@sealed export class`) does. A file that does not parse is refused
 * where its values are read (src/api.ts, naming the line) and left as it is where it is requoted.
 */
import { parse, type ParserPlugin } from '@babel/parser';
import type { File, Node } from '@babel/types';

/** The syntax beyond JavaScript it reads: TypeScript, and the forms the compiler accepts beside it. */
const PLUGINS: ParserPlugin[] = [
  'typescript',
  'decorators-legacy',
  'decoratorAutoAccessors',
  'deferredImportEvaluation',
  'deprecatedImportAssert',
];

/** What a syntax error is, and on which line (1-based) where it has one. */
export interface SyntaxProblem {
  line?: number;
  problem: string;
}

/**
 * The syntax tree of `text`, a TypeScript module, or its first syntax error. The parser recurses
 * into every nested expression: a file nested deeper than the stack holds (a project's file is
 * anyone's) is a syntax problem too, not a crash.
 */
export function parseTypeScript(text: string): { tree: File } | { syntaxError: SyntaxProblem } {
  try {
    return { tree: parse(text, { sourceType: 'module', plugins: PLUGINS }) };
  } catch (error) {
    if (error instanceof RangeError) return { syntaxError: { problem: 'it nests deeper than update reads' } };
    const { loc, message } = error as { loc?: { line: number }; message: string };
    if (loc === undefined) throw error;
    return { syntaxError: { line: loc.line, problem: message.replace(/ \(\d+:\d+\)$/, '') } };
  }
}

/** The source text of `node`. */
export function textOf(source: string, node: Node): string {
  return source.slice(node.start ?? 0, node.end ?? 0);
}

const POSITIONS = new Set(['loc', 'start', 'end', 'range', 'extra']);
const COMMENTS = new Set(['comments', 'leadingComments', 'trailingComments', 'innerComments']);

/** Every node under `root`, itself included; comments are not nodes. */
export function* nodesOf(root: Node): Generator<Node> {
  yield root;
  for (const [key, value] of Object.entries(root)) {
    if (POSITIONS.has(key) || COMMENTS.has(key)) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null && typeof child.type === 'string') yield* nodesOf(child);
    }
  }
}
