/**
 * Reads the template folders: the only I/O the renderer does. Templates are plain files under
 * templates/<set>/ at the package root; EJS tags in them are filled by render-project.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** npm drops some dotfiles when publishing, so they are stored under another name. */
const RENAMED_FILES: Record<string, string> = {
  _gitignore: '.gitignore',
  _npmrc: '.npmrc',
};

/** Folders inside a template set that hold pieces included by other templates, not output files. */
const PARTIALS_FOLDER = 'partials';

function findTemplatesRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'base'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('templates/ folder not found above the renderer module');
    dir = parent;
  }
}

export const TEMPLATES_ROOT = findTemplatesRoot();

export interface TemplateFile {
  /** Output path relative to the project root, with `/` separators. */
  path: string;
  /** Absolute path of the template file. */
  source: string;
}

const cache = new Map<string, TemplateFile[]>();

/** The output files of one template set, sorted by output path. */
export function templateFiles(set: string): TemplateFile[] {
  let files = cache.get(set);
  if (!files) {
    const root = path.join(TEMPLATES_ROOT, set);
    files = listFiles(root)
      .filter((relative) => relative.split('/')[0] !== PARTIALS_FOLDER)
      .map((relative) => ({ path: outputPath(relative), source: path.join(root, relative) }))
      .sort((a, b) => a.path.localeCompare(b.path));
    cache.set(set, files);
  }
  return files;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function outputPath(relative: string): string {
  const parts = relative.split('/');
  const base = parts.pop() ?? '';
  return [...parts, RENAMED_FILES[base] ?? base].join('/');
}

/** Absolute path of a partial of a template set, e.g. `partial('cdk', 'deploy.md')`. */
export function partialPath(set: string, name: string): string {
  return path.join(TEMPLATES_ROOT, set, PARTIALS_FOLDER, name);
}

const sources = new Map<string, string>();

/** A template's text, read once. */
export function readTemplate(source: string): string {
  let text = sources.get(source);
  if (text === undefined) {
    text = readFileSync(source, 'utf8');
    sources.set(source, text);
  }
  return text;
}
