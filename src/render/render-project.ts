/**
 * The pure renderer: answers in, the generated project's files out. It reads templates and
 * nothing else; fronts (the Yeoman generator, Backstage, projen) decide where files go.
 */
import ejs from 'ejs';
import { FlavourNotAvailableError } from '../errors.js';
import type { Answers } from '../schema/answers.js';
import { describeApi, handlersOf, PREFLIGHT_HANDLER, PREFLIGHT_PATHS } from './api-model.js';
import { escapers } from './escape.js';
import { AVAILABLE_FLAVOURS, FLAVOURS, ownershipOf, type Ownership } from './flavours.js';
import { renderPackageJson } from './package-json.js';
import { partialPath, readTemplate, templateFiles } from './templates.js';
import { RUNTIME_DETAILS } from './versions.js';

export interface RenderedFile {
  path: string;
  contents: string;
  ownership: Ownership;
}

/** Template sets every project gets, before its flavour's own. */
const SHARED_SET = 'base';

type TemplateData = ReturnType<typeof templateData>;

function templateData(answers: Answers) {
  const api = describeApi(answers);
  return {
    answers,
    api,
    handlers: handlersOf(api),
    protectedRoutes: api.routes.filter((route) => route.authorization === 'JWT'),
    preflight: { handler: PREFLIGHT_HANDLER, paths: PREFLIGHT_PATHS },
    flavour: FLAVOURS[answers.iac],
    runtime: RUNTIME_DETAILS[answers.runtime],
    anyOrigin: answers.origins.includes('*'),
    stackId: stackIdOf(answers.name),
    ...escapers,
  };
}

/** A CloudFormation-safe PascalCase id from the package name: "@acme/orders-api" → "OrdersApi". */
export function stackIdOf(name: string): string {
  const words = name.replace(/^@[^/]+\//, '').split(/[^a-zA-Z\d]+/).filter(Boolean);
  const id = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(id) ? id : `Api${id}`;
}

const compiled = new Map<string, ejs.TemplateFunction>();

function refuseEscaping(): never {
  throw new Error('templates must not use <%= %>; pass answers through an escaping helper with <%- %>');
}

function renderTemplate(source: string, data: TemplateData & { partial: (name: string) => string }): string {
  let template = compiled.get(source);
  if (!template) {
    template = ejs.compile(readTemplate(source), { filename: source, escape: refuseEscaping, strict: false });
    compiled.set(source, template);
  }
  return template(data);
}

/** Renders every file of the project the answers describe, sorted by path. */
export function renderProject(answers: Answers): RenderedFile[] {
  if (!FLAVOURS[answers.iac].available) throw new FlavourNotAvailableError(answers.iac, AVAILABLE_FLAVOURS);
  const data = templateData(answers);
  const context = { ...data, partial: (name: string) => renderTemplate(partialPath(answers.iac, name), context) };
  const files = new Map<string, string>();
  for (const set of [SHARED_SET, answers.iac]) {
    for (const template of templateFiles(set)) {
      if (files.has(template.path)) throw new Error(`template ${template.path} exists in more than one set`);
      files.set(template.path, renderTemplate(template.source, context));
    }
  }
  files.set('package.json', renderPackageJson(answers));
  return [...files]
    .map(([path, contents]) => ({ path, contents, ownership: ownershipOf(path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
