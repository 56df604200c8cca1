/**
 * Figure 2: what `npm create` must install to run the CLI: packages and bytes, for this package
 * (packed) beside create-vite, each installed alone into an empty folder.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { mb, packedTarball, ratio, scratch, sizeOf, timed } from './shared.js';

function installed(spec: string): { packages: number; bytes: number } {
  const work = scratch('footprint');
  timed('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', spec], { cwd: work });
  const modules = path.join(work, 'node_modules');
  const packages = readdirSync(modules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.name.startsWith('@') ? readdirSync(path.join(modules, entry.name)) : [entry.name],
    ).length;
  return { packages, bytes: sizeOf(modules) };
}

export function benchFootprint(): string {
  const ours = installed(packedTarball(scratch('pack')));
  const vite = installed('create-vite@latest');
  console.log('== 2. Installed footprint of the CLI (a fresh install of the package alone)');
  console.log(
    `   create-cognito-jwt-api   ${String(ours.packages).padStart(4)} package(s)   ${mb(ours.bytes).padStart(9)}`,
  );
  console.log(
    `   create-vite              ${String(vite.packages).padStart(4)} package(s)   ${mb(vite.bytes).padStart(9)}`,
  );
  console.log(
    `   ratio (bytes): ${ratio(ours.bytes, vite.bytes)}; what remains is the bundled AWS SDKs (loaded only by ` +
      `--verify and the pickers), the templates and the parsers update loads\n`,
  );
  return `footprint: ${ours.packages} package(s), ${mb(ours.bytes)} vs create-vite ${vite.packages}, ${mb(vite.bytes)}`;
}
