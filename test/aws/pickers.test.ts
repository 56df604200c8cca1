/**
 * The interactive pickers, through yeoman-test: with credentials, the pools of the configured
 * region (AWS_REGION) and then the chosen pool's clients are offered instead of typing ids.
 */
import { fileURLToPath } from 'node:url';
import helpers from 'yeoman-test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CognitoJwtApiGenerator from '../../generators/app/index.js';
import { startTestCognito, type TestCognito } from '../helpers/cognito.js';

const GENERATOR_PATH = fileURLToPath(new URL('../../generators/app/index.ts', import.meta.url));
let cognito: TestCognito;
const savedEnv = { ...process.env };

beforeAll(async () => {
  cognito = await startTestCognito([
    { id: 'us-east-1_Alpha1', name: 'alpha', clients: [{ clientId: 'alphaweb', name: 'alpha-web' }] },
    {
      id: 'us-east-1_Beta2',
      name: 'beta',
      clients: [
        { clientId: 'betaweb', name: 'beta-web' },
        { clientId: 'betaadmin', name: 'beta-admin' },
      ],
    },
    { id: 'eu-west-1_Gamma3', name: 'gamma', clients: [{ clientId: 'gammaweb' }] },
  ]);
  Object.assign(process.env, cognito.envFor('us-east-1_Beta2'), { AWS_REGION: 'us-east-1' });
});

afterAll(async () => {
  process.env = savedEnv;
  await cognito?.stop();
});

/** Runs the generator interactively, recording the choices each question offered. */
async function runInteractive(answers: Record<string, unknown>, options: Record<string, unknown> = {}) {
  const offered: Record<string, unknown[]> = {};
  const result = await helpers
    .run(CognitoJwtApiGenerator as never, { namespace: 'cognito-jwt-api:app', resolved: GENERATOR_PATH })
    .withOptions({ skipInstall: true, ...options } as never)
    .withAnswers(answers, {
      callback: (answer, { question }) => {
        const { name, choices } = question as { name?: string; choices?: Array<{ value: unknown }> };
        if (name && Array.isArray(choices)) offered[name] = choices.map((choice) => choice.value);
        return answer;
      },
    });
  return { result, offered };
}

describe('interactive pickers', () => {
  it("offer the configured region's pools, then the chosen pool's clients, and use the picks", async () => {
    const { result, offered } = await runInteractive({
      name: 'picked',
      userPoolIdPick: 'us-east-1_Beta2',
      clientIdPick: 'betaadmin',
      origins: 'https://app.example.com',
      scopes: '',
      verify: false,
    });
    expect(offered.userPoolIdPick).toEqual(['us-east-1_Alpha1', 'us-east-1_Beta2', '']);
    expect(offered.clientIdPick).toEqual(['betaweb', 'betaadmin', '']);
    // The region is the pool's: never asked.
    expect(result.askedQuestions.map((question) => question.name)).not.toContain('region');
    result.assertFileContent('src/api.ts', "userPoolId: 'us-east-1_Beta2'");
    result.assertFileContent('src/api.ts', "audience: ['betaadmin']");
  });

  it('then ask whether to check the answers, and check them', async () => {
    const { result } = await runInteractive({
      name: 'checked',
      userPoolIdPick: 'us-east-1_Beta2',
      clientIdPick: 'betaweb',
      origins: 'https://app.example.com',
      scopes: '',
      verify: true,
    });
    const asked = result.askedQuestions.map((question) => question.name);
    expect(asked).toContain('verify');
    result.assertFile('src/api.ts');
  });

  it('let the user type an id instead', async () => {
    const { result } = await runInteractive({
      name: 'typed',
      userPoolIdPick: '',
      userPoolId: 'us-east-1_Alpha1',
      clientIdPick: '',
      clientId: 'typedclient',
      origins: 'https://app.example.com',
      scopes: '',
      verify: false,
    });
    const asked = result.askedQuestions.map((question) => question.name);
    expect(asked).toEqual(expect.arrayContaining(['userPoolIdPick', 'userPoolId', 'clientIdPick', 'clientId']));
    result.assertFileContent('src/api.ts', "audience: ['typedclient']");
  });

  it('never list anything in a non-interactive run', async () => {
    const { offered, result } = await runInteractive(
      {},
      {
        yes: true,
        region: 'us-east-1',
        'user-pool-id': 'us-east-1_Alpha1',
        'client-id': 'alphaweb',
        origins: 'https://app.example.com',
      },
    );
    expect(offered).toEqual({});
    expect(result.askedQuestions).toEqual([]);
  });
});
