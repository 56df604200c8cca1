/** Runs a command to completion; a failure carries the command's whole output. */
import { spawn } from 'node:child_process';

export interface Exec {
  code: number | null;
  output: string;
}

export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Exec> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: cleanEnv({ NO_COLOR: '1', ...options.env }) });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** This process's environment without colour forcing, plus `extra` (undefined removes a variable). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, ...extra };
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
}

/** Like `exec`, but throws unless the command exits 0. */
export async function execOk(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<string> {
  const result = await exec(command, args, options);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.code} in ${options.cwd}:\n${result.output}`);
  return result.output;
}
