/** Runs the built CLI as a child process, the way users run it. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN } from '../../demo/service.js';
import { cleanEnv } from './exec.js';

export { BIN };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  const env = cleanEnv({ CI: undefined, npm_config_user_agent: undefined, NO_COLOR: '1', ...options.env });
  return runNode(BIN, args, { cwd: options.cwd, env });
}

/** `script` run by this Node.js with `env` as the whole environment, its output collected. */
export function runNode(
  script: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export { tempDir } from './temp.js';

/** Every file below `dir`, as relative paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
