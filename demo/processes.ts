/** Child processes that announce readiness on stdout, and are always stopped again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningProcess {
  child: ChildProcess;
  /** The first match of the readiness pattern. */
  ready: RegExpMatchArray;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The process groups started here and not stopped yet. Being groups of their own, they get no
 * Ctrl-C or SIGTERM meant for this process, so they are sent SIGTERM when it exits: normally or
 * through process.exit, as the signal handlers of the demo and the bench do (a signal without a
 * handler, or SIGKILL, ends this process with no 'exit' event).
 */
const running = new Set<number>();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

export function startProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; ready: RegExp; timeoutMs?: number },
): Promise<RunningProcess> {
  const env = { ...process.env, ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  // Its own process group, so that stop() reaches the grandchildren (npm → node) too.
  const child = spawn(command, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // Kept until stop(): the group outlives its first process when that one exits before its children.
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    // The whole group, even when its first process has exited: its children may not have.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    if (child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child.pid!);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`${command} ${args.join(' ')} was not ready after ${options.timeoutMs ?? 60_000} ms:\n${output}`),
      );
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = options.ready.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ child, ready, output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** A loopback port that is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
