/**
 * The answers as JSON Schema (draft 2020-12), for forms outside this tool (Backstage parameters).
 * Types, titles, descriptions, enums, defaults and required fields come from the zod schema;
 * the format rules, which zod keeps in code, are added as patterns from the same rules module.
 */
import * as z from 'zod/mini';
import { AnswersFields, INTEGER_FIELDS, type AnswerField } from './answers.js';
import {
  CERTIFICATE_ARN_PATTERN,
  CLIENT_ID_PATTERN,
  GITHUB_REPOSITORY_PATTERN,
  DOMAIN_MAX,
  DOMAIN_PATTERN,
  ISSUER_PATTERN,
  ORIGIN_PATTERN,
  OTHER_PARTITIONS,
  PACKAGE_NAME_MAX,
  PACKAGE_NAME_PATTERN,
  REGION_PATTERN,
  RESERVED_PACKAGE_NAMES,
  SCOPE_PATTERN,
  THROTTLING_LIMIT_MAX,
  USER_POOL_ID_MAX,
  USER_POOL_ID_PATTERN,
} from './rules.js';

/** Not matching any of `words` exactly, then `pattern` (anchored sources). */
const excluding = (words: readonly string[], pattern: RegExp, after = '$') =>
  `^(?!(?:${words.join('|')})${after})${pattern.source.slice(1)}`;
/** The region codes of other partitions, which the generator refuses (checkRegion). */
const PARTITIONS = OTHER_PARTITIONS.map(([pattern]) => pattern.source.slice(1, -1));
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface JsonSchemaProperty {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  examples?: unknown[];
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchemaProperty;
  minItems?: number;
  uniqueItems?: boolean;
}

/** What a form can check of each rule (the generator checks the rest, e.g. a region unlike the pool id's). */
const FORMATS: Partial<Record<AnswerField, Pick<JsonSchemaProperty, 'pattern' | 'maxLength'>>> = {
  name: { pattern: excluding(RESERVED_PACKAGE_NAMES.map(escaped), PACKAGE_NAME_PATTERN), maxLength: PACKAGE_NAME_MAX },
  region: { pattern: excluding(PARTITIONS, REGION_PATTERN) },
  userPoolId: { pattern: excluding(PARTITIONS, USER_POOL_ID_PATTERN, '_'), maxLength: USER_POOL_ID_MAX },
  clientId: { pattern: CLIENT_ID_PATTERN.source },
  issuer: { pattern: ISSUER_PATTERN.source },
  githubRepository: { pattern: GITHUB_REPOSITORY_PATTERN.source },
  domain: { pattern: DOMAIN_PATTERN.source, maxLength: DOMAIN_MAX },
  certificateArn: { pattern: CERTIFICATE_ARN_PATTERN.source },
};
/**
 * A form edits lists item by item, cannot ask AWS, and shows a default in its field: the command
 * line's wording for these goes.
 */
const formDescription = (text: string) =>
  text.replace(/ \(comma-separated\)|comma-separated; | \(--verify tells\)| \(default \d+\)/g, '');
const LIST_ITEM_PATTERNS: Partial<Record<AnswerField, RegExp>> = {
  origins: ORIGIN_PATTERN,
  devOrigins: ORIGIN_PATTERN,
  scopes: SCOPE_PATTERN,
};

export function answersJsonSchema(): {
  type: 'object';
  required: AnswerField[];
  properties: Record<AnswerField, JsonSchemaProperty>;
} {
  const generated = z.toJSONSchema(AnswersFields, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<AnswerField, JsonSchemaProperty & { anyOf?: unknown }>;
    required?: AnswerField[];
  };
  const properties = {} as Record<AnswerField, JsonSchemaProperty>;
  for (const [field, property] of Object.entries(generated.properties) as Array<
    [AnswerField, JsonSchemaProperty & { anyOf?: unknown }]
  >) {
    const { anyOf: _listOrString, ...given } = property;
    const rest = { ...given, ...(given.description ? { description: formDescription(given.description) } : {}) };
    const itemPattern = LIST_ITEM_PATTERNS[field];
    if ((INTEGER_FIELDS as readonly AnswerField[]).includes(field)) {
      // A whole number: the schema also takes its digits as text, which a form has no use for.
      const { type: _numberOrString, ...integer } = rest;
      properties[field] = {
        ...integer,
        type: 'integer',
        default: z.parse(AnswersFields.shape[field], undefined),
        minimum: 1,
        maximum: THROTTLING_LIMIT_MAX,
      };
    } else if (itemPattern) {
      // A list answer: a form edits it as an array, one value per item.
      properties[field] = {
        ...rest,
        type: 'array',
        items: { type: 'string', pattern: itemPattern.source },
        uniqueItems: true,
        ...(field === 'origins' || field === 'devOrigins' ? { minItems: 1 } : {}),
      };
    } else {
      properties[field] = { ...rest, ...FORMATS[field] };
    }
  }
  return { type: 'object', required: generated.required ?? [], properties };
}
