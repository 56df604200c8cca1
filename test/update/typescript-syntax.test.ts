/**
 * The parser update reads a project's TypeScript with stands where the TypeScript compiler's own
 * stood: on every TypeScript file this package generates, the previous version's projects and this
 * repository's own sources, it parses what TypeScript parses, and finds the string literals
 * TypeScript finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ts as tsLiteral } from '../../src/render/escape.js';
import { renderProject } from '../../src/render/render-project.js';
import { IAC_FLAVOURS } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { readProjectApi } from '../../src/update/project-api.js';
import { singleQuoted } from '../../src/update/requote.js';
import { nodesOf, parseTypeScript } from '../../src/update/typescript-syntax.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { FIXTURES } from '../helpers/project.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function ownSources(): [string, string][] {
  return ['src', 'test', 'bench', 'backstage/src', 'generators', 'demo'].flatMap((folder) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(c|m)?ts$/.test(file) && !file.includes('node_modules'))
      .map((file): [string, string] => [`${folder}/${file}`, readFileSync(path.join(ROOT, folder, file), 'utf8')]),
  );
}

function generatedSources(): [string, string][] {
  const rendered = IAC_FLAVOURS.flatMap((iac) =>
    renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac })).map((file): [string, string] => [
      `${iac}: ${file.path}`,
      file.contents,
    ]),
  );
  const previous = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .flatMap((fixture) => {
      const { files } = JSON.parse(readFileSync(path.join(FIXTURES, fixture), 'utf8')) as {
        files: Record<string, string>;
      };
      return Object.entries(files).map(([file, contents]): [string, string] => [`0.1.0 ${fixture}: ${file}`, contents]);
    });
  return [...rendered, ...previous].filter(([file]) => file.endsWith('.ts'));
}

/** TypeScript's own view: its first syntax error, if any. */
function typescriptSyntaxError(source: string): ts.DiagnosticWithLocation | undefined {
  const file = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return (file as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics[0];
}

/** The string literals requoted the way TypeScript finds them (the reader update had before). */
function singleQuotedByTypescript(source: string): string {
  const file = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && source[node.getStart(file)] === '"' && !node.text.includes("'")) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const node of found.reverse())
    result = `${result.slice(0, node.getStart(file))}${tsLiteral(node.text)}${result.slice(node.end)}`;
  return result;
}

describe('the TypeScript update reads', () => {
  const corpus = [...generatedSources(), ...ownSources()];

  it('is a corpus of real files', () => {
    expect(corpus.filter(([file]) => file.startsWith('cdk: ')).length).toBeGreaterThan(10);
    expect(corpus.filter(([file]) => file.startsWith('0.1.0 ')).length).toBeGreaterThan(10);
    expect(corpus.filter(([file]) => file.startsWith('src/')).length).toBeGreaterThan(50);
  });

  it('parses every file TypeScript parses', () => {
    const refused = corpus.flatMap(([file, source]) => {
      if (typescriptSyntaxError(source) !== undefined) return [];
      const parsed = parseTypeScript(source);
      return 'syntaxError' in parsed ? [`${file}: ${JSON.stringify(parsed.syntaxError)}`] : [];
    });
    expect(refused).toEqual([]);
  });

  it('parses the forms of TypeScript a file may hold beside its literals', () => {
    const forms = [
      "import type { Route } from './route';\nimport json from './x.json' with { type: 'json' };",
      "import fs = require('node:fs');\nexport type { Route } from './route';",
      'interface A<T extends object = {}> { readonly a?: T; [key: string]: unknown }',
      'type T = `a${string}` | keyof A | (typeof x)[number];\ntype M<T> = { -readonly [K in keyof T]-?: T[K] };',
      "enum E { A = 'a' }\nconst enum C { B }\ndeclare const d: number;",
      "declare module 'm' { export const a: string }\ndeclare global { var g: string }",
      'namespace N { export const n = 1 }',
      'abstract class Q<T> extends B implements I { private constructor(readonly a: T) { super(); } }',
      'abstract class R { abstract m(): void }',
      'function o(a: string): void;\nfunction o(a: unknown) {}\nconst f = <T,>(x: T): x is T => true;',
      'let k = obj!.p?.q as unknown as string;\nconst y = <string>z;\nlet v = a satisfies B;\nlet w!: number;',
      '@sealed class A { @m() x = 1; accessor q = 2; constructor(@inject() private a: string) {} }',
      '@sealed export class B {}',
      'using r = f();\nexport default async function () { await using s = g(); }',
      'export = z;',
      "import defer * as lazy from 'm';\nimport j from './x.json' assert { type: 'json' };",
    ];
    for (const form of forms) {
      expect(typescriptSyntaxError(form), form).toBeUndefined();
      expect(parseTypeScript(form), form).toHaveProperty('tree');
    }
  });

  it('finds, to requote, the string literals TypeScript finds', () => {
    // Every file also with its quotes turned double, where it still parses: most files are single-quoted.
    const doubled = corpus.flatMap(([file, source]): [string, string][] => {
      const double = source.replaceAll("'", '"');
      return typescriptSyntaxError(double) === undefined ? [[`${file}, double-quoted`, double]] : [];
    });
    const differing = [...corpus, ...doubled].filter(
      ([, source]) => singleQuoted(source) !== singleQuotedByTypescript(source),
    );
    expect(differing.map(([file]) => file)).toEqual([]);
    const requoted = [...corpus, ...doubled].filter(([, source]) => singleQuoted(source) !== source);
    expect(requoted.length).toBeGreaterThan(100);
  });

  it('says where a file does not parse, as TypeScript does', () => {
    const broken =
      "export const auth = { scopes: [] };\nexport const routes = [\n  { method: 'GET' path: '/me' },\n];\n";
    expect(typescriptSyntaxError(broken)).toBeDefined();
    expect(parseTypeScript(broken)).toEqual({ syntaxError: { line: 3, problem: expect.stringMatching(/,/) } });
    expect(() => readProjectApi(broken)).toThrow(/^src\/api\.ts: line 3 does not parse: .*Expected the declarations/);
  });

  it('walks every node of a file, and no comment', () => {
    const parsed = parseTypeScript('// "a"\nconst b = ["c", /* "d" */ \'e\'] as const;\n');
    if (!('tree' in parsed)) throw new Error('expected a tree');
    const nodes = [...nodesOf(parsed.tree)];
    expect(nodes.map((node) => node.type)).not.toContain('CommentLine');
    expect(nodes.map((node) => node.type)).not.toContain('CommentBlock');
    expect(nodes.filter((node) => node.type === 'StringLiteral')).toHaveLength(2);
    expect(nodes.map((node) => node.type)).toContain('TSAsExpression');
  });

  it('requotes a string once where the tree holds it twice (an export of a string name, without `as`)', () => {
    // Babel gives such a specifier the same node as its local and its exported name.
    for (const source of ['export { "a\tb" } from "m";\n', 'export { "a\\x62" } from "m";\n']) {
      expect(singleQuoted(source)).toBe(singleQuotedByTypescript(source));
    }
  });

  it('refuses a file nested deeper than it can read, as a syntax error, not a crash', () => {
    // A cloned project's src/api.ts is anyone's: nesting alone must not stop update with a stack trace.
    const deep = `export const routes = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`;
    expect(parseTypeScript(deep)).toEqual({ syntaxError: { problem: expect.stringMatching(/nest/) } });
    expect(() => readProjectApi(deep)).toThrow(/^src\/api\.ts: it does not parse: .*nest/);
    expect(singleQuoted(deep)).toBe(deep);
  });

  it('leaves a file that does not parse as it is', () => {
    const broken = 'const a = "b" +;\n';
    expect(singleQuoted(broken)).toBe(broken);
  });
});
