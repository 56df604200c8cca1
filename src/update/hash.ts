/** The hashes a project's record keeps of its generated files. */
import { createRequire } from 'node:module';

/** node:crypto loads on first use, and takes milliseconds: a new project's rendered files are being written meanwhile. */
let crypto: typeof import('node:crypto') | undefined;

/** SHA-256 of `contents`. */
export function hashOf(contents: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return `sha256-${crypto.createHash('sha256').update(contents).digest('hex')}`;
}
