/** The install step: the user's package manager, its own progress output, a clear result. */
import type { PackageManager } from '../../session/package-manager.js';

/** Runs `<pm> install` in `cwd` with the terminal attached; resolves to its exit code. */
export async function runInstall(pm: PackageManager, cwd: string): Promise<number> {
  // Loaded here: a run with --skip-install never needs it.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(pm, ['install'], { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}
