/**
 * `npm run bench`: every figure, each beside its reference measured in the same run.
 * BENCH_RUNS (default 361) sets the alternating runs of figure 1 (a third of them for each of its
 * two parts, npm's own and the CLIs'), BENCH_NODES (default 20,24)
 * the Node majors it runs on, BENCH_CDK_RUNS (default 3) the measured runs of figure 5 for each
 * project, BENCH_REQUESTS (default 2000)
 * the dev-server requests, BENCH_UPDATE_RUNS (default 21) the runs of figure 6, BENCH_SKIP a
 * comma-separated list of parts to leave out (create, footprint, render, lambdas, cdk, dev, update).
 *
 * `npm run bench -- --tricks` measures instead what each speed trick of the command line is worth
 * in figure 1 (tricks.ts): at most BENCH_RUNS (default 241) rounds of `npm create`, the package and
 * each variant in every round, and a third of that of the CLIs alone, on the BENCH_NODES, within
 * BENCH_MINUTES (default 25) in all.
 */
import { tmpdir } from 'node:os';
import { benchCdkProject } from './cdk-project.js';
import { benchCreateTime } from './create-time.js';
import { benchDevLatency } from './dev-latency.js';
import { benchFootprint } from './footprint.js';
import { benchLambdas } from './lambdas.js';
import { benchRender } from './render.js';
import { removeScratch } from './shared.js';
import { benchUpdate } from './update.js';
import { benchTricks } from './tricks.js';

/** A count from the environment: a positive integer, else the fallback when unset. */
function count(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(`${name}=${value}: expected a positive whole number, e.g. ${name}=${fallback}`);
  return Number(value);
}

const tricks = process.argv.includes('--tricks');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--tricks');
if (unknown.length > 0) throw new Error(`${unknown.join(' ')}: unknown option. Expected none, or --tricks.`);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
// Figure 1's two packages differ by 2 or 3% on this kind of machine, where one `npm create`
// varies by about 10%: 121 pairs leave a 95% interval of about ±3% on the ratio, 361 about ±2%.
// --tricks: four subjects a round (the package and three variants); 241 rounds take about 17
// minutes on Node 20 and 24 together on a quiet machine, BENCH_MINUTES bounds them on a busy one.
const runs = count('BENCH_RUNS', tricks ? 241 : 361);
const partRuns = Math.ceil(runs / 3);
const cdkRuns = count('BENCH_CDK_RUNS', 3);
const requests = count('BENCH_REQUESTS', 2000);
const updateRuns = count('BENCH_UPDATE_RUNS', 21);
const minutes = count('BENCH_MINUTES', 25);
const nodes = process.env.BENCH_NODES || '20,24';
if (!/^\d+(,\d+)*$/.test(nodes))
  throw new Error(`BENCH_NODES=${nodes}: expected Node major versions separated by commas, e.g. BENCH_NODES=20,24`);
const majors = nodes.split(',').map(Number);
const summary: string[] = [];
console.log(`create-cognito-jwt-api benchmark, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
// The scratch folders go when the run ends, or is stopped (shared.ts says why not sooner).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    try {
      removeScratch();
    } catch (error) {
      console.error(
        `The scratch folders could not all be removed (${(error as Error).message}); they are under ${tmpdir()}, ` +
          `named cognito-jwt-api-bench-*.`,
      );
    }
    process.exit(code);
  });
}
try {
  if (tricks) {
    summary.push(...(await benchTricks(runs, partRuns, majors, minutes)));
  } else {
    if (!skip.has('create')) summary.push(...(await benchCreateTime(runs, partRuns, majors)));
    if (!skip.has('footprint')) summary.push(benchFootprint());
    if (!skip.has('render')) summary.push(benchRender(100));
    if (!skip.has('lambdas')) summary.push(await benchLambdas());
    if (!skip.has('dev')) summary.push(await benchDevLatency(requests));
    if (!skip.has('cdk')) summary.push(benchCdkProject(cdkRuns));
    if (!skip.has('update')) summary.push(benchUpdate(updateRuns));
  }
} finally {
  removeScratch();
}
console.log(`Summary:\n${summary.map((line) => `  ${line}`).join('\n')}`);
