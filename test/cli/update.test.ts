/** `update` as users run it, the built CLI in a child process: what it prints after writing, --json, --yes. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commitAll, fixtureCopy, read, write } from '../helpers/project.js';

const recordedVersion = (dir: string) =>
  JSON.parse(read(dir, '.yo-rc.json')!)['create-cognito-jwt-api'].generatorVersion as string;

describe('create-cognito-jwt-api update', () => {
  it('--help says that it never prompts, and that --yes is accepted for scripts', async () => {
    const { code, stdout } = await runCli(['update', '--help'], { cwd: fixtureCopy('cdk') });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}-y, --yes\n {8}Accepted for scripts: update never prompts anyway$/m);
    expect(stdout).toContain('A run that writes ends with the next steps');
  });

  it('accepts --yes, and ends with the next steps, in the package manager that ran it', async () => {
    const dir = fixtureCopy('cdk');
    const { code, stdout, stderr } = await runCli(['update', '--yes'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(
      /\nUpdated \d+ file\(s\)\.\n\nNext steps:\n {2}npm install {3}# the dependencies changed: refreshes the lock file\n {2}npm test\n {2}npm run deploy:dev\n$/,
    );
    const yarn = await runCli(['update', '-y'], {
      cwd: fixtureCopy('terraform'),
      env: { npm_config_user_agent: 'yarn/4.5.0 npm/? node/v20.18.0 linux x64' },
    });
    expect(yarn.stdout).toMatch(/\nNext steps:\n {2}yarn install {3}# .*\n {2}yarn test\n {2}yarn run deploy:dev\n$/);
  });

  it('confirms a resolution it records, instead of reporting no file updated', async () => {
    const dir = fixtureCopy('terraform');
    write(dir, 'src/api.ts', read(dir, 'src/api.ts')!.replace('maxAge: 3600,', 'maxAge: 600,'));
    commitAll(dir, 'our max age');
    const conflicted = await runCli(['update'], { cwd: dir });
    expect(conflicted.code).toBe(1);
    expect(conflicted.stderr).toMatch(/^Conflicts remain in: src\/api\.ts\./m);
    write(
      dir,
      'src/api.ts',
      read(dir, 'src/api.ts')!
        .replace(/<<<<<<< yours\n[\s\S]*?=======\n/, '')
        .replace(/>>>>>>> template \(new\)\n/, ''),
    );
    const resolved = await runCli(['update'], { cwd: dir });
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toMatch(
      /^Recorded your resolution of 1 file\(s\): src\/api\.ts\. The next update merges from here\.$/m,
    );
    expect(resolved.stdout).not.toContain('Updated 0 file(s)');
  });

  it('--json on a run that writes prints the report alone on stdout, after writing', async () => {
    const dir = fixtureCopy('cdk');
    const from = recordedVersion(dir);
    const { code, stdout, stderr } = await runCli(['update', '--json'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout); // the whole of stdout is one JSON document
    expect(report).toMatchObject({ from, written: true, current: false, installNeeded: true, conflicts: [] });
    expect(report.to).toBe(recordedVersion(dir)); // written: the record names the version that ran
    expect(report.plan).toContainEqual({
      path: 'dev/server.ts',
      action: 'add',
      reason: 'new in the template',
      ownership: 'managed',
    });
    expect(read(dir, 'dev/server.ts')).toBeDefined();
    expect(stdout).not.toContain('Next steps');
  });
});
