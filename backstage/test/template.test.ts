/** template/template.yaml: generated from the answers schema, and wired to actions that exist. */
import { readFileSync } from 'node:fs';
import { ANSWER_FIELDS, answersJsonSchema } from 'create-cognito-jwt-api';
import { parse } from 'yaml';
import { z } from 'zod/v3';
import { describe, expect, it } from 'vitest';
import { ACTION_ID, createCognitoJwtApiAction } from '../src/action.js';
import { actionInputSchema } from '../src/input-schema.js';
import { FORM_OMITS, templateDocument } from '../src/template.js';
import { templateYaml } from '../src/write-template.js';

const committed = readFileSync(new URL('../template/template.yaml', import.meta.url), 'utf8');
const template = parse(committed);
/** Actions Backstage's scaffolder backend ships (publish:github from its GitHub module). */
const BUILT_IN_ACTIONS = ['publish:github', 'catalog:register', 'fetch:template', 'fetch:plain', 'debug:log'];

describe('template.yaml', () => {
  it('is exactly what the answers schema generates (run `npm run template -w backstage` after a schema change)', () => {
    expect(committed).toBe(templateYaml());
  });

  it('is a v1beta3 software template', () => {
    expect(template).toMatchObject({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', spec: { type: 'service' } });
  });

  it('asks for every answer but those the golden path leaves out, as the schema defines it', () => {
    const schema = answersJsonSchema();
    const asked = Object.assign({}, ...template.spec.parameters.map((page: { properties: object }) => page.properties));
    for (const field of ANSWER_FIELDS.filter((candidate) => !FORM_OMITS.includes(candidate))) {
      const { type, enum: choices, default: fallback, pattern, title } = schema.properties[field];
      expect(asked[field], field).toMatchObject(JSON.parse(JSON.stringify({ type, enum: choices, default: fallback, pattern, title })));
    }
    const required = template.spec.parameters.flatMap((page: { required?: string[] }) => page.required ?? []);
    for (const field of schema.required) expect(required, field).toContain(field);
  });

  it('runs only actions that exist, and gives this module\'s action every answer it asks for', () => {
    for (const step of template.spec.steps) expect([ACTION_ID, ...BUILT_IN_ACTIONS], step.id).toContain(step.action);
    const create = template.spec.steps.find((step: { action: string }) => step.action === ACTION_ID);
    const accepted = Object.keys(actionInputSchema(z).shape);
    for (const key of Object.keys(create.input)) expect(accepted, key).toContain(key);
    expect(createCognitoJwtApiAction().id).toBe(ACTION_ID);
    expect(templateDocument().spec.steps[0]!.action).toBe(ACTION_ID);
  });
});

describe('the action\'s input schema', () => {
  it('has every answer, required exactly when the answers schema requires it', () => {
    const shape = actionInputSchema(z).shape as Record<string, z.ZodTypeAny>;
    const schema = answersJsonSchema();
    for (const field of ANSWER_FIELDS) {
      expect(shape[field], field).toBeDefined();
      expect(shape[field]!.isOptional(), field).toBe(!schema.required.includes(field));
    }
  });
});
