/**
 * Every version the generated projects depend on, in one place: one bump updates every flavour.
 */
import type { Answers } from '../schema/answers.js';

/** npm packages of generated projects, as semver ranges of versions known to work together. */
export const PACKAGE_VERSIONS = {
  /**
   * Exact: Biome's formatting changes between releases, and `npm run lint` fails on any difference.
   * Not installed: the lint and format scripts run this version through npx (flavours.ts).
   */
  '@biomejs/biome': '2.6.9',
  '@cdktf/hcl2json': '^0.21.0',
  '@types/aws-lambda': '^8.10.164',
  'aws-cdk': '^2.1148.1',
  /**
   * Exact, as `cdk init` pins it: templates/cdk/cdk.json sets the feature flags this version
   * recommends (a test keeps them equal), and a newer one would recommend flags left unset.
   */
  'aws-cdk-lib': '2.276.0',
  constructs: '^10.8.1',
  'cross-env': '^10.1.0',
  esbuild: '^0.28.2',
  jose: '^6.2.18',
  tsx: '^4.23.15',
  typescript: '~5.9.3',
  vitest: '^4.1.12',
  yaml: '^2.9.1',
} as const;

/** Versions the IaC templates pin. */
export const IAC_VERSIONS = {
  /** `mock_provider` in tests needs 1.7; validation that reads another variable needs 1.9. */
  terraform: '>= 1.9',
  /** nodejs24.x is accepted from 6.20 on. */
  awsProvider: '~> 6.20',
  archiveProvider: '~> 2.7',
} as const;

export type PackageName = keyof typeof PACKAGE_VERSIONS | '@types/node';

/**
 * What each Lambda runtime implies for the generated project. `samCli` is the first AWS SAM CLI
 * release that builds and runs the runtime; older ones stop with "'<runtime>' runtime is not
 * supported":
 * - nodejs24.x: 1.147.0 (https://github.com/aws/aws-sam-cli/releases/tag/v1.147.0).
 * - nodejs22.x: 1.130.0, the release with aws/aws-sam-cli#7624 ("Add nodejs22.x runtime
 *   support"), as the AWS Toolkit for VS Code states where it adopted it (aws/aws-toolkit-vscode#6087).
 */
export const RUNTIME_DETAILS = {
  'nodejs24.x': { node: 24, esbuildTarget: 'node24', typesNode: '^24.0.0', samCli: '1.147.0' },
  'nodejs22.x': { node: 22, esbuildTarget: 'node22', typesNode: '^22.0.0', samCli: '1.130.0' },
} as const satisfies Record<
  Answers['runtime'],
  { node: number; esbuildTarget: string; typesNode: string; samCli: string }
>;

/** The range to write into a generated package.json for `name`. */
export function versionOf(name: PackageName, runtime: Answers['runtime']): string {
  return name === '@types/node' ? RUNTIME_DETAILS[runtime].typesNode : PACKAGE_VERSIONS[name];
}
