// Bundles the published entry points with their dependencies into dist/, so that `npm create`
// installs one package with no dependencies. The templates are compiled ahead of time into the
// bundle (no template file is read and no template engine loaded at run time); the prompts,
// `update` and the Cognito SDK become chunks that load only when a run needs them. The plugins
// are in bundle-plugins.mjs.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { builtinsWithoutFacade, inlinedVersion, precompiledTemplates } from './bundle-plugins.mjs';

// The precompiler is TypeScript: bundle it to a temporary module, and run it.
const precompiler = 'dist/.precompile.mjs';
await build({ entryPoints: ['src/render/precompile.ts'], outfile: precompiler, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
const { precompiledSource } = await import(new URL(`../${precompiler}`, import.meta.url).href);
const precompiled = precompiledSource();
rmSync(precompiler);

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  // Peers: the user's own installation of Yeoman or projen.
  external: ['yeoman-generator', 'projen', 'constructs'],
  plugins: [precompiledTemplates(precompiled), inlinedVersion(pkg), builtinsWithoutFacade(['src', 'generators'])],
  banner: {
    // Bundled CommonJS dependencies, and the built-ins of this package's own modules, go through require().
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
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
