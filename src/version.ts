/** This package's name and version, read from its package.json (the bundle has them inlined). */
import { createRequire } from 'node:module';

export const PACKAGE_NAME = 'create-cognito-jwt-api';
export const PACKAGE_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
