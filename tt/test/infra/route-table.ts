/** The routes the CDK stack deploys, read from its synthesized template. */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiStack } from '../../infra/api-stack';
import { cdkRoutes, type DeployedRoute, type Resources } from './cdk-template';

/** The stack's template, synthesized without bundling (these tests read the template, not the code). */
export function synthesizeStack(): Resources {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new ApiStack(app, 'Test')).toJSON().Resources;
}

export async function iacRouteTable(): Promise<DeployedRoute[]> {
  return cdkRoutes(synthesizeStack());
}
