/**
 * Figure 3: the pure renderer, in-process: a full project for each flavour, cold (first render in
 * a fresh process, through the published bundle and its precompiled templates) and warm (median
 * of many), beside the reference of reading the same template files verbatim (what a copying
 * scaffolder does).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderProject } from '../src/render/render-project.js';
import { parseAnswers } from '../src/schema/parse.js';
import { BENCH_INPUT, ratio, ROOT } from './shared.js';
import { median } from './stats.js';

function copyReference(): number {
  const started = process.hrtime.bigint();
  const root = path.join(ROOT, 'templates');
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function benchRender(samples: number): string {
  const script = `
    const { parseAnswers, renderProject } = await import(${JSON.stringify(path.join(ROOT, 'dist/index.js'))});
    const answers = parseAnswers(${JSON.stringify(BENCH_INPUT)});
    const started = process.hrtime.bigint();
    renderProject(answers);
    console.log(Number(process.hrtime.bigint() - started) / 1e6);`;
  const cold = Array.from({ length: 5 }, () =>
    Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout),
  );
  const warm: number[] = [];
  for (const iac of ['cdk', 'terraform', 'sam'] as const) {
    const answers = parseAnswers({ ...BENCH_INPUT, iac });
    renderProject(answers);
    for (let i = 0; i < samples; i++) {
      const started = process.hrtime.bigint();
      renderProject({ ...answers, name: `bench-${i}` });
      warm.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const copy = median(Array.from({ length: 5 }, copyReference));
  console.log('== 3. Pure render of a full project, in-process');
  console.log(
    `   cold (fresh process, the published bundle), median of 5          ${median(cold).toFixed(2).padStart(7)} ms`,
  );
  console.log(
    `   warm, median of ${samples * 3} (all flavours)                        ${median(warm).toFixed(2).padStart(7)} ms`,
  );
  console.log(`   reference: reading every template file verbatim                 ${copy.toFixed(2).padStart(7)} ms`);
  console.log(`   cold / reference: ${ratio(median(cold), copy)} (target: render <= 30 ms)\n`);
  return (
    `render: cold ${median(cold).toFixed(1)} ms, warm ${median(warm).toFixed(2)} ms (copy reference ` +
    `${copy.toFixed(1)} ms)`
  );
}
