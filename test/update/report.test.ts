/** What an update reports: whether the lock file goes stale, the conflict blocks, the --json document. */
import { describe, expect, it } from 'vitest';
import { conflictHunks, mergeText } from '../../src/update/merge.js';
import type { PlanEntry } from '../../src/update/plan.js';
import { conflictHunksOf, dependenciesChange } from '../../src/update/report.js';

const pkg = (fields: object) => `${JSON.stringify({ name: 'svc', ...fields }, null, 2)}\n`;
const pkgEntry = (current: string | undefined, result: string | null | undefined): PlanEntry => ({
  path: 'package.json',
  action: 'update',
  reason: 'untouched by you: replaced by the new output',
  ownership: 'managed',
  current,
  result,
});

describe('dependenciesChange', () => {
  const before = pkg({ scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4.0.0', tsx: '^4.0.0' } });

  it('is true when a devDependency is bumped, added or removed, or a dependency appears', () => {
    for (const devDependencies of [{ vitest: '^4.1.0', tsx: '^4.0.0' }, { vitest: '^4.0.0' }])
      expect(dependenciesChange([pkgEntry(before, pkg({ scripts: { test: 'vitest run' }, devDependencies }))])).toBe(
        true,
      );
    const withDependency = pkg({ devDependencies: { vitest: '^4.0.0', tsx: '^4.0.0' }, dependencies: { zod: '^4' } });
    expect(dependenciesChange([pkgEntry(before, withDependency)])).toBe(true);
  });

  it('is false when only scripts or the key order change, or package.json does not change', () => {
    const scripts = pkg({
      scripts: { test: 'vitest', dev: 'tsx' },
      devDependencies: { tsx: '^4.0.0', vitest: '^4.0.0' },
    });
    expect(dependenciesChange([pkgEntry(before, scripts)])).toBe(false);
    expect(dependenciesChange([pkgEntry(before, undefined)])).toBe(false);
    expect(dependenciesChange([pkgEntry(before, before)])).toBe(false);
    expect(dependenciesChange([{ ...pkgEntry(before, pkg({})), path: 'other.json' }])).toBe(false);
  });

  it('is true for a package.json the update adds, and for one that is not JSON and changes', () => {
    expect(dependenciesChange([pkgEntry(undefined, before)])).toBe(true);
    expect(dependenciesChange([pkgEntry('{ broken', before)])).toBe(true);
  });
});

describe('conflictHunks', () => {
  it('returns each marker block, from <<<<<<< to >>>>>>>, and nothing around it', () => {
    const { contents } = mergeText('a\nb\nc\nd\ne\n', 'a\nB1\nc\nd\nE1\n', 'a\nB2\nc\nd\nE2\n');
    expect(conflictHunks(contents)).toEqual([
      '<<<<<<< yours\nB1\n||||||| base (as generated)\nb\n=======\nB2\n>>>>>>> template (new)\n',
      '<<<<<<< yours\nE1\n||||||| base (as generated)\ne\n=======\nE2\n>>>>>>> template (new)\n',
    ]);
  });

  it('returns none for a file without markers, and an unclosed block to the end', () => {
    expect(conflictHunks('a\n=======\nb\n')).toEqual([]);
    expect(conflictHunks('a\n<<<<<<< yours\nb\n')).toEqual(['<<<<<<< yours\nb\n']);
  });

  it('reads a new conflict from the merged result, and an earlier one from the file as it is', () => {
    const marked = 'x\n<<<<<<< yours\n1\n=======\n2\n>>>>>>> template (new)\n';
    const plan: PlanEntry[] = [
      { path: 'a.ts', action: 'conflict', reason: '', ownership: 'managed', current: 'x\n', result: marked },
      { path: 'b.ts', action: 'keep', reason: '', ownership: 'managed', current: marked },
    ];
    const hunk = '<<<<<<< yours\n1\n=======\n2\n>>>>>>> template (new)\n';
    expect(conflictHunksOf({ plan, conflicts: ['a.ts', 'b.ts'] })).toEqual([
      { path: 'a.ts', hunks: [hunk] },
      { path: 'b.ts', hunks: [hunk] },
    ]);
  });
});
