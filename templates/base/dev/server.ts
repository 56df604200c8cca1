/** The local gateway behind node:http, logging one line per request, with the reason of a 401 or 403. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createGateway, type GatewayOptions } from './gateway';

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

export function createDevServer(options: GatewayOptions = {}, log: (line: string) => void = console.log): Server {
  const handle = createGateway(options);
  return createServer(async (request, response) => {
    const started = performance.now();
    let outcome: string;
    let note = '';
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const {
        response: result,
        routeKey,
        cors,
        denial,
      } = await handle({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: headersOf(request),
        body: Buffer.concat(chunks),
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      });
      response.writeHead(result.statusCode, {
        ...result.headers,
        ...(result.cookies.length > 0 ? { 'set-cookie': result.cookies } : {}),
      });
      response.end(result.body);
      outcome = `${routeKey ?? '(no route)'} ${result.statusCode}`;
      if (cors !== 'none') note = ` cors:${cors}`;
      // The page's origin is not in cors.allowOrigins: the browser will hide the answer from it.
      if (cors === 'denied') note += ` (origin ${request.headers.origin} not in cors.allowOrigins)`;
      if (denial) note += ` denied: ${denial}`;
    } catch (error) {
      // A fault of the dev server itself: one 500, as API Gateway would send, and the server lives on.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
      outcome = `500 ${error instanceof Error ? error.message : String(error)}`;
    }
    log(`${request.method} ${request.url} -> ${outcome} ${(performance.now() - started).toFixed(1)}ms${note}`);
  });
}
