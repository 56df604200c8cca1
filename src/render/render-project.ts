/**
 * src/render/, above the model: answers → files, with no I/O but reading templates.
 *
 * The pure renderer: answers in, the generated project's files out. It reads templates and
 * nothing else; fronts (the Yeoman generator, Backstage, projen) decide where files go.
 */
import type { Answers } from '../schema/answers.js';
import { needsGithubRepository } from './ci.js';
import type { Ownership } from './flavours.js';
import { renderPackageJson } from './package-json.js';
import { templateData, type RenderOptions, type TemplateData } from './template-data.js';
import { byPath, compiledTemplate, partialKey, templateFiles } from './templates.js';

export interface RenderedFile {
  path: string;
  contents: string;
  ownership: Ownership;
}

/** Template sets every project gets, before its flavour's own. */
const SHARED_SET = 'base';
/**
 * The GitHub workflows and the update script: they run `update`, which projen projects do not use (they update
 * through `npx projen`), and projen writes a project's workflows itself.
 */
const UPDATE_WORKFLOW_FOLDER = '.github/';

/** EJS's HTML escaping is wrong for code; templates use `<%- helper(value) %>` (a test forbids `<%=`). */
const noHtmlEscaping = (value: unknown) => String(value);

function renderTemplate(key: string, data: TemplateData & { partial: (name: string) => string }): string {
  return compiledTemplate(key)(data, noHtmlEscaping);
}

/** Renders every file of the project the answers describe, sorted by path. */
export function renderProject(answers: Answers, options: RenderOptions = {}): RenderedFile[] {
  const data = templateData(answers, options);
  const context = { ...data, partial: (name: string) => renderTemplate(partialKey(answers.iac, name), context) };
  const files = new Map<string, { contents: string; ownership: Ownership }>();
  for (const set of [SHARED_SET, answers.iac]) {
    for (const template of templateFiles(set)) {
      if (options.projen && template.path.startsWith(UPDATE_WORKFLOW_FOLDER)) continue;
      if (!answers.githubRepository && needsGithubRepository(template.path)) continue;
      if (files.has(template.path)) throw new Error(`template ${template.path} exists in more than one set`);
      files.set(template.path, { contents: renderTemplate(template.key, context), ownership: template.ownership });
    }
  }
  files.set('package.json', { contents: renderPackageJson(answers), ownership: 'managed' });
  return [...files].map(([path, { contents, ownership }]) => ({ path, contents, ownership })).sort(byPath);
}
