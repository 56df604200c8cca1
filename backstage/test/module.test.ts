/** The backend module registers the action with the scaffolder's extension point. */
import { existsSync } from 'node:fs';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { describe, expect, it } from 'vitest';
import cognitoJwtApiModule, { ACTION_ID, UPDATE_ACTION_ID } from '../src/index.js';

type Registration = {
  type: string;
  pluginId: string;
  moduleId: string;
  init: { deps: Record<string, unknown>; func: (deps: Record<string, unknown>) => Promise<void> };
};

describe('backend module', () => {
  it('adds cognito-jwt-api:create and cognito-jwt-api:update to the scaffolder', async () => {
    // The registrations are what the backend reads when it installs the feature.
    const [registration] = (
      cognitoJwtApiModule as unknown as { getRegistrations(): Registration[] }
    ).getRegistrations();
    expect(registration).toMatchObject({
      type: expect.stringMatching(/^module/),
      pluginId: 'scaffolder',
      moduleId: 'cognito-jwt-api',
    });
    expect(registration!.init.deps.scaffolder).toBe(scaffolderActionsExtensionPoint);
    const added: Array<{ id: string }> = [];
    await registration!.init.func({
      scaffolder: { addActions: (...actions: Array<{ id: string }>) => added.push(...actions) },
    });
    expect(added.map((action) => action.id)).toEqual([ACTION_ID, UPDATE_ACTION_ID]);
  });

  it('is what the package publishes: dist/index.js, built from these sources, with its declarations', async () => {
    const published = (await import('../dist/index.js')) as typeof import('../src/index.js');
    expect(published.ACTION_ID).toBe(ACTION_ID);
    const [registration] = (published.default as unknown as { getRegistrations(): Registration[] }).getRegistrations();
    expect(registration).toMatchObject({ pluginId: 'scaffolder', moduleId: 'cognito-jwt-api' });
    expect(existsSync(new URL('../dist/index.d.ts', import.meta.url))).toBe(true);
  });
});
