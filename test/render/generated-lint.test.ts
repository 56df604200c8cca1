/**
 * A generated project passes its own `npm run lint` as generated, whatever the length of its answers:
 * its package.json's lint script runs over freshly rendered projects of every flavour, with the
 * project's biome.json, without an install. The Biome it runs is this repository's, which a test
 * below keeps at the version generated projects pin, so that its verdict is theirs (the end-to-end
 * tests run the installed project's own `npm run lint` as well).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CognitoJwtApiProject } from '../../src/fronts/projen/index.js';
import { renderProject } from '../../src/render/render-project.js';
import { LINE_WIDTH } from '../../src/render/ts-layout.js';
import { PACKAGE_VERSIONS } from '../../src/render/versions.js';
import type { AnswersInput } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { parseRoutes } from '../../src/schema/routes.js';
import { writeFiles } from '../../src/io/write-files.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { BIOME_PACKAGE, biomeScript, reportedFiles } from '../helpers/biome.js';
import { tempDir } from '../helpers/temp.js';

/** The longest pool id the schema accepts. */
const LONG_POOL_ID = `ap-southeast-2_${'A'.repeat(40)}`;
/** Answers whose values make lines longer than 120 columns where the templates write them. */
const LONG_INPUT = {
  name: '@acme-corporation/customer-orders-and-invoices-http-api-eu-west',
  origins: [
    'https://app.example.com',
    'https://admin.example.com',
    'https://staging.app.example.com',
    'https://reports.app.example.com',
  ],
  devOrigins: ['http://localhost:5173', 'https://dev.app.example.com', 'https://dev-admin.app.example.com'],
  devUserPoolId: `ap-southeast-2_${'D'.repeat(40)}`,
  devClientId: 'd'.repeat(128),
  scopes: 'orders-api/read,orders-api/write,orders-api/admin,invoices-api/read,invoices-api/write',
  clientId: 'a'.repeat(128),
  region: 'ap-southeast-2',
  userPoolId: LONG_POOL_ID,
  issuer: `https://issuer-cognito-idp.ap-southeast-2.amazonaws.com/${LONG_POOL_ID}`,
  runtime: 'nodejs22.x',
} satisfies Partial<AnswersInput>;
const LONG_ROUTES = [
  { method: 'POST', path: '/orders', handler: 'create-order', scopes: ['orders-api/write'] },
  { method: 'GET', path: '/orders/{id}', handler: 'get-order' },
  {
    method: 'DELETE',
    path: '/customers/{customerId}/orders/{orderId}/line-items/{lineItemId}',
    handler: 'delete-line-item',
    scopes: [
      'orders-api/write',
      'orders-api/admin',
      'invoices-api/write',
      'invoices-api/admin',
      'audit/write',
      'audit/admin',
    ],
  },
];

const ANSWER_SETS = [
  ['the README example', {}, []],
  ['long answers: four origins, five scopes, a long name, client id and pool id', LONG_INPUT, []],
  ['long answers and routes, one with a long path and scopes of its own', LONG_INPUT, LONG_ROUTES],
] as const;

/** A rendered project in a new folder, plus `extra` files. */
function renderedProject(
  iac: 'cdk' | 'terraform' | 'sam',
  input: Record<string, unknown> = {},
  routes: readonly unknown[] = [],
  extra: [string, string][] = [],
): string {
  const dir = tempDir(`lint-${iac}`);
  const files = renderProject(parseAnswers({ ...EXAMPLE_INPUT, ...input, iac }), { routes: parseRoutes(routes) });
  writeFiles(dir, [...files.map((file): [string, string] => [file.path, file.contents]), ...extra]);
  return dir;
}

const lint = (dir: string) => biomeScript(dir, 'lint');

const UNFORMATTED = 'export const answer = {value: "42"}\n';

describe('generated projects lint clean as generated', () => {
  it('are checked with the Biome version they pin: the same formatting, the same rules', () => {
    const installed = JSON.parse(readFileSync(BIOME_PACKAGE, 'utf8')).version;
    expect(
      PACKAGE_VERSIONS['@biomejs/biome'],
      `this repository runs Biome ${installed}: pin that version for generated projects in src/render/versions.ts ` +
        '(and read the snapshot diff of the reformatted templates), or install the pinned one here',
    ).toBe(installed);
  });

  it('are laid out for the line width their biome.json sets', () => {
    const dir = renderedProject('sam');
    expect(JSON.parse(readFileSync(path.join(dir, 'biome.json'), 'utf8')).formatter.lineWidth).toBe(LINE_WIDTH);
  });

  describe.each(['cdk', 'terraform', 'sam'] as const)('%s', (iac) => {
    it.each(ANSWER_SETS)('passes npm run lint, for %s', (_, input, routes) => {
      const dir = renderedProject(iac, input, routes);
      const { status, output } = lint(dir);
      expect(status, output).toBe(0);
      const checked = Number(/Checked (\d+) files?/.exec(output)?.[1]);
      const typescript = renderProject(parseAnswers({ ...EXAMPLE_INPUT, ...input, iac }), {
        routes: parseRoutes(routes),
      }).filter((file) => file.path.endsWith('.ts'));
      expect(checked, 'every TypeScript file is among those checked').toBeGreaterThanOrEqual(typescript.length);
    });
  });

  it('passes npm run lint as projen synthesizes it: managed files marked, biome.json left unmarked', () => {
    const dir = tempDir('lint-projen');
    new CognitoJwtApiProject({
      ...EXAMPLE_INPUT,
      ...LONG_INPUT,
      iac: 'sam',
      routes: parseRoutes(LONG_ROUTES),
      outdir: dir,
    }).synth();
    const { status, output } = lint(dir);
    expect(status, output).toBe(0);
  });

  it('fails on a file that is not formatted, so the runs above can fail', () => {
    const { status, output } = lint(renderedProject('cdk', {}, [], [['src/lib/unformatted.ts', UNFORMATTED]]));
    expect(reportedFiles(output)).toEqual(['src/lib/unformatted.ts']);
    expect(status).not.toBe(0);
  });

  it('leaves build output and installed packages alone', () => {
    const outputs = ['cdk.out', '.aws-sam/build', 'infra/.terraform', 'dist/me', 'node_modules/x', 'coverage'];
    const dir = renderedProject(
      'cdk',
      {},
      [],
      outputs.map((folder): [string, string] => [`${folder}/index.ts`, UNFORMATTED]),
    );
    const { status, output } = lint(dir);
    expect(output).not.toContain('index.ts');
    expect(status).toBe(0);
  });
});
