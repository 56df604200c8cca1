/** The next steps printed after generation. */
import { describe, expect, it } from 'vitest';
import { nextSteps } from '../src/session/next-steps.js';
import { parseAnswers } from '../src/schema/parse.js';
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
      '  npx cdk bootstrap   # once per AWS account and region',
      '  npm run deploy',
    ]);
  });

  it('bootstraps only where the flavour needs it', () => {
    for (const iac of ['terraform', 'sam'] as const) {
      const lines = nextSteps(parseAnswers({ ...EXAMPLE_INPUT, iac }), {
        targetDir: '.',
        cwd: '/work',
        installed: true,
      }).split('\n');
      expect(lines.filter((line) => line.startsWith('  '))).toEqual(['  npm test', '  npm run deploy']);
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
