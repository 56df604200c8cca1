/** The CDK app: one stack holding the HTTP API, its JWT authorizer and its functions. */
import { App } from 'aws-cdk-lib';
import { region } from '../src/api';
import { ApiStack } from './api-stack';

const app = new App();
new ApiStack(app, "Tt", {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region },
  description: "tt: HTTP API behind a Cognito JWT authorizer",
});
