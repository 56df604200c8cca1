/** Child process groups started by the demo and the bench stop when their parent exits, by a signal handler's exit too. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROCESSES = fileURLToPath(new URL('../../demo/processes.ts', import.meta.url));

/** Whether a process is still running: signal 0 only checks, and a zombie (exited, not yet reaped) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Linux: the state follows the command name in parentheses.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('startProcess', () => {
  it('stops a started group when the parent exits from a signal handler', async () => {
    // The parent starts a child that would run for a minute, prints its pid, and is then sent SIGTERM.
    const parent = `
      import { startProcess } from ${JSON.stringify(PROCESSES)};
      process.once('SIGTERM', () => process.exit(143));
      const started = await startProcess(process.execPath, ['-e', 'console.log("ready"); setTimeout(() => {}, 60000)'], { cwd: ${JSON.stringify(path.dirname(PROCESSES))}, ready: /ready/ });
      console.log(started.child.pid);
      setTimeout(() => {}, 60000);
    `;
    const run = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', parent]);
    const pid = await new Promise<number>((resolve, reject) => {
      run.stdout!.on('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      run.once('exit', (code) => reject(new Error(`parent exited with ${code}`)));
    });
    expect(alive(pid)).toBe(true);
    const exited = new Promise<number | null>((resolve) => run.once('exit', resolve));
    run.kill('SIGTERM');
    expect(await exited).toBe(143);
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  });
});
