/**
 * The deploy workflow's roles in each flavour's own language: the CDK stack synthesized
 * in-process, the Terraform configuration parsed with hcl2json, the CloudFormation template
 * parsed as YAML. Each environment's role trusts `repo:<owner>/<name>:environment:<env>` alone,
 * with GitHub's audience for AWS, and its permissions stay within what the deploy needs.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseSamTemplate } from '../../templates/sam/test/infra/sam-template.js';
import { parseTerraform } from '../../templates/terraform/test/infra/terraform-configuration.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { contentsOf, writeProject } from '../contract/model.js';

const REPOSITORY = 'acme/orders-api';
const OIDC = 'token.actions.githubusercontent.com';
/** What every flavour's roles must trust, environment by environment. */
const EXPECTED_TRUST = ['dev', 'prod'].map((environment) => ({
  aud: 'sts.amazonaws.com',
  sub: `repo:${REPOSITORY}:environment:${environment}`,
}));

const render = (iac: 'cdk' | 'terraform' | 'sam') =>
  renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac, githubRepository: REPOSITORY }));

const written: string[] = [];
afterAll(() => written.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Statement = Record<string, any>;

/** The `aud` and `sub` a trust statement requires with StringEquals (and nothing looser). */
function trustOf(statement: Statement) {
  expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
  expect(Object.keys(statement.Condition)).toEqual(['StringEquals']);
  const equals = statement.Condition.StringEquals;
  return { aud: equals[`${OIDC}:aud`], sub: equals[`${OIDC}:sub`] };
}

describe('the CDK deploy-role stack', () => {
  async function synthesize(createOidcProvider: boolean) {
    const dir = writeProject(render('cdk'), 'deploy-role');
    written.push(dir);
    const { DeployRoleStack } = await import(path.join(dir, 'infra/deploy-role-stack.ts'));
    const stack = new DeployRoleStack(new App(), 'Test', { env: { region: EXAMPLE_INPUT.region }, createOidcProvider });
    return Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  }
  const ofType = (resources: Record<string, { Type: string; Properties: any }>, type: string) =>
    Object.values(resources).filter((resource) => resource.Type === type);

  it('trusts each environment of the repository in its own role, and may only assume the CDK bootstrap roles', async () => {
    const resources = await synthesize(true);
    const roles = ofType(resources, 'AWS::IAM::Role');
    expect(roles.map((role) => role.Properties.AssumeRolePolicyDocument.Statement.map(trustOf))).toEqual(
      EXPECTED_TRUST.map((trust) => [trust]),
    );
    const statements = ofType(resources, 'AWS::IAM::Policy').flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    expect(statements.map((statement: Statement) => statement.Action)).toEqual(['sts:AssumeRole', 'sts:AssumeRole']);
    for (const statement of statements) {
      expect(JSON.stringify(statement.Resource)).toMatch(
        new RegExp(`:role/cdk-hnb659fds-\\*-",\\{"Ref":"AWS::AccountId"\\},"-${EXAMPLE_INPUT.region}"`),
      );
    }
    expect(ofType(resources, 'AWS::IAM::OIDCProvider')).toHaveLength(1);
  });

  it("uses the account's own OIDC provider when told it has one", async () => {
    const resources = await synthesize(false);
    expect(ofType(resources, 'AWS::IAM::OIDCProvider')).toEqual([]);
    expect(JSON.stringify(ofType(resources, 'AWS::IAM::Role')[0]!.Properties.AssumeRolePolicyDocument)).toContain(
      `:oidc-provider/${OIDC}`,
    );
  });
});

describe('the Terraform deploy-role configuration', () => {
  const files = render('terraform').filter((file) => file.path.startsWith('infra/deploy-role/'));
  const parsed = () =>
    parseTerraform(Object.fromEntries(files.map((file) => [path.basename(file.path), file.contents])));

  it('is its own root module, beside the API configuration', () => {
    expect(files.map((file) => file.path).sort()).toEqual([
      'infra/deploy-role/main.tf',
      'infra/deploy-role/outputs.tf',
      'infra/deploy-role/variables.tf',
      'infra/deploy-role/versions.tf',
    ]);
  });

  it('trusts each environment of the repository in its own role', async () => {
    const tf = await parsed();
    expect(tf.resource('aws_iam_role', 'deploy').for_each).toBe('${var.environments}');
    const trust = tf.data('aws_iam_policy_document', 'trust');
    expect(trust.for_each).toBe('${var.environments}');
    expect(trust.statement).toHaveLength(1);
    const [statement] = trust.statement;
    const conditions = statement.condition.map((condition: Statement) => tf.resolve(condition));
    expect(conditions.map((condition: Statement) => condition.test)).toEqual(['StringEquals', 'StringEquals']);
    const values = (name: string) =>
      conditions.find((condition: Statement) => condition.variable === `${OIDC}:${name}`).values as string[];
    const environments = tf.variableDefault('environments') as string[];
    expect(
      environments.map((environment) => ({
        aud: values('aud')[0],
        sub: values('sub').map((value) => value.replace('${each.key}', environment))[0],
      })),
    ).toEqual(EXPECTED_TRUST);
    expect(statement.actions).toEqual(['sts:AssumeRoleWithWebIdentity']);
  });

  it('allows no action wildcard, passes roles to Lambda only, and denies changing the deploy roles', async () => {
    const tf = await parsed();
    const statements = tf.data('aws_iam_policy_document', 'deploy').statement as Statement[];
    for (const statement of statements.filter((candidate) => candidate.effect !== 'Deny'))
      expect(
        statement.actions.filter((action: string) => action.includes('*')),
        statement.sid,
      ).toEqual([]);
    const deny = statements.find((statement) => statement.sid === 'NotTheDeployRoles')!;
    expect(tf.resolve(deny.resources)).toEqual([expect.stringMatching(/:role\/my-service-github-deploy-\*$/)]);
    expect(statements.find((statement) => statement.actions.includes('iam:PassRole'))!.condition).toEqual([
      { test: 'StringEquals', variable: 'iam:PassedToService', values: ['lambda.amazonaws.com'] },
    ]);
  });
});

describe('the SAM deploy-role template', () => {
  const sam = parseSamTemplate(contentsOf(render('sam'), 'deploy-role.yaml'));

  it('trusts each environment of the repository in its own role', () => {
    const roles = sam.resources('AWS::IAM::Role');
    expect(
      roles.map(([, role]) => sam.resolve(role.Properties.AssumeRolePolicyDocument.Statement).map(trustOf)),
    ).toEqual(EXPECTED_TRUST.map((trust) => [trust]));
  });

  it('allows no action wildcard, passes roles to Lambda only, and denies changing the deploy roles', () => {
    const statements = sam.resolve(
      sam.template.Resources.DeployPolicy.Properties.PolicyDocument.Statement,
    ) as Statement[];
    for (const statement of statements.filter((candidate) => candidate.Effect === 'Allow'))
      expect(
        [statement.Action].flat().filter((action: string) => action.includes('*')),
        statement.Sid,
      ).toEqual([]);
    expect(statements.find((statement) => statement.Sid === 'NotTheDeployRoles')!.Resource).toMatch(
      /:role\/my-service-github-deploy-\*$/,
    );
    expect(statements.find((statement) => statement.Action === 'iam:PassRole')!.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
    });
  });
});
