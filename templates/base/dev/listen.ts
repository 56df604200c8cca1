/**
 * Listening on HOST:PORT. Without PORT, a taken default port gives way to the next free one, as
 * Vite's dev server does, and says so; a PORT you set is kept, or the start fails with one line
 * that says what to do.
 */
import type { Server } from 'node:http';

export const DEFAULT_PORT = 3000;
/** How many ports from the default on are tried. */
const PORTS_TRIED = 10;

/** A start that cannot succeed as configured: its message is the one line to print. */
export class ListenError extends Error {}

export interface ListenOptions {
  host: string;
  /** PORT as given, if at all; `0` takes any free port. */
  port?: string;
  defaultPort?: number;
  log?: (line: string) => void;
}

function attempt(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The one line for an error of listen(): what went wrong and what to do. */
function explain(code: string | undefined, host: string, first: number, port: number, portSet: boolean) {
  if (code === 'EADDRINUSE' && portSet) {
    return (
      `port ${port} on ${host} is in use (another npm run dev?): stop the process holding it, or pick another ` +
      `port, e.g. PORT=${port + 1} npm run dev (PORT=0: any free port)`
    );
  }
  if (code === 'EADDRINUSE') {
    return (
      `ports ${first} to ${port} on ${host} are all in use: stop a process holding one, or ` +
      'pick a port, e.g. PORT=0 npm run dev (any free port)'
    );
  }
  if (code === 'EACCES') return `port ${port} needs privileges on this system: pick one above 1023, e.g. PORT=3000`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `HOST=${host} is not an address of this machine: leave HOST out (127.0.0.1), or use ::1 or 0.0.0.0`;
  }
  return undefined;
}

/** Listens, and resolves to the server's URL, e.g. http://127.0.0.1:3000. */
export async function listen(server: Server, options: ListenOptions): Promise<string> {
  const { host, defaultPort = DEFAULT_PORT, log = console.log } = options;
  const portSet = options.port !== undefined && options.port !== '';
  const first = portSet ? Number(options.port) : defaultPort;
  if (!Number.isInteger(first) || first < 0 || first > 65535) {
    throw new ListenError(`PORT=${options.port} is not a port number: use 0 to 65535, e.g. PORT=3000`);
  }
  for (let port = first; ; port++) {
    try {
      await attempt(server, port, host);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && !portSet && port < first + PORTS_TRIED - 1) continue;
      const message = explain(code, host, first, port, portSet);
      if (message) throw new ListenError(message);
      throw error;
    }
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : first;
  // A PORT that is set is the port listened on (0: the free one the system gave); only a default gives way.
  if (!portSet && port !== first) {
    log(`port ${first} is in use: listening on ${port} instead (PORT=<port> picks one)`);
  }
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
