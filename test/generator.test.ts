import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import helpers from 'yeoman-test';
import { describe, expect, it, vi } from 'vitest';
import { InvalidAnswersError, MissingAnswersError } from '../src/errors.js';
import { renderProject } from '../src/render/render-project.js';
import { parseAnswers } from '../src/schema/parse.js';
import { ANSWERS_SCHEMA_VERSION } from '../src/update/migrations.js';
import { hashOf } from '../src/update/hash.js';
import { FIRST_COMMIT_MESSAGE } from '../src/session/first-commit.js';
import { PRISTINE_PATH } from '../src/update/record.js';
import { EXAMPLE_INPUT } from './helpers/answers.js';
import { tempDir } from './helpers/temp.js';

import CognitoJwtApiGenerator from '../generators/app/index.js';

const GENERATOR_PATH = fileURLToPath(new URL('../generators/app/index.ts', import.meta.url));
/** The class as vitest loaded it, so that errors are the same classes the test imports. */
/** Yeoman's types know only its built-in options, hence the casts. */
const run = () =>
  helpers.run(CognitoJwtApiGenerator as never, { namespace: 'cognito-jwt-api:app', resolved: GENERATOR_PATH });
const options = (values: Record<string, unknown>) => values as never;
const { name: _name, ...FLAG_ANSWERS } = EXAMPLE_INPUT;

describe('yeoman generator cognito-jwt-api:app', () => {
  it('writes the rendered project and records answers and version in .yo-rc.json', async () => {
    const result = await run().withOptions(
      options({ yes: true, skipInstall: true, ...FLAG_ANSWERS, origins: FLAG_ANSWERS.origins.join(',') }),
    );
    const answers = parseAnswers({ ...EXAMPLE_INPUT, name: path.basename(result.cwd) });
    for (const file of renderProject(answers)) result.assertFileContent(file.path, file.contents);
    const config = JSON.parse(readFileSync(path.join(result.cwd, '.yo-rc.json'), 'utf8'))['create-cognito-jwt-api'];
    expect(config.answers).toEqual(answers);
    expect(config.generatorVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.schemaVersion).toBe(ANSWERS_SCHEMA_VERSION);
    // The manifest: every generated file, its hash as generated, and who owns it.
    for (const file of renderProject(answers)) {
      expect(config.files[file.path]).toEqual({ hash: hashOf(file.contents), ownership: file.ownership });
    }
  });

  it('accepts kebab-case options as the command line gives them', async () => {
    const result = await run().withOptions(
      options({
        yes: true,
        skipInstall: true,
        name: 'kebab-svc',
        region: 'us-east-1',
        'user-pool-id': 'us-east-1_Abc',
        'client-id': 'client',
        origins: 'https://a.example.com',
        scopes: 'orders-api/read',
      }),
    );
    result.assertJsonFileContent('package.json', { name: 'kebab-svc' });
    result.assertFileContent('src/api.ts', "scopes: ['orders-api/read']");
  });

  it('asks for every answer not given, and uses the answers', async () => {
    const result = await run()
      .withOptions(options({ skipInstall: true, region: 'eu-west-1' }))
      .withAnswers({
        name: 'asked-svc',
        userPoolId: 'eu-west-1_Asked',
        clientId: 'askedclient',
        origins: 'https://asked.example.com/',
        scopes: '',
        iac: 'cdk',
      });
    const asked = result.askedQuestions.map((question) => question.name);
    expect(asked).toEqual(['name', 'userPoolId', 'clientId', 'origins', 'devOrigins', 'scopes', 'iac']);
    result.assertFileContent('src/api.ts', "allowOrigins: ['https://asked.example.com']");
    result.assertFileContent('src/api.ts', "export const runtime = 'nodejs24.x'");
    result.assertJsonFileContent('package.json', { name: 'asked-svc' });
  });

  it('refuses a non-interactive run with missing answers, writing nothing', async () => {
    const context = run().withOptions(options({ yes: true, skipInstall: true, region: 'eu-west-1' }));
    await expect(context).rejects.toThrow(MissingAnswersError);
    expect(readdirSync(context.targetDirectory!)).toEqual([]);
  });

  it('refuses an invalid option before asking anything', async () => {
    const context = run()
      .withOptions(options({ skipInstall: true, region: 'us-east-1', 'user-pool-id': 'eu-west-1_AbC' }))
      .withAnswers({ clientId: 'x' });
    await expect(context).rejects.toThrow(InvalidAnswersError);
  });
});

describe('yeoman generator cognito-jwt-api:app, a run that stops', () => {
  it('prints the command line that repeats the answers given so far', async () => {
    const context = run()
      .withOptions(options({ skipInstall: true }))
      .withAnswers({
        name: 'stopped-svc',
        userPoolId: 'eu-west-1_Asked',
        clientId: 'not a client id!',
        origins: 'https://asked.example.com',
        scopes: '',
        iac: 'cdk',
      });
    const logged: string[] = [];
    context.withEnvironment((env) => {
      const log = env.adapter.log;
      const write = (text: unknown) => logged.push(String(text));
      env.adapter.log = Object.assign((text: unknown) => write(text), log, { write });
    });
    await expect(context).rejects.toThrow(InvalidAnswersError);
    const text = logged.join('\n');
    expect(text).toContain('To run again with the answers given so far, without questions:');
    expect(text).toMatch(/create-cognito-jwt-api \. --name stopped-svc --user-pool-id eu-west-1_Asked .*--yes/);
  });
});

describe('yeoman generator cognito-jwt-api:app, the git repository', () => {
  const flagOptions = { yes: true, skipInstall: true, ...FLAG_ANSWERS, origins: FLAG_ANSWERS.origins.join(',') };

  /** A git identity of the test's own, as the generator runs git with this process's environment. */
  function withGitIdentity(): void {
    const config = path.join(tempDir('home'), '.gitconfig');
    writeFileSync(config, '[user]\n\tname = Test User\n\temail = test@example.com\n');
    vi.stubEnv('GIT_CONFIG_GLOBAL', config);
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
  }
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

  it('is made in the end phase (after the install, when there is one): one commit of the whole project, the tree clean', async () => {
    withGitIdentity();
    try {
      const result = await run().withOptions(options(flagOptions));
      expect(git(result.cwd, 'rev-list', '--count', 'HEAD')).toBe('1');
      expect(git(result.cwd, 'log', '-1', '--format=%s')).toBe(FIRST_COMMIT_MESSAGE);
      expect(git(result.cwd, 'status', '--porcelain')).toBe('');
      expect(git(result.cwd, 'ls-files').split('\n')).toEqual(expect.arrayContaining(['.yo-rc.json', PRISTINE_PATH]));
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('is not made with --no-git on the command line, or git: false from code', async () => {
    for (const context of [
      run().withArguments(['--no-git']).withOptions(options(flagOptions)),
      run().withOptions(options({ ...flagOptions, git: false })),
    ]) {
      const result = await context;
      expect(existsSync(path.join(result.cwd, 'package.json'))).toBe(true);
      expect(existsSync(path.join(result.cwd, '.git'))).toBe(false);
    }
  });
});
