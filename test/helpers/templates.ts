/** Reads the template folders as text, for tests that check every template. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_ROOT } from '../../src/render/templates.js';

export function allTemplates(): Array<{ path: string; text: string }> {
  return readdirSync(TEMPLATES_ROOT, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(TEMPLATES_ROOT, full), text: readFileSync(full, 'utf8') };
    });
}
