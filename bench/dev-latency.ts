/**
 * Latency of a generated project's `npm run dev` on loopback: an authorized GET (JWT verified,
 * keys cached) beside an unauthenticated OPTIONS preflight, interleaved, after a warm-up.
 */
import { rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startProcess } from '../demo/processes.js';
import { renderProject } from '../src/render/render-project.js';
import { parseAnswers } from '../src/schema/parse.js';
import { writeFiles } from '../src/io/write-files.js';
import { percentile } from './stats.js';

const POOL_ID = 'eu-west-1_AbCdEfGhI';
const CLIENT_ID = '1example23456789abcdefghij';
const ORIGIN = 'https://app.example.com';
/** Inside this repository, so that the project's imports (jose, tsx) resolve to its dependencies. */
const PROJECT = fileURLToPath(new URL('../.tmp/bench-dev/', import.meta.url));

function timed(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(url, { method, headers, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.statusCode ?? 0 }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

export async function benchDevLatency(requests: number): Promise<string> {
  rmSync(PROJECT, { recursive: true, force: true });
  const answers = parseAnswers({
    name: 'bench-dev',
    region: 'eu-west-1',
    userPoolId: POOL_ID,
    clientId: CLIENT_ID,
    origins: ORIGIN,
  });
  writeFiles(
    PROJECT,
    renderProject(answers).map((file) => [file.path, file.contents]),
  );
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
  const jwks = createServer((_request, response) => response.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/${POOL_ID}`;
  const token = await new SignJWT({ sub: 'bench', token_use: 'access', client_id: CLIENT_ID, scope: 'openid' })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
  const dev = await startProcess(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
    cwd: PROJECT,
    env: { PORT: '0', HOST: '127.0.0.1', ISSUER: issuer },
    ready: /listening on (http:\/\/\S+)/,
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${dev.ready[1]}/me`;
  const get = () => timed(agent, url, 'GET', { authorization: `Bearer ${token}`, origin: ORIGIN });
  const options = () =>
    timed(agent, url, 'OPTIONS', {
      origin: ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
  try {
    for (let i = 0; i < 200; i++) {
      await get();
      await options();
    }
    const samples = { get: [] as number[], options: [] as number[] };
    for (let i = 0; i < requests; i++) {
      const [authorized, preflight] = [await get(), await options()];
      if (authorized.status !== 200 || preflight.status !== 204)
        throw new Error(`unexpected status ${authorized.status}/${preflight.status}`);
      samples.get.push(authorized.ms);
      samples.options.push(preflight.ms);
    }
    const row = (name: string, values: number[]) =>
      console.log(
        `${name.padEnd(38)} p50 ${percentile(values, 50).toFixed(3).padStart(7)} ms   p99 ` +
          `${percentile(values, 99).toFixed(3).padStart(7)} ms`,
      );
    console.log(`== dev. npm run dev: ${requests} interleaved requests each on loopback, keep-alive, JWKS cached`);
    row('   GET /me with a valid access token', samples.get);
    row('   OPTIONS /me preflight (no authorizer)', samples.options);
    const added = percentile(samples.get, 50) - percentile(samples.options, 50);
    console.log(`   authorization overhead (p50 GET - p50 OPTIONS): ${added.toFixed(3)} ms (goal <= 1 ms)\n`);
    return (
      `npm run dev: authorized GET p50 ${percentile(samples.get, 50).toFixed(3)} ms vs OPTIONS ` +
      `${percentile(samples.options, 50).toFixed(3)} ms (+${added.toFixed(3)} ms)`
    );
  } finally {
    agent.destroy();
    await dev.stop();
    jwks.close();
    rmSync(PROJECT, { recursive: true, force: true });
  }
}
