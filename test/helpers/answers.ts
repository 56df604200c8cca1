/** Answer sets shared by the tests. */
import type { AnswersInput } from '../../src/schema/answers.js';

/** The README's example values. */
export const EXAMPLE_INPUT = {
  name: 'my-service',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbCdEfGhI',
  clientId: '1example23456789abcdefghij',
  origins: ['https://app.example.com'],
  iac: 'cdk',
} satisfies AnswersInput;

/** The same answers as command-line flags. */
export const EXAMPLE_FLAGS = [
  '--region',
  EXAMPLE_INPUT.region,
  '--user-pool-id',
  EXAMPLE_INPUT.userPoolId,
  '--client-id',
  EXAMPLE_INPUT.clientId,
  '--origins',
  EXAMPLE_INPUT.origins.join(','),
];
