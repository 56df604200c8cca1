/**
 * The IaC flavours: a flavour is a template folder (templates/<id>) plus this manifest entry.
 */
import type { Answers } from '../schema/answers.js';
import type { PackageName } from './versions.js';

export interface Flavour {
  /** Shown in prompts, help and the generated README. */
  title: string;
  /** False while the schema knows a flavour that this version cannot generate yet. */
  available: boolean;
  /** package.json scripts this flavour adds to the shared ones. */
  scripts: Record<string, string>;
  /** Development dependencies this flavour adds to the shared ones. */
  devDependencies: readonly PackageName[];
  /** The command that deploys a generated project. */
  deploy: string;
}

export const FLAVOURS = {
  cdk: {
    title: 'AWS CDK',
    available: true,
    scripts: {
      build: 'tsc --noEmit',
      synth:
        'cross-env CDK_DEFAULT_ACCOUNT=000000000000 CDK_DISABLE_VERSION_CHECK=1 AWS_EC2_METADATA_DISABLED=true cdk synth --no-notices --quiet',
      diff: 'cdk diff',
      deploy: 'cdk deploy',
      destroy: 'cdk destroy',
    },
    devDependencies: ['aws-cdk', 'aws-cdk-lib', 'constructs', 'cross-env', 'esbuild', 'tsx'],
    deploy: 'npm run deploy',
  },
  terraform: {
    title: 'Terraform',
    available: false,
    scripts: {},
    devDependencies: [],
    deploy: 'terraform apply',
  },
  sam: {
    title: 'AWS SAM',
    available: false,
    scripts: {},
    devDependencies: [],
    deploy: 'sam deploy',
  },
} as const satisfies Record<Answers['iac'], Flavour>;

/** Flavours this version can generate. */
export const AVAILABLE_FLAVOURS = (Object.keys(FLAVOURS) as Answers['iac'][]).filter((id) => FLAVOURS[id].available);

/** Scripts and dependencies every flavour shares. */
export const SHARED_PACKAGE = {
  scripts: { test: 'vitest run', typecheck: 'tsc --noEmit' } as Record<string, string>,
  devDependencies: ['@types/aws-lambda', '@types/node', 'typescript', 'vitest'] as const satisfies readonly PackageName[],
};

/**
 * Who owns a generated file: `managed` files are the tool's to keep current; `sample` files are
 * written once and belong to the user from then on (their handlers and handler tests).
 */
export type Ownership = 'managed' | 'sample';
export const SAMPLE_PATH_PREFIXES = ['src/handlers/', 'src/lib/', 'test/handlers/'] as const;

export function ownershipOf(path: string): Ownership {
  return SAMPLE_PATH_PREFIXES.some((prefix) => path.startsWith(prefix)) ? 'sample' : 'managed';
}
