/**
 * The generated SAM templates against the published CloudFormation and SAM resource schemas
 * (@aws-cdk/aws-service-spec): every property of every resource, and of the function globals,
 * exists where it is written and has a value of the declared kind.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseSamTemplate, type Node } from '../../templates/sam/test/infra/sam-template.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { contentsOf } from './model.js';

const db = loadAwsServiceSpecSync();

type PropertyType = { type: string; element?: PropertyType; types?: PropertyType[]; reference?: { $ref: string } };
type Property = { type: PropertyType; required?: boolean };

const isIntrinsic = (value: unknown) =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  /^(Ref|Condition|Fn::\w+)$/.test(Object.keys(value)[0]!);

/** Every problem of `value` against a property type, as "path: problem". */
function check(value: unknown, type: PropertyType, path: string): string[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${path}: expected a string`];
    case 'number':
    case 'integer':
      return typeof value === 'number' || /^\d+$/.test(String(value)) ? [] : [`${path}: expected a number`];
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? [] : [`${path}: expected a boolean`];
    case 'json':
      return [];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => check(item, type.element!, `${path}[${index}]`))
        : [`${path}: expected a list`];
    case 'map':
      return value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, item]) => check(item, type.element!, `${path}.${key}`))
        : [`${path}: expected a map`];
    case 'union': {
      const results = type.types!.map((member) => check(value, member, path));
      return results.some((problems) => problems.length === 0) ? [] : results.flat();
    }
    case 'ref':
      return checkProperties(
        value,
        db.get('typeDefinition', type.reference!.$ref).properties as Record<string, Property>,
        path,
      );
    default:
      return [`${path}: unknown type ${type.type}`];
  }
}

function checkProperties(
  value: unknown,
  properties: Record<string, Property>,
  path: string,
  partial = false,
): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
  const problems = Object.entries(value).flatMap(([key, item]) =>
    properties[key] ? check(item, properties[key]!.type, `${path}.${key}`) : [`${path}.${key}: no such property`],
  );
  if (!partial) {
    for (const [key, property] of Object.entries(properties)) {
      if (property.required && !(key in value)) problems.push(`${path}.${key}: required`);
    }
  }
  return problems;
}

/**
 * Properties SAM passes to a CloudFormation resource as they are, which the SAM schema in the spec
 * lacks: checked against that resource's schema. LoggingConfig came after the schema was last
 * updated (SAM's AWS::Serverless::Function reference); the schema misnames HttpApi's
 * AccessLogSettings as "AccessLogSetting" (SAM's AWS::Serverless::HttpApi reference, and SAM's
 * own translator, take AccessLogSettings to the stage).
 */
const PASSED_THROUGH: Record<string, Record<string, string>> = {
  'AWS::Serverless::Function': { LoggingConfig: 'AWS::Lambda::Function' },
  'AWS::Serverless::HttpApi': { AccessLogSettings: 'AWS::ApiGatewayV2::Stage' },
};

function schemaOf(type: string): Record<string, Property> {
  return db.lookup('resource', 'cloudFormationType', 'equals', type).only().properties as Record<string, Property>;
}

function resourceProperties(type: string): Record<string, Property> {
  const passed = Object.entries(PASSED_THROUGH[type] ?? {}).map(
    ([name, target]) => [name, schemaOf(target)[name]!] as const,
  );
  return { ...Object.fromEntries(passed), ...schemaOf(type) };
}

describe.each([
  ['the README example', EXAMPLE_INPUT],
  ['scopes and any origin', { ...EXAMPLE_INPUT, scopes: 'orders-api/read', origins: '*', allowAnyOrigin: true }],
  ['a deploy workflow (roles with a permissions boundary)', { ...EXAMPLE_INPUT, githubRepository: 'acme/orders-api' }],
])('SAM template for %s', (_name, input) => {
  const template = parseSamTemplate(
    contentsOf(renderProject(parseAnswers({ ...input, iac: 'sam' })), 'template.yaml'),
  ).template;

  it('holds only properties the resource schemas define, with values of their kind', () => {
    const problems = Object.entries(template.Resources as Record<string, Node>).flatMap(([id, resource]) =>
      checkProperties(resource.Properties, resourceProperties(resource.Type), `${id}(${resource.Type})`),
    );
    expect(problems).toEqual([]);
  });

  it('holds only function properties in its globals', () => {
    expect(
      checkProperties(
        template.Globals.Function,
        resourceProperties('AWS::Serverless::Function'),
        'Globals.Function',
        true,
      ),
    ).toEqual([]);
  });

  it('is checked for real: a misspelt property is reported', () => {
    const [id, fn] = Object.entries(template.Resources as Record<string, Node>).find(
      ([, resource]) => resource.Type === 'AWS::Serverless::Function',
    )!;
    const misspelt = { ...fn.Properties, Handeler: 'x.handler' };
    expect(checkProperties(misspelt, resourceProperties(fn.Type), id)).toContain(`${id}.Handeler: no such property`);
    const [eventId, event] = Object.entries(fn.Properties.Events as Record<string, Node>)[0]!;
    const badEvent = {
      ...fn.Properties,
      Events: { [eventId]: { ...event, Properties: { ...event.Properties, Mehtod: 'GET' } } },
    };
    expect(checkProperties(badEvent, resourceProperties(fn.Type), id).join('\n')).toContain('Mehtod: no such property');
  });
});

describe('the SAM deploy-role template', () => {
  it('holds only properties the resource schemas define, with values of their kind', () => {
    const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac: 'sam', githubRepository: 'acme/orders-api' }));
    const { template } = parseSamTemplate(contentsOf(files, 'deploy-role.yaml'));
    const problems = Object.entries(template.Resources as Record<string, Node>).flatMap(([id, resource]) =>
      checkProperties(resource.Properties, resourceProperties(resource.Type), `${id}(${resource.Type})`),
    );
    expect(problems).toEqual([]);
  });
});
