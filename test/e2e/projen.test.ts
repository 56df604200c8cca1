/**
 * A project synthesized by the projen project type installs and passes its own tests. Its
 * dependency on this package points at this package packed, as it would be published.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CognitoJwtApiProject } from '../../src/projen/index.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { execOk } from '../helpers/exec.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-projen-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a projen-managed service', () => {
  it('installs, passes its own tests and type-checks', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim();
    const self = { 'create-cognito-jwt-api': `file:./${tarball}` };
    new CognitoJwtApiProject({ ...EXAMPLE_INPUT, iac: 'terraform', outdir: dir, packageJson: { devDependencies: self } }).synth();
    await execOk('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir });
    expect(await execOk('npm', ['test'], { cwd: dir })).toMatch(/Tests\s+\d+ passed/);
    await execOk('npm', ['run', 'build'], { cwd: dir });
  });
});
