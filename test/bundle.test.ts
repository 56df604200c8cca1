/**
 * The published bundle (built by the test setup, as `npm run build` builds it): the same output
 * as the sources, and nothing to install but itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderProject } from '../src/render/render-project.js';
import { templateData, TEMPLATE_LOCALS } from '../src/render/template-data.js';
import { parseAnswers } from '../src/schema/parse.js';
import { EXAMPLE_FLAGS, EXAMPLE_INPUT } from './helpers/answers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');

describe('the bundle', () => {
  it('renders, from its precompiled templates, exactly what the sources render, for every flavour', async () => {
    const bundle = (await import(path.join(DIST, 'index.js'))) as typeof import('../src/index.js');
    for (const iac of ['cdk', 'terraform', 'sam'] as const) {
      const input = { ...EXAMPLE_INPUT, iac, scopes: 'orders-api/read' };
      expect(bundle.renderProject(bundle.parseAnswers(input)), iac).toEqual(renderProject(parseAnswers(input)));
    }
  });

  it('runs from its packed tarball alone: no dependency needed for any command', () => {
    // Unpacked outside this repository, so that nothing can come from its node_modules.
    const work = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-packed-'));
    try {
      const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim();
      execFileSync('tar', ['xzf', path.join(work, packed.split('\n').pop()!), '-C', work]);
      const cli = path.join(work, 'package', 'dist', 'cli.js');
      const run = (args: string[], env: Record<string, string> = {}) =>
        spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } });
      expect(run(['svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install']).status).toBe(0);
      expect(run(['update', 'svc', '--check']).status).toBe(0);
      // --verify loads the bundled AWS SDK: without credentials it explains where they come from.
      const verify = run(['svc2', ...EXAMPLE_FLAGS, '--yes', '--skip-install', '--verify'], {
        AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true',
      });
      expect(verify.stderr).toMatch(/^No AWS credentials found for --verify/m);
      const library = spawnSync(process.execPath, ['--input-type=module', '-e', `import { renderProject, parseAnswers } from ${JSON.stringify(path.join(work, 'package', 'dist', 'index.js'))}; console.log(renderProject(parseAnswers(${JSON.stringify(EXAMPLE_INPUT)})).length)`], { cwd: work, encoding: 'utf8' });
      expect(library.stderr).toBe('');
      expect(Number(library.stdout)).toBeGreaterThan(20);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('loads, in a non-interactive run, only the Node built-ins a script writing one file loads and those the run needs', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-builtins-'));
    try {
      // Prints, at exit, the built-ins the process loaded.
      const probe = path.join(work, 'probe.cjs');
      writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, '\\n' + JSON.stringify(process.moduleLoadList)));\n");
      const loaded = (args: string[]) => {
        const run = spawnSync(process.execPath, ['-r', probe, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
        return new Set((JSON.parse(run.stderr.trim().split('\n').pop()!) as string[]).filter((name) => name.startsWith('NativeModule ')));
      };
      const baseline = path.join(work, 'baseline.mjs');
      writeFileSync(baseline, "process.getBuiltinModule('node:fs').writeFileSync('file.txt', 'x');\nconsole.log('written');\n");
      const script = loaded([baseline]);
      const cli = loaded([path.join(DIST, 'cli.js'), 'svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install']);
      // What the CLI needs beyond the script: node:crypto (and the streams it uses) for the record's
      // hashes, node:module and node:os for the compile cache (in the temporary folder), import.meta,
      // and a recursive rm of the staging folder.
      const needed = /^NativeModule (crypto|internal\/crypto\/(?!webcrypto)|internal\/streams\/|stream|string_decoder|module|os|internal\/source_map\/|internal\/modules\/esm\/initialize_import_meta|internal\/fs\/rimraf)/;
      const extra = [...cli].filter((name) => !script.has(name) && !needed.test(name));
      // Not fs/promises or readline (an ES module import of node:fs), Web Crypto (of node:crypto), or stdin's stream.
      expect(extra).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('is published with no dependencies to install or look up', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    // npm fetches the metadata of optional peers too, on every `npm create`.
    expect(pkg.peerDependencies).toBeUndefined();
    expect(pkg.optionalDependencies).toBeUndefined();
  });
});

describe('template names', () => {
  it('are every field of the template data, and partial()', () => {
    const answers = parseAnswers(EXAMPLE_INPUT);
    expect([...TEMPLATE_LOCALS].sort()).toEqual([...Object.keys(templateData(answers)), 'partial'].sort());
  });
});
