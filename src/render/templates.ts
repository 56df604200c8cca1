/**
 * The template folders: plain files under templates/<set>/ at the package root, those ending in .ejs filled in by
 * EJS. From source they are read and compiled on first use; the published bundle carries them
 * compiled ahead of time (precompiled.ts), so that a run reads no template file at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import { PRECOMPILED, type TemplateFile, type TemplateFunction } from './precompiled.js';
import { TEMPLATE_LOCALS } from './template-data.js';

/** npm drops some dotfiles when publishing, so they are stored under another name. */
const RENAMED_FILES: Record<string, string> = {
  _gitignore: '.gitignore',
};

/** Sorts by path in code-unit order, the same on every machine and locale. */
export const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Folders inside a template set that hold pieces included by other templates, not output files. */
const PARTIALS_FOLDER = 'partials';
/** Folders inside a template set whose files are samples: written once, then the user's (see Ownership). */
const SAMPLES_FOLDER = 'samples';

/** EJS options; `strict` with the data's names destructured, so compiled templates run in ES modules. */
const EJS_OPTIONS = { strict: true, destructuredLocals: [...TEMPLATE_LOCALS] as string[], compileDebug: false };

/** Templates filled in by EJS end in `.ejs` (left out of the output path); any other file is copied verbatim. */
const EJS_SUFFIX = '.ejs';

/** The body of a template's function: as EJS generates it, or one that returns a static file's text. */
export function templateFunctionBody(key: string): string {
  if (!key.endsWith(EJS_SUFFIX)) return `"use strict";\nreturn ${JSON.stringify(templateText(key))};`;
  const template = new ejs.Template(templateText(key), { ...EJS_OPTIONS, filename: key });
  template.compile();
  return `"use strict";\n${template.source}`;
}

let root: string | undefined;

/** The templates/ folder above this module (found on first use). */
function templatesRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'base'))) {
      root = candidate;
      return root;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('templates/ folder not found above the renderer module');
    dir = parent;
  }
}

function outputPath(relative: string): string {
  const parts = (relative.endsWith(EJS_SUFFIX) ? relative.slice(0, -EJS_SUFFIX.length) : relative).split('/');
  const base = parts.pop() ?? '';
  return [...parts, RENAMED_FILES[base] ?? base].join('/');
}

/** Every template set on disk and its output files (partials left out), sorted by output path. */
export function listTemplateSets(): Record<string, TemplateFile[]> {
  const sets: Record<string, TemplateFile[]> = {};
  for (const key of allTemplateKeys()) {
    const [set, ...rest] = key.split('/');
    if (rest[0] === PARTIALS_FOLDER) continue;
    // A template's ownership is where it lives: under samples/, the user's once written.
    const sample = rest[0] === SAMPLES_FOLDER;
    sets[set!] ??= [];
    sets[set!]!.push({
      path: outputPath(rest.slice(sample ? 1 : 0).join('/')),
      key,
      ownership: sample ? 'sample' : 'managed',
    });
  }
  for (const files of Object.values(sets)) files.sort(byPath);
  return sets;
}

let sets: Record<string, TemplateFile[]> | undefined;

/** The output files of one template set, sorted by output path. */
export function templateFiles(set: string): TemplateFile[] {
  sets ??= PRECOMPILED?.files ?? listTemplateSets();
  return sets[set] ?? [];
}

/** The key of a partial of a template set, e.g. `partialKey('cdk', 'deploy.md')`. */
export function partialKey(set: string, name: string): string {
  const key = `${set}/${PARTIALS_FOLDER}/${name}`;
  return hasTemplate(`${key}${EJS_SUFFIX}`) ? `${key}${EJS_SUFFIX}` : key;
}

function hasTemplate(key: string): boolean {
  return PRECOMPILED ? key in PRECOMPILED.functions : existsSync(path.join(templatesRoot(), key));
}

/** Every template key on disk, partials included: what the bundle compiles ahead of time. */
export function allTemplateKeys(): string[] {
  return readdirSync(templatesRoot(), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(templatesRoot(), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function templateText(key: string): string {
  return readFileSync(path.join(templatesRoot(), key), 'utf8');
}

const compiled = new Map<string, TemplateFunction>();

/**
 * A template's function: in the bundle, its precompiled code only (the bundle reads no template
 * file); from the sources, compiled once from disk.
 */
export function compiledTemplate(key: string): TemplateFunction {
  if (PRECOMPILED) {
    const template = PRECOMPILED.functions[key];
    if (!template) throw new Error(`unknown template ${key}: it is not among the precompiled templates`);
    return template;
  }
  let template = compiled.get(key);
  if (!template) {
    template = new Function('locals', 'escapeFn', templateFunctionBody(key)) as TemplateFunction;
    compiled.set(key, template);
  }
  return template;
}
