/**
 * yeoman-environment finds the generator the way `yo` and Backstage's run:yeoman do: by lookup
 * of installed generator-* packages, under the namespace cognito-jwt-api:app, and what it writes can be updated later.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';
import { describe, expect, it, vi } from 'vitest';
import { computeUpdate } from '../src/update/project.js';
import { PACKAGE_NAME } from '../src/version.js';
import { EXAMPLE_INPUT } from './helpers/answers.js';
import { tempDir } from './helpers/temp.js';

/** Where npm installs packages; this repository's workspace links generator-cognito-jwt-api there. */
const NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));

/** The answers as `yo` gives them from its command line. */
const answerOptions = () => ({
  region: EXAMPLE_INPUT.region,
  'user-pool-id': EXAMPLE_INPUT.userPoolId,
  'client-id': EXAMPLE_INPUT.clientId,
  origins: EXAMPLE_INPUT.origins.join(','),
});

describe('generator lookup', () => {
  it('registers cognito-jwt-api:app from the generator-cognito-jwt-api package, and runs it', async () => {
    const cwd = tempDir('yo');
    const env = createEnv({ cwd, skipInstall: true } as never);
    const found = await env.lookup({ npmPaths: [NODE_MODULES], filterPaths: true });
    expect(found.map((meta) => meta.namespace)).toContain('cognito-jwt-api:app');
    await env.run(['cognito-jwt-api:app'], { yes: true, skipInstall: true, ...answerOptions() } as never);
    expect(readFileSync(path.join(cwd, 'src/api.ts'), 'utf8')).toContain(`userPoolId: '${EXAMPLE_INPUT.userPoolId}'`);
    // Recorded under the package's key, whatever name the lookup gave the generator, so that
    // `update` finds the project and sees nothing to do.
    const yoRc = JSON.parse(readFileSync(path.join(cwd, '.yo-rc.json'), 'utf8'));
    expect(Object.keys(yoRc)).toEqual([PACKAGE_NAME]);
    const update = computeUpdate(cwd, {});
    expect(update.writes.size).toBe(0);
    expect(update.plan.every((entry) => entry.action === 'unchanged')).toBe(true);
  });

  it('prints its options for --help, as `yo cognito-jwt-api --help` asks', async () => {
    const env = createEnv({ cwd: tempDir('yo-help') } as never);
    await env.lookup({ npmPaths: [NODE_MODULES], filterPaths: true });
    let printed = '';
    const log = vi.spyOn(console, 'log').mockImplementation((text) => void (printed += String(text)));
    try {
      await env.run(['cognito-jwt-api:app'], { help: true } as never);
    } finally {
      log.mockRestore();
    }
    expect(printed).toMatch(/^Usage:\n {2}yo cognito-jwt-api:app \[options\]/);
    for (const flag of ['--user-pool-id', '--client-id', '--origins', '--iac', '--yes'])
      expect(printed).toContain(flag);
  });

  it('lists the install among the next steps when `--skip-install` skipped it', async () => {
    let printed = '';
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((printed += String(chunk)), true));
    try {
      const env = createEnv({ cwd: tempDir('yo-skip') } as never);
      await env.lookup({ npmPaths: [NODE_MODULES], filterPaths: true });
      await env.run(['cognito-jwt-api:app'], { yes: true, 'skip-install': true, ...answerOptions() } as never);
    } finally {
      write.mockRestore();
    }
    expect(printed).toMatch(/Next steps:\n {2}npm install\n {2}npm test\n/);
  });
});
