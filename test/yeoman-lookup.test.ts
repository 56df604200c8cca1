/**
 * yeoman-environment finds the generator the way `yo` and Backstage's run:yeoman do: by lookup
 * of installed generator-* packages, under the namespace cognito-jwt-api:app, and what it writes can be updated later.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';
import { describe, expect, it } from 'vitest';
import { computeUpdate } from '../src/update/project.js';
import { PACKAGE_NAME } from '../src/version.js';
import { EXAMPLE_INPUT } from './helpers/answers.js';
import { tempDir } from './helpers/temp.js';

/** Where npm installs packages; this repository's workspace links generator-cognito-jwt-api there. */
const NODE_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));

describe('generator lookup', () => {
  it('registers cognito-jwt-api:app from the generator-cognito-jwt-api package, and runs it', async () => {
    const cwd = tempDir('yo');
    const env = createEnv({ cwd, skipInstall: true } as never);
    const found = await env.lookup({ npmPaths: [NODE_MODULES], filterPaths: true });
    expect(found.map((meta) => meta.namespace)).toContain('cognito-jwt-api:app');
    await env.run(['cognito-jwt-api:app'], {
      yes: true,
      skipInstall: true,
      region: EXAMPLE_INPUT.region,
      'user-pool-id': EXAMPLE_INPUT.userPoolId,
      'client-id': EXAMPLE_INPUT.clientId,
      origins: EXAMPLE_INPUT.origins.join(','),
    } as never);
    expect(readFileSync(path.join(cwd, 'src/api.ts'), 'utf8')).toContain(`userPoolId: "${EXAMPLE_INPUT.userPoolId}"`);
    // Recorded under the package's key, whatever name the lookup gave the generator, so that
    // `update` finds the project and sees nothing to do.
    const yoRc = JSON.parse(readFileSync(path.join(cwd, '.yo-rc.json'), 'utf8'));
    expect(Object.keys(yoRc)).toEqual([PACKAGE_NAME]);
    const update = computeUpdate(cwd, {});
    expect(update.writes.size).toBe(0);
    expect(update.plan.every((entry) => entry.action === 'unchanged')).toBe(true);
  });
});
