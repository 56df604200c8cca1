/**
 * The deploy workflow cannot change its own roles, so an update that changes their infrastructure
 * says that an administrator deploys it by hand, and one that removes it says that the roles stay in
 * AWS. Other updates say nothing of them.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { generatedProject, update } from '../helpers/project.js';

const generated = (answers: Record<string, unknown>) =>
  generatedProject('deploy-role-notes', { ...EXAMPLE_INPUT, name: 'svc', ...answers });

const notesOf = (out: string) => out.split('\n').filter((line) => line.startsWith('note: '));

describe.each(['cdk', 'terraform', 'sam'] as const)('update of a %s project with a deploy workflow', (iac) => {
  const ROLE_FILES = { cdk: 'infra/deploy-role', terraform: 'infra/deploy-role/', sam: 'deploy-role.yaml' }[iac];

  it("says that the roles' change is deployed by hand, before the workflow's next run", async () => {
    const dir = generated({ iac, githubRepository: 'acme/orders-api' });
    const { code, out, err } = await update(dir, '--github-repository', 'acme/payments-api');
    expect(code, err).toBe(0);
    const [note, ...others] = notesOf(out).filter((line) => line.includes('deploy roles'));
    expect(others).toEqual([]);
    expect(note).toContain(`the deploy roles change (${ROLE_FILES}`);
    expect(note).toContain('with your own credentials');
    expect(note).not.toContain('test/');
  });

  it('says that removed roles stay in AWS', async () => {
    const dir = generated({ iac, githubRepository: 'acme/orders-api' });
    const { code, out, err } = await update(dir, '--no-github-repository');
    expect(code, err).toBe(0);
    expect(notesOf(out).filter((line) => line.includes('deploy roles'))).toEqual([
      expect.stringMatching(/^note: the deploy roles' infrastructure goes \(.*\), but not from AWS/),
    ]);
  });

  it('says nothing of the roles when they do not change', async () => {
    const dir = generated({ iac, githubRepository: 'acme/orders-api' });
    const { code, out, err } = await update(dir, '--origins', 'https://app.example.com,https://admin.example.com');
    expect(code, err).toBe(0);
    expect(out).toContain('Updated');
    expect(out).not.toContain('deploy roles');
  });
});
