/**
 * A local Cognito endpoint for tests, plus a discovery server on loopback: cognito-local's own
 * discovery document names a fixed localhost:9229 issuer, so ISSUER points here instead, to a
 * document that names this issuer and cognito-local's real JWKS.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCognitoLocal, type CognitoLocal, type SeedPool } from '../../demo/cognito-local.js';
import type { CognitoAccess } from '../../src/aws/cognito.js';

export interface TestCognito extends CognitoLocal {
  /** Environment for a CLI run or a generator: endpoint, dummy credentials, ISSUER for `poolId`. */
  envFor(poolId: string): Record<string, string>;
}

export async function startTestCognito(pools: readonly SeedPool[]): Promise<TestCognito> {
  const cognito = await startCognitoLocal(pools);
  const discovery: Server = createServer((request, response) => {
    const poolId = request.url?.split('/')[1] ?? '';
    const issuer = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}/${poolId}`;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ issuer, jwks_uri: `${cognito.endpoint}/${poolId}/.well-known/jwks.json` }));
  });
  await new Promise<void>((resolve) => discovery.listen(0, '127.0.0.1', resolve));
  const discoveryBase = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
  return {
    ...cognito,
    envFor: (poolId) => ({
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ISSUER: `${discoveryBase}/${poolId}`,
    }),
    async stop() {
      discovery.close();
      await cognito.stop();
    },
  };
}

/**
 * An endpoint on loopback that answers every request with an empty 500 and counts them: a Cognito that fails, or one a
 * run must not call.
 */
export async function startRequestTrap(): Promise<{ endpoint: string; requests(): number; stop(): void }> {
  let requests = 0;
  const server = createServer((_, response) => {
    requests++;
    response.writeHead(500);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    stop: () => server.close(),
  };
}

/**
 * An endpoint on loopback that refuses every call as AWS refuses a caller without the permission
 * (AccessDeniedException): credentials that may not list pools or clients.
 */
export async function startDenyingCognito(): Promise<{ endpoint: string; stop(): void }> {
  const server = createServer((request, response) => {
    const action = String(request.headers['x-amz-target'] ?? '')
      .split('.')
      .pop();
    request.resume();
    response.writeHead(400, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': 'AccessDeniedException',
    });
    response.end(
      JSON.stringify({
        __type: 'AccessDeniedException',
        message: `User is not authorized to perform: cognito-idp:${action}`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => server.close() };
}

/** An address on loopback where nothing listens: every connection is refused, as offline. */
export async function refusingEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * A Cognito whose pool and app client check out (a public client with the code flow, `callbackUrls`
 * registered), so that only what a test varies can fail a check.
 */
export function passingCognito(callbackUrls: readonly string[]): CognitoAccess {
  return {
    credentialsAvailable: async () => true,
    listUserPools: async () => [],
    listUserPoolClients: async () => [],
    describeUserPool: async (id) => ({ id, name: 'users' }),
    describeUserPoolClient: async (_, id) => ({
      id,
      name: 'web',
      hasSecret: false,
      allowedOAuthScopes: [],
      allowedOAuthFlows: ['code'],
      oauthEnabled: true,
      callbackUrls: [...callbackUrls],
    }),
  };
}

/** No AWS credentials or region anywhere the SDK looks (for a CLI run's environment): no pickers, no check offered. */
export const NO_AWS = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_CONFIG_FILE: '/nonexistent',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  AWS_EC2_METADATA_DISABLED: 'true',
};
