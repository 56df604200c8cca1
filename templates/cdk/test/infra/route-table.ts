/** The CDK stack synthesized for tests, and the routes it deploys, read from its template. */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiStack, type CustomDomainProps } from '../../infra/api-stack';
import { type EnvironmentName, environments, production } from '../../src/api';
import { cdkRoutes, type DeployedRoute } from './cdk-template';

/** The context `cdk synth` gives the app: cdk.json's feature flags, so that the tests see what deploys. */
const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/**
 * An environment's stack (production's unless named) in an app of its own, synthesized without bundling (these tests read the template,
 * not the code). CDK's built-in CloudFormation template validation (a few seconds, mostly starting
 * its engine) runs only with `validate`, and then fails the synthesis on any error it finds, as
 * cdk.json's `@aws-cdk/core:validateAgainstDefaultRules` has it. `domain` is a deployment's custom domain.
 */
export function synthesizeTemplate({
  validate = false,
  environment = production,
  domain,
}: {
  validate?: boolean;
  environment?: EnvironmentName;
  domain?: CustomDomainProps;
} = {}): Template {
  const app = new App({
    builtinCloudFormationValidation: validate,
    context: { ...context, 'aws:cdk:bundling-stacks': [] },
  });
  return Template.fromStack(new ApiStack(app, 'Test', { deployment: environments[environment], domain }));
}

export async function iacRouteTable(): Promise<DeployedRoute[]> {
  return cdkRoutes(synthesizeTemplate().toJSON().Resources);
}
