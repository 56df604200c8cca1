/**
 * `update --no-<flag>` removes an answer a project may be without (a custom domain, the GitHub
 * repository, the dev environment's own pool, client or issuer): the files render as if it had
 * never been given, and the record keeps no trace of it. An answer every project has cannot be.
 */
import { describe, expect, it } from 'vitest';
import { REMOVABLE_FIELDS, withChanges } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { currentRender, generatedProject, read, tree, update } from '../helpers/project.js';

const ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-90ab-cdef-1234-567890abcdef';
const WITH_EVERYTHING = {
  ...EXAMPLE_INPUT,
  name: 'svc',
  domain: 'api.example.com',
  certificateArn: ARN,
  githubRepository: 'acme/orders-api',
  devUserPoolId: 'eu-west-1_DeVeLoPmEn',
  devClientId: '1dev23456789abcdefghijklmn',
};

const recordOf = (dir: string) => JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'];

const generated = (answers: Record<string, unknown>) => generatedProject('remove-answers', answers);

/** The project's files but its record, which names the tool's version and hashes. */
const filesOf = (dir: string) =>
  Object.fromEntries(Object.entries(tree(dir)).filter(([file]) => !file.startsWith('.cognito-jwt-api/')));

describe('update --no-<flag>', () => {
  it('removes the custom domain and its certificate: the files are those of a project without them', async () => {
    const dir = generated(WITH_EVERYTHING);
    const { code, out, err } = await update(dir, '--no-domain');
    expect(code, err).toBe(0);
    const { answers } = recordOf(dir);
    expect(answers).not.toHaveProperty('domain');
    expect(answers).not.toHaveProperty('certificateArn');
    expect(answers).toMatchObject({
      githubRepository: 'acme/orders-api',
      devUserPoolId: WITH_EVERYTHING.devUserPoolId,
    });
    const { domain: _, certificateArn: __, ...without } = WITH_EVERYTHING;
    const expected = currentRender(dir, without);
    for (const file of expected) if (file.path !== '.yo-rc.json') expect(filesOf(dir)[file.path]).toBe(file.contents);
    // The DNS record is the user's: a record left pointing at a deleted domain name can be taken over.
    expect(out).toContain('the custom domain api.example.com goes');
    expect(out).toContain('Remove or repoint its DNS record first');
  });

  it("removes the dev environment's own pool with its app client, and the GitHub repository's workflow", async () => {
    const dir = generated(WITH_EVERYTHING);
    expect(read(dir, '.github/workflows/deploy.yml')).toBeDefined();
    const { code, err } = await update(dir, '--no-dev-user-pool-id', '--no-github-repository');
    expect(code, err).toBe(0);
    const { answers } = recordOf(dir);
    for (const field of ['devUserPoolId', 'devClientId', 'githubRepository']) expect(answers).not.toHaveProperty(field);
    expect(answers).toMatchObject({ domain: 'api.example.com', certificateArn: ARN });
    expect(read(dir, '.github/workflows/deploy.yml')).toBeUndefined();
  });

  it('keeps a companion given in the same run: the dev pool goes, a dev app client of the production pool stays', () => {
    const { answers } = withChanges(WITH_EVERYTHING, {
      devUserPoolId: null,
      devClientId: '1other3456789abcdefghijklm',
    });
    expect(answers).not.toHaveProperty('devUserPoolId');
    expect(answers.devClientId).toBe('1other3456789abcdefghijklm');
  });

  it('refuses a flag and its --no- form together, and --no- of an answer every project has, writing nothing', async () => {
    const dir = generated(WITH_EVERYTHING);
    const before = tree(dir);
    const both = await update(dir, '--domain', 'api2.example.com', '--no-domain');
    expect(both.code).toBe(1);
    expect(both.err).toContain('--domain and --no-domain are both given. Expected one');
    const required = await update(dir, '--no-client-id');
    expect(required.code).toBe(1);
    expect(required.err).toContain('--no-client-id');
    expect(tree(dir)).toEqual(before);
    // Through the programmatic API, the same answer refused by name.
    expect(() => withChanges(WITH_EVERYTHING, { clientId: null })).toThrow(
      '--client-id cannot be removed: every project has one.',
    );
  });

  it('is offered for exactly the answers that have no default', () => {
    expect([...REMOVABLE_FIELDS].sort()).toEqual(
      ['certificateArn', 'devClientId', 'devUserPoolId', 'domain', 'githubRepository', 'issuer'].sort(),
    );
  });
});
