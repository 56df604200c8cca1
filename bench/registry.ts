/**
 * A small npm registry on loopback: serves packed tarballs under their names, so that
 * `npm create <name>@latest --registry <it>` runs exactly as it will once published (npm
 * resolves "latest", installs into its exec cache, runs the bin), with no network in the way.
 * Each package's document and tarball are made once, before the first request, as a registry
 * serves them: a request costs the same whatever the size of the package.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Packed {
  tarball: string;
  manifest: { name: string; version: string };
}

export async function serveRegistry(packages: readonly Packed[]): Promise<{ url: string; close(): void }> {
  const responses = new Map<string, { type: string; body: Buffer }>();
  const server = createServer((request, response) => {
    const found = responses.get(request.url ?? '');
    if (!found) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': found.type });
    response.end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const { tarball, manifest } of packages) {
    const bytes = readFileSync(tarball);
    const file = `/${manifest.name}/-/${manifest.name}-${manifest.version}.tgz`;
    const dist = {
      tarball: `${url}${file}`,
      shasum: createHash('sha1').update(bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    };
    const packument = {
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: { ...manifest, dist } },
    };
    responses.set(`/${manifest.name}`, { type: 'application/json', body: Buffer.from(JSON.stringify(packument)) });
    responses.set(file, { type: 'application/octet-stream', body: bytes });
  }
  return { url, close: () => server.close() };
}
