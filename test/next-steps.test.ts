/** The next steps printed after generation. */
import { describe, expect, it } from 'vitest';
import { nextSteps } from '../src/session/next-steps.js';
import { parseAnswers } from '../src/schema/parse.js';
import { packageManagerOf, type PackageManager } from '../src/session/package-manager.js';
import { EXAMPLE_INPUT } from './helpers/answers.js';

const answers = parseAnswers(EXAMPLE_INPUT);
const steps = (targetDir: string) =>
  nextSteps(answers, { targetDir, cwd: '/work', installed: false })
    .split('\n')
    .filter((line) => line.startsWith('  '));

describe('nextSteps', () => {
  it('changes into the project, installs, tests and deploys', () => {
    expect(steps('svc')).toEqual([
      '  cd svc',
      '  npm install',
      '  npm test',
      '  npm run dev   # the API on http://127.0.0.1:3000, checking real tokens',
      '  npx cdk bootstrap   # once per AWS account and region',
      '  npm run deploy:dev',
    ]);
  });

  it('uses the package manager that ran the command, never npx for another', () => {
    const lines = (packageManager: PackageManager) =>
      nextSteps(answers, { targetDir: '.', cwd: '/work', installed: false, packageManager })
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.trim().replace(/ +#.*/, ''));
    expect(lines('pnpm')).toEqual([
      'pnpm install',
      'pnpm test',
      'pnpm run dev',
      'pnpm exec cdk bootstrap',
      'pnpm run deploy:dev',
    ]);
    expect(lines('yarn')).toEqual([
      'yarn install',
      'yarn test',
      'yarn run dev',
      'yarn cdk bootstrap',
      'yarn run deploy:dev',
    ]);
    // `bun test` is bun's own test runner, not the project's script.
    expect(lines('bun')).toEqual([
      'bun install',
      'bun run test',
      'bun run dev',
      'bunx cdk bootstrap',
      'bun run deploy:dev',
    ]);
    expect(packageManagerOf('pnpm/9.1.0 npm/? node/v20.19.0 linux x64')).toBe('pnpm');
    expect(packageManagerOf(undefined)).toBe('npm');
  });

  it('says which command-line tool a flavour deploys with, when the project does not bring it', () => {
    const text = (iac: 'cdk' | 'terraform' | 'sam') =>
      nextSteps(parseAnswers({ ...EXAMPLE_INPUT, iac }), { installed: true });
    expect(text('terraform')).toMatch(/^Deploying needs the Terraform CLI installed: https:\/\/\S+$/m);
    expect(text('sam')).toMatch(/^Deploying needs the AWS SAM CLI installed: https:\/\/docs\.aws\.amazon\.com\/\S+$/m);
    expect(text('cdk')).not.toContain('Deploying needs');
  });

  it('bootstraps only where the flavour needs it', () => {
    for (const iac of ['terraform', 'sam'] as const) {
      const lines = nextSteps(parseAnswers({ ...EXAMPLE_INPUT, iac }), {
        targetDir: '.',
        cwd: '/work',
        installed: true,
      }).split('\n');
      expect(lines.filter((line) => line.startsWith('  ') && !line.includes('npm run dev'))).toEqual([
        '  npm test',
        '  npm run deploy:dev',
      ]);
    }
  });

  it('writes a folder that starts with a dash so that cd does not read it as an option', () => {
    expect(steps('-dash')[0]).toBe('  cd ./-dash');
  });

  it('quotes a folder with spaces, and leaves out cd for the current folder', () => {
    expect(steps('my service')[0]).toBe("  cd 'my service'");
    expect(steps('.')[0]).toBe('  npm install');
  });
});
