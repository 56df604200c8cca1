/** The built CLI as a child process: flags, exit codes, and what reaches the disk. */
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { PRISTINE_PATH } from '../../src/update/record.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { EXAMPLE_FLAGS, EXAMPLE_INPUT } from '../helpers/answers.js';
import { listFiles, readText, runCli, tempDir } from '../helpers/cli.js';

// The repository has tests of its own (git.test.ts): here the folder holds only what was written.
const GOOD = [...EXAMPLE_FLAGS, '--yes', '--skip-install', '--no-git'];

/** The example flags with one replaced (or, with `undefined`, removed). */
function withFlag(flag: string, value: string | undefined): string[] {
  const args = [...GOOD];
  const index = args.indexOf(flag);
  if (index !== -1) args.splice(index, 2);
  return value === undefined ? args : [...args, flag, value];
}

describe('create-cognito-jwt-api CLI', () => {
  it('prints help with every flag and exits 0', async () => {
    const { code, stdout } = await runCli(['--help'], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toContain('--user-pool-id <value>');
    expect(stdout).toContain('--iac <cdk|terraform|sam>');
    expect(stdout).toContain('Example:');
  });

  it('prints its version', async () => {
    const { code, stdout } = await runCli(['-v'], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(PACKAGE_VERSION);
  });

  it('generates the project non-interactively, exactly as rendered, and prints next steps', async () => {
    const cwd = tempDir();
    const { code, stdout } = await runCli(['my-service', ...GOOD], { cwd });
    expect(code).toBe(0);
    const project = path.join(cwd, 'my-service');
    const expected = renderProject(parseAnswers(EXAMPLE_INPUT));
    expect(listFiles(project)).toEqual([...expected.map((file) => file.path), '.yo-rc.json', PRISTINE_PATH].sort());
    for (const file of expected) expect(readText(path.join(project, file.path)), file.path).toBe(file.contents);
    // The base of later updates: exactly what was generated.
    expect(JSON.parse(readText(path.join(project, PRISTINE_PATH))).files).toEqual(
      Object.fromEntries(expected.map((file) => [file.path, file.contents])),
    );
    expect(stdout).toContain('Next steps:');
    expect(stdout).toContain('cd my-service');
    expect(stdout).toContain('npm install');
  });

  it('is non-interactive when stdin is not a terminal: missing flags are listed all at once', async () => {
    const cwd = tempDir();
    const { code, stderr } = await runCli(['svc', '--client-id', 'abc'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Missing --user-pool-id, --origins /);
    expect(existsSync(path.join(cwd, 'svc'))).toBe(false);
  });

  it('takes --region from the pool id when it is not given', async () => {
    const cwd = tempDir();
    const { code } = await runCli(['svc', ...withFlag('--region', undefined)], { cwd });
    expect(code).toBe(0);
    expect(readText(path.join(cwd, 'svc', 'src/api.ts'))).toContain("export const region = 'eu-west-1';");
  });

  describe('refuses bad input with exit code 1, a message naming the flag, and nothing written', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['a malformed region', withFlag('--region', 'useast1'), /^--region "useast1" is not an AWS region code/],
      [
        'a pool id from another region',
        withFlag('--region', 'us-east-1'),
        /^--user-pool-id "eu-west-1_AbCdEfGhI" is in region eu-west-1 but --region is us-east-1/,
      ],
      [
        'a malformed pool id',
        withFlag('--user-pool-id', 'local_abc'),
        /^--user-pool-id "local_abc" is not a Cognito user pool id/,
      ],
      [
        'a malformed client id',
        withFlag('--client-id', 'not valid'),
        /^--client-id "not valid" is not a Cognito app client id/,
      ],
      [
        'an origin with a path',
        withFlag('--origins', 'https://a.example.com/app'),
        /^--origins "https:\/\/a.example.com\/app" has the path/,
      ],
      ['an origin with a query', withFlag('--origins', 'https://a.example.com?x'), /^--origins .* has a query/],
      ['an origin with a fragment', withFlag('--origins', 'https://a.example.com#x'), /^--origins .* has a fragment/],
      [
        'an origin with credentials',
        withFlag('--origins', 'https://u:p@a.example.com'),
        /^--origins .* contains credentials/,
      ],
      ['a non-http origin', withFlag('--origins', 'file://x'), /^--origins "file:\/\/x" uses the scheme "file"/],
      ['a plain-http origin', withFlag('--origins', 'http://a.example.com'), /^--origins .* uses http/],
      ['the "*" origin without --allow-any-origin', withFlag('--origins', '*'), /^--origins "\*" lets every website/],
      ['a malformed scope', withFlag('--scopes', 'read'), /^--scopes "read" is neither a standard scope/],
      ['a scope with a quote', withFlag('--scopes', 'api/"x"'), /^--scopes .* contains whitespace, a quote, a comma/],
      ['an unknown IaC flavour', withFlag('--iac', 'pulumi'), /^--iac "pulumi" is not one of cdk, terraform, sam/],
      ['an unknown runtime', withFlag('--runtime', 'nodejs18.x'), /^--runtime "nodejs18.x" is not one of/],
      ['an invalid package name', withFlag('--name', 'Bad Name'), /^--name "Bad Name" is not a valid npm package name/],
      ['an unknown flag', [...GOOD, '--user-pool'], /^Unknown flag --user-pool. Did you mean --user-pool-id\?/],
      ['a flag without its value', [...GOOD, '--scopes'], /^--scopes needs a value/],
    ];
    it.each(cases)('%s', async (_case, args, message) => {
      const cwd = tempDir();
      const { code, stderr } = await runCli(['svc', ...args], { cwd });
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(existsSync(path.join(cwd, 'svc'))).toBe(false);
    });
  });

  it('refuses a non-empty folder without touching its files, and writes into it with --force', async () => {
    const cwd = tempDir();
    const project = path.join(cwd, 'svc');
    mkdirSync(project);
    writeFileSync(path.join(project, 'README.md'), 'mine');
    writeFileSync(path.join(project, 'notes.txt'), 'keep');
    // Another generator's settings, as a Yeoman project holds them.
    writeFileSync(path.join(project, '.yo-rc.json'), '{ "generator-other": { "flavour": "x" } }');
    const refused = await runCli(['svc', ...GOOD], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty.*--force/s);
    expect(listFiles(project)).toEqual(['.yo-rc.json', 'README.md', 'notes.txt']);
    expect(readText(path.join(project, 'README.md'))).toBe('mine');

    const preview = await runCli(['svc', ...GOOD, '--force', '--dry-run'], { cwd });
    expect(preview.stdout).toMatch(/^ {2}README\.md {2}\(replaces the file there\)$/m);
    expect(preview.stdout).toMatch(/^ {2}package\.json$/m);
    const forced = await runCli(['svc', ...GOOD, '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Writing \d+ files to svc, replacing README\.md$/m);
    expect(readText(path.join(project, 'README.md'))).toMatch(/^# svc/);
    expect(readText(path.join(project, 'notes.txt'))).toBe('keep');
    const yoRc = JSON.parse(readText(path.join(project, '.yo-rc.json')));
    expect(yoRc['generator-other']).toEqual({ flavour: 'x' });
    expect(Object.keys(yoRc)).toEqual(['generator-other', 'create-cognito-jwt-api']);
  });

  it('refuses a target that is a symbolic link to nothing, naming the link', async () => {
    const cwd = tempDir();
    symlinkSync('nowhere', path.join(cwd, 'svc'));
    const result = await runCli(['svc', ...GOOD], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Target ".*svc" is a symbolic link to nothing \(nowhere\)\. Expected a folder path that is new or empty/m,
    );
    const nested = await runCli(['svc/sub', ...GOOD], { cwd });
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(
      /^Target ".*svc\/sub" cannot be made: ".*svc" is a symbolic link to nothing \(nowhere\)\./m,
    );
    expect(readdirSync(cwd)).toEqual(['svc']);
  });

  it(
    'refuses, before writing, a target under a file and a --force folder holding a path of the other ' + 'kind',
    async () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'afile'), 'x');
      for (const extra of [[], ['--dry-run']]) {
        const under = await runCli(['afile/svc', ...GOOD, ...extra], { cwd });
        expect(under.code).toBe(1);
        expect(under.stderr).toMatch(/cannot be made: ".*afile" is a file\. Expected/);
        expect(under.stderr).not.toMatch(/\n\s+at /);
      }
      const project = path.join(cwd, 'svc');
      mkdirSync(project);
      writeFileSync(path.join(project, 'src'), 'not a folder');
      mkdirSync(path.join(project, 'README.md'));
      for (const extra of [[], ['--dry-run']]) {
        const forced = await runCli(['svc', ...GOOD, '--force', ...extra], { cwd });
        expect(forced.code).toBe(1);
        expect(forced.stderr).toMatch(
          /Cannot write (README\.md|src\/.*) into ".*svc": ".*" is a (folder|file), where the project has a (file|folder)\. Expected/,
        );
        expect(listFiles(project)).toEqual(['src']);
        expect(readText(path.join(project, 'src'))).toBe('not a folder');
      }
      expect(listFiles(cwd).filter((file) => !file.startsWith('svc'))).toEqual(['afile']);
    },
  );

  it('writes into an existing empty folder', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'empty'));
    expect((await runCli(['empty', ...GOOD], { cwd })).code).toBe(0);
    expect(existsSync(path.join(cwd, 'empty', 'src/api.ts'))).toBe(true);
  });

  it('counts a folder holding only .git as empty: a clone of an empty repository', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'clone', '.git'), { recursive: true });
    writeFileSync(path.join(cwd, 'clone', '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect((await runCli(['clone', ...GOOD], { cwd })).code).toBe(0);
    expect(existsSync(path.join(cwd, 'clone', 'src/api.ts'))).toBe(true);
    expect(readText(path.join(cwd, 'clone', '.git', 'HEAD'))).toBe('ref: refs/heads/main\n');
  });

  it('refuses a folder in node_modules, which the package manager replaces', async () => {
    const cwd = tempDir();
    for (const folder of ['node_modules', 'node_modules/svc', 'app/node_modules/svc']) {
      const { code, stderr } = await runCli([folder, ...GOOD], { cwd });
      expect(code, folder).toBe(1);
      expect(stderr).toMatch(/^Target ".*" is in a node_modules folder/);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("points to update for a folder that holds this tool's project, even with --force", async () => {
    const cwd = tempDir();
    expect((await runCli(['svc', ...GOOD], { cwd })).code).toBe(0);
    for (const extra of [[], ['--force']]) {
      const again = await runCli(['svc', ...GOOD, ...extra], { cwd });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        /already holds a project made by create-cognito-jwt-api\. .*run update there: npx create-cognito-jwt-api update svc$/m,
      );
      expect(again.stderr).not.toContain('--force');
    }
    const pnpm = await runCli(['svc', ...GOOD], { cwd, env: { npm_config_user_agent: 'pnpm/9.12.0 node/v20' } });
    expect(pnpm.stderr).toContain('run update there: pnpm dlx create-cognito-jwt-api update svc');
  });

  it('drops the spaces around a pasted folder and values, and takes --no-verify', async () => {
    const cwd = tempDir();
    const args = withFlag('--client-id', ' 1example23456789abcdefghij ');
    const { code, stderr } = await runCli(['  spaced/  ', ...args, '--no-verify'], { cwd });
    expect(code, stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['spaced']);
    expect(readText(path.join(cwd, 'spaced', 'src/api.ts'))).toContain("audience: ['1example23456789abcdefghij']");
  });

  it('says which package name it made of a folder name that is not one', async () => {
    const cwd = tempDir();
    const { code, stdout } = await runCli(['My Service', ...GOOD], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Package name: my-service (the folder name "My Service" is not a valid npm package name; --name sets one).',
    );
    expect(readText(path.join(cwd, 'My Service', 'package.json'))).toContain('"name": "my-service"');
  });

  it('prints the files of a --dry-run and writes none', async () => {
    const cwd = tempDir();
    const { code, stdout, stderr } = await runCli(['svc', ...GOOD, '--dry-run'], { cwd });
    expect(code).toBe(0);
    for (const file of renderProject(parseAnswers({ ...EXAMPLE_INPUT, name: 'svc' }))) {
      expect(stdout + stderr).toContain(file.path);
    }
    expect(stdout).toContain('Dry run: nothing was written');
    expect(existsSync(path.join(cwd, 'svc'))).toBe(false);
  });

  it('installs with the package manager that ran it, and reports progress', async () => {
    const cwd = tempDir();
    const bin = path.join(cwd, 'bin');
    mkdirSync(bin);
    // A stand-in pnpm that records how it was called.
    writeFileSync(path.join(bin, 'pnpm'), `#!/bin/sh\necho "$@" > "${path.join(cwd, 'pnpm-called')}"\n`);
    chmodSync(path.join(bin, 'pnpm'), 0o755);
    const args = GOOD.filter((arg) => arg !== '--skip-install');
    const { code, stdout } = await runCli(['svc', ...args], {
      cwd,
      env: {
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v20.20.2 linux x64',
      },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Installing dependencies with pnpm');
    expect(readText(path.join(cwd, 'pnpm-called')).trim()).toBe('install');
    expect(stdout).toContain('pnpm test');
    expect(stdout).toContain('pnpm exec cdk bootstrap');
    expect(stdout).not.toMatch(/pnpm install\n|npx /);
  });

  it('reports a failed install with exit code 1 and keeps the complete project', async () => {
    const cwd = tempDir();
    const bin = path.join(cwd, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'npm'), '#!/bin/sh\nexit 3\n');
    chmodSync(path.join(bin, 'npm'), 0o755);
    const args = GOOD.filter((arg) => arg !== '--skip-install');
    const { code, stderr } = await runCli(['svc', ...args], {
      cwd,
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/npm install failed \(exit code 3\)/);
    expect(existsSync(path.join(cwd, 'svc', 'src/api.ts'))).toBe(true);
  });
});
