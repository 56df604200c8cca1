/**
 * The published bundle (built by the test setup, as `npm run build` builds it): the same output
 * as the sources, and nothing to install but itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InvalidAnswersError } from '../src/errors.js';
import { renderProject } from '../src/render/render-project.js';
import { templateData, TEMPLATE_LOCALS } from '../src/render/template-data.js';
import { parseAnswers } from '../src/schema/parse.js';
import { EXAMPLE_FLAGS, EXAMPLE_INPUT } from './helpers/answers.js';
import { tempDir } from './helpers/temp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');

/** This package as `npm pack` makes it, unpacked into `work`/package. */
function unpackedPackage(work: string): void {
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', path.join(work, packed.split('\n').pop()!), '-C', work]);
}

describe('the bundle', () => {
  it('renders, from its precompiled templates, exactly what the sources render, for every flavour', async () => {
    const bundle = (await import(path.join(DIST, 'index.js'))) as typeof import('../src/index.js');
    for (const iac of ['cdk', 'terraform', 'sam'] as const) {
      const input = { ...EXAMPLE_INPUT, iac, scopes: 'orders-api/read' };
      expect(bundle.renderProject(bundle.parseAnswers(input)), iac).toEqual(renderProject(parseAnswers(input)));
    }
  });

  it("keeps the error classes' names, which library users and Backstage logs show", async () => {
    const bundle = (await import(path.join(DIST, 'index.js'))) as typeof import('../src/index.js');
    const thrown = (() => {
      try {
        bundle.parseAnswers({ ...EXAMPLE_INPUT, userPoolId: 'nope' });
      } catch (error) {
        return error as InvalidAnswersError;
      }
    })();
    expect(thrown?.name).toBe('InvalidAnswersError');
    expect(thrown?.errors.map((error) => error.name)).toEqual(['UserPoolIdError']);
  });

  it('runs from its packed tarball alone: no dependency needed for any command', () => {
    // Unpacked outside this repository, so that nothing can come from its node_modules.
    const work = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-packed-'));
    try {
      unpackedPackage(work);
      const cli = path.join(work, 'package', 'dist', 'cli.cjs');
      const run = (args: string[], env: Record<string, string> = {}) =>
        spawnSync(process.execPath, [cli, ...args], {
          cwd: work,
          encoding: 'utf8',
          env: { ...process.env, CI: '1', ...env },
        });
      expect(run(['svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install']).status).toBe(0);
      expect(run(['update', 'svc', '--check']).status).toBe(0);
      // Without WebAssembly (--jitless), the record's hashes come out the same.
      const jitless = spawnSync(
        process.execPath,
        ['--jitless', cli, 'svc-jitless', ...EXAMPLE_FLAGS, '--yes', '--skip-install'],
        { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1', NODE_DISABLE_COMPILE_CACHE: '1' } },
      );
      expect(jitless.status, jitless.stderr).toBe(0); // V8 warns that it turns WebAssembly off
      const recordOf = (dir: string) =>
        JSON.parse(readFileSync(path.join(work, dir, '.yo-rc.json'), 'utf8'))['create-cognito-jwt-api'].files[
          'src/lib/cors.ts'
        ];
      expect(recordOf('svc-jitless')).toEqual(recordOf('svc'));
      expect(recordOf('svc').hash).toMatch(/^fnv1a64-[0-9a-f]{16}$/);
      // --verify loads the bundled AWS SDK: without credentials it explains where they come from.
      const verify = run(['svc2', ...EXAMPLE_FLAGS, '--yes', '--skip-install', '--verify'], {
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_PROFILE: '',
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
      });
      expect(verify.stderr).toMatch(/^No AWS credentials found for --verify/m);
      const library = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { renderProject, parseAnswers } from ` +
            `${JSON.stringify(path.join(work, 'package', 'dist', 'index.js'))}; ` +
            `console.log(renderProject(parseAnswers(${JSON.stringify(EXAMPLE_INPUT)})).length)`,
        ],
        { cwd: work, encoding: 'utf8' },
      );
      expect(library.stderr).toBe('');
      expect(Number(library.stdout)).toBeGreaterThan(20);
      // The update entry, as the Backstage action loads it: it reads src/api.ts with the command
      // line's TypeScript parser, which the main entry does not carry.
      const updating = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { computeUpdate } from ${JSON.stringify(path.join(work, 'package', 'dist', 'update.js'))}; ` +
            `const { plan, writes } = computeUpdate(${JSON.stringify(path.join(work, 'svc'))}, {}); ` +
            `console.log(plan.length, writes.size)`,
        ],
        { cwd: work, encoding: 'utf8' },
      );
      expect(updating.stderr).toBe('');
      const [planned, writes] = updating.stdout.trim().split(' ').map(Number);
      expect(planned).toBeGreaterThan(20);
      expect(writes).toBe(0); // generated by the same version: current
      // Every file the main entry loads, following its static imports.
      const mainEntry = [path.join(work, 'package', 'dist', 'index.js')];
      for (const file of mainEntry) {
        for (const [, imported] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+)"/g)) {
          const next = path.resolve(path.dirname(file), imported!);
          if (!mainEntry.includes(next)) mainEntry.push(next);
        }
      }
      expect(mainEntry.length).toBeGreaterThan(1);
      for (const file of mainEntry) expect(readFileSync(file, 'utf8'), file).not.toContain('typescript-parser.cjs');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it(
    'keeps a code cache beside its script: made by a first run, used by the next, replaced when damaged, never ' +
      'published',
    () => {
      const work = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-cache-'));
      const stale = path.join(DIST, 'cli', 'left-by-a-run.cache');
      try {
        writeFileSync(stale, 'a cache made in this checkout');
        unpackedPackage(work);
        const cliDir = path.join(work, 'package', 'dist', 'cli');
        const caches = () => readdirSync(cliDir).filter((file) => file.endsWith('.cache') || file.endsWith('.tmp'));
        let project = 0;
        const run = (env: Record<string, string> = {}) => {
          const result = spawnSync(
            process.execPath,
            [
              path.join(work, 'package', 'dist', 'cli.cjs'),
              `svc${++project}`,
              ...EXAMPLE_FLAGS,
              '--yes',
              '--skip-install',
            ],
            { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } },
          );
          expect(result.stderr).toBe('');
          expect(result.status).toBe(0);
        };
        expect(caches()).toEqual([]);

        run({ NODE_DISABLE_COMPILE_CACHE: '1' });
        expect(caches()).toEqual([]);

        run();
        const [cache] = caches();
        expect(cache).toMatch(
          new RegExp(
            `^main-\\w+\\.cjs\\.\\d+-\\d+\\.${process.arch}-v8-${process.versions.v8.replace(/[.+-]/g, '\\$&')}\\.cache$`,
          ),
        );
        const file = path.join(cliDir, cache!);
        const made = statSync(file);
        run();
        // Used, not made again: V8 accepted it.
        expect(statSync(file).mtimeMs).toBe(made.mtimeMs);

        writeFileSync(file, 'not a code cache');
        run();
        const remade = statSync(file);
        expect(remade.size).toBeGreaterThan(100_000);
        run();
        expect(statSync(file).mtimeMs).toBe(remade.mtimeMs);

        // Where the cache cannot be written (a folder in its place), runs go without one and leave nothing behind.
        rmSync(file);
        mkdirSync(path.join(file, 'in-the-way'), { recursive: true });
        run();
        expect(caches()).toEqual([cache]);
        expect(readdirSync(file)).toEqual(['in-the-way']);

        // The script edited in place: its size and time name its cache, so the old one is not read.
        appendFileSync(path.join(cliDir, cache!.replace(/\.cjs\..*$/, '.cjs')), '\n// edited\n');
        run();
        expect(caches()).toHaveLength(2);
      } finally {
        rmSync(stale, { force: true });
        rmSync(work, { recursive: true, force: true });
      }
    },
  );

  it(
    "keeps, in update, the TypeScript and YAML parsers in Node's own compile cache beside the script " +
      '(Node 22 and later), never in the shared temporary folder, never published, and none with NODE_DISABLE_COMPILE_CACHE',
    () => {
      const work = tempDir('compile-cache');
      unpackedPackage(work);
      const cache = path.join(work, 'package', 'dist', 'cli', 'compile-cache');
      const temporary = path.join(work, 'tmp');
      mkdirSync(temporary);
      const cli = (args: string[], env: Record<string, string> = {}) =>
        spawnSync(process.execPath, [path.join(work, 'package', 'dist', 'cli.cjs'), ...args], {
          cwd: work,
          encoding: 'utf8',
          env: { ...process.env, CI: '1', TMPDIR: temporary, ...env },
        });
      expect(cli(['svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install', '--no-git']).status).toBe(0);
      const check = (env: Record<string, string> = {}) => {
        const run = cli(['update', 'svc', '--check'], env);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
      };
      check({ NODE_DISABLE_COMPILE_CACHE: '1' });
      expect(existsSync(cache)).toBe(false);
      check();
      const supported = Number(process.versions.node.split('.')[0]) >= 22;
      expect(existsSync(cache) && readdirSync(cache, { recursive: true }).length > 0).toBe(supported);
      expect(readdirSync(temporary)).not.toContain('node-compile-cache');
      // The package as it would be published from that folder leaves the cache out.
      const packed = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: path.join(work, 'package'),
        encoding: 'utf8',
      });
      const files = (JSON.parse(packed) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
      expect(files).toContain('dist/cli.cjs');
      expect(files.filter((file) => file.includes('compile-cache'))).toEqual([]);
    },
  );

  it("keeps the command line's script in ASCII, which Node reads into a string of one byte per character", () => {
    // One character beyond ASCII makes the whole script a string of two bytes per character: it
    // then took about 1.5 ms more to read on every run (docs/performance.md).
    const cliDir = path.join(DIST, 'cli');
    const script = readdirSync(cliDir).find((file) => /^main-\w+\.cjs$/.test(file))!;
    const bytes = readFileSync(path.join(cliDir, script));
    const beyond = [...new Set(bytes.filter((byte) => byte > 0x7f))].map((byte) => byte.toString(16));
    expect(beyond).toEqual([]);
  });

  it(
    'loads, in a non-interactive run, only the Node built-ins a script writing one file and one line to its ' +
      'output loads, and those the run needs: no node:crypto, and none of the streams',
    () => {
      const work = tempDir('builtins');
      // Prints, at exit, the built-ins the process loaded.
      const probe = path.join(work, 'probe.cjs');
      writeFileSync(
        probe,
        "process.on('exit', () => require('fs').writeSync(2, '\\n' + JSON.stringify(process.moduleLoadList)));\n",
      );
      const loaded = (args: string[]) => {
        const run = spawnSync(process.execPath, ['-r', probe, ...args], {
          cwd: work,
          encoding: 'utf8',
          env: { ...process.env, CI: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        return new Set(
          (JSON.parse(run.stderr.trim().split('\n').pop()!) as string[]).filter((name) =>
            name.startsWith('NativeModule '),
          ),
        );
      };
      const baseline = path.join(work, 'baseline.mjs');
      writeFileSync(
        baseline,
        "const fs = process.getBuiltinModule('node:fs');\nfs.writeFileSync('file.txt', 'x');\nfs.writeSync(1, 'written\\n');\n",
      );
      const script = loaded([baseline]);
      // Without the install and the repository, which start other programs.
      const cli = loaded([path.join(DIST, 'cli.cjs'), 'svc', ...EXAMPLE_FLAGS, '--yes', '--skip-install', '--no-git']);
      // What the CLI needs beyond the script: node:vm and node:module, to run the command line's
      // script with its code cache.
      const needed = /^NativeModule (vm|module|internal\/source_map\/source_map)$/;
      const extra = [...cli].filter((name) => !script.has(name) && !needed.test(name));
      // Not node:crypto (the record's hashes), fs/promises or readline (an ES module import of
      // node:fs), stdin's stream, or stdout's (a pipe's loads Node's socket code).
      expect(extra).toEqual([]);
    },
  );

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
