/** File-system failures reach the user as one line naming the path, not as a stack. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemError } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';
import { fixtureCopy, update } from '../helpers/project.js';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('FileSystemError.from', () => {
  it('names the operation, the path, what the code means and the fix', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'afile'), 'x');
    const error = FileSystemError.from(thrownBy(() => mkdirSync(path.join(dir, 'afile', 'sub'))));
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error!.message).toBe(
      `Could not mkdir ${path.join(dir, 'afile', 'sub')}: a part of the path is a file, not a folder (ENOTDIR). ` +
        `Expected folders along the path: move the file aside, then run again.`,
    );
  });

  it('names both paths of a rename', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      syscall: 'rename',
      path: '/a/.svc.creating-1',
      dest: '/a/svc',
    });
    expect(FileSystemError.from(denied)!.message).toMatch(
      /^Could not rename \/a\/\.svc\.creating-1 to \/a\/svc: permission denied \(EACCES\)\./,
    );
  });

  it('reaches the user of a command as one line, with exit code 1', async () => {
    // update of a project whose state folder has become a file
    const dir = fixtureCopy('cdk');
    rmSync(path.join(dir, '.cognito-jwt-api'), { recursive: true });
    writeFileSync(path.join(dir, '.cognito-jwt-api'), 'not a folder');
    const { code, err } = await update(dir, '--force');
    expect(code).toBe(1);
    expect(err).toMatch(
      /^Could not \w+ \S*\.cognito-jwt-api\S*: a part of the path is a file, not a folder \(ENOTDIR\)\. Expected folders along the path: move the file aside, then run again\.\n$/,
    );
  });

  it('leaves other errors alone: they are bugs, and keep their stack', () => {
    expect(FileSystemError.from(new TypeError('x is undefined'))).toBeUndefined();
    expect(
      FileSystemError.from(Object.assign(new Error('gone'), { code: 'ENOENT', syscall: 'open', path: '/x' })),
    ).toBeUndefined();
    expect(FileSystemError.from({ code: 'EACCES', path: '/x' })).toBeUndefined();
    expect(FileSystemError.from(undefined)).toBeUndefined();
  });
});
