/** The generated project's package.json, from the shared and flavour manifests. */
import { ENVIRONMENTS, type Answers } from '../schema/answers.js';
import { FLAVOURS, SHARED_PACKAGE } from './flavours.js';
import { stackNameOf } from './template-data.js';
import { versionOf, type PackageName } from './versions.js';

export function renderPackageJson(answers: Answers): string {
  const flavour = FLAVOURS[answers.iac];
  const names: PackageName[] = [...SHARED_PACKAGE.devDependencies, ...flavour.devDependencies];
  const devDependencies = Object.fromEntries(
    [...new Set(names)].sort().map((name) => [name, versionOf(name, answers.runtime)]),
  );
  const pkg = {
    name: answers.name,
    version: '0.1.0',
    private: true,
    description: 'HTTP API behind an Amazon Cognito JWT authorizer, with a CORS preflight route',
    type: 'module',
    // What the project's own tools (vitest, the CDK CLI) run on; the Lambdas run `answers.runtime`.
    engines: { node: '^20.19 || >=22.12' },
    scripts: {
      ...SHARED_PACKAGE.scripts,
      ...flavour.scripts({
        runtime: answers.runtime,
        stackNames: Object.fromEntries(ENVIRONMENTS.map((name) => [name, stackNameOf(answers.name, name)])) as Record<
          (typeof ENVIRONMENTS)[number],
          string
        >,
      }),
    },
    devDependencies,
    // npm 11 runs no dependency install script unless allowed; esbuild's checks its binary.
    ...('esbuild' in devDependencies ? { allowScripts: { esbuild: true } } : {}),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
