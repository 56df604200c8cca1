/**
 * Read-only access to Cognito for the checks and the pickers: the AWS SDK's default credential
 * chain (or --profile), endpoint overrides from AWS_ENDPOINT_URL(_COGNITO_IDENTITY_PROVIDER),
 * bounded retries, and errors that say what to do. The SDK loads only when a run needs it.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AwsAccessDeniedError, AwsCredentialsError, AwsRequestError, AwsUnavailableError } from '../errors.js';

export interface Named {
  id: string;
  name: string;
}

export interface AppClient extends Named {
  hasSecret: boolean;
  allowedOAuthScopes: string[];
  allowedOAuthFlows: string[];
  /** AllowedOAuthFlowsUserPoolClient: whether the OAuth flows are switched on at all. */
  oauthEnabled: boolean;
  callbackUrls: string[];
}

export interface CognitoAccess {
  credentialsAvailable(): Promise<boolean>;
  listUserPools(): Promise<Named[]>;
  listUserPoolClients(userPoolId: string): Promise<Named[]>;
  /** `undefined` when the pool does not exist in the region. */
  describeUserPool(userPoolId: string): Promise<Named | undefined>;
  /** `undefined` when the client does not exist in that pool. */
  describeUserPoolClient(userPoolId: string, clientId: string): Promise<AppClient | undefined>;
}

export interface AccessOptions {
  region: string;
  profile?: string;
  /** First back-off in ms, doubled each retry. */
  backoffMs?: number;
}

/** Attempts per call for throttling and network errors. */
const ATTEMPTS = 4;
const DENIED = ['AccessDeniedException', 'NotAuthorizedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException'];
const THROTTLED = ['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException'];
const NETWORK = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'TimeoutError', 'NetworkingError'];

function nameOf(error: unknown): string {
  const value = error as { name?: string; code?: string; cause?: { code?: string } };
  return value?.code ?? value?.cause?.code ?? value?.name ?? '';
}

/** The HTTP status of an error Cognito answered with; undefined for an error raised before an answer. */
function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** What kind of failure may pass on retrying, if any. */
function transientKind(error: unknown): 'throttled' | 'network' | 'server' | undefined {
  const name = nameOf(error);
  if (THROTTLED.includes(name)) return 'throttled';
  if (NETWORK.includes(name)) return 'network';
  const status = statusOf(error);
  if ((error as { $fault?: string })?.$fault === 'server' || (status !== undefined && status >= 500)) return 'server';
  return undefined;
}

export async function createCognitoAccess(options: AccessOptions): Promise<CognitoAccess> {
  // The SDK warns on Node 20 that its releases from 2027 on need Node 22; package.json pins a
  // release that runs on every Node version this tool supports.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const loaded = await import('@aws-sdk/client-cognito-identity-provider');
  // A CommonJS package: bundled, its exports arrive as the default export.
  const sdk = ('CognitoIdentityProviderClient' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default) as typeof loaded;
  // Our own bounded retries below; the SDK's would multiply them.
  const client: CognitoIdentityProviderClient = new sdk.CognitoIdentityProviderClient({
    region: options.region,
    ...(options.profile ? { profile: options.profile } : {}),
    maxAttempts: 1,
  });
  const backoffMs = options.backoffMs ?? 200;

  async function call<T>(action: string, resource: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const name = nameOf(error);
        if (name === 'CredentialsProviderError') throw new AwsCredentialsError(options.profile);
        if (DENIED.includes(name)) throw new AwsAccessDeniedError(`cognito-idp:${action}`, resource);
        const transient = transientKind(error);
        if (!transient) {
          // Any other answer from the service is an error of its own: named, without a stack.
          if (statusOf(error) !== undefined && name !== 'ResourceNotFoundException') throw new AwsRequestError(`cognito-idp:${action}`, resource, name, statusOf(error)!, (error as Error).message);
          throw error;
        }
        if (attempt >= ATTEMPTS) {
          if (transient === 'throttled') {
            throw new AwsUnavailableError(`Cognito kept throttling cognito-idp:${action} in ${options.region} after ${attempt} attempts. Expected a quieter moment: try again shortly.`);
          }
          if (transient === 'server') {
            throw new AwsUnavailableError(
              `Cognito answered cognito-idp:${action} in ${options.region} with a server error after ${attempt} attempts (${name}, HTTP ${statusOf(error) ?? '5xx'}). ` +
                'Expected the service back: try again shortly, and check AWS_ENDPOINT_URL if it is set.',
            );
          }
          throw new AwsUnavailableError(
            `Could not reach Cognito in ${options.region} for cognito-idp:${action} after ${attempt} attempts (${name}). ` +
              'Expected a network path to AWS; check the connection, a proxy, or AWS_ENDPOINT_URL if it is set.',
          );
        }
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  const notFound = (error: unknown) => {
    if (nameOf(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  };

  /** Every page of a list call, each page's items as id and name. */
  async function listAll<Page extends { NextToken?: string }>(fetch: (NextToken: string | undefined) => Promise<Page>, items: (page: Page) => Named[]): Promise<Named[]> {
    const all: Named[] = [];
    let NextToken: string | undefined;
    do {
      const page = await fetch(NextToken);
      all.push(...items(page));
      NextToken = page.NextToken;
    } while (NextToken);
    return all;
  }

  return {
    async credentialsAvailable() {
      try {
        await client.config.credentials();
        return true;
      } catch {
        return false;
      }
    },
    listUserPools: () =>
      listAll(
        (NextToken) => call('ListUserPools', `region ${options.region}`, () => client.send(new sdk.ListUserPoolsCommand({ MaxResults: 60, NextToken }))),
        (page) => (page.UserPools ?? []).map((pool) => ({ id: pool.Id!, name: pool.Name ?? pool.Id! })),
      ),
    listUserPoolClients: (userPoolId) =>
      listAll(
        (NextToken) => call('ListUserPoolClients', userPoolId, () => client.send(new sdk.ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }))),
        (page) => (page.UserPoolClients ?? []).map((app) => ({ id: app.ClientId!, name: app.ClientName ?? app.ClientId! })),
      ),
    async describeUserPool(userPoolId) {
      const result = await call('DescribeUserPool', userPoolId, () => client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: userPoolId }))).catch(notFound);
      return result?.UserPool ? { id: result.UserPool.Id!, name: result.UserPool.Name ?? userPoolId } : undefined;
    },
    async describeUserPoolClient(userPoolId, clientId) {
      const result = await call('DescribeUserPoolClient', `${userPoolId}/${clientId}`, () =>
        client.send(new sdk.DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })),
      ).catch(notFound);
      const app = result?.UserPoolClient;
      if (!app) return undefined;
      return {
        id: app.ClientId!,
        name: app.ClientName ?? clientId,
        // Only whether there is one: the secret itself is never kept or printed.
        hasSecret: Boolean(app.ClientSecret),
        allowedOAuthScopes: app.AllowedOAuthScopes ?? [],
        allowedOAuthFlows: app.AllowedOAuthFlows ?? [],
        oauthEnabled: app.AllowedOAuthFlowsUserPoolClient ?? false,
        callbackUrls: app.CallbackURLs ?? [],
      };
    },
  };
}
