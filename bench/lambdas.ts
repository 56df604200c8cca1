/**
 * Figure 4: the generated Lambdas, bundled the way the projects bundle them (esbuild, minified,
 * ESM): sizes, dependencies, and the preflight handler's invocation time in-process beside an
 * empty handler of the same shape.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { renderProject } from '../src/render/render-project.js';
import { parseAnswers } from '../src/schema/parse.js';
import { writeFiles } from '../src/io/write-files.js';
import { BENCH_INPUT, scratch } from './shared.js';
import { percentile } from './stats.js';

async function perCallMicroseconds(invoke: () => unknown, batches: number, perBatch: number): Promise<number[]> {
  const samples: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) await invoke();
    samples.push(Number(process.hrtime.bigint() - started) / 1e3 / perBatch);
  }
  return samples;
}

export async function benchLambdas(): Promise<string> {
  const dir = scratch('lambdas');
  const answers = parseAnswers(BENCH_INPUT);
  writeFiles(
    dir,
    renderProject(answers).map((file) => [file.path, file.contents]),
  );
  const sizes: Record<string, { bytes: number; inputs: string[] }> = {};
  for (const handler of ['preflight', 'me']) {
    const result = await build({
      entryPoints: [path.join(dir, `src/handlers/${handler}.ts`)],
      outfile: path.join(dir, `dist/${handler}/index.mjs`),
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      metafile: true,
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    sizes[handler] = { bytes: output.bytes, inputs: Object.keys(output.inputs) };
  }
  const dependencies = Object.values(sizes)
    .flatMap((size) => size.inputs)
    .filter((input) => input.includes('node_modules'));
  process.env.CORS_ALLOW_ORIGINS = 'https://app.example.com';
  const { handler } = await import(pathToFileURL(path.join(dir, 'dist/preflight/index.mjs')).href);
  const event = { headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } };
  const empty = async () => ({ statusCode: 204, headers: {} });
  await perCallMicroseconds(() => handler(event), 20, 1000);
  const ours = await perCallMicroseconds(() => handler(event), 200, 1000);
  const reference = await perCallMicroseconds(() => empty(), 200, 1000);
  console.log('== 4. Generated Lambdas (esbuild, minified, ESM)');
  console.log(`   preflight bundle ${String(sizes.preflight!.bytes).padStart(6)} bytes (target <= 2048)`);
  console.log(`   GET /me bundle   ${String(sizes.me!.bytes).padStart(6)} bytes (target <= 5120)`);
  console.log(`   dependencies bundled: ${dependencies.length === 0 ? 'none' : dependencies.join(', ')}`);
  console.log(
    `   preflight invocation p50 ${percentile(ours, 50).toFixed(2)} us, p99 ${percentile(ours, 99).toFixed(2)} ` +
      `us (target p50 <= 20 us)`,
  );
  console.log(
    `   reference: an empty async handler, p50 ${percentile(reference, 50).toFixed(2)} us; ratio ` +
      `${(percentile(ours, 50) / percentile(reference, 50)).toFixed(1)}x\n`,
  );
  return (
    `lambdas: preflight ${sizes.preflight!.bytes} B, me ${sizes.me!.bytes} B, preflight p50 ` +
    `${percentile(ours, 50).toFixed(2)} us`
  );
}
