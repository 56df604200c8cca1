// The esbuild plugins of the bundle (scripts/bundle.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** Puts the compiled templates (`precompiled`, a module's source) in place of src/render/precompiled.ts, and leaves EJS out. */
export function precompiledTemplates(precompiled) {
  return {
    name: 'precompiled-templates',
    setup(esbuild) {
      esbuild.onLoad({ filter: /src[\\/]render[\\/]precompiled\.ts$/ }, () => ({ contents: precompiled, loader: 'js' }));
      esbuild.onResolve({ filter: /^ejs$/ }, () => ({ path: 'ejs', namespace: 'no-ejs' }));
      esbuild.onLoad({ filter: /.*/, namespace: 'no-ejs' }, () => ({
        contents: "export default { Template: class { constructor() { throw new Error('this build renders precompiled templates only'); } } };",
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
        contents: `export const PACKAGE_NAME = ${JSON.stringify(name)};\nexport const PACKAGE_VERSION = ${JSON.stringify(version)};\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Node built-ins through require() instead of `import`, in this package's own modules (`folders`).
 * Importing a built-in from an ES module builds a facade that reads every export, lazy ones
 * included: `node:fs` then loads fs/promises (and readline with it), `node:crypto` loads Web
 * Crypto. The replacement exports only the names the sources import, found by reading them; a
 * name missed fails the build, and so does an import this reading cannot follow. Bundled
 * dependencies keep their imports: they load only in the runs that need them.
 */
export function builtinsWithoutFacade(folders) {
  const sources = folders
    .flatMap((folder) => readdirSync(folder, { recursive: true }).map((file) => join(folder, file)))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const bare = new RegExp(`from\\s+['"](${builtinModules.filter((name) => !name.startsWith('_')).join('|')})['"]`);
  for (const { file, text } of sources) {
    const unfollowed = /import\s+\*\s+as\s+[\w$]+\s+from\s+['"]node:|export\s+[^;]*from\s+['"]node:/.exec(text) ?? bare.exec(text);
    if (unfollowed) throw new Error(`${file}: "${unfollowed[0]}" cannot be bundled without a facade. Import the names it uses, from a node: specifier.`);
  }
  const importedNames = (specifier) => {
    const names = new Set();
    const statement = new RegExp(`import\\s+(type\\s+)?(?:[\\w$]+\\s*,?\\s*)?(?:\\{([^}]*)\\})?\\s*from\\s*['"]${specifier}['"]`, 'g');
    for (const { text } of sources) {
      for (const [, typeOnly, list] of text.matchAll(statement)) {
        if (typeOnly) continue;
        for (const item of (list ?? '').split(',')) {
          const name = item.trim().split(/\s+as\s+/)[0];
          if (name && !name.startsWith('type ')) names.add(name);
        }
      }
    }
    return [...names].sort();
  };
  const own = new RegExp(`[\\\\/](${folders.join('|')})[\\\\/]`);
  return {
    name: 'builtins-without-facade',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^node:/ }, ({ path: specifier, importer, kind }) =>
        kind === 'import-statement' && own.test(importer) && !importer.includes('node_modules') ? { path: specifier, namespace: 'builtin' } : undefined,
      );
      esbuild.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path: specifier }) => {
        const names = importedNames(specifier);
        return {
          // require() here is the one the banner defines: a CommonJS require returns the module itself.
          contents: `const m = require(${JSON.stringify(specifier)});\nexport default m;\n${names.length > 0 ? `export const { ${names.join(', ')} } = m;\n` : ''}`,
          loader: 'js',
        };
      });
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
