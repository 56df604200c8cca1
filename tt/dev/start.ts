/**
 * `npm run dev`: serves the API on HOST:PORT (default 127.0.0.1:3000) through the local gateway.
 * ISSUER trusts another identity provider, e.g. a local Cognito emulator; its JWKS is then
 * `${ISSUER}/.well-known/jwks.json`.
 */
import { createDevServer } from './server';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const server = createDevServer({ issuer: process.env.ISSUER });

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`listening on http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`);
});

function stop(signal: string): void {
  console.log(`${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
