/** Runs a command to completion; a failure carries the command's whole output. */
import { spawn } from 'node:child_process';

export interface Exec {
  code: number | null;
  output: string;
}

export function exec(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<Exec> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } as NodeJS.ProcessEnv });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Like `exec`, but throws unless the command exits 0. */
export async function execOk(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<string> {
  const result = await exec(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code} in ${options.cwd}:\n${result.output}`);
  return result.output;
}
