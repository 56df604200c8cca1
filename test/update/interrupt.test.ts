/**
 * An update interrupted at any moment leaves the project unchanged or fully updated; one killed
 * outright is completed by the next run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { applyAtomically } from '../../src/update/apply.js';
import { readJournal, replayJournal } from '../../src/update/journal.js';
import { BIN } from '../helpers/cli.js';
import { fixtureCopy, tree, update } from '../helpers/project.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the built CLI's update and sends `signal` after `delayMs`. */
function interruptedUpdate(dir: string, signal: NodeJS.Signals, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'update'], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('an interrupted update', () => {
  it('leaves the project unchanged or fully updated when stopped with SIGTERM or Ctrl-C', async () => {
    const reference = fixtureCopy('cdk');
    const unchanged = tree(reference);
    await update(reference);
    const updated = tree(reference);
    // Every 50 ms from start-up to well past the end of the run, so that some land while files are staged.
    for (const [signal, delayMs] of Array.from(
      { length: 19 },
      (_, i) => [i % 2 ? 'SIGINT' : 'SIGTERM', i * 50] as const,
    )) {
      const dir = fixtureCopy('cdk');
      await interruptedUpdate(dir, signal, delayMs);
      expect([unchanged, updated], `${signal} after ${delayMs} ms`).toContainEqual(tree(dir));
    }
  });

  it('killed outright, is completed by the next run', async () => {
    const reference = fixtureCopy('terraform');
    await update(reference);
    const updated = tree(reference);
    for (const delayMs of [200, 400, 700]) {
      const dir = fixtureCopy('terraform');
      await interruptedUpdate(dir, 'SIGKILL', delayMs);
      await update(dir, '--force'); // the killed run may have left staged files behind
      expect(tree(dir), `SIGKILL after ${delayMs} ms`).toEqual(updated);
    }
  });

  it('finished by a run with --json, says so on stderr, leaving stdout to the report', async () => {
    const dir = fixtureCopy('cdk');
    const staged = path.join(dir, '.cognito-jwt-api', 'staging-XyZ789', 'files');
    mkdirSync(staged, { recursive: true });
    // The run it finishes had written the file as generated: the update goes on from there.
    writeFileSync(path.join(staged, 'README.md'), tree(dir)['README.md']!);
    writeFileSync(
      path.join(dir, '.cognito-jwt-api', 'update-journal.json'),
      JSON.stringify({ staging: 'staging-XyZ789', operations: [['README.md', true]] }),
    );
    const { code, out, err } = await update(dir, '--json', '--force');
    expect(code, err).toBe(0);
    expect(err).toContain('Finished an update that was interrupted.');
    expect(JSON.parse(out)).toMatchObject({ written: true });
  });

  it('stopped while its files are staged, discards them and raises the signal again', async () => {
    const dir = fixtureCopy('cdk');
    const before = tree(dir);
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const others = process.listeners('SIGTERM');
    const applying = applyAtomically(
      dir,
      new Map([
        ['a.txt', 'A'],
        ['nested/b.txt', 'B'],
        ['.nvmrc', null],
      ]),
    );
    const added = process.listeners('SIGTERM').filter((listener) => !others.includes(listener));
    expect(added).toHaveLength(1);
    added[0]!('SIGTERM'); // as the signal arrives while the staged writes are in flight
    await expect(applying).rejects.toBeInstanceOf(CancelledError);
    expect(kill.mock.calls).toEqual([[process.pid, 'SIGTERM']]);
    kill.mockRestore();
    expect(tree(dir)).toEqual(before);
    expect(process.listeners('SIGTERM')).toEqual(others);
  });

  it('stopped during the renames, finishes them and raises the signal again', () => {
    const dir = fixtureCopy('cdk');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./interrupted-renames.ts', import.meta.url)), dir],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.signal).toBe('SIGTERM');
    expect(run.stdout).toBe('');
    const files = tree(dir);
    expect([files['a.txt'], files['nested/b.txt']]).toEqual(['A', 'B']);
    expect(
      Object.keys(files).filter((file) => file.startsWith('.cognito-jwt-api/') && !file.endsWith('pristine.json')),
    ).toEqual([]);
  });

  it('is rolled forward from its journal after a crash in the middle of the renames', async () => {
    const dir = fixtureCopy('cdk');
    const writes = new Map<string, string | null>([
      ['a.txt', 'A'],
      ['nested/b.txt', 'B'],
      ['.nvmrc', null],
    ]);
    await applyAtomically(dir, writes);
    expect(tree(dir)['nested/b.txt']).toBe('B');
    // Simulate a crash after the commit point: a journal with one rename done, one pending.
    const state = path.join(dir, '.cognito-jwt-api');
    mkdirSync(path.join(state, 'staging-AbC123', 'files'), { recursive: true });
    writeFileSync(path.join(state, 'staging-AbC123', 'files', 'c.txt'), 'C');
    writeFileSync(path.join(dir, 'd.txt'), 'D (already moved)');
    writeFileSync(
      path.join(state, 'update-journal.json'),
      JSON.stringify({
        staging: 'staging-AbC123',
        operations: [
          ['d.txt', true],
          ['c.txt', true],
          ['a.txt', false],
        ],
      }),
    );
    const journal = readJournal(dir)!;
    expect(journal.operations).toHaveLength(3);
    replayJournal(dir, journal);
    const files = tree(dir);
    expect(files['c.txt']).toBe('C');
    expect(files['d.txt']).toBe('D (already moved)');
    expect(files['a.txt']).toBeUndefined();
    expect(existsSync(path.join(state, 'update-journal.json'))).toBe(false);
    expect(existsSync(path.join(state, 'staging-AbC123'))).toBe(false);
  });
});
