/**
 * The Cognito access layer with the SDK mocked (aws-sdk-client-mock), for what a local endpoint
 * cannot produce: access denied, throttling, network failures, many pages.
 */
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createCognitoAccess } from '../../src/aws/cognito.js';
import { AwsAccessDeniedError, AwsRequestError, AwsUnavailableError } from '../../src/errors.js';

const cognito = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognito.reset());

const awsError = (name: string, message = name, httpStatusCode = 400) =>
  Object.assign(new Error(message), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });
const networkError = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
const open = () => createCognitoAccess({ region: 'eu-west-1', backoffMs: 1 });

describe('Cognito access', () => {
  it('names the missing IAM action when AWS denies a call', async () => {
    cognito.on(DescribeUserPoolCommand).rejects(awsError('AccessDeniedException', 'User is not authorized'));
    const access = await open();
    const error = await access.describeUserPool('eu-west-1_AbC').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect((error as Error).message).toMatch(/^AWS denied cognito-idp:DescribeUserPool on eu-west-1_AbC\./);
  });

  it('retries throttling and then succeeds', async () => {
    cognito
      .on(DescribeUserPoolCommand)
      .rejectsOnce(awsError('ThrottlingException'))
      .rejectsOnce(awsError('TooManyRequestsException'))
      .resolves({ UserPool: { Id: 'eu-west-1_AbC', Name: 'users' } });
    const access = await open();
    expect(await access.describeUserPool('eu-west-1_AbC')).toEqual({ id: 'eu-west-1_AbC', name: 'users' });
    expect(cognito.commandCalls(DescribeUserPoolCommand)).toHaveLength(3);
  });

  it('gives up on endless throttling after bounded retries, with a clear message', async () => {
    cognito.on(DescribeUserPoolCommand).rejects(awsError('ThrottlingException'));
    const access = await open();
    await expect(access.describeUserPool('eu-west-1_AbC')).rejects.toThrow(
      new AwsUnavailableError(
        'Cognito kept throttling cognito-idp:DescribeUserPool in eu-west-1 after 4 attempts. Expected a quieter ' +
          'moment: try again shortly.',
      ),
    );
    expect(cognito.commandCalls(DescribeUserPoolCommand)).toHaveLength(4);
  });

  it('reports a network failure after bounded retries', async () => {
    cognito.on(ListUserPoolsCommand).rejects(networkError());
    const access = await open();
    await expect(access.listUserPools()).rejects.toThrow(
      /^Could not reach Cognito in eu-west-1 for cognito-idp:ListUserPools after 4 attempts \(ECONNREFUSED\)/,
    );
  });

  it('retries server errors, then reports them after bounded retries without a stack', async () => {
    cognito
      .on(DescribeUserPoolCommand)
      .rejectsOnce(awsError('InternalErrorException', 'oops', 500))
      .resolves({ UserPool: { Id: 'eu-west-1_AbC', Name: 'users' } });
    expect(await (await open()).describeUserPool('eu-west-1_AbC')).toEqual({ id: 'eu-west-1_AbC', name: 'users' });
    cognito.reset();
    // An empty 503 from a proxy: the SDK names it "Unknown".
    cognito.on(DescribeUserPoolCommand).rejects(awsError('Unknown', 'UnknownError', 503));
    await expect((await open()).describeUserPool('eu-west-1_AbC')).rejects.toThrow(
      new AwsUnavailableError(
        'Cognito answered cognito-idp:DescribeUserPool in eu-west-1 with a server error after 4 attempts ' +
          '(Unknown, HTTP 503). ' +
          'Expected the service back: try again shortly, and check AWS_ENDPOINT_URL if it is set.',
      ),
    );
    expect(cognito.commandCalls(DescribeUserPoolCommand)).toHaveLength(4);
  });

  it('names any other refusal, once, with what to check', async () => {
    cognito
      .on(DescribeUserPoolClientCommand)
      .rejects(awsError('InvalidParameterException', '1 validation error detected: Value at clientId failed'));
    const error = await (await open()).describeUserPoolClient('eu-west-1_AbC', 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsRequestError);
    expect((error as Error).message).toBe(
      'Cognito refused cognito-idp:DescribeUserPoolClient on eu-west-1_AbC/x: InvalidParameterException (1 ' +
        'validation error detected: Value at clientId failed), HTTP 400. ' +
        'Expected a region and ids Cognito accepts: check them; the check against AWS is optional (leave out ' +
        '--verify, or type the ids).',
    );
    expect(cognito.commandCalls(DescribeUserPoolClientCommand)).toHaveLength(1);
  });

  it('names a pool that does not exist when listing its clients, where "not found" is no answer', async () => {
    cognito
      .on(ListUserPoolClientsCommand)
      .rejects(awsError('ResourceNotFoundException', 'User pool eu-west-1_Nope does not exist.'));
    await expect((await open()).listUserPoolClients('eu-west-1_Nope')).rejects.toThrow(
      /^Cognito refused cognito-idp:ListUserPoolClients on eu-west-1_Nope: ResourceNotFoundException \(User pool eu-west-1_Nope does not exist\.\), HTTP 400\. /,
    );
  });

  it('retries an empty 429 as throttling', async () => {
    cognito
      .on(ListUserPoolsCommand)
      .rejectsOnce(awsError('Unknown', 'UnknownError', 429))
      .resolves({ UserPools: [] });
    expect(await (await open()).listUserPools()).toEqual([]);
    expect(cognito.commandCalls(ListUserPoolsCommand)).toHaveLength(2);
  });

  it("reports an answer that is not Cognito's (a proxy's page) in one line, without retrying", async () => {
    const unreadable = Object.assign(
      new SyntaxError(
        "Unexpected token '<'\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response",
      ),
      { $metadata: { httpStatusCode: 200 } },
    );
    cognito.on(ListUserPoolsCommand).rejects(unreadable);
    const error = await (await open()).listUserPools().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsUnavailableError);
    expect((error as Error).message).toBe(
      "The endpoint for cognito-idp:ListUserPools in eu-west-1 answered with something other than Cognito's API (HTTP 200). " +
        'Expected Cognito: check a proxy, or AWS_ENDPOINT_URL if it is set.',
    );
    expect(cognito.commandCalls(ListUserPoolsCommand)).toHaveLength(1);
  });

  it('reads every page of a listing', async () => {
    cognito
      .on(ListUserPoolsCommand, { NextToken: undefined })
      .resolves({ UserPools: [{ Id: 'eu-west-1_A', Name: 'a' }], NextToken: 'page-2' })
      .on(ListUserPoolsCommand, { NextToken: 'page-2' })
      .resolves({ UserPools: [{ Id: 'eu-west-1_B', Name: 'b' }] });
    const access = await open();
    expect(await access.listUserPools()).toEqual([
      { id: 'eu-west-1_A', name: 'a' },
      { id: 'eu-west-1_B', name: 'b' },
    ]);
  });

  it('answers "not found" as undefined, and keeps no client secret', async () => {
    cognito.on(DescribeUserPoolCommand).rejects(awsError('ResourceNotFoundException'));
    cognito
      .on(DescribeUserPoolClientCommand)
      .resolves({ UserPoolClient: { ClientId: 'c', ClientName: 'web', ClientSecret: 'top-secret-value' } });
    const access = await open();
    expect(await access.describeUserPool('eu-west-1_Nope')).toBeUndefined();
    const app = await access.describeUserPoolClient('eu-west-1_AbC', 'c');
    expect(app?.hasSecret).toBe(true);
    expect(JSON.stringify(app)).not.toContain('top-secret-value');
  });

  it('reports no credentials when none resolve', async () => {
    const saved = { ...process.env };
    try {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
        delete process.env[name];
      Object.assign(process.env, {
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
      });
      const access = await createCognitoAccess({ region: 'eu-west-1' });
      expect(await access.credentialsAvailable()).toBe(false);
    } finally {
      process.env = saved;
    }
  });
});
