// Bundles the published entry points with their dependencies into dist/, so that `npm create`
// installs one package with no dependencies. The templates are compiled ahead of time into the
// bundle (no template file is read and no template engine loaded at run time); the prompts,
// `update` and the Cognito SDK become chunks that load only when a run needs them.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// The precompiler is TypeScript: bundle it to a temporary module, and run it.
const precompiler = 'dist/.precompile.mjs';
await build({ entryPoints: ['src/render/precompile.ts'], outfile: precompiler, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const { precompiledSource } = await import(new URL(`../${precompiler}`, import.meta.url).href);
const precompiled = precompiledSource();
rmSync(precompiler);

/** Puts the compiled templates in place of src/render/precompiled.ts, and leaves EJS out. */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(esbuild) {
    esbuild.onLoad({ filter: /src[\\/]render[\\/]precompiled\.ts$/ }, () => ({ contents: precompiled, loader: 'js' }));
    esbuild.onResolve({ filter: /^ejs$/ }, () => ({ path: 'ejs', namespace: 'no-ejs' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'no-ejs' }, () => ({
      contents: "export default { compile() { throw new Error('this build renders precompiled templates only'); } };",
      loader: 'js',
    }));
  },
};

/** Puts this package's name and version in place of src/version.ts, so that no run reads package.json. */
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const inlinedVersion = {
  name: 'inlined-version',
  setup(esbuild) {
    esbuild.onLoad({ filter: /src[\\/]version\.ts$/ }, () => ({
      contents: `export const PACKAGE_NAME = ${JSON.stringify(name)};\nexport const PACKAGE_VERSION = ${JSON.stringify(version)};\n`,
      loader: 'js',
    }));
  },
};

/**
 * Node built-ins through process.getBuiltinModule() instead of `import`, in this package's own
 * modules. Importing a built-in from an ES module builds a facade that reads every export, lazy
 * ones included: `node:fs` then loads fs/promises (and readline with it), `node:crypto` loads Web
 * Crypto. The replacement exports only the names the sources import (found by reading them; a
 * name missed here fails the build). Bundled dependencies keep their imports: they load only in
 * the runs that need them.
 */
const ownSources = ['src', 'generators']
  .flatMap((folder) => readdirSync(folder, { recursive: true }).map((file) => path.join(folder, file)))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(file, 'utf8'));
for (const source of ownSources) {
  const namespace = /import\s+\*\s+as\s+\w+\s+from\s+'(node:[^']+)'/.exec(source);
  if (namespace) throw new Error(`import * from '${namespace[1]}' cannot be bundled without a facade: import the names it uses`);
}
const importedNames = (specifier) => {
  const names = new Set();
  const statement = new RegExp(`import\\s+(type\\s+)?(?:[\\w$]+\\s*,?\\s*)?(?:\\{([^}]*)\\})?\\s*from\\s*'${specifier}'`, 'g');
  for (const source of ownSources) {
    for (const [, typeOnly, list] of source.matchAll(statement)) {
      if (typeOnly) continue;
      for (const item of (list ?? '').split(',')) {
        const name = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
        if (name && !item.trim().startsWith('type ')) names.add(name);
      }
    }
  }
  return [...names].sort();
};
const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:/ }, ({ path, importer, kind }) =>
      kind === 'import-statement' && /[\\/](src|generators)[\\/]/.test(importer) && !importer.includes('node_modules') ? { path, namespace: 'builtin' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path }) => {
      const names = importedNames(path);
      return {
        contents: `const m = process.getBuiltinModule(${JSON.stringify(path)});\nexport default m;\n${names.length > 0 ? `export const { ${names.join(', ')} } = m;\n` : ''}`,
        loader: 'js',
      };
    });
  },
};

const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  // Peers: the user's own installation of Yeoman or projen.
  external: ['yeoman-generator', 'projen', 'constructs'],
  plugins: [precompiledTemplates, inlinedVersion, builtinsWithoutFacade],
  banner: {
    // Bundled CommonJS dependencies call require() for Node built-ins.
    js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
};

rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/chunks', { recursive: true, force: true });

// The command line on its own: one file for a run with flags, chunks for what only some runs load.
await build({ ...common, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: 'dist', chunkNames: 'cli/[name]-[hash]' });

// The library entry points, sharing chunks.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', projen: 'src/projen/index.ts', generator: 'generators/app/index.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
});
