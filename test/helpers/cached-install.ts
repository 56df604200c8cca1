/**
 * Tools too large to install on every run (Renovate, a Backstage scaffolder), which tests run for
 * real: installed once into a folder of .cache/ in this checkout, and reused while that folder's
 * package.json is the one the test asks for (change a version, and the folder is installed again).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execOk } from './exec.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CachedInstall {
  /** The folder's name in .cache/. */
  name: string;
  /** The test the folder serves, written into its package.json. */
  description: string;
  dependencies: Record<string, string>;
  /** Written into its package.json too: a change of them installs the folder again. */
  engines?: Record<string, string>;
  /** npm's arguments for the install, e.g. ['install', '--no-audit']. */
  install: readonly string[];
  /** Scripts copied into the folder on every run, to be run there with its node_modules. */
  scripts?: readonly string[];
}

/** The folder .cache/<name>/ of this checkout. */
export const cacheFolder = (name: string): string => path.join(ROOT, '.cache', name);

/** The package.json that `spec` installs from. */
export function cachedManifest(spec: CachedInstall): string {
  const { description, engines, dependencies } = spec;
  const manifest = { private: true, description, type: 'module', ...(engines && { engines }), dependencies };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Installs `spec` into .cache/<name>/ unless that folder already holds it, and returns the folder. */
export async function cachedInstall(spec: CachedInstall): Promise<string> {
  const cache = cacheFolder(spec.name);
  const manifest = path.join(cache, 'package.json');
  const wanted = cachedManifest(spec);
  const reusable =
    existsSync(path.join(cache, 'node_modules/.package-lock.json')) &&
    existsSync(manifest) &&
    readFileSync(manifest, 'utf8') === wanted;
  if (!reusable) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    writeFileSync(manifest, wanted);
    const started = Date.now();
    await execOk('npm', spec.install, { cwd: cache });
    console.log(`${spec.name} installed in .cache/${spec.name}/ in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  for (const script of spec.scripts ?? []) copyFileSync(script, path.join(cache, path.basename(script)));
  return cache;
}
