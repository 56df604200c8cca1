/** A project of the previous template version, updated, installs and passes its own tests. */
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { execOk } from '../helpers/exec.js';
import { fixtureCopy, read } from '../helpers/project.js';

describe("updating the previous version's CDK project", () => {
  it('yields a project that installs and passes its own tests', async () => {
    const dir = fixtureCopy('cdk');
    await execOk(process.execPath, [BIN, 'update'], { cwd: dir });
    expect(read(dir, 'dev/server.ts')).toBeDefined();
    await execOk('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
    expect(await execOk('npm', ['test'], { cwd: dir })).toMatch(/Tests\s+\d+ passed/);
    await execOk('npm', ['run', 'build'], { cwd: dir });
  });
});
