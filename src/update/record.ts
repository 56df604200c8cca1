/**
 * What a generated project records about itself in `.yo-rc.json`: the answers (and the version
 * of their schema), the generator version, and a manifest of the generated files with the hash
 * of each as generated and its ownership. Beside it, `.cognito-jwt-api/pristine.json` keeps the
 * generated contents themselves: the base of the 3-way merge that `update` performs, offline.
 * Their schemas, which `update` reads them with, are in record-schema.ts.
 */
import { renderProject, type RenderedFile } from '../render/render-project.js';
import type { Answers } from '../schema/answers.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';
import { STATE_DIR } from './apply.js';
import { hashOf } from './hash.js';
import { ANSWERS_SCHEMA_VERSION } from './migrations.js';
import type { Pristine, ProjectRecord } from './record-schema.js';

export const PRISTINE_PATH = `${STATE_DIR}/pristine.json`;
export const YO_RC_PATH = '.yo-rc.json';

/** The `.yo-rc.json` entry and the pristine store for freshly rendered files. */
export function recordOf(answers: Answers, files: readonly RenderedFile[], conflicts: readonly string[] = []) {
  const record: ProjectRecord = {
    schemaVersion: ANSWERS_SCHEMA_VERSION,
    generatorVersion: PACKAGE_VERSION,
    answers,
    files: Object.fromEntries(
      files.map((file) => [file.path, { hash: hashOf(file.contents), ownership: file.ownership }]),
    ),
    ...(conflicts.length > 0 ? { conflicts: [...conflicts] } : {}),
  };
  const pristine: Pristine = {
    generatorVersion: PACKAGE_VERSION,
    files: Object.fromEntries(files.map((file) => [file.path, file.contents])),
  };
  return { record, pristine: `${JSON.stringify(pristine, null, 2)}\n` };
}

/**
 * `.yo-rc.json` contents with `record` under this generator's key, other keys kept. A file that
 * holds no JSON object keeps nothing (`update` refuses one before it gets here).
 */
export function yoRcWith(existing: string | undefined, record: ProjectRecord): string {
  return `${JSON.stringify({ ...jsonObject(existing), [PACKAGE_NAME]: record }, null, 2)}\n`;
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything a generation writes, by path: the rendered files, the `.yo-rc.json` record (merged
 * into `existingYoRc` when the folder has one) and the pristine store. Every front writes this.
 */
export function projectFiles(answers: Answers, existingYoRc?: string): Map<string, string> {
  const rendered = renderProject(answers);
  const { record, pristine } = recordOf(answers, rendered);
  return new Map([
    ...rendered.map((file): [string, string] => [file.path, file.contents]),
    [YO_RC_PATH, yoRcWith(existingYoRc, record)],
    [PRISTINE_PATH, pristine],
  ]);
}
