/**
 * What the GitHub Actions workflows of a generated project need: the environments the deploy
 * workflow deploys to, each flavour's flags for a deploy nobody confirms, and the files that only
 * a project naming its GitHub repository gets (the deploy workflow and its role's infrastructure).
 */
import type { Answers } from '../schema/answers.js';

/** The GitHub environments the deploy workflow deploys to, each with its role and its own `sub`. */
export const DEPLOY_ENVIRONMENTS = ['dev', 'prod'] as const;

/** Appended after `npm run deploy:<environment> --`: a CI run has no one to confirm a change set or a plan. */
const UNATTENDED_DEPLOY_FLAGS: Record<Answers['iac'], string> = {
  cdk: '--require-approval never',
  terraform: '-auto-approve',
  sam: '--no-confirm-changeset --no-fail-on-empty-changeset',
};

export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';

/**
 * Whether a template's output needs `githubRepository`: the deploy workflow, and every file or
 * folder whose name starts with `deploy-role` (the role's infrastructure and its tests). The trust
 * policy names the repository, so without one there is nothing to render.
 */
export function needsGithubRepository(path: string): boolean {
  return path === DEPLOY_WORKFLOW || path.split('/').some((part) => part.startsWith('deploy-role'));
}

/**
 * Whether a file is the deploy roles' infrastructure, which an administrator deploys by hand (the
 * workflow cannot change its own roles): a `deploy-role` file outside test/.
 */
export function isDeployRoleInfrastructure(path: string): boolean {
  return path !== DEPLOY_WORKFLOW && !path.startsWith('test/') && needsGithubRepository(path);
}

/** What the workflow and role templates read; `resourcePrefix` names the Terraform state object. */
export function ciData(answers: Answers, resourcePrefix: string) {
  const repository = answers.githubRepository;
  return {
    environments: DEPLOY_ENVIRONMENTS,
    /** Each environment's deploy step, through the scripts every flavour has. */
    deployCommands: Object.fromEntries(
      DEPLOY_ENVIRONMENTS.map((environment) => [
        environment,
        `npm run deploy:${environment} -- ${UNATTENDED_DEPLOY_FLAGS[answers.iac]}`,
      ]),
    ) as Record<(typeof DEPLOY_ENVIRONMENTS)[number], string>,
    /**
     * Terraform's `init` arguments in CI: the S3 backend's settings, the bucket from the environment's
     * variable (https://developer.hashicorp.com/terraform/cli/config/environment-variables#tf_cli_args).
     */
    terraformBackendConfig: [
      'bucket=${{ vars.TF_STATE_BUCKET }}',
      `key=${resourcePrefix}.tfstate`,
      `region=${answers.region}`,
      'use_lockfile=true',
    ]
      .map((setting) => `-backend-config=${setting}`)
      .join(' '),
    /** Each environment's part of a logical id: `DevDeployRole`. */
    environmentIds: { dev: 'Dev', prod: 'Prod' } satisfies Record<(typeof DEPLOY_ENVIRONMENTS)[number], string>,
    repository,
    /** The OIDC token's `sub` of a job in each environment: the role of each trusts its own only. */
    subjects: Object.fromEntries(
      DEPLOY_ENVIRONMENTS.map((environment) => [environment, `repo:${repository}:environment:${environment}`]),
    ) as Record<(typeof DEPLOY_ENVIRONMENTS)[number], string>,
  };
}
