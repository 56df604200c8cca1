/** This package's name and version, read from its package.json. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = (() => {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const found = require(candidate) as { name?: string; version?: string };
      if (found.name === 'create-cognito-jwt-api') return found;
    } catch {
      // not at this depth (sources and compiled output sit at different depths)
    }
  }
  throw new Error('package.json of create-cognito-jwt-api not found');
})();

export const PACKAGE_NAME = 'create-cognito-jwt-api';
export const PACKAGE_VERSION: string = pkg.version ?? '0.0.0';
