/**
 * Read-only access to Cognito for the checks and the pickers: the AWS SDK's default credential
 * chain (or --profile), endpoint overrides from AWS_ENDPOINT_URL(_COGNITO_IDENTITY_PROVIDER),
 * bounded retries, and errors that say what to do. The SDK loads only when a run needs it.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { withRetries } from './failures.js';

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
  /** How long one attempt may wait for Cognito's answer, in ms. */
  timeoutMs?: number;
}

/** Attempts per call for throttling, network and server errors (failures.ts). */
export const ATTEMPTS = 4;

/** The options of an SDK client for `options`: one attempt per call, and bounded waits. */
export function clientConfig(options: AccessOptions) {
  const timeoutMs = options.timeoutMs ?? 5000;
  return {
    region: options.region,
    ...(options.profile ? { profile: options.profile } : {}),
    // Our own bounded retries (withRetries); the SDK's would multiply them.
    maxAttempts: 1,
    // An endpoint that accepts the connection and never answers would otherwise hold the run forever.
    requestHandler: {
      connectionTimeout: Math.min(timeoutMs, 3000),
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
  };
}

async function loadSdk() {
  // The SDK warns on Node 20 that its releases from 2027 on need Node 22; package.json pins a
  // release that runs on every Node version this tool supports.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const loaded = await import('@aws-sdk/client-cognito-identity-provider');
  // A CommonJS package: bundled, its exports arrive as the default export.
  return (
    'CognitoIdentityProviderClient' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default
  ) as typeof loaded;
}

/**
 * The region the AWS SDK would use with no region given: AWS_REGION, or the profile's `region`
 * in ~/.aws/config; `undefined` when none is set.
 */
export async function configuredRegion(profile?: string): Promise<string | undefined> {
  const sdk = await loadSdk();
  const client = new sdk.CognitoIdentityProviderClient(profile ? { profile } : {});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

export async function createCognitoAccess(options: AccessOptions): Promise<CognitoAccess> {
  const sdk = await loadSdk();
  const client: CognitoIdentityProviderClient = new sdk.CognitoIdentityProviderClient(clientConfig(options));
  const backoffMs = options.backoffMs ?? 200;

  async function call<T>(
    action: string,
    resource: string,
    send: () => Promise<T>,
    notFoundIsAnswer = false,
  ): Promise<T> {
    const context = { action, resource, region: options.region, profile: options.profile, notFoundIsAnswer };
    return withRetries(context, send, { attempts: ATTEMPTS, backoffMs });
  }

  /** A describe call: undefined when the resource does not exist. */
  const describe = <T>(action: string, resource: string, send: () => Promise<T>): Promise<T | undefined> =>
    call(action, resource, send, true).catch((error: unknown) => {
      if ((error as { name?: string })?.name === 'ResourceNotFoundException') return undefined;
      throw error;
    });

  /** Every page of a list call, each page's items as id and name. */
  async function listAll<Page extends { NextToken?: string }>(
    fetch: (NextToken: string | undefined) => Promise<Page>,
    items: (page: Page) => Named[],
  ): Promise<Named[]> {
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
        (NextToken) =>
          call('ListUserPools', `region ${options.region}`, () =>
            client.send(new sdk.ListUserPoolsCommand({ MaxResults: 60, NextToken })),
          ),
        (page) => (page.UserPools ?? []).map((pool) => ({ id: pool.Id!, name: pool.Name ?? pool.Id! })),
      ),
    listUserPoolClients: (userPoolId) =>
      listAll(
        (NextToken) =>
          call('ListUserPoolClients', userPoolId, () =>
            client.send(new sdk.ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken })),
          ),
        (page) =>
          (page.UserPoolClients ?? []).map((app) => ({ id: app.ClientId!, name: app.ClientName ?? app.ClientId! })),
      ),
    async describeUserPool(userPoolId) {
      const result = await describe('DescribeUserPool', userPoolId, () =>
        client.send(new sdk.DescribeUserPoolCommand({ UserPoolId: userPoolId })),
      );
      return result?.UserPool ? { id: result.UserPool.Id!, name: result.UserPool.Name ?? userPoolId } : undefined;
    },
    async describeUserPoolClient(userPoolId, clientId) {
      const result = await describe('DescribeUserPoolClient', `${userPoolId}/${clientId}`, () =>
        client.send(new sdk.DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })),
      );
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
