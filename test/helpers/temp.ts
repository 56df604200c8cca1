/** Temporary folders for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A new empty folder, removed when the current test finishes. */
export function tempDir(label = 'test'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cognito-jwt-api-${label}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
