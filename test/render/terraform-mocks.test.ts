/**
 * ref #28: `terraform test` with `mock_provider` still runs the real provider's argument checks,
 * on the random strings a mock gives computed attributes. Every argument the provider validates
 * that the generated configuration sets from a computed attribute must therefore get a value of
 * the right shape from the mocks in infra/tests/. Parsed with hcl2json, as Terraform cannot
 * download providers here.
 */
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../../src/render/render-project.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { shapeProblem, VALIDATED_ARGUMENTS, type ArgumentShape } from '../helpers/aws-provider-validation.js';

type Body = Record<string, unknown>;
/** type → name → the block's body, for resources ("aws_x") and data sources ("data.aws_x"). */
type Blocks = Record<string, Record<string, Body>>;

/** `[data.]<type>.<name>[<index>].<attribute>` inside an interpolation. */
const REFERENCE = /(?<![\w.])(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(\[[^\]]*\])?\.([A-Za-z_]\w*)/g;

interface ComputedUse {
  /** The validated argument, e.g. "aws_lambda_function.handler.role". */
  argument: string;
  /** The attribute it reads, e.g. "aws_iam_role.handler.arn". */
  attribute: string;
  shape: ArgumentShape;
  /** The reference as written, e.g. "aws_lambda_function.handler[each.key].invoke_arn". */
  reference: string;
  /** The argument as written, e.g. "${aws_apigatewayv2_api.http.execution_arn}/*\/*". */
  expression: string;
  /** The mock's default for the attribute, if any. */
  mocked: unknown;
}

async function terraformProject(input: Record<string, unknown>) {
  const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, ...input, iac: 'terraform' }));
  const parsed = await Promise.all(
    files.filter((file) => /^infra\/[^/]+\.tf$/.test(file.path)).map((file) => parse(file.path, file.contents)),
  );
  const blocks: Blocks = {};
  const variables: Record<string, unknown> = {};
  for (const part of parsed) {
    for (const [name, [body]] of Object.entries((part.variable ?? {}) as Record<string, Body[]>))
      variables[name] = body!.default;
    for (const [prefix, group] of [
      ['', part.resource],
      ['data.', part.data],
    ] as const) {
      for (const [type, named] of Object.entries((group ?? {}) as Record<string, Record<string, Body[]>>)) {
        for (const [name, [body]] of Object.entries(named)) (blocks[`${prefix}${type}`] ??= {})[name] = body!;
      }
    }
  }
  const testFiles = files.filter((file) => /^infra\/tests\/[^/]+\.tftest\.hcl$/.test(file.path));
  const mocks = await Promise.all(
    testFiles.map(async (file) => ({ path: file.path, parsed: await parse(file.path, file.contents) })),
  );
  return { blocks, mocks, variables };
}

/** The default a test file's `mock_provider` gives `attribute` of `type` ("data.x" for a data source). */
function mockDefault(mockFile: Body, type: string, attribute: string): unknown {
  const dataSource = type.startsWith('data.');
  const bareType = type.replace(/^data\./, '');
  const provider = bareType.split('_')[0]!;
  const mockProviders = ((mockFile.mock_provider as Record<string, Body[]> | undefined)?.[provider] ?? []) as Body[];
  for (const mockProvider of mockProviders) {
    const mocked = (mockProvider[dataSource ? 'mock_data' : 'mock_resource'] as Record<string, Body[]> | undefined)?.[
      bareType
    ];
    const defaults = mocked?.[0]?.defaults as Body | undefined;
    if (defaults && attribute in defaults) return defaults[attribute];
  }
  return undefined;
}

/** Every validated argument set from an attribute the configuration leaves to the provider (a computed one). */
function computedUses(blocks: Blocks, mockFile: Body): ComputedUse[] {
  const uses: ComputedUse[] = [];
  for (const [type, validated] of Object.entries(VALIDATED_ARGUMENTS)) {
    for (const [name, body] of Object.entries(blocks[type] ?? {})) {
      for (const [argument, shape] of Object.entries(validated)) {
        const expression = body[argument];
        if (typeof expression !== 'string') continue;
        for (const [reference, data = '', refType, refName, , attribute] of expression.matchAll(REFERENCE)) {
          const referencedType = `${data}${refType}`;
          const referenced = blocks[referencedType]?.[refName!];
          // Not a resource (var., local., each.), or an argument the configuration sets: the mock keeps it.
          if (!referenced || attribute! in referenced) continue;
          uses.push({
            argument: `${type}.${name}.${argument}`,
            attribute: `${referencedType}.${refName}.${attribute}`,
            shape,
            reference,
            expression,
            mocked: mockDefault(mockFile, referencedType, attribute!),
          });
        }
      }
    }
  }
  return uses;
}

/** What the provider would say of the argument's value under the mocks, or undefined when it passes. */
function problemOf(use: ComputedUse, uses: ComputedUse[], variables: Record<string, unknown>): string | undefined {
  if (typeof use.mocked !== 'string')
    return `${use.attribute} has no string default in a mock_resource/mock_data block`;
  // Each whole interpolation of a computed attribute becomes its mock default, of a variable its default.
  let value = use.expression;
  for (const other of uses.filter((candidate) => candidate.argument === use.argument)) {
    value = value.replaceAll(`\${${other.reference}}`, String(other.mocked));
  }
  value = value.replace(/\$\{var\.(\w+)\}/g, (whole, name: string) =>
    typeof variables[name] === 'string' ? (variables[name] as string) : whole,
  );
  if (value.includes('${'))
    return (
      `${use.argument} = "${use.expression}" is more than references to computed attributes; extend this ` +
      `test to evaluate it`
    );
  const problem = shapeProblem(use.shape, value);
  return problem && `${use.argument} = ${JSON.stringify(value)} under the mocks: ${problem}`;
}

describe.each([
  ['the README example', {}],
  ['another region and name', { name: 'orders', region: 'ap-southeast-2', userPoolId: 'ap-southeast-2_AbCdEfGhI' }],
  ['a deploy workflow (a permissions boundary on the role)', { githubRepository: 'acme/orders-api' }],
])('Terraform test mocks, for %s', (_, input) => {
  it('see the validated arguments that are set from computed attributes', async () => {
    const { blocks, mocks } = await terraformProject(input);
    expect(mocks.map((mock) => mock.path)).toEqual(['infra/tests/security.tftest.hcl']);
    const found = computedUses(blocks, mocks[0]!.parsed).map(({ argument, attribute }) => ({ argument, attribute }));
    expect(found).toEqual(
      expect.arrayContaining([
        {
          argument: 'aws_iam_role.handler.assume_role_policy',
          attribute: 'data.aws_iam_policy_document.assume_lambda.json',
        },
        { argument: 'aws_iam_role_policy.logs.policy', attribute: 'data.aws_iam_policy_document.logs.json' },
        { argument: 'aws_lambda_function.handler.role', attribute: 'aws_iam_role.handler.arn' },
        { argument: 'aws_lambda_permission.api.source_arn', attribute: 'aws_apigatewayv2_api.http.execution_arn' },
      ]),
    );
  });

  it('give every computed attribute that feeds a validated argument a default the provider accepts', async () => {
    const { blocks, mocks, variables } = await terraformProject(input);
    for (const mock of mocks) {
      const uses = computedUses(blocks, mock.parsed);
      const problems = uses.map((use) => problemOf(use, uses, variables)).filter((problem) => problem !== undefined);
      expect(problems, mock.path).toEqual([]);
    }
  });
});

describe('the provider checks this test applies', () => {
  it.each([
    ['arn', 'arn:aws:iam::123456789012:role/orders-handler', undefined],
    ['arn', 'arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*/*', undefined],
    ['arn', 'x7Kq2pLm', /invalid prefix/],
    ['arn', 'arn:aws:iam::12345:role/orders', /account ID/],
    ['arn', 'arn:aws:iam::123456789012', /not enough sections/],
    ['iam-policy-json', '{"Version":"2012-10-17","Statement":[]}', undefined],
    ['iam-policy-json', 'x7Kq2pLm', /not a JSON object/],
    ['iam-policy-json', '{"Version":', /invalid JSON policy/],
    ['iam-role-name', 'orders-handler', undefined],
    ['iam-role-name', 'arn:aws:iam::123456789012:role/orders-handler', /name not its ARN/],
    ['lambda-function-name', 'orders-me', undefined],
    ['lambda-function-name', 'orders/me', /not a function name/],
  ] as const)('%s: %s', (shape, value, problem) => {
    if (problem === undefined) expect(shapeProblem(shape, value)).toBeUndefined();
    else expect(shapeProblem(shape, value)).toMatch(problem);
  });
});
