/**
 * An update interrupted at any moment leaves the project unchanged or fully updated; one killed
 * outright is completed by the next run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAtomically, finishJournal } from '../../src/update/apply.js';
import { BIN } from '../helpers/cli.js';
import { fixtureCopy, tree, update } from '../helpers/project.js';

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
    for (const [signal, delayMs] of [['SIGTERM', 0], ['SIGINT', 150], ['SIGTERM', 300], ['SIGINT', 450], ['SIGTERM', 600], ['SIGTERM', 900]] as const) {
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

  it('is rolled forward from its journal after a crash in the middle of the renames', () => {
    const dir = fixtureCopy('cdk');
    const writes = new Map<string, string | null>([
      ['a.txt', 'A'],
      ['nested/b.txt', 'B'],
      ['.nvmrc', null],
    ]);
    applyAtomically(dir, writes);
    expect(tree(dir)['nested/b.txt']).toBe('B');
    // Simulate a crash after the commit point: a journal with one rename done, one pending.
    const state = path.join(dir, '.cognito-jwt-api');
    mkdirSync(path.join(state, 'staging'), { recursive: true });
    writeFileSync(path.join(state, 'staging', 'c.txt'), 'C');
    writeFileSync(path.join(dir, 'd.txt'), 'D (already moved)');
    writeFileSync(path.join(state, 'update-journal.json'), JSON.stringify({ operations: [['d.txt', true], ['c.txt', true], ['a.txt', false]] }));
    expect(finishJournal(dir)).toBe(true);
    const files = tree(dir);
    expect(files['c.txt']).toBe('C');
    expect(files['d.txt']).toBe('D (already moved)');
    expect(files['a.txt']).toBeUndefined();
    expect(existsSync(path.join(state, 'update-journal.json'))).toBe(false);
    expect(existsSync(path.join(state, 'staging'))).toBe(false);
  });
});
