/**
 * Figure 5: the generated CDK project's `npm install && npm test`, time and node_modules size,
 * beside the CDK CLI's own starter (`cdk init app --language typescript`) and its test, in the
 * same run: each scaffolded and installed once to warm the cache, then measured `runs` times on
 * fresh copies, alternating (medians: one run of a 20-second install varies by more than 10%).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ANSWER_FLAGS, mb, ratio, ROOT, scratch, sizeOf, timed } from './shared.js';
import { median } from './stats.js';

interface Measure {
  install: number;
  test: number;
  bytes: number;
}

function measure(scaffold: (dir: string) => void): Measure {
  const dir = path.join(scratch('cdk'), 'app');
  scaffold(dir);
  const env = { ...process.env, CI: '1' };
  const install = timed('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, env });
  const test = timed('npm', ['test'], { cwd: dir, env });
  return { install, test, bytes: sizeOf(path.join(dir, 'node_modules')) };
}

export function benchCdkProject(runs: number): string {
  const ours = (dir: string) =>
    // --no-git: the starter's --generate-only makes no repository either.
    timed(
      process.execPath,
      [path.join(ROOT, 'dist/cli.cjs'), dir, ...ANSWER_FLAGS, '--yes', '--skip-install', '--no-git'],
      { cwd: path.dirname(dir) },
    );
  const cdkInit = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    timed('npx', ['-y', 'aws-cdk@2', 'init', 'app', '--language', 'typescript', '--generate-only'], {
      cwd: dir,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    });
  };
  measure(ours);
  measure(cdkInit);
  const measured: [Measure[], Measure[]] = [[], []];
  for (let run = 0; run < runs; run++) {
    for (const index of run % 2 === 0 ? [0, 1] : [1, 0]) measured[index]!.push(measure(index === 0 ? ours : cdkInit));
  }
  const total = (m: Measure) => m.install + m.test;
  // Medians of each part, and of the totals (not the sum of the parts' medians).
  const [a, b] = measured.map((all) => ({
    install: median(all.map((m) => m.install)),
    test: median(all.map((m) => m.test)),
    bytes: median(all.map((m) => m.bytes)),
    total: median(all.map(total)),
  })) as [Measure & { total: number }, Measure & { total: number }];
  console.log(`== 5. Generated CDK project: npm install && npm test (warm cache, medians of ${runs} alternating runs)`);
  console.log(
    `   create-cognito-jwt-api (cdk)     install ${(a.install / 1000).toFixed(1)} s, test ` +
      `${(a.test / 1000).toFixed(1)} s, total ${(a.total / 1000).toFixed(1)} s, node_modules ${mb(a.bytes)}`,
  );
  console.log(
    `   cdk init app --language ts       install ${(b.install / 1000).toFixed(1)} s, test ` +
      `${(b.test / 1000).toFixed(1)} s, total ${(b.total / 1000).toFixed(1)} s, node_modules ${mb(b.bytes)}`,
  );
  console.log(`   ratio: time ${ratio(a.total, b.total)}, size ${ratio(a.bytes, b.bytes)} (target <= 1.2x)\n`);
  return (
    `CDK project: ${(a.total / 1000).toFixed(1)} s and ${mb(a.bytes)} vs cdk init ` +
    `${(b.total / 1000).toFixed(1)} s and ${mb(b.bytes)}: ${ratio(a.total, b.total)} time, ` +
    `${ratio(a.bytes, b.bytes)} size`
  );
}
