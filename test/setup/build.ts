/** Compiles the package once per test run, so that tests of the built CLI see the current code. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function build(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  for (const project of ['tsconfig.json', 'backstage/tsconfig.json']) {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, project)], { cwd: root, stdio: 'inherit' });
  }
}
