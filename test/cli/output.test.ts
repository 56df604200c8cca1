/** The command line's output: lines on the standard streams, and a reader that leaves early. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FLAGS } from '../helpers/answers.js';
import { BIN, tempDir } from '../helpers/cli.js';
import { cleanEnv } from '../helpers/exec.js';

describe('the output', () => {
  it('does not stop a run whose reader has gone away (`npm create ... | head -1`): the project is written', async () => {
    const cwd = tempDir();
    const child = spawn(process.execPath, [BIN, 'svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install'], {
      cwd,
      env: cleanEnv({ CI: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Nobody reads standard output: the CLI's writes to it fail with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(path.join(cwd, 'svc', '.yo-rc.json'))).toBe(true);
  });
});
