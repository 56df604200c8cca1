/** Reads the template folders as text, for tests that check every template. */
import { allTemplateKeys, templateText } from '../../src/render/templates.js';

export function allTemplates(): Array<{ path: string; text: string }> {
  return allTemplateKeys().map((key) => ({ path: key, text: templateText(key) }));
}
