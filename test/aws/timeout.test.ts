/**
 * The real SDK against a loopback endpoint that accepts connections and never answers: each
 * attempt gives up after its time limit, and the run ends with one line naming the endpoint.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCognitoAccess } from '../../src/aws/cognito.js';
import { AwsUnavailableError } from '../../src/errors.js';

describe('a Cognito endpoint that never answers', () => {
  it('is given up on after bounded attempts, each with a time limit, and named in the error', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket)); // accepts, reads nothing, answers nothing
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    try {
      const access = await createCognitoAccess({ region: 'eu-west-1', backoffMs: 1, timeoutMs: 300 });
      const started = performance.now();
      const error = await access.describeUserPool('eu-west-1_AbC').catch((caught: unknown) => caught);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(error).toBeInstanceOf(AwsUnavailableError);
      expect((error as Error).message).toMatch(
        /^Could not reach Cognito in eu-west-1 for cognito-idp:DescribeUserPool after 4 attempts \(ETIMEDOUT\)\. /,
      );
      expect((error as Error).message).toContain(`AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (set to ${endpoint})`);
      expect(sockets.length).toBe(4);
    } finally {
      process.env = saved;
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});
