// Bundles the published entry points with their dependencies into dist/, so that `npm create`
// installs one package with no dependencies. The templates are compiled ahead of time into the
// bundle (no template file is read and no template engine loaded at run time). The command line
// is one CommonJS script that its entry runs with a code cache (src/fronts/cli/bin.cts); the
// Cognito SDK is a file of its own that only --verify and the pickers load, ACM's SDK one that only
// --verify of a custom domain loads, and so are the TypeScript parser (Babel's) and the YAML
// parser, which only `update` loads (to read a project's src/api.ts, and to keep two values of its
// catalog-info.yaml current). The plugins are in bundle-plugins.mjs.
//
// `--outdir <folder>` writes the bundles there instead of dist/. `--without <trick>` builds the
// package with one of its speed tricks replaced by the plain way, for the bench
// (`npm run bench -- --tricks`): every file under bench/plain/<trick>/ stands in for the source
// file at the same path. The published build takes neither.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { inlinedVersion, precompiledTemplates, replacedSources, requiredApart } from './bundle-plugins.mjs';

const { values: options } = parseArgs({ options: { outdir: { type: 'string' }, without: { type: 'string' } } });
const out = path.resolve(options.outdir ?? 'dist');
const plain = options.without === undefined ? undefined : path.join('bench', 'plain', options.without);
if (plain !== undefined && (!/^[\w-]+$/.test(options.without) || !existsSync(plain))) {
  const tricks = readdirSync(path.join('bench', 'plain')).join(', ');
  throw new Error(`--without ${options.without}: no such speed trick. Expected one of ${tricks}.`);
}
// The plain way of a trick, in place of its sources.
const variant = plain === undefined ? [] : [replacedSources(plain)];
// The command line's script runs with the code cache of src/fronts/cli/bin.cts unless it is left out.
const codeCache = options.without !== 'code-cache';

// The precompiler is TypeScript: bundle it to a temporary module, and run it (from dist/, where
// the packages it imports resolve).
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
  plugins: [precompiledTemplates(precompiled), inlinedVersion(pkg), ...variant],
  banner: {
    // Bundled CommonJS dependencies call require() for Node built-ins.
    js:
      "import { createRequire as __createRequire } from 'node:module'; " +
      'const require = __createRequire(import.meta.url);',
  },
};

// Every earlier output of this script goes first (dist/types is the compiler's).
rmSync(path.join(out, 'cli'), { recursive: true, force: true });
rmSync(path.join(out, 'chunks'), { recursive: true, force: true });
for (const file of readdirSync(out)) if (/\.c?js$/.test(file)) rmSync(path.join(out, file));

// The command line: CommonJS, so that its entry can run it as a script with a code cache; every
// import() becomes a require() of the same file, except the SDK's.
const commandLine = {
  ...shared,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  supported: { 'dynamic-import': false },
};
const SDK = '@aws-sdk/client-cognito-identity-provider';
// ACM's client, for --verify's check of a custom domain's certificate: a file of its own too.
const ACM_SDK = '@aws-sdk/client-acm';
const PARSER = '@babel/parser';
const YAML = 'yaml';
const { metafile } = await build({
  ...commandLine,
  entryPoints: { main: 'src/fronts/cli/main.ts' },
  outdir: path.join(out, 'cli'),
  entryNames: '[name]-[hash]',
  metafile: true,
  plugins: [
    precompiledTemplates(precompiled),
    inlinedVersion(pkg),
    requiredApart(SDK, './aws-sdk.cjs'),
    requiredApart(ACM_SDK, './aws-acm.cjs'),
    requiredApart(PARSER, './typescript-parser.cjs'),
    requiredApart(YAML, './yaml.cjs'),
    ...variant,
  ],
  // The renderer's import.meta.url (only read from the sources, where templates come from disk).
  define: { 'import.meta.url': '__meta.url' },
  // With the code cache, the script is the function a CommonJS module's code is wrapped in,
  // written out (its entry compiles the file as it is, without a copy of it in a wrapper), opened
  // on the first line so that line numbers stay the file's; without it, a CommonJS module.
  banner: {
    js:
      `${codeCache ? '(function (exports, require, module, __filename, __dirname) { ' : ''}'use strict'; ` +
      "var __meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
  },
  footer: { js: codeCache ? '})' : '' },
});
await build({ ...commandLine, entryPoints: { 'aws-sdk': SDK }, outdir: path.join(out, 'cli') });
await build({ ...commandLine, entryPoints: { 'aws-acm': ACM_SDK }, outdir: path.join(out, 'cli') });
await build({ ...commandLine, entryPoints: { 'typescript-parser': PARSER }, outdir: path.join(out, 'cli') });
await build({ ...commandLine, entryPoints: { yaml: YAML }, outdir: path.join(out, 'cli') });
const script = path.basename(Object.keys(metafile.outputs).find((file) => file.endsWith('.cjs')));
await build({
  ...commandLine,
  entryPoints: { cli: 'src/fronts/cli/bin.cts' },
  outdir: out,
  define: { CLI_SCRIPT: JSON.stringify(script) },
  plugins: variant,
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
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [...common.plugins, requiredApart(PARSER, './cli/typescript-parser.cjs')],
});
