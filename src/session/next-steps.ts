/** What to do after generation: printed by the CLI and the generator. */
import path from 'node:path';
import { sh } from '../render/escape.js';
import { FLAVOURS, type Flavour } from '../render/flavours.js';
import type { Answers } from '../schema/answers.js';
import { execCommand, runScript, type PackageManager } from './package-manager.js';

/** A flavour's step, written for npm (`npm run <script>`, `npx <command>`), as `pm` runs it. */
export function inPackageManager(pm: PackageManager, step: string): string {
  return step
    .replace(/^npm run (\S+)/, (_, script: string) => runScript(pm, script))
    .replace(/^npx /, `${execCommand(pm)} `);
}

export function nextSteps(
  answers: Answers,
  options: { targetDir?: string; cwd?: string; installed: boolean; packageManager?: PackageManager },
): string {
  const pm = options.packageManager ?? 'npm';
  const cwd = options.cwd ?? process.cwd();
  const flavour: Flavour = FLAVOURS[answers.iac];
  const steps: string[] = [];
  if (options.targetDir && path.resolve(cwd, options.targetDir) !== path.resolve(cwd)) {
    const relative = path.relative(cwd, path.resolve(cwd, options.targetDir));
    // "cd -dash" would read the folder as an option.
    steps.push(`cd ${sh(relative.startsWith('-') ? `.${path.sep}${relative}` : relative)}`);
  }
  if (!options.installed) steps.push(`${pm} install`);
  steps.push(runScript(pm, 'test'));
  steps.push(`${runScript(pm, 'dev')}   # the API on http://127.0.0.1:3000, checking real tokens`);
  steps.push(...flavour.deploy.map((step) => inPackageManager(pm, step)));
  return [
    `Created ${answers.name}: an HTTP API behind the Cognito JWT authorizer of ${answers.userPoolId}, deployed ` +
      `with ${flavour.title}.`,
    '',
    'Next steps:',
    ...steps.map((step) => `  ${step}`),
    '',
    ...(flavour.requires
      ? [`Deploying needs ${flavour.requires.tool} installed: ${flavour.requires.install}`, '']
      : []),
    'README.md explains how to call the API with a token, add a route and add an origin.',
    ...(answers.githubRepository
      ? [
          `.github/workflows/deploy.yml deploys from ${answers.githubRepository} once its AWS roles are deployed: ` +
            'README.md, "Deploy from GitHub Actions".',
        ]
      : []),
  ].join('\n');
}
