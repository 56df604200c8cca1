import { describe, expect, it } from 'vitest';
import { promptLabels, questionFor, questionsFor } from '../src/session/prompts.js';

const byName = (questions: ReturnType<typeof questionsFor>) => Object.fromEntries(questions.map((q) => [q.name, q]));

describe('questions', () => {
  it('asks only for answers not given, in a fixed order: never the region, the runtime or --allow-any-origin', () => {
    expect(questionsFor({ clientId: 'abc' }).map((q) => q.name)).toEqual([
      'name',
      'userPoolId',
      'origins',
      'devOrigins',
      'scopes',
      'iac',
    ]);
  });

  it('never asks for a custom domain: an optional one, given as --domain and --certificate-arn or not at all', () => {
    const asked = questionsFor({}).map((q) => q.name);
    expect(asked).not.toContain('domain');
    expect(asked).not.toContain('certificateArn');
  });

  it("re-asks an invalid answer with the rule's message, naming the answer by its question", () => {
    const { userPoolId, clientId } = byName(questionsFor({}));
    expect(userPoolId!.validate!('euwest1')).toBe(
      'Cognito user pool ID "euwest1" is not a Cognito user pool id. Expected a Cognito user pool id ' +
        '"<region>_<id>", e.g. "eu-west-1_AbCdEfGhI".',
    );
    expect(clientId!.validate!('not valid')).toMatch(/^Cognito app client ID "not valid" is not/);
    expect(userPoolId!.validate!('us-east-1_AbC')).toBe(true);
  });

  it('checks what is inside pasted text: spaces and line ends around an answer do not count', () => {
    const { clientId, origins } = byName(questionsFor({}));
    expect(clientId!.validate!(' 1example23456789abcdefghij \n')).toBe(true);
    expect(origins!.validate!(' https://app.example.com ')).toBe(true);
  });

  it('checks the pool id against a --region given as a flag, naming the flag', () => {
    const question = questionFor('userPoolId', { region: 'us-east-1' }, { labels: promptLabels(['region']) });
    expect(question.validate!('eu-west-1_AbC')).toMatch(
      /^Cognito user pool ID "eu-west-1_AbC" is in region eu-west-1 but --region is us-east-1\./,
    );
  });

  it('lists every problem of an origins answer, and leaves "*" to the choice that follows', () => {
    const { origins } = byName(questionsFor({}));
    expect(String(origins!.validate!('http://a.example.com, https://b.example.com/x')).split('\n')).toHaveLength(2);
    expect(origins!.validate!('*')).toBe(true);
    expect(origins!.message).toContain('comma-separated');
    // Production's origins have no default: a local dev server's address belongs to the dev environment.
    expect(origins!.default).toBeUndefined();
  });

  it("asks for the dev environment's origins next, a local front end's by default, loopback allowed", () => {
    const { devOrigins } = byName(questionsFor({}));
    expect(devOrigins!.message).toBe('Dev browser origins (comma-separated)');
    expect(devOrigins!.default).toBe('http://localhost:5173');
    expect(devOrigins!.validate!('http://localhost:5173, http://127.0.0.1:3000')).toBe(true);
    expect(devOrigins!.validate!('http://dev.example.com')).toMatch(
      /^Dev browser origins "http:\/\/dev\.example\.com" uses http/,
    );
  });

  it('accepts no scopes', () => {
    const { scopes } = byName(questionsFor({}));
    expect(scopes!.validate!('')).toBe(true);
    expect(scopes!.default).toBe('');
    expect(scopes!.validate!('read')).toMatch(/^OAuth scopes "read"/);
  });

  it('offers the IaC flavours as choices, defaulting to the schema default', () => {
    const { iac } = byName(questionsFor({}));
    expect(iac!.type).toBe('select');
    expect(iac!.choices!.map((choice) => choice.value)).toEqual(['cdk', 'terraform', 'sam']);
    expect(iac!.default).toBe('cdk');
  });

  it('uses the suggested defaults', () => {
    const { name } = byName(questionsFor({}, { name: 'svc' }));
    expect(name!.default).toBe('svc');
  });
});
