/** A generated service, scaffolded by the built CLI and served by its own `npm run dev`. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, type RunningProcess } from './processes.js';

/** The built CLI (`npm run build`). */
export const BIN = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));

export interface ServiceAnswers {
  region: string;
  userPoolId: string;
  clientId: string;
  /** The production environment's origins. */
  origins: readonly string[];
  /** The dev environment's, which `npm run dev` allows. */
  devOrigins: readonly string[];
  iac?: 'cdk' | 'terraform' | 'sam';
}

/** Runs the CLI non-interactively, with its install step; rejects with its output on failure. */
export function scaffold(dir: string, answers: ServiceAnswers): Promise<string> {
  const args = [
    BIN,
    dir,
    '--region',
    answers.region,
    '--user-pool-id',
    answers.userPoolId,
    '--client-id',
    answers.clientId,
    '--origins',
    answers.origins.join(','),
    '--dev-origins',
    answers.devOrigins.join(','),
    '--iac',
    answers.iac ?? 'cdk',
    '--yes',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: path.dirname(dir), env: { ...process.env, CI: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`scaffolding failed (${code}):\n${output}`)),
    );
  });
}

export interface DevServer extends RunningProcess {
  url: string;
}

/** `npm run dev` in the project, on a free loopback port, trusting `issuer`. */
export async function startDevServer(projectDir: string, issuer: string): Promise<DevServer> {
  const running = await startProcess('npm', ['run', 'dev', '--silent'], {
    cwd: projectDir,
    env: { PORT: '0', HOST: '127.0.0.1', ISSUER: issuer },
    ready: /listening on (http:\/\/\S+)/,
  });
  return { ...running, url: running.ready[1]! };
}
