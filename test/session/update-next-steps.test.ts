/** The next steps an update prints once it wrote files. */
import { describe, expect, it } from 'vitest';
import { updateNextSteps } from '../../src/session/update-next-steps.js';

const steps = (outcome: Parameters<typeof updateNextSteps>[0]) => updateNextSteps(outcome).split('\n').slice(1);

describe('updateNextSteps', () => {
  it('installs only when the dependencies changed, then tests and deploys as before', () => {
    expect(steps({ iac: 'cdk', installNeeded: true, conflicts: [] })).toEqual([
      '  npm install   # the dependencies changed: refreshes the lock file',
      '  npm test',
      '  npm run deploy:dev',
    ]);
    expect(steps({ iac: 'terraform', installNeeded: false, conflicts: [] })).toEqual([
      '  npm test',
      '  npm run deploy:dev',
    ]);
  });

  it('uses the package manager that ran the tool', () => {
    expect(steps({ iac: 'sam', installNeeded: true, conflicts: [], packageManager: 'pnpm' })).toEqual([
      '  pnpm install   # the dependencies changed: refreshes the lock file',
      '  pnpm test',
      '  pnpm run deploy:dev',
    ]);
    // `bun test` would run Bun's own test runner.
    expect(steps({ iac: 'sam', installNeeded: false, conflicts: [], packageManager: 'bun' })[0]).toBe('  bun run test');
  });

  it("deploys a flavour the update switched to as for the first time (CDK's bootstrap included)", () => {
    expect(steps({ iac: 'cdk', previousIac: 'terraform', installNeeded: true, conflicts: [] })).toEqual([
      '  npm install   # the dependencies changed: refreshes the lock file',
      '  npm test',
      '  npx cdk bootstrap   # once per AWS account and region',
      '  npm run deploy:dev',
    ]);
  });

  it("runs a switched flavour's first deploy through the package manager, as a new project's next steps do", () => {
    expect(
      steps({ iac: 'cdk', previousIac: 'sam', installNeeded: false, conflicts: [], packageManager: 'pnpm' }),
    ).toEqual([
      '  pnpm test',
      '  pnpm exec cdk bootstrap   # once per AWS account and region',
      '  pnpm run deploy:dev',
    ]);
  });

  it('starts with the conflicts to resolve', () => {
    expect(steps({ iac: 'cdk', installNeeded: false, conflicts: ['src/api.ts', 'README.md'] })[0]).toBe(
      '  resolve the conflicts in src/api.ts, README.md, then run update again to record it',
    );
  });
});
