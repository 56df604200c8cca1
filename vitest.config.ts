import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI and end-to-end tests run the compiled package: build once before any test.
    globalSetup: [fileURLToPath(new URL('./test/setup/build.ts', import.meta.url))],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/__snapshots__/**', 'test/fleet/fleet.test.ts', 'test/renovate/**'],
          testTimeout: 30_000,
          // Tests import the AWS SDK themselves; the CLI sets the same opt-out before it loads the SDK.
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
          // GitHub's workflow parser imports its JSON schema without an import attribute, which Node.js
          // refuses: Vite loads it instead.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        extends: true,
        test: {
          // A rollout to thirty services, a minute or so: in `npm test`, not in the unit suite.
          name: 'fleet',
          include: ['test/fleet/fleet.test.ts'],
          testTimeout: 5 * 60_000,
          hookTimeout: 10 * 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'backstage',
          root: 'backstage',
          include: ['test/**/*.test.ts'],
          setupFiles: ['test/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/backstage-scaffolder.test.ts'],
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Renovate's own validator and managers, installed on demand in .cache/renovate/ (about 340 MB):
          // after the other projects, as the Backstage scaffolder below.
          name: 'renovate',
          include: ['test/renovate/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 10 * 60_000,
        },
      },
      {
        extends: true,
        test: {
          // A project of its own: the scaffolder it installs has native modules built for one
          // Node.js, so CI runs it once (in `npm test`), not again with the e2e suite on Node.js 24.
          name: 'backstage-scaffolder',
          include: ['test/e2e/backstage-scaffolder.test.ts'],
          // After the other projects: its install (a native module compiled on the first run) would
          // slow their timed tests on a small machine.
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 20 * 60_000,
        },
      },
    ],
  },
});
