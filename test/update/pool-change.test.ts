/**
 * `update --user-pool-id` moves a project to another production pool, `--dev-user-pool-id` its dev
 * environment to another pool. An app client belongs to one pool, which accepts tokens of its own
 * clients only: a client whose pool is replaced must be given again in the same run (the same id
 * where only the pool id was mistyped), or removed where that is an option. A dev pool of its own,
 * in the new pool's region, stays.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { generatedProject, read, tree, update, write } from '../helpers/project.js';

const NEW_POOL = 'eu-west-1_NeWpOoL12';
const OTHER_REGION_POOL = 'us-east-1_NeWpOoL12';
const DEV_CLIENT = '1dev23456789abcdefghijklmn';
const NEW_DEV_CLIENT = '2dev23456789abcdefghijklmn';
const NEW_CLIENT = '3new23456789abcdefghijklmn';

const answersOf = (dir: string) => JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'].answers;

const generated = (answers: Record<string, unknown>) =>
  generatedProject('pool-change', { ...EXAMPLE_INPUT, name: 'svc', ...answers });

describe('update --user-pool-id and --dev-user-pool-id', () => {
  it("refuses to keep the old pool's app client, and writes nothing", async () => {
    const dir = generated({});
    const before = tree(dir);
    const { code, err } = await update(dir, '--user-pool-id', NEW_POOL);
    expect(code).not.toBe(0);
    expect(err).toContain(`--client-id ${EXAMPLE_INPUT.clientId} is an app client of ${EXAMPLE_INPUT.userPoolId}`);
    expect(err).toContain(`--client-id <an app client of ${NEW_POOL}> in the same run`);
    expect(tree(dir)).toEqual(before);
  });

  it.each([
    ['a client of the new pool', NEW_CLIENT],
    ['the same client, where only the pool id was mistyped', EXAMPLE_INPUT.clientId],
  ])('moves to the new pool given %s', async (_, clientId) => {
    const dir = generated({});
    const { code, err } = await update(dir, '--user-pool-id', NEW_POOL, '--client-id', clientId);
    expect(code, err).toBe(0);
    expect(answersOf(dir)).toMatchObject({ userPoolId: NEW_POOL, clientId });
  });

  it('explains a mistyped pool id as one, not as a client left behind', async () => {
    const dir = generated({ devClientId: DEV_CLIENT });
    const { code, err } = await update(dir, '--user-pool-id', 'eu-west-1-NeWpOoL12');
    expect(code).not.toBe(0);
    expect(err).toMatch(/--user-pool-id "eu-west-1-NeWpOoL12" is not a Cognito user pool id/);
    expect(err).not.toContain('app client of');
  });

  it('refuses to keep a dev app client of the old production pool, and writes nothing', async () => {
    const dir = generated({ devClientId: DEV_CLIENT });
    const before = tree(dir);
    const { code, err } = await update(dir, '--user-pool-id', NEW_POOL, '--client-id', NEW_CLIENT);
    expect(code).not.toBe(0);
    expect(err).toContain(`--dev-client-id ${DEV_CLIENT}`);
    expect(err).toContain(EXAMPLE_INPUT.userPoolId);
    expect(err).toContain(`--dev-client-id <an app client of ${NEW_POOL}>`);
    expect(err).toContain('--no-dev-client-id');
    expect(tree(dir)).toEqual(before);
  });

  it.each([
    ['removed', ['--no-dev-client-id'], undefined],
    ['replaced', ['--dev-client-id', NEW_DEV_CLIENT], NEW_DEV_CLIENT],
  ])('moves to the new pool with the dev app client %s in the same run', async (_, flags, devClientId) => {
    const dir = generated({ devClientId: DEV_CLIENT });
    const { code, err } = await update(dir, '--user-pool-id', NEW_POOL, '--client-id', NEW_CLIENT, ...flags);
    expect(code, err).toBe(0);
    const answers = answersOf(dir);
    expect(answers.userPoolId).toBe(NEW_POOL);
    expect(answers.devClientId).toBe(devClientId);
  });

  it("keeps the dev environment's own pool and client, which the production pool does not own", async () => {
    const dir = generated({ devUserPoolId: 'eu-west-1_DeVeLoPmEn', devClientId: DEV_CLIENT });
    const { code, err } = await update(dir, '--user-pool-id', NEW_POOL, '--client-id', NEW_CLIENT);
    expect(code, err).toBe(0);
    expect(answersOf(dir)).toMatchObject({
      userPoolId: NEW_POOL,
      devUserPoolId: 'eu-west-1_DeVeLoPmEn',
      devClientId: DEV_CLIENT,
    });
  });

  it('refuses, on giving the dev environment a pool of its own, to keep the production app client it had', async () => {
    const dir = generated({ devClientId: DEV_CLIENT });
    const before = tree(dir);
    const { code, err } = await update(dir, '--dev-user-pool-id', 'eu-west-1_DeVeLoPmEn');
    expect(code).not.toBe(0);
    expect(err).toContain(`--dev-client-id ${DEV_CLIENT} is an app client of ${EXAMPLE_INPUT.userPoolId}`);
    expect(err).toContain('--dev-client-id <an app client of eu-west-1_DeVeLoPmEn>');
    expect(err).not.toContain('--no-dev-client-id');
    expect(err).not.toContain('mistyped'); // a client of the production pool was never one of the dev pool
    expect(tree(dir)).toEqual(before);
    const given = await update(dir, '--dev-user-pool-id', 'eu-west-1_DeVeLoPmEn', '--dev-client-id', NEW_DEV_CLIENT);
    expect(given.code, given.err).toBe(0);
    expect(answersOf(dir)).toMatchObject({ devUserPoolId: 'eu-west-1_DeVeLoPmEn', devClientId: NEW_DEV_CLIENT });
  });

  it('refuses a dev pool of its own without a client of it, as a new project does', async () => {
    const dir = generated({});
    const before = tree(dir);
    const { code, err } = await update(dir, '--dev-user-pool-id', 'eu-west-1_DeVeLoPmEn');
    expect(code).not.toBe(0);
    expect(err).toContain('--dev-user-pool-id "eu-west-1_DeVeLoPmEn" needs --dev-client-id as well');
    expect(tree(dir)).toEqual(before);
  });

  it('refuses a dev pool left in another region than the new pool, naming both ways out', async () => {
    const dir = generated({ devUserPoolId: 'eu-west-1_DeVeLoPmEn', devClientId: DEV_CLIENT });
    const before = tree(dir);
    const { code, err } = await update(dir, '--user-pool-id', OTHER_REGION_POOL, '--client-id', NEW_CLIENT);
    expect(code).not.toBe(0);
    expect(err).toContain('eu-west-1_DeVeLoPmEn');
    expect(err).toContain('--dev-user-pool-id <a pool of us-east-1> with --dev-client-id <an app client of it>');
    expect(err).toContain('--no-dev-user-pool-id');
    expect(tree(dir)).toEqual(before);
  });

  it("blames the flag, not .yo-rc.json, for a stored answer of the old pool's region", async () => {
    const certificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const dir = generated({ domain: 'api.example.com', certificateArn });
    const before = tree(dir);
    const { code, err } = await update(dir, '--user-pool-id', OTHER_REGION_POOL, '--client-id', NEW_CLIENT);
    expect(code).not.toBe(0);
    expect(err).toContain('--certificate-arn');
    expect(err).not.toContain('.yo-rc.json');
    expect(tree(dir)).toEqual(before);
  });

  it.each([
    [
      'a certificate of another region',
      'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    ],
    ['a malformed certificate ARN', 'arn:aws:acm:eu-west-1:123456789012:not-a-certificate'],
  ])('still blames .yo-rc.json for %s written there, whichever pool is given', async (_, certificateArn) => {
    const dir = generated({
      domain: 'api.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
    const yoRc = JSON.parse(read(dir, '.yo-rc.json')!);
    yoRc['create-cognito-jwt-api'].answers.certificateArn = certificateArn;
    write(dir, '.yo-rc.json', `${JSON.stringify(yoRc, null, 2)}\n`);
    for (const pool of [NEW_POOL, 'ap-south-1_NeWpOoL12']) {
      const { code, err } = await update(dir, '--user-pool-id', pool, '--client-id', NEW_CLIENT);
      expect(code, pool).not.toBe(0);
      expect(err, pool).toContain('.yo-rc.json holds answers this version refuses');
    }
  });

  it('blames the flag for an answer given in this run, even where .yo-rc.json held a bad one', async () => {
    const dir = generated({
      domain: 'api.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
    const yoRc = JSON.parse(read(dir, '.yo-rc.json')!);
    yoRc['create-cognito-jwt-api'].answers.certificateArn = 'arn:aws:acm:eu-west-1:123456789012:not-a-certificate';
    write(dir, '.yo-rc.json', `${JSON.stringify(yoRc, null, 2)}\n`);
    const { code, err } = await update(dir, '--certificate-arn', 'arn:aws:acm:eu-west-1:123456789012:still-not-one');
    expect(code).not.toBe(0);
    expect(err).toContain('--certificate-arn "arn:aws:acm:eu-west-1:123456789012:still-not-one"');
    expect(err).not.toContain('.yo-rc.json holds answers');
  });
});
