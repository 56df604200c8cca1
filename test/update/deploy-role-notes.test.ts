/**
 * The deploy workflow cannot change its own roles, so an update that changes their infrastructure
 * says that an administrator deploys it by hand before the change reaches main, one that removes it
 * says that the roles stay in AWS, and one that moves them to another flavour says to delete the
 * old ones first. Other updates say nothing of them. The files named are the render's own.
 */
import { describe, expect, it } from 'vitest';
import { isDeployRoleInfrastructure } from '../../src/render/ci.js';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { commitAll, generatedProject, read, update, write } from '../helpers/project.js';

type Iac = 'cdk' | 'terraform' | 'sam';
const answersOf = (answers: Record<string, unknown>) => ({ ...EXAMPLE_INPUT, name: 'svc', ...answers });
const generated = (answers: Record<string, unknown>) => generatedProject('deploy-role-notes', answersOf(answers));
/** The deploy roles' infrastructure a render holds, path → contents. */
const roleFiles = (answers: Record<string, unknown>) =>
  new Map(
    renderProject(parseAnswers(answersOf(answers)))
      .filter((file) => isDeployRoleInfrastructure(file.path))
      .map((file) => [file.path, file.contents]),
  );
const roleNotes = (out: string) =>
  out.split('\n').filter((line) => line.startsWith('note: ') && line.includes('deploy roles'));

describe.each(['cdk', 'terraform', 'sam'] as const)('update of a %s project with a deploy workflow', (iac) => {
  const before = { iac, githubRepository: 'acme/orders-api' };

  it('names the role files that change, to be deployed by hand before the change reaches main', async () => {
    const after = { ...before, githubRepository: 'acme/payments-api' };
    const [old, next] = [roleFiles(before), roleFiles(after)];
    const changed = [...next.keys()].filter((file) => next.get(file) !== old.get(file));
    expect(changed.length).toBeGreaterThan(0);
    const { code, out, err } = await update(generated(before), '--github-repository', after.githubRepository);
    expect(code, err).toBe(0);
    expect(roleNotes(out)).toEqual([
      `note: the deploy roles change (${changed.join(', ')}): deploy them with your own credentials, as ` +
        'README.md\'s "Deploy from GitHub Actions" says, before this change reaches main (a push to main ' +
        'deploys dev, which they may refuse until then)',
    ]);
  });

  it('says that removed roles stay in AWS, naming a role file kept because it was edited', async () => {
    const dir = generated(before);
    const files = [...roleFiles(before).keys()];
    write(dir, files[0]!, `${read(dir, files[0]!)}\n`);
    commitAll(dir, 'an edit of the roles');
    const { code, out, err } = await update(dir, '--no-github-repository');
    expect(code, err).toBe(0);
    expect(roleNotes(out)).toEqual([
      `note: the deploy roles' infrastructure goes (${files.join(', ')}), but not from AWS: its roles still ` +
        "trust the repository's deploy jobs until you delete what it deployed, with your own credentials",
    ]);
  });

  it('says nothing of the roles when they do not change', async () => {
    const dir = generated(before);
    const { code, out, err } = await update(dir, '--origins', 'https://app.example.com,https://admin.example.com');
    expect(code, err).toBe(0);
    expect(out).toContain('Updated');
    expect(out).not.toContain('deploy roles');
  });
});

describe('update to another flavour of a project with a deploy workflow', () => {
  it.each([
    ['terraform', 'sam'],
    ['sam', 'cdk'],
  ] as const)('from %s to %s says to delete the old roles first, then deploy the new', async (from, to) => {
    const dir = generated({ iac: from, githubRepository: 'acme/orders-api' });
    const { code, out, err } = await update(dir, '--iac', to);
    expect(code, err).toBe(0);
    const [old, next] = [from, to].map((iac: Iac) => [...roleFiles({ iac, githubRepository: 'x/y' }).keys()]);
    const notes = roleNotes(out);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`the deploy roles move from ${old!.join(', ')} to ${next!.join(', ')}`);
    expect(notes[0]).toMatch(/first delete it, from the commit before this update, then deploy the new ones/);
  });
});
