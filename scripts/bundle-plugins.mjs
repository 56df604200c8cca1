// The esbuild plugins of the bundle (scripts/bundle.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Puts the compiled templates (`precompiled`, a module's source) in place of src/render/precompiled.ts, and leaves EJS
 * out.
 */
export function precompiledTemplates(precompiled) {
  return {
    name: 'precompiled-templates',
    setup(esbuild) {
      esbuild.onLoad({ filter: /src[\\/]render[\\/]precompiled\.ts$/ }, () => ({
        contents: precompiled,
        loader: 'js',
      }));
      esbuild.onResolve({ filter: /^ejs$/ }, () => ({ path: 'ejs', namespace: 'no-ejs' }));
      esbuild.onLoad({ filter: /.*/, namespace: 'no-ejs' }, () => ({
        contents:
          'export default { Template: class { constructor() { ' +
          "throw new Error('this build renders precompiled templates only'); } } };",
        loader: 'js',
      }));
    },
  };
}

/** Puts this package's name and version in place of src/version.ts, so that no run reads package.json. */
export function inlinedVersion({ name, version }) {
  return {
    name: 'inlined-version',
    setup(esbuild) {
      esbuild.onLoad({ filter: /src[\\/]version\.ts$/ }, () => ({
        contents:
          `export const PACKAGE_NAME = ${JSON.stringify(name)};\nexport const PACKAGE_VERSION = ` +
          `${JSON.stringify(version)};\n`,
        loader: 'js',
      }));
    },
  };
}

/** Leaves `specifier` out of the bundle, as a require() of `file` (a bundle of its own, beside the output). */
export function requiredApart(specifier, file) {
  return {
    name: 'required-apart',
    setup(esbuild) {
      const filter = new RegExp(`^${specifier.replace(/[/.@-]/g, '\\$&')}$`);
      esbuild.onResolve({ filter }, () => ({ path: file, external: true }));
    },
  };
}

/**
 * Loads, in place of each source file, the file at the same path under `folder` where there is one
 * (`bundle.mjs --without <trick>`). Its imports resolve as the source file's would.
 */
export function replacedSources(folder) {
  const root = process.cwd();
  const replaced = new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.join(root, path.relative(folder, file)), file];
      }),
  );
  return {
    name: 'replaced-sources',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.c?ts$/ }, ({ path: source }) => {
        const file = replaced.get(source);
        return file && { contents: readFileSync(file, 'utf8'), loader: 'ts', resolveDir: path.dirname(source) };
      });
    },
  };
}
