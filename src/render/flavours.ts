/**
 * The IaC flavours: a flavour is a template folder (templates/<id>) plus this manifest entry.
 */
import { ENVIRONMENTS, type Answers, type EnvironmentName } from '../schema/answers.js';
import { PACKAGE_VERSIONS, RUNTIME_DETAILS, type PackageName } from './versions.js';

/** What a flavour's scripts depend on: the runtime, and each environment's stack name. */
export interface ScriptInput {
  runtime: Answers['runtime'];
  stackNames: Record<EnvironmentName, string>;
}

/**
 * `deploy:<env>` and `destroy:<env>` for every environment, each ending with the tool's own
 * command, so that arguments given after `--` reach it (`npm run deploy:prod -- -auto-approve`).
 */
function perEnvironment(command: (verb: 'deploy' | 'destroy', environment: EnvironmentName) => string) {
  return Object.fromEntries(
    (['deploy', 'destroy'] as const).flatMap((verb) =>
      ENVIRONMENTS.map((environment) => [`${verb}:${environment}`, command(verb, environment)]),
    ),
  );
}

/** One folder (dist/<handler>/index.mjs) per function, for IaC tools that do not bundle. */
function bundleScript(runtime: Answers['runtime']): string {
  const target = RUNTIME_DETAILS[runtime].esbuildTarget;
  return (
    'tsc --noEmit && esbuild "src/handlers/*.ts" --bundle --minify --platform=node --format=esm ' +
    `--target=${target} --entry-names=[name]/index --out-extension:.js=.mjs --outdir=dist`
  );
}

export interface Flavour {
  /** Shown in prompts, help and the generated README. */
  title: string;
  /** package.json scripts this flavour adds to the shared ones; every flavour has deploy:<env> and destroy:<env>. */
  scripts: (input: ScriptInput) => Record<string, string>;
  /** Development dependencies this flavour adds to the shared ones. */
  devDependencies: readonly PackageName[];
  /** The commands that deploy a generated project the first time. */
  deploy: readonly string[];
  /** How each environment deploys on its own, for the README: "… each its own …". */
  environments: string;
  /** Arguments that let the deploy run unattended (CI), as `npm run deploy:prod -- <these>` passes them. */
  unattended: string;
  /** A command-line tool the deploy needs that the project's dependencies do not bring, and where to get it. */
  requires?: { tool: string; install: string };
}

export const FLAVOURS = {
  cdk: {
    title: 'AWS CDK',
    scripts: ({ stackNames }) => ({
      // The CDK bundles each handler itself (NodejsFunction, local esbuild): build type-checks.
      build: 'tsc --noEmit',
      synth:
        'cross-env CDK_DEFAULT_ACCOUNT=000000000000 CDK_DISABLE_VERSION_CHECK=1 AWS_EC2_METADATA_DISABLED=true ' +
        'cdk synth --no-notices --quiet',
      diff: 'cdk diff',
      // One stack per environment (infra/app.ts), each deployed and destroyed by name.
      ...perEnvironment((verb, environment) => `cdk ${verb} ${stackNames[environment]}`),
    }),
    devDependencies: ['aws-cdk', 'aws-cdk-lib', 'constructs', 'cross-env', 'esbuild', 'tsx'],
    // A first deploy to an account and region fails until CDK's bootstrap stack is there.
    deploy: ['npx cdk bootstrap   # once per AWS account and region', 'npm run deploy:dev'],
    environments: 'as a CloudFormation stack of its own',
    unattended: '--require-approval never',
  },
  terraform: {
    title: 'Terraform',
    scripts: ({ runtime }) => ({
      build: bundleScript(runtime),
      // Each environment its own workspace (its own state) and variables (infra/environments/<env>.tfvars);
      // destroy's plan reads the handler zips too, so it builds first as well.
      ...perEnvironment(
        (verb, environment) =>
          'npm run build && terraform -chdir=infra init -input=false && ' +
          `terraform -chdir=infra workspace select -or-create ${environment} && ` +
          `terraform -chdir=infra ${verb === 'deploy' ? 'apply' : 'destroy'} ` +
          `-var-file=environments/${environment}.tfvars`,
      ),
      'test:terraform': 'terraform -chdir=infra init -backend=false && terraform -chdir=infra test',
    }),
    devDependencies: ['@cdktf/hcl2json', 'esbuild'],
    deploy: ['npm run deploy:dev'],
    environments: 'in a Terraform workspace (its own state) with a var file of its own',
    unattended: '-auto-approve',
    requires: { tool: 'the Terraform CLI', install: 'https://developer.hashicorp.com/terraform/install' },
  },
  sam: {
    title: 'AWS SAM',
    scripts: () => ({
      // `sam build` bundles each function with esbuild (Metadata.BuildMethod): build type-checks.
      build: 'tsc --noEmit',
      validate: 'sam validate --lint',
      // Each environment's stack name, region and parameters come from its section of samconfig.toml.
      ...perEnvironment((verb, environment) =>
        verb === 'deploy'
          ? `sam build --config-env ${environment} && sam deploy --config-env ${environment}`
          : `sam delete --config-env ${environment}`,
      ),
    }),
    devDependencies: ['esbuild', 'yaml'],
    deploy: ['npm run deploy:dev'],
    environments: 'as a CloudFormation stack of its own, from its section of samconfig.toml',
    unattended: '--no-confirm-changeset --no-fail-on-empty-changeset',
    requires: {
      tool: 'the AWS SAM CLI',
      install: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html',
    },
  },
} as const satisfies Record<Answers['iac'], Flavour>;

/**
 * Biome at the version the templates pin, run through npx rather than installed: its platform
 * binary alone is about 100 MB (a quarter of a CDK project's node_modules), and npx keeps one copy
 * per machine for every project that pins the same version.
 */
const BIOME = `npx --yes @biomejs/biome@${PACKAGE_VERSIONS['@biomejs/biome']}`;

/** Scripts and dependencies every flavour shares. */
export const SHARED_PACKAGE = {
  scripts: {
    // Started again when a file it loaded changes (a handler, src/api.ts): edits need no restart by hand.
    dev: 'tsx watch --clear-screen=false dev/start.ts',
    test: 'vitest run',
    typecheck: 'tsc --noEmit',
    // The formatter's check and the linter, failing on warnings too (biome.json configures both).
    lint: `${BIOME} check --error-on-warnings .`,
    format: `${BIOME} format --write .`,
  } as Record<string, string>,
  devDependencies: [
    '@types/aws-lambda',
    '@types/node',
    'jose',
    'tsx',
    'typescript',
    'vitest',
  ] as const satisfies readonly PackageName[],
};

/**
 * Who owns a generated file: `managed` files are the tool's to keep current (the CORS helpers and
 * the preflight handler among them, so that fixes reach projects through `update`); `sample`
 * files are written once and belong to the user from then on: the example route and its test.
 * A template's place says which: those under a set's `samples/` folder are samples.
 */
export type Ownership = 'managed' | 'sample';
