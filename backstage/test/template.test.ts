/** template/template.yaml: generated from the answers schema, and wired to actions that exist. */
import { readFileSync } from 'node:fs';
import {
  ANSWER_FIELDS,
  answersJsonSchema,
  checkAnswer,
  DERIVED_FIELDS,
  type AnswerField,
} from 'create-cognito-jwt-api';
import { parse } from 'yaml';
import { z } from 'zod/v3';
import { describe, expect, it } from 'vitest';
import { ACTION_ID, createCognitoJwtApiAction } from '../src/action.js';
import { actionInputSchema } from '../src/input-schema.js';
import { FORM_OMITS, templateDocument } from '../src/template.js';
import { createCognitoJwtApiUpdateAction, UPDATE_ACTION_ID } from '../src/update-action.js';
import { updateTemplateDocument } from '../src/update-template.js';
import { templateYaml, updateTemplateYaml } from '../src/write-template.js';

const committed = readFileSync(new URL('../template/template.yaml', import.meta.url), 'utf8');
const template = parse(committed);
/** The form's fields, page by page, in the order it asks for them. */
const formFields = (): string[] =>
  template.spec.parameters.flatMap((page: { properties: object }) => Object.keys(page.properties));
/** Actions Backstage's scaffolder backend ships (publish:github and its pull request from its GitHub module). */
const BUILT_IN_ACTIONS = [
  'publish:github',
  'publish:github:pull-request',
  'catalog:register',
  'fetch:template',
  'fetch:plain',
  'debug:log',
];

describe('template.yaml', () => {
  it('is exactly what the answers schema generates (run `npm run template -w backstage` after a schema change)', () => {
    expect(committed).toBe(templateYaml());
  });

  it("asks for the pool id and for no region before it: the region is the pool id's prefix", () => {
    const asked = formFields();
    expect(asked).toContain('userPoolId');
    const region = asked.indexOf('region');
    expect(region === -1 || region > asked.indexOf('userPoolId')).toBe(true);
    // The schema holds the API to the pool's region, so the form has no region field at all.
    expect(asked).not.toContain('region');
    const create = template.spec.steps.find((step: { action: string }) => step.action === ACTION_ID);
    expect(Object.keys(create.input)).not.toContain('region');
  });

  it("has a form that refuses what the generator refuses, where a field's own format can tell", () => {
    const fields = Object.assign(
      {},
      ...template.spec.parameters.map((page: { properties: object }) => page.properties),
    );
    // The region is not asked (the pool id gives it); its pattern is the answers schema's.
    fields.region = answersJsonSchema().properties.region;
    const formAccepts = (field: string, value: string) => {
      const { pattern, maxLength } = fields[field] as { pattern: string; maxLength?: number };
      return new RegExp(pattern, 'u').test(value) && (maxLength === undefined || value.length <= maxLength);
    };
    const values: Record<string, string[]> = {
      name: [
        'orders-api',
        '@acme/orders.api',
        'favicon.ico',
        'node_modules',
        'a'.repeat(214),
        'a'.repeat(215),
        'Orders',
      ],
      region: ['eu-west-1', 'us-gov-west-1', 'cn-north-1', 'us-iso-east-1', 'eusc-de-east-1', 'eu-west'],
      userPoolId: [
        'eu-west-1_AbC',
        'cn-north-1_AbC',
        'us-isob-east-1_AbC',
        `eu-west-1_${'a'.repeat(45)}`,
        `eu-west-1_${'a'.repeat(46)}`,
      ],
    };
    for (const [field, candidates] of Object.entries(values)) {
      for (const value of candidates) {
        expect(formAccepts(field, value), `${field} ${value}`).toBe(
          checkAnswer(field as AnswerField, value).length === 0,
        );
      }
    }
  });

  it("describes the answers in the form's terms: no command-line flags, no comma-separated lists", () => {
    for (const page of template.spec.parameters) {
      for (const [field, property] of Object.entries(
        page.properties as Record<string, { description?: string; 'ui:help'?: string }>,
      )) {
        expect(`${property.description ?? ''} ${property['ui:help'] ?? ''}`, field).not.toMatch(
          /--|comma-separated|repository and/,
        );
      }
    }
  });

  it('is a v1beta3 software template', () => {
    expect(template).toMatchObject({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      spec: { type: 'service' },
    });
  });

  it('asks for every answer but those the golden path leaves out, as the schema defines it', () => {
    const schema = answersJsonSchema();
    const asked = Object.assign({}, ...template.spec.parameters.map((page: { properties: object }) => page.properties));
    for (const field of ANSWER_FIELDS.filter((candidate) => !FORM_OMITS.includes(candidate))) {
      const { type, enum: choices, default: fallback, pattern, title } = schema.properties[field];
      expect(asked[field], field).toMatchObject(
        JSON.parse(JSON.stringify({ type, enum: choices, default: fallback, pattern, title })),
      );
    }
    const required = template.spec.parameters.flatMap((page: { required?: string[] }) => page.required ?? []);
    for (const field of schema.required.filter((candidate) => !DERIVED_FIELDS.includes(candidate)))
      expect(required, field).toContain(field);
  });

  it("runs only actions that exist, and gives this module's action every answer it asks for", () => {
    for (const step of template.spec.steps) expect([ACTION_ID, ...BUILT_IN_ACTIONS], step.id).toContain(step.action);
    const create = template.spec.steps.find((step: { action: string }) => step.action === ACTION_ID);
    const accepted = Object.keys(actionInputSchema(z).shape);
    for (const key of Object.keys(create.input)) expect(accepted, key).toContain(key);
    expect(createCognitoJwtApiAction().id).toBe(ACTION_ID);
    expect(templateDocument().spec.steps[0]!.action).toBe(ACTION_ID);
  });
});

describe("the action's input schema", () => {
  it('has every answer, required exactly when the answers schema requires it and no other answer gives it', () => {
    const shape = actionInputSchema(z).shape as Record<string, z.ZodTypeAny>;
    const schema = answersJsonSchema();
    for (const field of ANSWER_FIELDS) {
      expect(shape[field], field).toBeDefined();
      expect(shape[field]!.isOptional(), field).toBe(
        !schema.required.includes(field) || DERIVED_FIELDS.includes(field),
      );
    }
    expect(shape.region!.isOptional()).toBe(true);
  });

  it('takes a throttling limit as the form sends it, a number, or as the text a hand-written step may give', () => {
    const answers = { name: 'x', userPoolId: 'eu-west-1_AbC', clientId: 'abc', origins: ['https://a.example.com'] };
    expect(actionInputSchema(z).safeParse({ ...answers, rateLimit: 500, burstLimit: '1000' }).success).toBe(true);
    expect(actionInputSchema(z).safeParse({ ...answers, rateLimit: true }).success).toBe(false);
  });
});

describe('update-template.yaml', () => {
  const updateCommitted = readFileSync(new URL('../template/update-template.yaml', import.meta.url), 'utf8');
  const updateTemplate = parse(updateCommitted);
  const stepOf = (id: string) => updateTemplate.spec.steps.find((step: { id: string }) => step.id === id);

  it('is exactly what its source generates (run `npm run template -w backstage` after a change)', () => {
    expect(updateCommitted).toBe(updateTemplateYaml());
    expect(updateTemplate).toEqual(JSON.parse(JSON.stringify(updateTemplateDocument())));
  });

  it(
    'fetches the repository the form names, updates the service in it, and proposes the result, registering ' +
      'nothing',
    () => {
      expect(updateTemplate).toMatchObject({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template' });
      expect(updateTemplate.spec.steps.map((step: { action: string }) => step.action)).toEqual([
        'fetch:plain',
        UPDATE_ACTION_ID,
        'publish:github:pull-request',
      ]);
      expect(stepOf('fetch').input.url).toContain('(parameters.repoUrl | parseRepoUrl).repo');
      expect(updateTemplate.spec.parameters[0].properties.repoUrl['ui:field']).toBe('RepoUrlPicker');
      // Nothing to propose when the service is current.
      expect(stepOf('publish').if).toBe('${{ steps.update.output.changed }}');
    },
  );

  it('gives the update action only inputs it takes, and the pull request only outputs the action gives', () => {
    const action = createCognitoJwtApiUpdateAction();
    const update = stepOf('update');
    expect(update.action).toBe(action.id);
    const accepted = Object.keys((action.schema!.input as { properties: object }).properties);
    for (const key of Object.keys(update.input)) expect(accepted, key).toContain(key);
    const outputs = Object.keys((action.schema!.output as { properties: object }).properties);
    const used = JSON.stringify([stepOf('publish').input, updateTemplate.spec.output]).matchAll(
      /steps\.update\.output\.(\w+)/g,
    );
    const names = [...used].map((match) => match[1]);
    expect(names).toEqual(expect.arrayContaining(['branchName', 'title', 'summary', 'filesToDelete']));
    for (const name of names) expect(outputs, name).toContain(name);
  });
});
