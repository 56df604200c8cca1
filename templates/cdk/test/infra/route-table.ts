/** The CDK stack synthesized for tests, and the routes it deploys, read from its template. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiStack } from '../../infra/api-stack';
import { cdkRoutes, type DeployedRoute } from './cdk-template';

/**
 * The stack in an app of its own, synthesized without bundling (these tests read the template,
 * not the code). CDK's built-in CloudFormation template validation (a few seconds, mostly starting
 * its engine) runs only with `validate`, and then fails the synthesis on any error it finds.
 */
export function synthesizeTemplate({ validate = false } = {}): Template {
  const app = new App({
    builtinCloudFormationValidation: validate,
    context: {
      'aws:cdk:bundling-stacks': [],
      ...(validate ? { '@aws-cdk/core:validateAgainstDefaultRules': true } : {}),
    },
  });
  return Template.fromStack(new ApiStack(app, 'Test'));
}

export async function iacRouteTable(): Promise<DeployedRoute[]> {
  return cdkRoutes(synthesizeTemplate().toJSON().Resources);
}
