/**
 * `npm run dev`: serves the API on HOST:PORT (default 127.0.0.1:3000) through the local gateway.
 * It runs under `tsx watch`, which starts it again when a file it loaded changes: a handler,
 * src/api.ts, src/lib/, dev/. ISSUER trusts another identity provider, e.g. a local Cognito
 * emulator; its JWKS is then `${ISSUER}/.well-known/jwks.json`.
 */
import { auth, cors } from '../src/api';
import { banner } from './banner';
import { listen, ListenError } from './listen';
import { routeTable } from './routes';
import { createDevServer } from './server';

const host = process.env.HOST || '127.0.0.1';
const issuer = process.env.ISSUER || auth.issuer;
const server = createDevServer({ issuer });

listen(server, { host, port: process.env.PORT }).then(
  (url) => {
    const table = routeTable();
    console.log(banner({ url, issuer, deployedIssuer: auth.issuer, table, origins: cors.allowOrigins }));
  },
  (error: unknown) => {
    if (!(error instanceof ListenError)) throw error;
    // One line that says what to do, rather than a stack trace.
    console.error(error.message);
    process.exit(1);
  },
);

function stop(signal: string): void {
  console.log(`${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
