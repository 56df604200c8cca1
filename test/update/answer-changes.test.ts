/** Notes on what a changed answer does beyond the files: origins replaced, an IaC switch, a new name. */
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/schema/parse.js';
import { answerChangeNotes, previousIac } from '../../src/update/answer-changes.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';

const before = {
  ...EXAMPLE_INPUT,
  name: 'orders-api',
  origins: ['https://app.example.com', 'https://old.example.com'],
};

describe('answerChangeNotes', () => {
  it('names the origins --origins removes and adds', () => {
    const answers = parseAnswers({ ...before, origins: ['https://app.example.com', 'https://admin.example.com'] });
    expect(answerChangeNotes(before, answers, { origins: answers.origins })).toEqual([
      '--origins replaces the list of production origins: removed https://old.example.com; added ' +
        'https://admin.example.com (give every origin to keep, comma-separated)',
    ]);
  });

  it('says none was removed when --origins only adds, and nothing when it gives the same list', () => {
    const origins = [...before.origins, 'https://admin.example.com'];
    const answers = parseAnswers({ ...before, origins });
    expect(answerChangeNotes(before, answers, { origins })).toEqual([
      '--origins replaces the list of production origins: removed none; added https://admin.example.com',
    ]);
    expect(answerChangeNotes(before, parseAnswers(before), { origins: [...before.origins] })).toEqual([]);
    // Origins read from src/api.ts are not the flag's doing: that case has its own note.
    expect(answerChangeNotes(before, answers, {})).toEqual([]);
  });

  it("says that a switch of --iac leaves the old flavour's deployment running, and how to tear it down", () => {
    const toTerraform = answerChangeNotes(before, parseAnswers({ ...before, iac: 'terraform' }), { iac: 'terraform' });
    expect(toTerraform).toHaveLength(1);
    expect(toTerraform[0]).toMatch(
      /^--iac changes from cdk to terraform: this update writes Terraform files and removes the AWS CDK ones, but deletes nothing deployed: the stacks orders-api-dev and orders-api-prod in eu-west-1 that the CDK app deployed are left running\. To delete them, run `npm run destroy:dev` and `npm run destroy:prod` while the CDK files are there: before applying this update, or later from the commit before it/,
    );
    const fromTerraform = answerChangeNotes({ ...before, iac: 'terraform' }, parseAnswers(before), { iac: 'cdk' });
    expect(fromTerraform[0]).toContain('run `npm run destroy:dev` and `npm run destroy:prod`');
    expect(fromTerraform[0]).toContain('infra/terraform.tfstate.d/');
    const fromSam = answerChangeNotes({ ...before, iac: 'sam' }, parseAnswers(before), { iac: 'cdk' });
    expect(fromSam[0]).toContain(
      'run `sam delete --stack-name orders-api-dev --region eu-west-1` and ' +
        '`sam delete --stack-name orders-api-prod --region eu-west-1` (they need none',
    );
  });

  it('names the stack as it was deployed, before a rename in the same run', () => {
    const answers = parseAnswers({ ...before, iac: 'sam', name: 'billing-api' });
    const notes = answerChangeNotes({ ...before, iac: 'sam' }, answers, { name: 'billing-api' });
    expect(notes[0]).toMatch(/^the name changes from "orders-api" to "billing-api"/);
    expect(answerChangeNotes(before, answers, { iac: 'sam', name: 'billing-api' })[1]).toContain(
      'the stacks orders-api-dev and orders-api-prod in eu-west-1 that the CDK app deployed',
    );
  });
});

describe('previousIac', () => {
  it('is the stored flavour only when the run switches to another', () => {
    expect(previousIac(before, parseAnswers({ ...before, iac: 'sam' }))).toBe('cdk');
    expect(previousIac(before, parseAnswers(before))).toBeUndefined();
    expect(previousIac({ ...before, iac: 'pulumi' }, parseAnswers(before))).toBeUndefined();
  });
});
