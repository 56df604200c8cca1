import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planUpdate } from '../../src/update/plan.js';
import { hashOf } from '../../src/update/hash.js';

const file = (path: string, contents: string, ownership: 'managed' | 'sample' = 'managed') => ({
  path,
  contents,
  ownership,
});

describe('planUpdate without a stored base (a project whose pristine store is gone)', () => {
  it('replaces a file whose hash is the recorded one, and marks any other difference as a conflict', () => {
    const current: Record<string, string> = { 'a.ts': 'old a\n', 'b.ts': 'edited b\n' };
    const plan = planUpdate({
      base: new Map(),
      recorded: {
        'a.ts': { hash: hashOf('old a\n'), ownership: 'managed' },
        'b.ts': { hash: hashOf('old b\n'), ownership: 'managed' },
      },
      next: [file('a.ts', 'new a\n'), file('b.ts', 'new b\n')],
      read: (path) => current[path],
    });
    expect(plan.map(({ path, action }) => [path, action])).toEqual([
      ['a.ts', 'update'],
      ['b.ts', 'conflict'],
    ]);
    expect(plan[1]!.result).toContain('<<<<<<< yours\nedited b\n');
  });

  it('keeps a file only you changed, and one only you deleted, when the new output has the recorded hash', () => {
    const plan = planUpdate({
      base: new Map(),
      recorded: {
        'a.ts': { hash: hashOf('same a\n'), ownership: 'managed' },
        'b.ts': { hash: hashOf('same b\n'), ownership: 'managed' },
      },
      next: [file('a.ts', 'same a\n'), file('b.ts', 'same b\n')],
      read: (path) => (path === 'a.ts' ? 'edited a\n' : undefined),
    });
    expect(plan.map(({ path, action, reason }) => [path, action, reason])).toEqual([
      ['a.ts', 'keep', 'changed by you, not by the template: kept'],
      ['b.ts', 'stay-deleted', 'you deleted it: it stays deleted'],
    ]);
    expect(plan.every((entry) => entry.result === undefined)).toBe(true);
  });

  it('recognises an untouched file by the SHA-256 hash of a record made before hashes were FNV-1a', () => {
    const sha256 = `sha256-${createHash('sha256').update('old a\n').digest('hex')}`;
    const plan = planUpdate({
      base: new Map(),
      recorded: { 'a.ts': { hash: sha256, ownership: 'managed' } },
      next: [file('a.ts', 'new a\n')],
      read: () => 'old a\n',
    });
    expect(plan[0]).toMatchObject({ action: 'update', result: 'new a\n' });
  });

  it('keeps a file the template dropped when whether it was edited is unknown', () => {
    const plan = planUpdate({
      base: new Map(),
      recorded: { 'gone.ts': { hash: 'sha256-x', ownership: 'managed' } },
      next: [],
      read: () => 'x',
    });
    expect(plan[0]).toMatchObject({
      action: 'keep',
      reason: 'dropped by the template; kept, as whether you edited it is unknown',
    });
  });
});

describe('planUpdate with a stored base', () => {
  it('deletes a file the template dropped that you left as generated, and keeps one you edited', () => {
    const current: Record<string, string> = { 'gone.ts': 'as generated\n', 'edited.ts': 'yours\n' };
    const plan = planUpdate({
      base: new Map([
        ['gone.ts', 'as generated\n'],
        ['edited.ts', 'as generated\n'],
      ]),
      recorded: {
        'gone.ts': { hash: hashOf('as generated\n'), ownership: 'managed' },
        'edited.ts': { hash: hashOf('as generated\n'), ownership: 'managed' },
      },
      next: [],
      read: (path) => current[path],
    });
    expect(plan.map(({ path, action, reason }) => [path, action, reason])).toEqual([
      ['edited.ts', 'keep', 'dropped by the template, but you edited it: kept'],
      ['gone.ts', 'delete', 'dropped by the template, untouched by you'],
    ]);
  });
});

describe('planUpdate with a file of yours where the template adds one', () => {
  it('merges managed files against an empty base and keeps samples', () => {
    const plan = planUpdate({
      base: new Map(),
      recorded: {},
      next: [file('new.ts', 'template\n'), file('src/handlers/new.ts', 'template\n', 'sample')],
      read: () => 'mine\n',
    });
    expect(plan.map(({ action }) => action)).toEqual(['conflict', 'keep']);
  });
});
