/**
 * Writes template/template.yaml from the answers schema, and template/update-template.yaml beside
 * it (`npm run template -w backstage`).
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { templateDocument } from './template.js';
import { updateTemplateDocument } from './update-template.js';

const TEMPLATE_HEADER = '# Written by `npm run template -w backstage` from the answers schema; do not edit by hand.\n';
const UPDATE_TEMPLATE_HEADER = '# Written by `npm run template -w backstage`; do not edit by hand.\n';

export function templateYaml(): string {
  return `${TEMPLATE_HEADER}${stringify(templateDocument(), { lineWidth: 0 })}`;
}

export function updateTemplateYaml(): string {
  return `${UPDATE_TEMPLATE_HEADER}${stringify(updateTemplateDocument(), { lineWidth: 0 })}`;
}

if (process.argv[1]?.endsWith('write-template.js')) {
  writeFileSync(new URL('../template/template.yaml', import.meta.url), templateYaml());
  writeFileSync(new URL('../template/update-template.yaml', import.meta.url), updateTemplateYaml());
}
