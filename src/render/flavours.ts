/**
 * The IaC flavours: a flavour is a template folder (templates/<id>) plus this manifest entry.
 */
import type { Answers } from '../schema/answers.js';
import { RUNTIME_DETAILS, type PackageName } from './versions.js';

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
  /** package.json scripts this flavour adds to the shared ones; every flavour has deploy and destroy. */
  scripts: (runtime: Answers['runtime']) => Record<string, string> & { deploy: string; destroy: string };
  /** Development dependencies this flavour adds to the shared ones. */
  devDependencies: readonly PackageName[];
  /** The commands that deploy a generated project the first time. */
  deploy: readonly string[];
  /** A command-line tool the deploy needs that the project's dependencies do not bring, and where to get it. */
  requires?: { tool: string; install: string };
}

export const FLAVOURS = {
  cdk: {
    title: 'AWS CDK',
    scripts: () => ({
      // The CDK bundles each handler itself (NodejsFunction, local esbuild): build type-checks.
      build: 'tsc --noEmit',
      synth:
        'cross-env CDK_DEFAULT_ACCOUNT=000000000000 CDK_DISABLE_VERSION_CHECK=1 AWS_EC2_METADATA_DISABLED=true ' +
        'cdk synth --no-notices --quiet',
      diff: 'cdk diff',
      deploy: 'cdk deploy',
      destroy: 'cdk destroy',
    }),
    devDependencies: ['aws-cdk', 'aws-cdk-lib', 'constructs', 'cross-env', 'esbuild', 'tsx'],
    // A first deploy to an account and region fails until CDK's bootstrap stack is there.
    deploy: ['npx cdk bootstrap   # once per AWS account and region', 'npm run deploy'],
  },
  terraform: {
    title: 'Terraform',
    scripts: (runtime) => ({
      build: bundleScript(runtime),
      deploy: 'npm run build && terraform -chdir=infra init && terraform -chdir=infra apply',
      // Reads the same variables as deploy (infra/terraform.tfvars, or `npm run destroy -- -var-file=...`);
      // its plan reads the handler zips too, so it builds first.
      destroy: 'npm run build && terraform -chdir=infra init && terraform -chdir=infra destroy',
      'test:terraform': 'terraform -chdir=infra init -backend=false && terraform -chdir=infra test',
    }),
    devDependencies: ['@cdktf/hcl2json', 'esbuild'],
    deploy: ['npm run deploy'],
    requires: { tool: 'the Terraform CLI', install: 'https://developer.hashicorp.com/terraform/install' },
  },
  sam: {
    title: 'AWS SAM',
    scripts: () => ({
      // `sam build` bundles each function with esbuild (Metadata.BuildMethod): build type-checks.
      build: 'tsc --noEmit',
      validate: 'sam validate --lint',
      deploy: 'sam build && sam deploy',
      // The stack name and region come from samconfig.toml, as for deploy.
      destroy: 'sam delete',
    }),
    devDependencies: ['esbuild', 'yaml'],
    deploy: ['npm run deploy'],
    requires: {
      tool: 'the AWS SAM CLI',
      install: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html',
    },
  },
} as const satisfies Record<Answers['iac'], Flavour>;

/** Scripts and dependencies every flavour shares. */
export const SHARED_PACKAGE = {
  scripts: {
    // Started again when a file it loaded changes (a handler, src/api.ts): edits need no restart by hand.
    dev: 'tsx watch --clear-screen=false dev/start.ts',
    test: 'vitest run',
    typecheck: 'tsc --noEmit',
    // The formatter's check and the linter, failing on warnings too (biome.json configures both).
    lint: 'biome check --error-on-warnings .',
    format: 'biome format --write .',
  } as Record<string, string>,
  devDependencies: [
    '@biomejs/biome',
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
