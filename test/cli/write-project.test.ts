/** A new project's folder appears complete or not at all, Ctrl-C and SIGTERM included. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeProject } from '../../src/fronts/cli/write-project.js';
import { CancelledError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp.js';

const FILES: Array<[string, string]> = [
  ['package.json', '{}\n'],
  ['src/api.ts', 'export {};\n'],
];

/** The SIGTERM listeners a call added, found right after the call (the writes are synchronous). */
function addedListeners(start: () => Promise<void>) {
  const others = process.listeners('SIGTERM');
  const done = start();
  return { done, added: process.listeners('SIGTERM').filter((listener) => !others.includes(listener)), others };
}

describe('writeProject into a new folder', () => {
  it('renames the written folder into place and leaves no listener behind', async () => {
    const dir = tempDir('project');
    const { done, added, others } = addedListeners(() => writeProject(path.join(dir, 'svc'), FILES, true));
    expect(added).toHaveLength(1);
    await done;
    expect(readdirSync(dir)).toEqual(['svc']);
    expect(readFileSync(path.join(dir, 'svc', 'src/api.ts'), 'utf8')).toBe('export {};\n');
    expect(process.listeners('SIGTERM')).toEqual(others);
  });

  it(
    'stopped while its files are written, removes them, never creates the folder, and raises the signal ' + 'again',
    async () => {
      const dir = tempDir('project');
      const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
      try {
        const { done, added } = addedListeners(() => writeProject(path.join(dir, 'svc'), FILES, true));
        added[0]!('SIGTERM'); // as a signal that arrived during the writes reaches its listener
        await expect(done).rejects.toBeInstanceOf(CancelledError);
        expect(kill.mock.calls).toEqual([[process.pid, 'SIGTERM']]);
      } finally {
        kill.mockRestore();
      }
      expect(readdirSync(dir)).toEqual([]);
    },
  );
  it('makes the folders above a new project that are missing, as mkdir -p does', async () => {
    const dir = tempDir('project');
    await writeProject(path.join(dir, 'services', 'team', 'svc'), FILES, true);
    expect(readdirSync(path.join(dir, 'services', 'team'))).toEqual(['svc']);
    expect(readFileSync(path.join(dir, 'services', 'team', 'svc', 'package.json'), 'utf8')).toBe('{}\n');
  });

  it('stopped, removes the folders above the project that it made, and only those', async () => {
    const dir = tempDir('project');
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    try {
      const { done, added } = addedListeners(() => writeProject(path.join(dir, 'services', 'svc'), FILES, true));
      added[0]!('SIGTERM');
      await expect(done).rejects.toBeInstanceOf(CancelledError);
    } finally {
      kill.mockRestore();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeProject into an existing folder (--force)', () => {
  it('stopped while its files are staged, leaves the folder as it was, and raises the signal again', async () => {
    const dir = tempDir('project');
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    try {
      const { done, added } = addedListeners(() => writeProject(dir, FILES, false));
      added[0]!('SIGINT');
      await expect(done).rejects.toBeInstanceOf(CancelledError);
      expect(kill.mock.calls).toEqual([[process.pid, 'SIGINT']]);
    } finally {
      kill.mockRestore();
    }
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
