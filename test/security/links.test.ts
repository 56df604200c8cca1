/**
 * Symbolic links planted where a run writes: a staging name beside the target, a folder of the
 * target that points elsewhere. No write, rename or delete goes through one; a link in the way is
 * refused up front, named, and nothing is written.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/fronts/cli/main.js';
import type { Io } from '../../src/fronts/cli/process-io.js';
import { EXAMPLE_FLAGS } from '../helpers/answers.js';
import { commitAll, fixtureCopy, tree, update } from '../helpers/project.js';
import { tempDir } from '../helpers/temp.js';

async function create(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    env: {},
    cwd,
    stdinIsTty: false,
  };
  const code = await main([...args, ...EXAMPLE_FLAGS, '--yes', '--skip-install'], io);
  return { code, out, err };
}

describe('create', () => {
  it('stages a new project in a folder of its own making, never in one planted under a predictable name', async () => {
    const root = tempDir('links');
    const attacker = path.join(root, 'attacker');
    mkdirSync(attacker);
    // The staging name the run would use in this process, planted as a link to the attacker's folder.
    symlinkSync(attacker, path.join(root, `.my-service.creating-${process.pid}`));

    const { code, err } = await create(root, 'my-service');

    expect(code, err).toBe(0);
    expect(readdirSync(attacker)).toEqual([]);
    const target = lstatSync(path.join(root, 'my-service'));
    expect(target.isDirectory() && !target.isSymbolicLink()).toBe(true);
    expect(tree(path.join(root, 'my-service'))['src/api.ts']).toContain('export const auth');
    // The planted link is left as it was; the run made nothing else beside the target.
    expect(readdirSync(root).sort()).toEqual([`.my-service.creating-${process.pid}`, 'attacker', 'my-service']);
  });

  it('--force into a folder whose src is a link elsewhere is refused, naming the link, writing nothing', async () => {
    const root = tempDir('links');
    const outside = path.join(root, 'outside');
    const folder = path.join(root, 'service');
    mkdirSync(outside);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'notes.txt'), 'mine\n');
    symlinkSync('../outside', path.join(folder, 'src'));

    const { code, err } = await create(folder, '.', '--force');

    expect(code).toBe(1);
    expect(err).toContain(`"${path.join(folder, 'src')}" is a symbolic link (to ../outside)`);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual(['notes.txt', 'src']);
  });
});

describe('update', () => {
  it('refuses a project whose src folder is a link elsewhere, naming it, writing nothing', async () => {
    const root = tempDir('links');
    const project = fixtureCopy('cdk', path.join(root, 'project'));
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    renameSync(path.join(project, 'src'), path.join(outside, 'src'));
    symlinkSync('../outside/src', path.join(project, 'src'));
    commitAll(project, 'src elsewhere');
    const [before, outsideBefore] = [tree(project), tree(outside)];

    const { code, err } = await update(project);

    expect(code).toBe(1);
    expect(err).toContain(`"${path.join(project, 'src')}" is a symbolic link (to ../outside/src)`);
    expect(tree(outside)).toEqual(outsideBefore);
    expect(tree(project)).toEqual(before);
  });

  it('refuses a project whose state folder is a link elsewhere', async () => {
    const root = tempDir('links');
    const project = fixtureCopy('terraform', path.join(root, 'project'));
    const outside = path.join(root, 'outside');
    renameSync(path.join(project, '.cognito-jwt-api'), outside);
    symlinkSync(outside, path.join(project, '.cognito-jwt-api'));
    commitAll(project, 'state elsewhere');
    const outsideBefore = tree(outside);

    const { code, err } = await update(project);

    expect(code).toBe(1);
    expect(err).toContain(`"${path.join(project, '.cognito-jwt-api')}" is a symbolic link`);
    expect(tree(outside)).toEqual(outsideBefore);
  });
});
