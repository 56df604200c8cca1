/**
 * Wall time of a non-interactive generation (whole process, --skip-install) beside
 * `npm create vite@latest -- --template vanilla-ts --no-interactive`, measured in the same run,
 * alternating, after one warm-up of each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const BIN = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url));
const FLAGS = ['--region', 'eu-west-1', '--user-pool-id', 'eu-west-1_AbCdEfGhI', '--client-id', '1example23456789abcdefghij', '--origins', 'https://app.example.com', '--yes', '--skip-install'];

interface Subject {
  name: string;
  command: (dir: string) => [string, string[]];
}

const subjects: Subject[] = [
  { name: 'create-cognito-jwt-api (cdk)', command: (dir) => [process.execPath, [BIN, dir, ...FLAGS]] },
  {
    name: 'npm create vite@latest (vanilla-ts)',
    command: (dir) => ['npm', ['create', 'vite@latest', dir, '--', '--template', 'vanilla-ts', '--no-interactive']],
  },
];

function timeOnce(subject: Subject): number {
  const workspace = mkdtempSync(path.join(tmpdir(), 'cognito-jwt-api-bench-'));
  try {
    const [command, args] = subject.command(path.join(workspace, 'project'));
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: workspace, env: { ...process.env, npm_config_yes: 'true', CI: '1' }, encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${subject.name} failed:\n${result.stdout}\n${result.stderr}`);
    return elapsed;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

export function benchCreateTime(runs: number): void {
  console.log(`== npm create: ${runs} alternating runs after one warm-up each (medians)`);
  for (const subject of subjects) timeOnce(subject);
  const times = subjects.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    subjects.forEach((subject, index) => times[index]!.push(timeOnce(subject)));
  }
  const [ours, reference] = times.map(median) as [number, number];
  for (const [index, subject] of subjects.entries()) {
    const values = times[index]!.map((ms) => ms.toFixed(0)).join(' ');
    console.log(`${subject.name.padEnd(38)} median ${median(times[index]!).toFixed(0).padStart(6)} ms   (${values})`);
  }
  console.log(`ratio (ours / reference): ${(ours / reference).toFixed(2)}x\n`);
}
