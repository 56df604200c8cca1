// The esbuild plugins of the bundle (scripts/bundle.mjs).

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
