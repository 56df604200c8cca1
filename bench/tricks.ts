/**
 * `npm run bench -- --tricks`: what each speed trick of the command line is worth in figure 1. For
 * each trick (a folder of bench/plain/ holding the plain way, in place of the sources it replaces),
 * a variant of this package is built with that trick alone replaced (`scripts/bundle.mjs --without
 * <trick>`) and packed under a name of its own. `npm create` of the package and of every variant,
 * from the same loopback registry, then runs in rounds (each in each place, and before each other,
 * equally often: stats.ts) after a warm-up of each, on each Node major given; then the CLIs alone
 * the same way with a third of the rounds. A trick's worth is the variant's `npm create` time over
 * the package's: what removing it costs. A trick stays only where that is at least 1.02x, by the
 * ratio of the medians and by the median of the rounds' ratios, on a Node major
 * (docs/performance.md). The CLIs alone give a second estimate, steadier than `npm create`: what
 * removing the trick adds to the CLI, as a share of the package's `npm create`.
 *
 * The run is time-boxed: each Node major gets an equal share of what is left of `minutes`, four
 * fifths of it for `npm create` and the rest for the CLIs alone, and each part stops at the first
 * whole cycle of rounds past its share (or at its count of rounds).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  cliAlone,
  installed,
  npmCreate,
  OUR_FLAGS,
  type Ratio,
  ratios,
  shown,
  type Subject,
  timesOf,
} from './create-time.js';
import { serveRegistry } from './registry.js';
import { manifestOf, nodeBinary, packedTarball, ROOT, scratch, timed } from './shared.js';
import { bootstrapInterval, median, medianOfDifferences, verdict } from './stats.js';
import { repackedTarball } from './stub-package.js';

/** What removing a trick must cost, at least, for the trick to stay. */
const WORTH = 1.02;

/** The speed tricks that can be left out, by name (bench/plain/<name>/). */
export function speedTricks(): string[] {
  return readdirSync(path.join(ROOT, 'bench', 'plain')).sort();
}

/** This package's packed tarball rebuilt without `trick`, as create-cognito-jwt-api-without-<trick>. */
export function variantTarball(tarball: string, into: string, trick: string): string {
  return repackedTarball(tarball, into, `create-cognito-jwt-api-without-${trick}`, (root) => {
    timed(process.execPath, ['scripts/bundle.mjs', '--outdir', path.join(root, 'dist'), '--without', trick], {
      cwd: ROOT,
    });
  });
}

export async function benchTricks(
  rounds: number,
  partRounds: number,
  majors: readonly number[],
  minutes: number,
): Promise<string[]> {
  const end = Date.now() + minutes * 60_000;
  const summary: string[] = [];
  const tricks = speedTricks();
  const pack = scratch('pack');
  const full = packedTarball(pack);
  const tarballs = [full, ...tricks.map((trick) => variantTarball(full, pack, trick))];
  const packages = tarballs.map((tarball) => ({ tarball, manifest: manifestOf(tarball) }));
  const registry = await serveRegistry(packages);
  installed(pack, tarballs);
  const label = (index: number) => (index === 0 ? 'with every trick' : `without ${tricks[index - 1]}`);
  try {
    for (const [done, major] of majors.entries()) {
      const node = nodeBinary(major);
      const share = (end - Date.now()) / (majors.length - done);
      const creates: Subject[] = packages.map(({ manifest }, index) =>
        npmCreate(node, registry.url, manifest.name.replace(/^create-/, ''), `npm create, ${label(index)}`, OUR_FLAGS),
      );
      const creating = Date.now() + (share * 4) / 5;
      const createTimes = await timesOf(node, creates, rounds, `1. npm create, Node ${major}`, creating);
      const whole = worth(createTimes, tricks);
      const clis: Subject[] = packages.map(({ manifest }, index) =>
        cliAlone(node, pack, manifest.name, `the CLI alone, ${label(index)}`, OUR_FLAGS),
      );
      const cliTimes = await timesOf(node, clis, partRounds, `1. the CLI alone, Node ${major}`, creating + share / 5);
      const alone = added(cliTimes, tricks, median(createTimes[0]!));
      for (const [index, trick] of tricks.entries())
        summary.push(`${trick}, Node ${major}: npm create ${whole[index]}; the CLI alone ${alone[index]}`);
    }
  } finally {
    registry.close();
  }
  return summary;
}

/** Prints and returns, for each trick, the variant's times over the package's (times[0]), paired by round. */
function worth(times: number[][], tricks: readonly string[]): string[] {
  const [full, ...variants] = times as [number[], ...number[][]];
  return variants.map((variant, index) => {
    const [ofMedians, ofPairs] = ratios(variant, full);
    // Both statistics, as either alone moves by a few percent from run to run on a busy machine.
    const decision = ofMedians.value >= WORTH && ofPairs.value >= WORTH ? 'pays' : 'does not pay';
    console.log(
      `   without ${tricks[index]}: ${median(variant).toFixed(0)} ms vs ${median(full).toFixed(0)} ms, ` +
        `${shown(ofMedians)} (${where(ofMedians)})`,
    );
    console.log(`      median of the pairs' ratios: ${shown(ofPairs)} (${where(ofPairs)})`);
    console.log(`      ${decision} (both >= ${WORTH.toFixed(2)}x)`);
    return `${shown(ofMedians)}, pairs ${shown(ofPairs)}: ${decision}`;
  });
}

/**
 * Prints and returns, for each trick, what its removal adds to the CLI alone (the median of the
 * rounds' differences), and what share that is of `whole` (npm create's median): a second
 * estimate of the trick's worth in figure 1, from runs that vary much less than npm create.
 */
function added(times: number[][], tricks: readonly string[], whole: number): string[] {
  const [full, ...variants] = times as [number[], ...number[][]];
  return variants.map((variant, index) => {
    const [low, high] = bootstrapInterval(medianOfDifferences, variant, full);
    const difference = medianOfDifferences(variant, full);
    const share = (ms: number) => `${((100 * ms) / whole).toFixed(1)}%`;
    const text =
      `${difference >= 0 ? '+' : ''}${difference.toFixed(1)} ms (95% interval ${low.toFixed(1)}-${high.toFixed(1)}), ` +
      `${share(difference)} of npm create (${share(low)}-${share(high)})`;
    console.log(`   without ${tricks[index]}: ${text}`);
    return text;
  });
}

/** Where a ratio's interval lies against the worth a trick must have. */
function where({ interval }: Ratio): string {
  const side = verdict(interval, WORTH);
  const bound = `${WORTH.toFixed(2)}x`;
  if (side === 'met') return `interval wholly below ${bound}`;
  return side === 'not met' ? `interval wholly at or above ${bound}` : `interval holds ${bound}`;
}
