/** A project of the previous template version, updated, installs and passes its own tests. */
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { execOk } from '../helpers/exec.js';
import { commitAll, fixtureCopy, read } from '../helpers/project.js';

describe("updating the previous version's CDK project", () => {
  it('yields a project that installs and passes its own tests', async () => {
    const dir = fixtureCopy('cdk');
    const updated = await execOk(process.execPath, [BIN, 'update'], { cwd: dir, env: { npm_config_user_agent: '' } });
    // The template bumped the dependencies: the next steps start with an install.
    expect(updated).toMatch(/\nNext steps:\n {2}npm install {3}# .*\n {2}npm test\n/);
    expect(read(dir, 'dev/server.ts')).toBeDefined();
    await execOk('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
    expect(await execOk('npm', ['test'], { cwd: dir })).toMatch(/Tests\s+\d+ passed/);
    await execOk('npm', ['run', 'build'], { cwd: dir });

    // An update that changes no dependency leaves the lock file valid, and says no install is needed.
    commitAll(dir, 'updated and installed');
    const origins = await execOk(process.execPath, [BIN, 'update', '--origins', 'https://admin.example.com'], {
      cwd: dir,
      env: { npm_config_user_agent: '' },
    });
    expect(origins).toMatch(/\nNext steps:\n {2}npm test\n {2}npm run deploy:dev\n/);
    await execOk('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
    expect(await execOk('npm', ['test'], { cwd: dir })).toMatch(/Tests\s+\d+ passed/);
  });
});
