/**
 * The library entry points run inside the user's Yeoman or projen, which this package does not
 * declare as peer dependencies: each entry point checks the installed version when it loads.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PeerVersionError } from '../src/errors.js';
import { checkPeer, installedVersion, PEERS, peerProblem } from '../src/fronts/peers.js';
import { tempDir } from './helpers/temp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const versionIn = (name: string) =>
  (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

/** A folder whose node_modules holds `name` at `version`, re-exporting the real package. */
function installedAt(name: 'projen' | 'yeoman-generator', version: string): string {
  const dir = tempDir('peer');
  const pkg = path.join(dir, 'node_modules', name);
  mkdirSync(pkg, { recursive: true });
  const real = path.join(ROOT, 'node_modules', name);
  if (name === 'projen') {
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
    writeFileSync(path.join(pkg, 'index.js'), `module.exports = require(${JSON.stringify(real)});\n`);
  } else {
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name, version, type: 'module', main: 'index.js' }));
    writeFileSync(
      path.join(pkg, 'index.js'),
      `export { default } from ${JSON.stringify(pathToFileURL(path.join(real, 'dist', 'index.js')).href)};\n`,
    );
  }
  return dir;
}

describe('peer versions', () => {
  it.each([
    ['yeoman-generator', '8.0.0', true],
    ['yeoman-generator', '8.4.0', true],
    ['yeoman-generator', '7.5.1', false],
    ['yeoman-generator', '9.0.0', false],
    ['projen', '0.100.0', true],
    ['projen', '0.103.25', true],
    ['projen', '1.2.0', true],
    ['projen', '0.99.9', false],
    ['projen', 'not-a-version', false],
  ] as const)('%s %s supported: %s', (name, version, supported) => {
    const problem = peerProblem(name, version);
    if (supported) expect(problem).toBeUndefined();
    else
      expect(problem).toBe(
        `${PEERS[name].neededBy} supports ${name} ${PEERS[name].range}, but ${name} ${version} is installed. ` +
          `Expected a supported version: npm install --save-dev ${name}@"${PEERS[name].range}".`,
      );
  });

  it('are the ones the projen and Yeoman pages name', () => {
    const readme = ['docs/projen.md', 'docs/yeoman.md']
      .map((page) => readFileSync(path.join(ROOT, page), 'utf8'))
      .join(' ')
      .replace(/\s+/g, ' ');
    for (const [name, peer] of Object.entries(PEERS)) expect(readme).toContain(`\`${name} ${peer.range}\``);
  });

  it('are read from the package an import at a given place resolves', () => {
    expect(installedVersion('yeoman-generator', import.meta.url)).toBe(versionIn('yeoman-generator'));
    expect(installedVersion('projen', import.meta.url)).toBe(versionIn('projen'));
    expect(installedVersion('projen', pathToFileURL(path.join(installedAt('projen', '0.90.1'), 'x.js')).href)).toBe(
      '0.90.1',
    );
    expect(installedVersion('projen', pathToFileURL(path.join(tmpdir(), 'x.js')).href)).toBeUndefined();
  });

  it.each([
    [
      'projen',
      '0.90.1',
      'projen.js',
      'create-cognito-jwt-api/projen supports projen >=0.100.0, but projen 0.90.1 is installed.',
    ],
    [
      'yeoman-generator',
      '7.5.1',
      'generator.js',
      'create-cognito-jwt-api/generators/app supports yeoman-generator ^8.0.0, but yeoman-generator 7.5.1 is ' +
        'installed.',
    ],
  ] as const)(
    'refuse an unsupported %s %s when the bundled entry point loads',
    async (name, version, entry, message) => {
      const dir = installedAt(name, version);
      const dist = path.join(dir, 'node_modules', 'create-cognito-jwt-api');
      mkdirSync(dist);
      // a copy: a link would resolve back here
      cpSync(path.join(ROOT, 'dist'), path.join(dist, 'dist'), { recursive: true });
      writeFileSync(path.join(dist, 'package.json'), readFileSync(path.join(ROOT, 'package.json')));
      expect(() => checkPeer(name, pathToFileURL(path.join(dir, 'x.js')).href)).toThrow(PeerVersionError);
      await expect(import(pathToFileURL(path.join(dist, 'dist', entry)).href)).rejects.toThrow(message);
    },
  );
});
