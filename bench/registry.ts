/**
 * A small npm registry on loopback: serves packed tarballs under their names, so that
 * `npm create <name>@latest --registry <it>` runs exactly as it will once published (npm
 * resolves "latest", installs into its exec cache, runs the bin), with no network in the way.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Packed {
  tarball: string;
  manifest: { name: string; version: string };
}

export async function serveRegistry(packages: readonly Packed[]): Promise<{ url: string; close(): void }> {
  const server: Server = createServer((request, response) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const packed = packages.find(({ manifest }) => request.url === `/${manifest.name}` || request.url?.startsWith(`/${manifest.name}/-/`));
    if (!packed) {
      response.writeHead(404);
      response.end();
      return;
    }
    const { manifest } = packed;
    const bytes = readFileSync(packed.tarball);
    const file = `/${manifest.name}/-/${manifest.name}-${manifest.version}.tgz`;
    if (request.url === `/${manifest.name}`) {
      const dist = {
        tarball: `${url}${file}`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ name: manifest.name, 'dist-tags': { latest: manifest.version }, versions: { [manifest.version]: { ...manifest, dist } } }));
    } else if (request.url === file) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(bytes);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
