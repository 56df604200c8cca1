/** Compiles the package once per test run, so that tests of the built CLI see the current code. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function build(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // As `npm run build`: declarations, the bundles, the Backstage module.
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'backstage/tsconfig.json')], {
    cwd: root,
    stdio: 'inherit',
  });
}
