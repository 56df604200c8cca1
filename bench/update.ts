/**
 * Figure 6: `update`, as the template-update workflow runs it on every service of a fleet, through
 * the built command line: `update --check --json` on a project of the previous template version
 * (the frozen 0.1.0 fixtures, CDK and Terraform) and on a current one, and a full `update` of a
 * fresh copy of the previous version's project in a git repository; beside Node's own start
 * (`node -e 0`), which each of them pays, and `git status` in the same project.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFiles } from '../src/io/write-files.js';
import { parseAnswers } from '../src/schema/parse.js';
import { projectFiles } from '../src/update/record.js';
import { BENCH_INPUT, ratio, ROOT, scratch } from './shared.js';
import { median } from './stats.js';

const BIN = path.join(ROOT, 'dist/cli.cjs');
const FIXTURES = path.join(ROOT, 'test/fixtures/previous');

/** Wall time of a command in ms; throws unless it exits with one of `codes`. */
function timedExit(command: string, args: readonly string[], cwd: string, codes: readonly number[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (!codes.includes(result.status ?? -1))
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

const git = (cwd: string, ...args: string[]) =>
  timedExit('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], cwd, [0]);

/** A committed git repository holding `files`. */
function repository(label: string, files: Iterable<readonly [string, string]>): string {
  const dir = scratch(label);
  writeFiles(dir, files);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'generated');
  return dir;
}

const fixture = (iac: 'cdk' | 'terraform'): Array<[string, string]> =>
  Object.entries(JSON.parse(readFileSync(path.join(FIXTURES, `${iac}.json`), 'utf8')).files as Record<string, string>);

export function benchUpdate(runs: number): string {
  const previous = { cdk: fixture('cdk'), terraform: fixture('terraform') };
  const checked = Object.fromEntries(
    Object.entries(previous).map(([iac, files]) => [iac, repository(`update-check-${iac}`, files)]),
  );
  const current = repository(
    'update-current',
    projectFiles(parseAnswers({ ...BENCH_INPUT, origins: [BENCH_INPUT.origins] })),
  );
  const check = (dir: string) => timedExit(process.execPath, [BIN, 'update', '--check', '--json', dir], dir, [0, 2]);
  // The first run makes the command line's code cache, as the first run after an install does.
  check(current);

  const start: number[] = [];
  const status: number[] = [];
  const checks: number[] = [];
  const currentChecks: number[] = [];
  const updates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const iac = run % 2 === 0 ? 'cdk' : 'terraform';
    start.push(timedExit(process.execPath, ['-e', '0'], ROOT, [0]));
    status.push(git(checked[iac]!, 'status', '--porcelain'));
    checks.push(check(checked[iac]!));
    currentChecks.push(check(current));
    const fresh = repository(`update-${iac}`, previous[iac]);
    updates.push(timedExit(process.execPath, [BIN, 'update', fresh], fresh, [0]));
  }
  const row = (label: string, values: number[]) => `   ${label.padEnd(66)}${median(values).toFixed(1).padStart(8)} ms`;
  console.log(
    `== 6. update, as the template-update workflow runs it (medians of ${runs}, CDK and Terraform alternating)`,
  );
  console.log(row('update --check --json, a project of the previous version', checks));
  console.log(row('update --check --json, a current project', currentChecks));
  console.log(row('update, a project of the previous version (files written)', updates));
  console.log(row('reference: node -e 0', start));
  console.log(row('reference: git status --porcelain in the same project', status));
  console.log(
    `   check / node start: ${ratio(median(checks), median(start))}, update / node start: ` +
      `${ratio(median(updates), median(start))} (targets: check <= 150 ms, update <= 1 s)\n`,
  );
  return (
    `update: --check ${median(checks).toFixed(0)} ms (current ${median(currentChecks).toFixed(0)} ms), full ` +
    `${median(updates).toFixed(0)} ms (node -e 0: ${median(start).toFixed(0)} ms)`
  );
}
