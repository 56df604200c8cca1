/** What to do after generation: printed by the CLI and the generator. */
import path from 'node:path';
import { sh } from '../render/escape.js';
import { FLAVOURS } from '../render/flavours.js';
import type { Answers } from '../schema/answers.js';

export function nextSteps(
  answers: Answers,
  options: { targetDir?: string; cwd?: string; installed: boolean; packageManager?: string },
): string {
  const pm = options.packageManager ?? 'npm';
  const cwd = options.cwd ?? process.cwd();
  const steps: string[] = [];
  if (options.targetDir && path.resolve(cwd, options.targetDir) !== path.resolve(cwd)) {
    const relative = path.relative(cwd, path.resolve(cwd, options.targetDir));
    // "cd -dash" would read the folder as an option.
    steps.push(`cd ${sh(relative.startsWith('-') ? `.${path.sep}${relative}` : relative)}`);
  }
  if (!options.installed) steps.push(`${pm} install`);
  steps.push(`${pm} test`);
  steps.push(...FLAVOURS[answers.iac].deploy.map((step) => step.replace(/^npm /, `${pm} `)));
  return [
    `Created ${answers.name}: an HTTP API behind the Cognito JWT authorizer of ${answers.userPoolId}, deployed ` +
      `with ${FLAVOURS[answers.iac].title}.`,
    '',
    'Next steps:',
    ...steps.map((step) => `  ${step}`),
    '',
    'README.md explains how to call the API with a token, add a route and add an origin.',
  ].join('\n');
}
