import { describe, expect, it } from 'vitest';
import { questionsFor } from '../src/session/prompts.js';

const byName = (questions: ReturnType<typeof questionsFor>) => Object.fromEntries(questions.map((q) => [q.name, q]));

describe('questions', () => {
  it('asks only for answers not given, in a fixed order, never for --allow-any-origin', () => {
    expect(questionsFor({ region: 'eu-west-1', clientId: 'abc' }).map((q) => q.name)).toEqual([
      'name',
      'userPoolId',
      'origins',
      'scopes',
      'iac',
      'runtime',
    ]);
  });

  it('re-asks an invalid answer with the same message the flag gives', () => {
    const { region } = byName(questionsFor({}));
    expect(region!.validate!('useast1')).toBe(
      '--region "useast1" is not an AWS region code. Expected a region code of AWS or AWS GovCloud (US), e.g. ' +
        '"eu-west-1" or "us-gov-west-1".',
    );
    expect(region!.validate!('us-east-1')).toBe(true);
  });

  it('checks the pool id against the region answered just before', () => {
    const { userPoolId } = byName(questionsFor({}));
    expect(userPoolId!.validate!('eu-west-1_AbC', { region: 'us-east-1' })).toMatch(/starts with "us-east-1_"/);
    expect(userPoolId!.validate!('us-east-1_AbC', { region: 'us-east-1' })).toBe(true);
  });

  it('checks the pool id against a --region given as a flag', () => {
    const { userPoolId } = byName(questionsFor({ region: 'us-east-1' }));
    expect(userPoolId!.validate!('eu-west-1_AbC')).toMatch(/--region is us-east-1/);
  });

  it('lists every problem of an origins answer', () => {
    const { origins } = byName(questionsFor({}));
    expect(String(origins!.validate!('http://a.example.com, https://b.example.com/x')).split('\n')).toHaveLength(2);
    expect(origins!.validate!('*')).toMatch(/--allow-any-origin/);
    expect(byName(questionsFor({ allowAnyOrigin: true })).origins!.validate!('*')).toBe(true);
  });

  it('accepts no scopes', () => {
    const { scopes } = byName(questionsFor({}));
    expect(scopes!.validate!('')).toBe(true);
    expect(scopes!.default).toBe('');
    expect(scopes!.validate!('read')).toMatch(/--scopes "read"/);
  });

  it('offers the IaC flavours and the runtimes as choices, defaulting to the schema default', () => {
    const { iac, runtime } = byName(questionsFor({}));
    expect(iac!.type).toBe('select');
    expect(iac!.choices!.map((choice) => choice.value)).toEqual(['cdk', 'terraform', 'sam']);
    expect(iac!.default).toBe('cdk');
    expect(runtime!.choices!.map((choice) => choice.value)).toEqual(['nodejs24.x', 'nodejs22.x']);
  });

  it('uses the suggested defaults', () => {
    const { name, region } = byName(questionsFor({}, { name: 'svc', region: 'eu-north-1' }));
    expect(name!.default).toBe('svc');
    expect(region!.default).toBe('eu-north-1');
  });
});
