/**
 * A Cognito endpoint on loopback (cognito-local), seeded with pools and app clients under real,
 * region-style ids: cognito-local itself names new pools `local_<id>`, which no real pool id is.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { freePort, startProcess } from './processes.js';

export interface SeedClient {
  clientId: string;
  name?: string;
  secret?: string;
  allowedOAuthScopes?: string[];
  allowedOAuthFlows?: string[];
  callbackUrls?: string[];
}

export interface SeedPool {
  id: string;
  name?: string;
  clients: SeedClient[];
}

export interface CognitoLocal {
  endpoint: string;
  /** The issuer cognito-local's tokens for `poolId` carry. */
  issuerOf(poolId: string): string;
  client: CognitoIdentityProviderClient;
  createUser(poolId: string, email: string, password: string): Promise<void>;
  signIn(clientId: string, email: string, password: string): Promise<{ accessToken: string; idToken: string }>;
  stop(): Promise<void>;
}

function writeSeed(dataDir: string, pools: readonly SeedPool[]): void {
  const now = new Date().toISOString();
  const clients: Record<string, unknown> = {};
  for (const pool of pools) {
    const options = {
      Id: pool.id,
      Name: pool.name ?? pool.id,
      Arn: `arn:aws:cognito-idp:${pool.id.split('_')[0]}:000000000000:userpool/${pool.id}`,
      UsernameAttributes: ['email'],
      CreationDate: now,
      LastModifiedDate: now,
      MfaConfiguration: 'OFF',
    };
    writeFileSync(path.join(dataDir, `${pool.id}.json`), JSON.stringify({ Users: {}, Options: options }, null, 2));
    for (const client of pool.clients) {
      clients[client.clientId] = {
        ClientId: client.clientId,
        ClientName: client.name ?? client.clientId,
        UserPoolId: pool.id,
        ExplicitAuthFlows: ['USER_PASSWORD_AUTH'],
        CreationDate: now,
        LastModifiedDate: now,
        ...(client.secret ? { ClientSecret: client.secret } : {}),
        ...(client.allowedOAuthScopes ? { AllowedOAuthScopes: client.allowedOAuthScopes } : {}),
        ...(client.allowedOAuthFlows
          ? { AllowedOAuthFlows: client.allowedOAuthFlows, AllowedOAuthFlowsUserPoolClient: true }
          : {}),
        ...(client.callbackUrls ? { CallbackURLs: client.callbackUrls } : {}),
      };
    }
  }
  writeFileSync(path.join(dataDir, 'clients.json'), JSON.stringify({ Clients: clients }, null, 2));
}

export async function startCognitoLocal(pools: readonly SeedPool[]): Promise<CognitoLocal> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'cognito-local-'));
  const dataDir = path.join(workDir, '.cognito', 'db');
  mkdirSync(dataDir, { recursive: true });
  writeSeed(dataDir, pools);
  const port = await freePort();
  const bin = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const running = await startProcess(process.execPath, [bin], {
    cwd: workDir,
    // cognito-local binds, and names its tokens' issuer after, HOST and PORT.
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      NODE_NO_WARNINGS: '1',
    },
    ready: /Cognito Local running on (http:\/\/\S+)/,
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    endpoint,
    issuerOf: (poolId) => `${endpoint}/${poolId}`,
    client,
    async createUser(poolId, email, password) {
      await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: email, MessageAction: 'SUPPRESS' }));
      await client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: email, Password: password, Permanent: true }),
      );
    },
    async signIn(clientId, email, password) {
      const { AuthenticationResult: result } = await client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      );
      return { accessToken: result!.AccessToken!, idToken: result!.IdToken! };
    },
    async stop() {
      client.destroy();
      await running.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
