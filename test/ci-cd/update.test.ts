/**
 * The built CLI: CI's `update --check` passes on a project as generated, and a project made
 * without a repository gets the deploy workflow and its role later from `update --github-repository`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FLAGS } from '../helpers/answers.js';
import { readText, runCli, tempDir } from '../helpers/cli.js';
import { commitAll } from '../helpers/project.js';

describe('a Terraform project and its GitHub workflows', () => {
  it('passes update --check as generated, then gains the deploy workflow and role from update', async () => {
    const cwd = tempDir('ci-cd-update');
    const created = await runCli(['svc', ...EXAMPLE_FLAGS, '--iac', 'terraform', '--yes', '--skip-install'], { cwd });
    expect(created.code, created.stderr).toBe(0);
    const dir = path.join(cwd, 'svc');
    expect(existsSync(path.join(dir, '.github/workflows/ci.yml'))).toBe(true);
    expect(existsSync(path.join(dir, '.github/workflows/deploy.yml'))).toBe(false);

    // The step of ci.yml, with this version: a project as generated is current.
    const check = await runCli(['update', '--check'], { cwd: dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);

    execFileSync('git', ['init', '-q'], { cwd: dir });
    commitAll(dir, 'generated');
    const updated = await runCli(['update', '--github-repository', 'acme/orders-api'], { cwd: dir });
    expect(updated.code, updated.stderr).toBe(0);
    expect(readText(path.join(dir, '.github/workflows/deploy.yml'))).toContain('npm run deploy:prod -- -auto-approve');
    expect(readText(path.join(dir, 'infra/deploy-role/main.tf'))).toContain(
      'values   = ["repo:${var.repository}:environment:${each.key}"]',
    );
    expect(readText(path.join(dir, 'infra/deploy-role/variables.tf'))).toContain('default     = "acme/orders-api"');
    // ci.yml leaves pushes to main to the deploy workflow now.
    expect(readText(path.join(dir, '.github/workflows/ci.yml'))).not.toContain('push:');
    const record = JSON.parse(readText(path.join(dir, '.yo-rc.json')))['create-cognito-jwt-api'];
    expect(record.answers.githubRepository).toBe('acme/orders-api');
    expect((await runCli(['update', '--check'], { cwd: dir })).code).toBe(0);
  });
});
