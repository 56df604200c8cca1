import { describe, expect, it } from 'vitest';
import { mergePackageJson, mergeText } from '../../src/update/merge.js';
import { ANSWERS_SCHEMA_VERSION, migrateAnswers } from '../../src/update/migrations.js';
import { UpdateError } from '../../src/errors.js';

describe('mergeText', () => {
  it('takes changes to different lines from both sides', () => {
    expect(mergeText('a\nb\nc\n', 'A\nb\nc\n', 'a\nb\nC\n')).toEqual({ contents: 'A\nb\nC\n', conflict: false });
  });

  it('marks changes to the same lines diff3-style', () => {
    expect(mergeText('a\nb\n', 'a\nyours\n', 'a\ntheirs\n')).toEqual({
      contents: 'a\n<<<<<<< yours\nyours\n||||||| base (as generated)\nb\n=======\ntheirs\n>>>>>>> template (new)\n',
      conflict: true,
    });
  });

  it('keeps a missing final newline', () => {
    expect(mergeText('a\nb', 'a\nb\nc', 'x\nb')).toEqual({ contents: 'x\nb\nc', conflict: false });
  });
});

describe('mergePackageJson', () => {
  const base = {
    name: 'svc',
    scripts: { test: 'vitest run' },
    devDependencies: { vitest: '^4.0.0', typescript: '~5.9.0', old: '^1.0.0' },
  };
  const merge = (yours: object, template: object) =>
    JSON.parse(mergePackageJson(JSON.stringify(base), JSON.stringify(yours), JSON.stringify(template)).contents);

  it('applies template bumps and removals where you kept the generated value, and keeps yours elsewhere', () => {
    const yours = {
      ...base,
      scripts: { ...base.scripts, lint: 'eslint .' },
      dependencies: { zod: '^4.0.0' },
      devDependencies: { ...base.devDependencies, typescript: '~5.8.0' },
    };
    const template = {
      ...base,
      scripts: { ...base.scripts, dev: 'tsx dev/start.ts' },
      devDependencies: { vitest: '^4.1.0', typescript: '~5.9.3', jose: '^6.0.0' },
    };
    expect(merge(yours, template)).toEqual({
      name: 'svc',
      scripts: { test: 'vitest run', lint: 'eslint .', dev: 'tsx dev/start.ts' },
      devDependencies: { vitest: '^4.1.0', typescript: '~5.8.0', jose: '^6.0.0' },
      dependencies: { zod: '^4.0.0' },
    });
  });

  it('keeps a dependency or script you deleted deleted, even when the template changes it, and says so', () => {
    const { old: _old, ...devDependencies } = base.devDependencies;
    const yours = { ...base, scripts: {}, devDependencies };
    const template = {
      ...base,
      scripts: { test: 'vitest run --coverage' },
      devDependencies: { ...base.devDependencies, old: '^2.0.0', vitest: '^4.1.0' },
    };
    const result = mergePackageJson(JSON.stringify(base), JSON.stringify(yours), JSON.stringify(template));
    expect(JSON.parse(result.contents)).toEqual({
      name: 'svc',
      scripts: {},
      devDependencies: { vitest: '^4.1.0', typescript: '~5.9.0' },
    });
    expect(result.notes).toEqual([
      'kept removed: scripts.test (template now wants "vitest run --coverage")',
      'kept removed: old (template now wants ^2.0.0)',
    ]);
    // Deleted and unchanged by the template: nothing to say.
    expect(mergePackageJson(JSON.stringify(base), JSON.stringify(yours), JSON.stringify(base)).notes).toEqual([]);
  });

  it('falls back to a text merge when a side is not JSON', () => {
    expect(mergePackageJson('{}', '{ broken', '{}').conflict).toBe(false);
  });
});

describe('answer migrations', () => {
  it('move schema-1 answers to the current version, in order, and say what changed', () => {
    const { answers, applied } = migrateAnswers({ runtime: 'nodejs20.x', region: 'eu-west-1' }, 1);
    expect(answers).toEqual({ runtime: 'nodejs22.x', region: 'eu-west-1' });
    expect(applied).toEqual(['1→2: nodejs20.x left Lambda support (April 2026): the runtime moves to nodejs22.x']);
  });

  it('leave current answers alone', () => {
    expect(migrateAnswers({ runtime: 'nodejs24.x' }, ANSWERS_SCHEMA_VERSION)).toEqual({
      answers: { runtime: 'nodejs24.x' },
      applied: [],
    });
  });

  it('refuse answers from a newer tool', () => {
    expect(() => migrateAnswers({}, ANSWERS_SCHEMA_VERSION + 1)).toThrow(UpdateError);
  });
});
