/**
 * The answers as JSON Schema (draft 2020-12), for forms outside this tool (Backstage parameters).
 * Types, titles, descriptions, enums, defaults and required fields come from the zod schema;
 * the format rules, which zod keeps in code, are added as patterns from the same rules module.
 */
import * as z from 'zod/mini';
import { AnswersFields, type AnswerField } from './answers.js';
import { CLIENT_ID_PATTERN, ISSUER_PATTERN, ORIGIN_PATTERN, PACKAGE_NAME_PATTERN, REGION_PATTERN, SCOPE_PATTERN, USER_POOL_ID_PATTERN } from './rules.js';

export interface JsonSchemaProperty {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  examples?: unknown[];
  pattern?: string;
  items?: JsonSchemaProperty;
  minItems?: number;
  uniqueItems?: boolean;
}

const PATTERNS: Partial<Record<AnswerField, RegExp>> = {
  name: PACKAGE_NAME_PATTERN,
  region: REGION_PATTERN,
  userPoolId: USER_POOL_ID_PATTERN,
  clientId: CLIENT_ID_PATTERN,
  issuer: ISSUER_PATTERN,
};
const LIST_ITEM_PATTERNS: Partial<Record<AnswerField, RegExp>> = { origins: ORIGIN_PATTERN, scopes: SCOPE_PATTERN };

export function answersJsonSchema(): { type: 'object'; required: AnswerField[]; properties: Record<AnswerField, JsonSchemaProperty> } {
  const generated = z.toJSONSchema(AnswersFields, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<AnswerField, JsonSchemaProperty & { anyOf?: unknown }>;
    required?: AnswerField[];
  };
  const properties = {} as Record<AnswerField, JsonSchemaProperty>;
  for (const [field, property] of Object.entries(generated.properties) as Array<[AnswerField, JsonSchemaProperty & { anyOf?: unknown }]>) {
    const { anyOf: _listOrString, ...rest } = property;
    const itemPattern = LIST_ITEM_PATTERNS[field];
    if (itemPattern) {
      // A list answer: a form edits it as an array, one value per item.
      properties[field] = { ...rest, type: 'array', items: { type: 'string', pattern: itemPattern.source }, uniqueItems: true, ...(field === 'origins' ? { minItems: 1 } : {}) };
    } else {
      const pattern = PATTERNS[field];
      properties[field] = { ...rest, ...(pattern ? { pattern: pattern.source } : {}) };
    }
  }
  return { type: 'object', required: generated.required ?? [], properties };
}
