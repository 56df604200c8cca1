import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { describeApi } from '../../src/model/api-model.js';
import { renderProject } from '../../src/render/render-project.js';
import { resourcePrefixOf, stackIdOf } from '../../src/render/template-data.js';
import { RUNTIME_DETAILS } from '../../src/render/versions.js';
import { LAMBDA_RUNTIMES } from '../../src/schema/answers.js';
import { parseAnswers } from '../../src/schema/parse.js';
import { EXAMPLE_INPUT } from '../helpers/answers.js';
import { allTemplates } from '../helpers/templates.js';

const render = (input: Record<string, unknown> = {}) => renderProject(parseAnswers({ ...EXAMPLE_INPUT, ...input }));
const fileOf = (files: ReturnType<typeof render>, path: string) => files.find((file) => file.path === path)!.contents;

describe('templates', () => {
  it('pass every value through an escaping helper: no <%= %>, and <%- %> only around a helper call', () => {
    for (const template of allTemplates()) {
      expect(template.text, template.path).not.toMatch(/<%=/);
      for (const [tag] of template.text.matchAll(/<%-[^%]*%>/g)) {
        expect(tag, template.path).toMatch(/^<%- (ts|tsLine|json|yaml|hcl|code|codes|text|sh|id|partial)\(/);
      }
    }
  });

  it('keep the infrastructure-test helpers free of template tags: the contract tests import them as they are', () => {
    const helpers = [
      'base/dev/route-entry.ts',
      'cdk/test/infra/cdk-template.ts',
      'terraform/test/infra/terraform-configuration.ts',
      'sam/test/infra/sam-template.ts',
    ];
    for (const helper of helpers) {
      const template = allTemplates().find((candidate) => candidate.path === helper);
      expect(template?.text, helper).not.toMatch(/<%/);
    }
  });

  it('are EJS exactly when they end in .ejs: any other file holds no template tag and is copied verbatim', () => {
    for (const template of allTemplates()) {
      if (template.path.endsWith('.ejs')) expect(template.text, template.path).toMatch(/<%/);
      else expect(template.text, template.path).not.toMatch(/<%/);
    }
  });

  it('never use httpStatus, never echo the event', () => {
    for (const template of allTemplates()) {
      expect(template.text, template.path).not.toMatch(/httpStatus/);
      expect(template.text, template.path).not.toMatch(/JSON\.stringify\(\s*event|body:\s*event/);
    }
  });
});

describe('renderProject', () => {
  it('renders the same files for the same answers (pure)', () => {
    expect(render()).toEqual(render());
  });

  it('marks the example route and its test as samples; everything else, CORS code included, as managed', () => {
    const ownership = Object.fromEntries(render().map((file) => [file.path, file.ownership]));
    expect(
      Object.keys(ownership)
        .filter((file) => ownership[file] === 'sample')
        .sort(),
    ).toEqual(['src/handlers/me.ts', 'test/handlers/me.test.ts']);
    expect(ownership['src/handlers/preflight.ts']).toBe('managed');
    expect(ownership['src/lib/cors.ts']).toBe('managed');
    expect(ownership['src/api.ts']).toBe('managed');
    expect(ownership['infra/api-stack.ts']).toBe('managed');
    expect(ownership['package.json']).toBe('managed');
  });

  it('stores .gitignore under a name npm publishes, and writes it as .gitignore', () => {
    const paths = render().map((file) => file.path);
    expect(paths).toContain('.gitignore');
    expect(paths).not.toContain('_gitignore');
    expect(paths.some((path) => path.includes('partials/'))).toBe(false);
  });

  it.each(['cdk', 'terraform', 'sam'] as const)(
    'cites no numbered reference in any %s file: comments give the reason and the documentation link',
    (iac) => {
      for (const projen of [false, true]) {
        for (const file of renderProject(parseAnswers({ ...EXAMPLE_INPUT, iac, scopes: 'orders-api/read' }), {
          projen,
        })) {
          expect(file.contents, file.path).not.toMatch(/ref #/i);
        }
      }
    },
  );

  it.each(['cdk', 'terraform', 'sam'] as const)(
    'writes every %s TypeScript string single-quoted, unless it holds a single quote',
    (iac) => {
      for (const file of render({ iac, scopes: 'orders-api/read' }).filter((candidate) =>
        candidate.path.endsWith('.ts'),
      )) {
        const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (ts.isStringLiteral(node) && !node.getText().startsWith("'"))
            expect(node.text, `${file.path}: ${node.getText()}`).toContain("'");
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    },
  );

  it.each([
    ['cdk', ['cdk.out/'], ['.terraform/', '.aws-sam/']],
    ['terraform', ['.terraform/', '*.tfstate', '.build/'], ['cdk.out/', '.aws-sam/']],
    ['sam', ['.aws-sam/'], ['cdk.out/', '.terraform/']],
  ] as const)('ignores in git the shared outputs and those of %s only', (iac, own, others) => {
    const lines = fileOf(render({ iac }), '.gitignore').split('\n');
    expect(lines).toEqual(expect.arrayContaining(['node_modules/', 'dist/', 'coverage/', '.env', ...own]));
    for (const line of others) expect(lines).not.toContain(line);
  });

  it.each(LAMBDA_RUNTIMES)(
    'maps %s to its own CDK Runtime constant, never through Runtime.ALL (which finds NODEJS_LATEST)',
    (runtime) => {
      const stack = fileOf(render({ iac: 'cdk', runtime }), 'infra/api-stack.ts');
      const constant = `NODEJS_${RUNTIME_DETAILS[runtime].node}_X`;
      expect(stack).toContain(`'${runtime}': Runtime.${constant},`);
      expect(stack).not.toMatch(/Runtime\.ALL\./);
      expect(fileOf(render({ iac: 'cdk', runtime }), 'src/api.ts')).toContain(`export const runtime = '${runtime}';`);
    },
  );

  it('allows no "*" origin and no credentials by default (ref #14)', () => {
    const api = fileOf(render(), 'src/api.ts');
    expect(api).toContain("allowOrigins: ['https://app.example.com']");
    expect(api).toContain("allowOrigins: ['http://localhost:5173']");
    expect(api).not.toContain("'*'");
    expect(api).toContain('allowCredentials: false');
  });

  it('writes awkward but valid values as literals that TypeScript parses unchanged', () => {
    const scope = 'https://api.example.com/${process.exit(1)}`"';
    const files = render({
      scopes: `${scope.replace(/[`"]/g, '')}`,
      clientId: 'a+b_c',
      devOrigins: 'http://[::1]:8080',
    });
    const api = fileOf(files, 'src/api.ts');
    const source = ts.createSourceFile('api.ts', api, ts.ScriptTarget.Latest, true);
    expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(api).toContain("scopes: ['https://api.example.com/${process.exit(1)}']");
    expect(api).toContain("allowOrigins: ['http://[::1]:8080']");
  });

  it('renders the scopes into the API definition when given', () => {
    expect(fileOf(render({ scopes: 'orders-api/read' }), 'src/api.ts')).toContain("scopes: ['orders-api/read']");
  });

  it.each(LAMBDA_RUNTIMES)(
    'states the first SAM CLI that builds %s, in the README and in samconfig.toml',
    (runtime) => {
      const files = render({ iac: 'sam', runtime });
      const minimum = RUNTIME_DETAILS[runtime].samCli;
      expect(fileOf(files, 'README.md')).toContain(
        `Needs the AWS SAM CLI ${minimum} or later, the first to build \`${runtime}\``,
      );
      expect(fileOf(files, 'samconfig.toml').split('\n')[0]).toBe(
        `# Needs the AWS SAM CLI ${minimum} or later, the first to build ${runtime} (\`sam --version\`).`,
      );
    },
  );

  it('writes the answers-derived versions into package.json', () => {
    const pkg = JSON.parse(fileOf(render({ runtime: 'nodejs22.x' }), 'package.json'));
    expect(pkg.name).toBe('my-service');
    expect(pkg.devDependencies['@types/node']).toBe('^22.0.0');
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining(['build', 'test', 'synth', 'deploy:dev', 'deploy:prod']),
    );
  });
});

describe('package.json scripts', () => {
  const scriptsOf = (iac: 'cdk' | 'terraform' | 'sam') =>
    JSON.parse(fileOf(render({ iac }), 'package.json')).scripts as Record<string, string>;

  it.each(['cdk', 'terraform', 'sam'] as const)(
    'give a %s project deploy:<env> and destroy:<env> for dev and prod, and no deploy for both',
    (iac) => {
      const scripts = scriptsOf(iac);
      expect(scripts).toMatchObject({
        'deploy:dev': expect.any(String),
        'deploy:prod': expect.any(String),
        'destroy:dev': expect.any(String),
        'destroy:prod': expect.any(String),
      });
      expect(scripts.deploy).toBeUndefined();
      expect(scripts.destroy).toBeUndefined();
    },
  );

  it('end each environment script with the tool command, so that arguments after -- reach it', () => {
    expect(scriptsOf('cdk')).toMatchObject({
      'deploy:prod': 'cdk deploy my-service-prod',
      'destroy:dev': 'cdk destroy my-service-dev',
    });
    expect(scriptsOf('terraform')['deploy:prod']).toMatch(
      / && terraform -chdir=infra workspace select -or-create prod && terraform -chdir=infra apply -var-file=environments\/prod\.tfvars$/,
    );
    expect(scriptsOf('sam')['deploy:dev']).toBe('sam build --config-env dev && sam deploy --config-env dev');
  });

  it('destroy a Terraform environment as deploy applies it: after the build, in its workspace, with its variables', () => {
    const scripts = scriptsOf('terraform');
    for (const environment of ['dev', 'prod']) {
      expect(scripts[`destroy:${environment}`]).toBe(
        scripts[`deploy:${environment}`]!.replace(/ apply -var-file=/, ' destroy -var-file='),
      );
    }
  });

  it('delete a SAM stack by the name and region that its samconfig.toml section gives sam deploy', () => {
    expect(scriptsOf('sam')['destroy:prod']).toBe('sam delete --config-env prod');
    expect(fileOf(render({ iac: 'sam' }), 'samconfig.toml')).toMatch(
      /\[prod\.global\.parameters\]\nstack_name = "my-service-prod"\nregion = "eu-west-1"\n/,
    );
  });
});

describe('the generated README', () => {
  it.each(['cdk', 'terraform', 'sam'] as const)(
    'takes a %s user from deploy to tear-down: API URL, browser calls, updates, destroy',
    (iac) => {
      const readme = fileOf(render({ iac }), 'README.md');
      for (const heading of [
        '### Find the API URL',
        '## From the browser',
        '## Keeping up with the template',
        '## Tear down',
      ]) {
        expect(readme, heading).toContain(`\n${heading}\n`);
      }
      expect(readme).toContain('npm run destroy:dev');
      expect(readme).toContain('npm run deploy:prod');
      expect(readme).toContain('npx create-cognito-jwt-api@latest update');
      expect(readme).toContain('tokens?.accessToken.toString()');
      expect(readme).toContain('user?.access_token');
    },
  );
});

describe('the generated SAM README', () => {
  it('names only stacks that samconfig.toml deploys, and the roles stack', () => {
    const files = render({
      iac: 'sam',
      githubRepository: 'acme/orders-api',
      domain: 'api.example.com',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
    const deployed = [...fileOf(files, 'samconfig.toml').matchAll(/^stack_name = "([^"]+)"$/gm)].map((m) => m[1]);
    expect(deployed).toEqual(['my-service-dev', 'my-service-prod']);
    const named = [...fileOf(files, 'README.md').matchAll(/--stack-name (\S+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(3);
    expect(new Set(named)).toEqual(new Set([...deployed, 'my-service-github-deploy']));
  });
});

describe('describeApi', () => {
  it('has unauthenticated preflight routes and JWT routes with the scopes (ref #8, #9)', () => {
    const model = describeApi(parseAnswers({ ...EXAMPLE_INPUT, scopes: 'orders-api/read' }));
    expect(model.routes).toEqual([
      { method: 'OPTIONS', path: '/{proxy+}', authorization: 'NONE', scopes: [], handler: 'preflight' },
      { method: 'OPTIONS', path: '/', authorization: 'NONE', scopes: [], handler: 'preflight' },
      { method: 'GET', path: '/me', authorization: 'JWT', scopes: ['orders-api/read'], handler: 'me' },
    ]);
    expect(model.authorizer).toEqual({
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
      audience: ['1example23456789abcdefghij'],
      identitySource: '$request.header.Authorization',
    });
    expect(model.cors).toMatchObject({
      methods: ['GET', 'OPTIONS'],
      headers: ['authorization', 'content-type'],
      maxAge: 7200,
      credentials: false,
    });
  });
});

describe('stackIdOf', () => {
  it.each([
    ['my-service', 'MyService'],
    ['@acme/orders-api', 'OrdersApi'],
    ['9lives', 'Api9lives'],
    ['a.b_c', 'ABC'],
  ])('turns %s into the CloudFormation id %s', (name, id) => expect(stackIdOf(name)).toBe(id));

  it('keeps within the 128 characters of a stack name', () =>
    expect(stackIdOf(`a-${'b'.repeat(200)}`)).toHaveLength(128));
});

describe('resourcePrefixOf', () => {
  it.each([
    ['@acme/orders.api', 'orders-api'],
    ['9lives', 'api-9lives'],
    [`${'a'.repeat(31)}-b`, 'a'.repeat(31)],
    ['x'.repeat(60), 'x'.repeat(32)],
  ])('turns %s into %s, at most 32 characters (with "-prod", IAM name_prefix 38 with the dash)', (name, prefix) => {
    expect(resourcePrefixOf(name)).toBe(prefix);
    expect(resourcePrefixOf(name)).toMatch(/^[a-zA-Z][a-zA-Z0-9-]{0,31}$/);
  });
});
