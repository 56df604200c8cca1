// Bundles the published entry points with their dependencies into dist/, so that `npm create`
// installs one package with no dependencies. The templates are compiled ahead of time into the
// bundle (no template file is read and no template engine loaded at run time). The command line
// is one CommonJS script that its entry runs with a code cache (src/fronts/cli/bin.cts); the
// Cognito SDK is a file of its own that only --verify and the pickers load, and so are the
// TypeScript and YAML parsers, which only `update` loads (to read a project's src/api.ts, and to
// keep two values of its catalog-info.yaml current). The plugins are in bundle-plugins.mjs.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { inlinedVersion, precompiledTemplates, requiredApart } from './bundle-plugins.mjs';

// The precompiler is TypeScript: bundle it to a temporary module, and run it.
const precompiler = 'dist/.precompile.mjs';
await build({
  entryPoints: ['src/render/precompile.ts'],
  outfile: precompiler,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const { precompiledSource } = await import(new URL(`../${precompiler}`, import.meta.url).href);
const precompiled = precompiledSource();
rmSync(precompiler);

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

const common = {
  ...shared,
  splitting: true,
  format: 'esm',
  // Error classes name themselves after their class (errors.ts), which library users and
  // Backstage's task logs show; the command line prints messages only, and keeps its start fast.
  keepNames: true,
  // Peers: the user's own installation of Yeoman or projen.
  external: ['yeoman-generator', 'projen', 'constructs'],
  plugins: [precompiledTemplates(precompiled), inlinedVersion(pkg)],
  banner: {
    // Bundled CommonJS dependencies call require() for Node built-ins.
    js:
      "import { createRequire as __createRequire } from 'node:module'; " +
      'const require = __createRequire(import.meta.url);',
  },
};

// Every earlier output of this script goes first (dist/types is the compiler's).
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/chunks', { recursive: true, force: true });
for (const file of readdirSync('dist')) if (/\.c?js$/.test(file)) rmSync(`dist/${file}`);

// The command line: CommonJS, so that its entry can run it as a script with a code cache; every
// import() becomes a require() of the same file, except the SDK's.
const commandLine = {
  ...shared,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  supported: { 'dynamic-import': false },
};
const SDK = '@aws-sdk/client-cognito-identity-provider';
const PARSER = 'typescript';
const YAML = 'yaml';
const { metafile } = await build({
  ...commandLine,
  entryPoints: { main: 'src/fronts/cli/main.ts' },
  outdir: 'dist/cli',
  entryNames: '[name]-[hash]',
  metafile: true,
  plugins: [
    precompiledTemplates(precompiled),
    inlinedVersion(pkg),
    requiredApart(SDK, './aws-sdk.cjs'),
    requiredApart(PARSER, './typescript.cjs'),
    requiredApart(YAML, './yaml.cjs'),
  ],
  // The renderer's import.meta.url (only read from the sources, where templates come from disk).
  define: { 'import.meta.url': '__meta.url' },
  // The script is the function a CommonJS module's code is wrapped in, written out (its entry
  // compiles the file as it is, without a copy of it in a wrapper), opened on the first line so
  // that line numbers stay the file's.
  banner: {
    js:
      "(function (exports, require, module, __filename, __dirname) { 'use strict'; " +
      "var __meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
  },
  footer: { js: '})' },
});
await build({ ...commandLine, entryPoints: { 'aws-sdk': SDK }, outdir: 'dist/cli' });
await build({ ...commandLine, entryPoints: { typescript: PARSER }, outdir: 'dist/cli' });
await build({ ...commandLine, entryPoints: { yaml: YAML }, outdir: 'dist/cli' });
const script = path.basename(Object.keys(metafile.outputs).find((file) => file.endsWith('.cjs')));
await build({
  ...commandLine,
  entryPoints: { cli: 'src/fronts/cli/bin.cts' },
  outdir: 'dist',
  define: { CLI_SCRIPT: JSON.stringify(script) },
});

// The library entry points, sharing chunks. The update entry takes the TypeScript parser from the
// command line's file: only that entry imports it, so the import stays in dist/update.js, beside
// dist/cli/ (the bundle test loads it).
await build({
  ...common,
  entryPoints: {
    index: 'src/index.ts',
    update: 'src/update-api.ts',
    projen: 'src/fronts/projen/index.ts',
    generator: 'generators/app/index.ts',
  },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [...common.plugins, requiredApart(PARSER, './cli/typescript.cjs')],
});
