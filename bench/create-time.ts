/**
 * Figure 1: `npm create` end to end, as users run it: `npm create cognito-jwt-api@latest`
 * (this package packed with `npm pack`) beside `npm create vite@latest -- --template vanilla-ts
 * --no-interactive` (create-vite's published tarball), both served by the same registry on
 * loopback so that neither waits on the network; non-interactive, --skip-install, --no-git (create-vite
 * makes no repository), warm npm cache.
 * Alternating runs (each first in every other pair) after one warm-up of each, on each Node major
 * given, with that Node first on PATH so that the CLIs run on it too.
 *
 * Then what makes that time up, alternating the same way with a third of the runs (each part only
 * has to show which side the difference is on): npm's own part, `npm create` of each package with
 * its bin replaced by an empty script (stub-package.ts); and the part each package controls, its
 * CLI alone (the installed bin run directly by the same Node). Both parts include a start of Node,
 * so they add up to more than the whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveRegistry } from './registry.js';
import { stubbedTarball } from './stub-package.js';
import { ANSWER_FLAGS, manifestOf, nodeBinary, npmCli, packedTarball, scratch, timed, timedAsync } from './shared.js';
import {
  balancedCycle,
  balancedOrder,
  bootstrapInterval,
  median,
  medianOfRatios,
  ratioOfMedians,
  verdict,
} from './stats.js';

export interface Subject {
  name: string;
  run: (dir: string) => readonly [string, readonly string[]];
}

/** The flags of each CLI's non-interactive run. */
export const OUR_FLAGS = [...ANSWER_FLAGS, '--yes', '--skip-install', '--no-git'];
const VITE_FLAGS = ['--template', 'vanilla-ts', '--no-interactive'];

export async function benchCreateTime(runs: number, partRuns: number, majors: readonly number[]): Promise<string[]> {
  const summary: string[] = [];
  const pack = scratch('pack');
  const tarballs = [packedTarball(pack), packedTarball(pack, 'create-vite@latest')];
  const stubs = [
    stubbedTarball(tarballs[0]!, pack, 'create-stub-ours'),
    stubbedTarball(tarballs[1]!, pack, 'create-stub-vite'),
  ];
  const registry = await serveRegistry(
    [...tarballs, ...stubs].map((tarball) => ({ tarball, manifest: manifestOf(tarball) })),
  );
  // Both packages installed once, for their CLIs alone.
  installed(pack, tarballs);
  try {
    for (const major of majors) {
      const node = nodeBinary(major);
      const subjects: Subject[] = [
        npmCreate(node, registry.url, 'cognito-jwt-api', 'npm create cognito-jwt-api@latest (packed)', OUR_FLAGS),
        npmCreate(node, registry.url, 'vite', 'npm create vite@latest (vanilla-ts)', VITE_FLAGS),
      ];
      const figure = await alternate(node, subjects, runs, `1. npm create, Node ${major}`, 'target');
      const stubbed: Subject[] = ['ours', 'vite'].map((stub) =>
        npmCreate(
          node,
          registry.url,
          `stub-${stub}`,
          `npm create, ${stub === 'ours' ? 'this package' : 'create-vite'}'s bin empty`,
        ),
      );
      const npmPart = await alternate(node, stubbed, partRuns, `1. npm's own part, Node ${major}`, 'parity');
      const clis: Subject[] = [
        cliAlone(node, pack, 'create-cognito-jwt-api', 'create-cognito-jwt-api (the CLI alone)', OUR_FLAGS),
        cliAlone(node, pack, 'create-vite', 'create-vite (the CLI alone)', VITE_FLAGS),
      ];
      const alone = await alternate(node, clis, partRuns, `1. the CLIs alone, Node ${major}`, 'parity');
      summary.push(`npm create, Node ${major}: ${figure}; npm's own part: ${npmPart}; the CLIs alone: ${alone}`);
    }
  } finally {
    registry.close();
  }
  return summary;
}

/** `npm create <initializer>@latest <dir> -- <args>` from the bench's registry, run by `node`. */
export function npmCreate(
  node: string,
  registry: string,
  initializer: string,
  name: string,
  args: readonly string[] = [],
): Subject {
  return {
    name,
    run: (dir) => [
      node,
      [
        npmCli(),
        'create',
        `${initializer}@latest`,
        dir,
        `--registry=${registry}`,
        ...(args.length ? ['--', ...args] : []),
      ],
    ],
  };
}

/** Installs packed packages into `pack` (once, for their CLIs alone). */
export function installed(pack: string, tarballs: readonly string[]): void {
  // A manifest of its own, so that npm installs there and not into a folder above with one (or a node_modules).
  writeFileSync(path.join(pack, 'package.json'), '{ "private": true }\n');
  timed('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs], {
    cwd: pack,
  });
}

/** The bin of a package installed in `pack` (the one named after it) run directly: `<bin> <dir> <args>`. */
export function cliAlone(node: string, pack: string, pkg: string, name: string, args: readonly string[]): Subject {
  const dir = path.join(pack, 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  return { name, run: (project) => [node, [path.join(dir, bin[pkg]!), project, ...args]] };
}

const TARGET = 1.0;

/**
 * Runs the subjects in rounds after a warm-up of each, in a balanced order (for two, alternately, each first in
 * every other pair); returns each subject's times, the same index for the same round, and prints their medians.
 * Past `deadline` (a Date.now() time), the rounds end with the next whole cycle of that order (the first, at least).
 */
export async function timesOf(
  node: string,
  subjects: readonly Subject[],
  rounds: number,
  title: string,
  deadline = Number.POSITIVE_INFINITY,
): Promise<number[][]> {
  const once = async (subject: Subject) => {
    const work = scratch('create');
    const [command, args] = subject.run(path.join(work, 'project'));
    // The Node being measured comes first on PATH, so that the `#!/usr/bin/env node` of each CLI runs on it too.
    const PATH = `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`;
    return timedAsync(command, args, { cwd: work, env: { ...process.env, PATH, npm_config_yes: 'true', CI: '1' } });
  };
  // warm-up: fills npm's cache and its exec install, and the code cache
  for (const subject of subjects) await once(subject);
  const times = subjects.map(() => [] as number[]);
  // Each subject in each place as often, and before each other as often, so that none gains from going second.
  const more = (round: number) =>
    round < rounds && (round === 0 || round % balancedCycle(subjects.length) !== 0 || Date.now() < deadline);
  let round = 0;
  for (; more(round); round++)
    for (const index of balancedOrder(round, subjects.length)) times[index]!.push(await once(subjects[index]!));
  const what = subjects.length === 2 ? 'alternating runs' : `rounds of the ${subjects.length}`;
  console.log(`== ${title}: ${round} ${what} after a warm-up (medians)`);
  for (const [index, subject] of subjects.entries()) {
    console.log(
      `   ${subject.name.padEnd(46)} ${median(times[index]!).toFixed(0).padStart(6)} ms   ` +
        `(${times[index]!.map((ms) => ms.toFixed(0)).join(' ')})`,
    );
  }
  return times;
}

/** A ratio of paired times, the median of the pairs' ratios, and the 95% interval of each. */
export function ratios(ours: readonly number[], reference: readonly number[]) {
  // The ratio of medians is the target's figure. Each pair ran back to back, so the median of the
  // pairs' ratios is steadier on a noisy machine; the intervals (95%, bootstrap over the pairs)
  // say how far either can be trusted.
  return [ratioOfMedians, medianOfRatios].map((statistic) => ({
    value: statistic(ours, reference),
    interval: bootstrapInterval(statistic, ours, reference),
  })) as [Ratio, Ratio];
}
export interface Ratio {
  value: number;
  interval: [low: number, high: number];
}
export const shown = ({ value, interval: [low, high] }: Ratio) =>
  `${value.toFixed(2)}x (95% interval ${low.toFixed(2)}x-${high.toFixed(2)}x)`;

/** Runs two subjects alternately; prints and returns the medians, their ratio and how far it holds. */
async function alternate(
  node: string,
  subjects: readonly Subject[],
  runs: number,
  title: string,
  against: 'target' | 'parity',
): Promise<string> {
  const [ours, reference] = (await timesOf(node, subjects, runs, title)) as [number[], number[]];
  const [ofMedians, ofPairs] = ratios(ours, reference);
  // The verdict is the interval's against the target.
  const [byMedians, byPairs] = [ofMedians, ofPairs].map(({ interval }) => verdict(interval, TARGET));
  console.log(`   ratio of medians: ${shown(ofMedians)}: ${byMedians} (${against} <= ${TARGET.toFixed(1)}x)`);
  console.log(`   median of the ${runs} pairs' ratios: ${shown(ofPairs)}: ${byPairs}\n`);
  return `${median(ours).toFixed(0)} ms vs ${median(reference).toFixed(0)} ms, ${shown(ofMedians)}, ${byMedians}`;
}
