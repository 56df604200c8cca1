/**
 * Figure 5: the generated CDK project's `npm install && npm test`, time and node_modules size,
 * beside the CDK CLI's own starter (`cdk init app --language typescript`) and its test, in the
 * same run: each scaffolded, installed once to warm the cache, then measured on a fresh copy.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ANSWER_FLAGS, mb, ratio, ROOT, scratch, sizeOf, timed } from './shared.js';

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

export function benchCdkProject(): string {
  const ours = (dir: string) =>
    timed(process.execPath, [path.join(ROOT, 'dist/cli.cjs'), dir, ...ANSWER_FLAGS, '--yes', '--skip-install'], { cwd: path.dirname(dir) });
  const cdkInit = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    timed('npx', ['-y', 'aws-cdk@2', 'init', 'app', '--language', 'typescript', '--generate-only'], { cwd: dir, env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' } });
  };
  measure(ours);
  measure(cdkInit);
  const a = measure(ours);
  const b = measure(cdkInit);
  const total = (m: Measure) => m.install + m.test;
  console.log('== 5. Generated CDK project: npm install && npm test (warm cache, one measured run each)');
  console.log(`   create-cognito-jwt-api (cdk)     install ${(a.install / 1000).toFixed(1)} s, test ${(a.test / 1000).toFixed(1)} s, node_modules ${mb(a.bytes)}`);
  console.log(`   cdk init app --language ts       install ${(b.install / 1000).toFixed(1)} s, test ${(b.test / 1000).toFixed(1)} s, node_modules ${mb(b.bytes)}`);
  console.log(`   ratio: time ${ratio(total(a), total(b))}, size ${ratio(a.bytes, b.bytes)} (target <= 1.2x)\n`);
  return `CDK project: ${(total(a) / 1000).toFixed(1)} s and ${mb(a.bytes)} vs cdk init ${(total(b) / 1000).toFixed(1)} s and ${mb(b.bytes)}: ${ratio(total(a), total(b))} time, ${ratio(a.bytes, b.bytes)} size`;
}
