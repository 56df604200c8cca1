/**
 * The Terraform and SAM deploy roles create the functions' IAM roles themselves (CloudFormation
 * acts with the caller's rights). Whoever can run the deploy workflow holds those rights. Without
 * a permissions boundary, that is every permission in the account: create `<prefix>-anything`,
 * trust your own account, put `*:*` into it, assume it. Here each deploy policy is evaluated as
 * IAM would (test/helpers/iam.ts) against that attack, and against the deploy it must still allow.
 * The CDK deploy role only assumes the CDK bootstrap roles; their limits are the bootstrap's.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseSamTemplate } from '../../templates/sam/test/infra/sam-template.js';
import {
  parseTerraform,
  type TerraformConfiguration,
} from '../../templates/terraform/test/infra/terraform-configuration.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { decide, findingsOf, type IamRequest, type IamStatement } from '../helpers/iam.js';
import { contentsOf } from '../contract/model.js';

const ACCOUNT = '123456789012';
const { region } = EXAMPLE_INPUT;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const policy = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const ADMINISTRATOR = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** What each flavour's deploy gives the test: its policies as IAM reads them, and its functions' roles. */
interface Deploy {
  deploy: IamStatement[];
  boundary: IamStatement[];
  boundaryArn: string;
  /** A role the API's deploy creates for its functions, as AWS names it. */
  functionRole: string;
  /** The boundary each function role of the API's deploy is given (undefined: none). */
  functionRoleBoundaries: (string | undefined)[];
}

const render = (iac: 'terraform' | 'sam', githubRepository?: string) =>
  renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac, ...(githubRepository && { githubRepository }) }));

async function terraformFolder(files: ReturnType<typeof render>, folder: string) {
  const inFolder = files.filter((file) => path.dirname(file.path) === folder && file.path.endsWith('.tf'));
  return parseTerraform(Object.fromEntries(inFolder.map((file) => [path.basename(file.path), file.contents])));
}

/** A Terraform value as the provider would send it, in an account of ACCOUNT; throws on what it cannot read. */
function terraformValue(tf: TerraformConfiguration, value: unknown, references: Record<string, string>): any {
  if (value === undefined) return undefined;
  const text = JSON.stringify(tf.resolve(value))
    .replace(/\$\{format\(local\.prefix, \\"([^"\\]*)\\", \\"([^"\\]*)\\"\)\}/g, (_, service, rest) =>
      tf.resolve(tf.locals().prefix).replace('%s', service).replace('%s', rest),
    )
    .replace(/\$\{([\w.[\]]+)\}/g, (whole, reference: string) => references[reference] ?? whole);
  if (text.includes('${')) throw new Error(`unresolved reference in ${text}`);
  return JSON.parse(text);
}

function terraformPolicy(tf: TerraformConfiguration, name: string, references: Record<string, string>) {
  return (tf.data('aws_iam_policy_document', name).statement as Record<string, any>[]).map(
    (statement): IamStatement => ({
      Sid: statement.sid,
      Effect: statement.effect ?? 'Allow',
      Action: statement.actions,
      Resource: terraformValue(tf, statement.resources, references),
      ...(statement.condition && {
        Condition: Object.fromEntries(
          (terraformValue(tf, statement.condition, references) as Record<string, any>[]).map((condition) => [
            condition.test,
            { [condition.variable]: condition.values },
          ]),
        ),
      }),
    }),
  );
}

async function terraformDeploy(githubRepository?: string): Promise<Deploy> {
  const files = render('terraform', githubRepository);
  const roles = await terraformFolder(files, 'infra/deploy-role');
  const api = await terraformFolder(files, 'infra');
  const boundaryArn = policy(roles.resolve(roles.resource('aws_iam_policy', 'function_boundary').name));
  const references = {
    'data.aws_partition.current.partition': 'aws',
    'data.aws_caller_identity.current.account_id': ACCOUNT,
    'aws_s3_bucket.state.arn': 'arn:aws:s3:::my-service-tfstate',
    'aws_iam_policy.function_boundary.arn': boundaryArn,
  };
  const handler = api.resource('aws_iam_role', 'handler');
  return {
    deploy: terraformPolicy(roles, 'deploy', references),
    boundary: terraformPolicy(roles, 'function_boundary', references),
    boundaryArn,
    // The dev environment's: var.environment has no default.
    functionRole: role(
      `${api.resolve(handler.name_prefix).replace('${var.environment}', 'dev')}20261207093000000000000001`,
    ),
    functionRoleBoundaries: [terraformValue(api, handler.permissions_boundary, references)],
  };
}

function samDeploy(githubRepository?: string): Deploy {
  const files = render('sam', githubRepository);
  const roles = parseSamTemplate(contentsOf(files, 'deploy-role.yaml'));
  const api = parseSamTemplate(contentsOf(files, 'template.yaml'));
  const pseudo = { 'AWS::Partition': 'aws', 'AWS::AccountId': ACCOUNT, 'AWS::Region': region };
  const [boundaryId, boundary] = roles
    .resources('AWS::IAM::ManagedPolicy')
    .find(([, candidate]) => candidate.Properties.ManagedPolicyName)!;
  const boundaryArn = policy(roles.resolve(boundary.Properties.ManagedPolicyName, pseudo));
  const [[, deploy]] = roles.resources('AWS::IAM::ManagedPolicy').filter(([id]) => id !== boundaryId) as [
    [string, Record<string, any>],
  ];
  const scope = { ...pseudo, [boundaryId]: boundaryArn };
  return {
    deploy: roles.resolve(deploy.Properties.PolicyDocument.Statement, scope),
    boundary: roles.resolve(boundary.Properties.PolicyDocument.Statement, scope),
    boundaryArn,
    // CloudFormation names a role without RoleName `<stack>-<logical id>-<random>`; the stack is `<prefix>-dev`.
    functionRole: role('my-service-dev-ProtectedFunctionRole-AbCdEf123456'),
    functionRoleBoundaries: api
      .resources('AWS::IAM::Role')
      .map(([, candidate]) => api.resolve(candidate.Properties.PermissionsBoundary, pseudo)),
  };
}

const FLAVOURS = { terraform: terraformDeploy, sam: async (repository?: string) => samDeploy(repository) };

describe.each(Object.entries(FLAVOURS))('the %s deploy role', (_, load) => {
  const loaded = load('acme/orders-api');
  const asDeployRole = async (request: IamRequest) => decide((await loaded).deploy, request);
  const withBoundary = async (request: Omit<IamRequest, 'context'>) =>
    asDeployRole({ ...request, context: { 'iam:PermissionsBoundary': (await loaded).boundaryArn } });

  it('may not create a role without the boundary, to trust anyone and be given anything', async () => {
    for (const boundary of [undefined, ADMINISTRATOR]) {
      const context: Record<string, string> = boundary ? { 'iam:PermissionsBoundary': boundary } : {};
      expect(
        await asDeployRole({ action: 'iam:CreateRole', resource: role('my-service-escalate'), context }),
        boundary ?? 'no boundary',
      ).not.toBe('Allowed');
    }
  });

  it("may not write into, retrust or unbound a role that is not bounded, a deploy role's either", async () => {
    for (const action of [
      'iam:PutRolePolicy',
      'iam:AttachRolePolicy',
      'iam:UpdateAssumeRolePolicy',
      'iam:DeleteRolePolicy',
      'iam:DeleteRole',
      'iam:DeleteRolePermissionsBoundary',
    ])
      for (const name of ['my-service-admin', 'my-service-github-deploy-dev'])
        expect(await asDeployRole({ action, resource: role(name) }), `${action} ${name}`).not.toBe('Allowed');
    expect(
      await asDeployRole({
        action: 'iam:PutRolePermissionsBoundary',
        resource: role('my-service-admin'),
        context: { 'iam:PermissionsBoundary': ADMINISTRATOR },
      }),
    ).not.toBe('Allowed');
  });

  it('may neither lift the boundary from a role nor change the boundary policy', async () => {
    const { functionRole, boundaryArn } = await loaded;
    expect(await withBoundary({ action: 'iam:DeleteRolePermissionsBoundary', resource: functionRole })).toBe(
      'ExplicitlyDenied',
    );
    for (const action of [
      'iam:CreatePolicyVersion',
      'iam:SetDefaultPolicyVersion',
      'iam:DeletePolicyVersion',
      'iam:DeletePolicy',
    ])
      expect(await asDeployRole({ action, resource: boundaryArn }), action).toBe('ExplicitlyDenied');
  });

  it("still deploys the functions' roles, each with the boundary", async () => {
    const { functionRole } = await loaded;
    expect(functionRole).not.toContain('${');
    for (const action of [
      'iam:CreateRole',
      'iam:GetRole',
      'iam:PutRolePolicy',
      'iam:GetRolePolicy',
      'iam:DeleteRolePolicy',
      'iam:DeleteRole',
      'iam:TagRole',
      // A role deployed before the boundary existed gets it on the next deploy.
      'iam:PutRolePermissionsBoundary',
    ])
      expect(await withBoundary({ action, resource: functionRole }), action).toBe('Allowed');
    expect(
      await asDeployRole({
        action: 'iam:PassRole',
        resource: functionRole,
        context: { 'iam:PassedToService': 'lambda.amazonaws.com' },
      }),
    ).toBe('Allowed');
  });

  it("gives the API's function roles the boundary that the deploy role demands", async () => {
    const { functionRoleBoundaries, boundaryArn } = await loaded;
    expect(functionRoleBoundaries.length).toBeGreaterThan(0);
    expect(new Set(functionRoleBoundaries)).toEqual(new Set([boundaryArn]));
  });

  it('bounds the functions to writing their own logs', async () => {
    const { boundary } = await loaded;
    const logGroup = (name: string) => `arn:aws:logs:${region}:${ACCOUNT}:log-group:/aws/lambda/${name}`;
    expect(
      decide(boundary, { action: 'logs:PutLogEvents', resource: `${logGroup('my-service-dev-x')}:log-stream:a` }),
    ).toBe('Allowed');
    expect(
      decide(boundary, { action: 'logs:CreateLogStream', resource: `${logGroup('my-service-prod-x')}:log-stream:a` }),
    ).toBe('Allowed');
    for (const request of [
      { action: 'logs:PutLogEvents', resource: `${logGroup('other-service')}:log-stream:a` },
      { action: 'iam:CreateRole', resource: role('my-service-escalate') },
      { action: 'sts:AssumeRole', resource: role('my-service-github-deploy-prod') },
      {
        action: 'lambda:UpdateFunctionCode',
        resource: `arn:aws:lambda:${region}:${ACCOUNT}:function:my-service-dev-x`,
      },
    ])
      expect(decide(boundary, request), request.action).toBe('ImplicitlyDenied');
  });

  it("names only actions and condition keys that AWS's reference knows, each on an action that carries it", async () => {
    const { deploy, boundary } = await loaded;
    expect(await findingsOf([...deploy, ...boundary])).toEqual([]);
  });
});

describe.each(Object.entries({ terraform: 'infra/main.tf', sam: 'template.yaml' }))(
  'the %s API without a deploy workflow',
  (iac, file) => {
    it('gives its roles no boundary, whose policy only the deploy roles bring', () => {
      const contents = contentsOf(render(iac as 'terraform' | 'sam'), file);
      expect(contents).not.toMatch(/permissions_boundary|PermissionsBoundary/);
    });
  },
);

describe('the sam deploy role and CloudFormation', () => {
  const stack = (name: string) => `arn:aws:cloudformation:${region}:${ACCOUNT}:stack/${name}/0a1b2c3d`;

  it("changes the API's two stacks alone: another stack's change set would run as its service role", async () => {
    const { deploy } = await samDeploy('acme/orders-api');
    for (const action of ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet']) {
      for (const name of ['my-service-dev', 'my-service-prod'])
        expect(decide(deploy, { action, resource: stack(name) }), `${action} ${name}`).toBe('Allowed');
      for (const name of ['my-service-github-deploy', 'my-service-other'])
        expect(decide(deploy, { action, resource: stack(name) }), `${action} ${name}`).toBe('ImplicitlyDenied');
    }
  });
});
