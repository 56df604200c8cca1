/**
 * The import graph of the package's sources keeps one direction: no cycle between files, and no
 * import from a layer to one it may not use (the table below). Type-only imports, re-exports and
 * dynamic imports count: each is an edge a reader has to follow.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Each layer, its job, and the layers it may import (besides itself). Lower layers first; the
 * core (schema ← model ← render ← update) never sees a front, and no two layers import each other.
 */
const LAYERS = {
  base: { job: 'the error hierarchy (src/errors.ts) and the package version (src/version.ts)', uses: [] },
  schema: { job: 'the zod answers and routes schema: parse, normalise, cross-field rules', uses: ['base'] },
  io: {
    job: "file-system writes, signal handling, confinement of paths to a project, a new project's git repository",
    uses: ['base'],
  },
  model: {
    job: 'the API a project describes (routes, authorizer, CORS), derived from the answers',
    uses: ['base', 'schema'],
  },
  render: { job: 'the pure renderer: answers → files with their ownership', uses: ['base', 'schema', 'model'] },
  aws: { job: 'reading Cognito and verifying answers against it', uses: ['base', 'schema'] },
  update: {
    job: 'the project record and the three-way regeneration of a generated project',
    uses: ['base', 'schema', 'model', 'render', 'io'],
  },
  session: {
    job: 'one run of a front: options, questions, collecting answers, next steps',
    uses: ['base', 'schema', 'model', 'render', 'aws', 'io', 'update'],
  },
  entry: {
    job: 'the public API (src/index.ts, and src/update-api.ts for the update)',
    uses: ['base', 'schema', 'model', 'render', 'aws', 'io', 'update', 'session'],
  },
  fronts: {
    job: 'the command line, the Yeoman generator and the projen project type',
    uses: ['base', 'schema', 'model', 'render', 'aws', 'io', 'update', 'session'],
  },
  backstage: { job: 'the Backstage module, a package of its own: it uses the public API only', uses: ['entry'] },
} as const satisfies Record<string, { job: string; uses: readonly string[] }>;

type Layer = keyof typeof LAYERS;

/** The folders whose files are checked, relative to the repository. */
const SOURCE_FOLDERS = ['src', 'generators', 'backstage/src'];

/** The layer of a source file, or undefined for a file that sits in none. */
function layerOf(file: string): Layer | undefined {
  if (file === 'src/index.ts' || file === 'src/update-api.ts') return 'entry';
  if (file === 'src/errors.ts' || file === 'src/version.ts') return 'base';
  if (file.startsWith('generators/') || file.startsWith('src/fronts/')) return 'fronts';
  if (file.startsWith('backstage/src/')) return 'backstage';
  const folder = /^src\/([^/]+)\//.exec(file)?.[1];
  return folder !== undefined && folder in LAYERS && !['base', 'entry', 'fronts', 'backstage'].includes(folder)
    ? (folder as Layer)
    : undefined;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .filter((file) => /\.c?ts$/.test(file) && !file.endsWith('.d.ts') && statSync(path.join(ROOT, file)).isFile());
}

/** Bare specifiers of the workspace's own packages, resolved to the sources their `exports` compile from. */
function packageEntries(): Map<string, string> {
  const entries = new Map<string, string>();
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, { types?: string } | string>;
  };
  for (const [subpath, target] of Object.entries(root.exports)) {
    if (typeof target === 'string' || target.types === undefined) continue;
    entries.set(
      path.posix.join(root.name, subpath),
      target.types.replace(/^\.\/dist\/types\//, '').replace(/\.d\.ts$/, '.ts'),
    );
  }
  const backstage = JSON.parse(readFileSync(path.join(ROOT, 'backstage/package.json'), 'utf8')) as {
    name: string;
    types: string;
  };
  entries.set(backstage.name, `backstage/${backstage.types.replace(/^dist\//, 'src/').replace(/\.d\.ts$/, '.ts')}`);
  return entries;
}

/**
 * Every module a file imports that is one of the checked files: imports, `export … from`, `import()`, type-only ones
 * too.
 */
function importsOf(file: string, known: Set<string>, entries: Map<string, string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  const found = new Set<string>();
  for (const { fileName: specifier } of importedFiles) {
    let target: string | undefined;
    if (specifier.startsWith('.')) {
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      target =
        [joined.replace(/\.js$/, '.ts'), joined.replace(/\.c?js$/, '.cts'), joined].find((candidate) =>
          known.has(candidate),
        ) ?? joined;
    } else {
      target = entries.get(specifier);
    }
    if (target !== undefined) found.add(target);
  }
  return [...found];
}

function importGraph(): Map<string, string[]> {
  const files = SOURCE_FOLDERS.flatMap(sourceFiles);
  const known = new Set(files);
  const entries = packageEntries();
  return new Map(files.map((file) => [file, importsOf(file, known, entries)]));
}

/**
 * Cycles among files: each strongly connected component of more than one file (or a file importing itself), as a path
 * round it.
 */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)!.includes(file)) components.push(component);
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.map((component) => pathRound(component, graph));
}

/** A cycle through every file of a component, found by a search from its first file back to itself. */
function pathRound(component: string[], graph: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file)!) {
      if (next === start) {
        const cycle = [file];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0]!)!);
        return [...cycle, start];
      }
      if (members.has(next) && !previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

describe('the import graph', () => {
  const graph = importGraph();

  it('reads the sources it checks', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('src/index.ts')!.length).toBeGreaterThan(5);
  });

  it(
    'puts every source file in a layer: no loose file at the top of src/ but the entry, the errors and the ' +
      'version',
    () => {
      const loose = [...graph.keys()].filter((file) => layerOf(file) === undefined);
      expect(loose, `files in no layer of the table in ${path.basename(fileURLToPath(import.meta.url))}`).toEqual([]);
    },
  );

  it('compiles each exported subpath of the packages from a source file it checks', () => {
    const entries = [...packageEntries()];
    expect(entries.map(([specifier]) => specifier)).toEqual(
      expect.arrayContaining([
        'create-cognito-jwt-api',
        'create-cognito-jwt-api/projen',
        'create-cognito-jwt-api/generators/app',
      ]),
    );
    expect(entries.filter(([, source]) => !graph.has(source))).toEqual([]);
  });

  it('resolves every relative import to a checked file', () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no cycle between files', () => {
    const cycles = cyclesOf(graph).map((cycle) => cycle.join(' → '));
    // Each cycle is named by a path round it; a knot of more files shows one path through it.
    expect(cycles, 'import cycles').toEqual([]);
  });

  it('imports only from the same layer or a layer below it', () => {
    const against: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      for (const target of targets) {
        const to = layerOf(target);
        if (from === undefined || to === undefined || from === to) continue;
        if (!(LAYERS[from].uses as readonly string[]).includes(to))
          against.push(`${file} (${from}) → ${target} (${to})`);
      }
    }
    expect(against, 'imports against the layer order').toEqual([]);
  });

  it('declares layers with one direction: the table itself has no cycle', () => {
    const table = new Map(Object.entries(LAYERS).map(([layer, { uses }]) => [layer, [...uses] as string[]]));
    expect(cyclesOf(table).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle and names it', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
