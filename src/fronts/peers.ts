/**
 * src/fronts/: the fronts (the command line, the projen project type; the Yeoman generator is
 * generators/app), the top layer; nothing in src/ imports them but the bundle's entry points.
 *
 * The packages the library entry points run inside, with the versions they support. They are
 * not declared as peer dependencies: npm would then look each of them up in the registry on every
 * `npm create`, which never needs them. Each entry point checks its own when it loads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PeerVersionError } from '../errors.js';

interface Peer {
  /** The supported versions, as a semver range. */
  range: string;
  supports(major: number, minor: number): boolean;
  /** Which entry point needs it. */
  neededBy: string;
}

export const PEERS = {
  'yeoman-generator': {
    range: '^8.0.0',
    supports: (major) => major === 8,
    neededBy: 'create-cognito-jwt-api/generators/app',
  },
  projen: {
    range: '>=0.100.0',
    supports: (major, minor) => major > 0 || minor >= 100,
    neededBy: 'create-cognito-jwt-api/projen',
  },
} as const satisfies Record<string, Peer>;

export type PeerName = keyof typeof PEERS;

/** Why `version` of `name` cannot be used, or undefined when it can. */
export function peerProblem(name: PeerName, version: string): string | undefined {
  const peer: Peer = PEERS[name];
  const [major, minor] = version.split('.').map(Number);
  if (major !== undefined && minor !== undefined && peer.supports(major, minor)) return undefined;
  return (
    `${peer.neededBy} supports ${name} ${peer.range}, but ${name} ${version} is installed. Expected a ` +
    `supported version: npm install --save-dev ${name}@"${peer.range}".`
  );
}

/** The version of `name` that a module at `fromUrl` imports, or undefined when none is found. */
export function installedVersion(name: PeerName, fromUrl: string): string | undefined {
  let entry: string;
  try {
    entry = createRequire(fromUrl).resolve(name);
  } catch {
    return undefined; // the import itself reports a missing package
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version;
  }
  return undefined;
}

/** Throws PeerVersionError when the `name` a module at `fromUrl` imports is not a supported version. */
export function checkPeer(name: PeerName, fromUrl: string): void {
  const version = installedVersion(name, fromUrl);
  const problem = version === undefined ? undefined : peerProblem(name, version);
  if (problem) throw new PeerVersionError(problem);
}
