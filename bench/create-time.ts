/**
 * Figure 1: `npm create` end to end, as users run it: `npm create cognito-jwt-api@latest`
 * (this package packed with `npm pack`) beside `npm create vite@latest -- --template vanilla-ts
 * --no-interactive` (create-vite's published tarball), both served by the same registry on
 * loopback so that neither waits on the network; non-interactive, --skip-install, warm npm cache.
 * Alternating runs (each first in every other pair) after one warm-up of each, on each Node major
 * given, with that Node first on PATH so that the CLIs run on it too.
 *
 * Then what makes that time up, alternating the same way with a third of the runs (each part only
 * has to show which side the difference is on): npm's own part, `npm create` of each package with
 * its bin replaced by an empty script (stub-package.ts); and the part each package controls, its
 * CLI alone (the installed bin run directly by the same Node). Both parts include a start of Node,
 * so they add up to more than the whole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serveRegistry } from './registry.js';
import { stubbedTarball } from './stub-package.js';
import { ANSWER_FLAGS, manifestOf, nodeBinary, npmCli, packedTarball, scratch, timed, timedAsync } from './shared.js';
import { bootstrapInterval, median, medianOfRatios, ratioOfMedians, verdict } from './stats.js';

interface Subject {
  name: string;
  run: (dir: string) => readonly [string, readonly string[]];
}

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
  timed('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs], {
    cwd: pack,
  });
  const bin = (name: string) => {
    const dir = path.join(pack, 'node_modules', name);
    const { bin: bins } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    return path.join(dir, bins[name]!);
  };
  try {
    for (const major of majors) {
      const node = nodeBinary(major);
      const npm = (args: string[]) => [node, [npmCli(), ...args]] as const;
      const subjects: Subject[] = [
        {
          name: 'npm create cognito-jwt-api@latest (packed)',
          run: (dir: string) =>
            npm([
              'create',
              'cognito-jwt-api@latest',
              dir,
              `--registry=${registry.url}`,
              '--',
              ...ANSWER_FLAGS,
              '--yes',
              '--skip-install',
            ]),
        },
        {
          name: 'npm create vite@latest (vanilla-ts)',
          run: (dir: string) =>
            npm([
              'create',
              'vite@latest',
              dir,
              `--registry=${registry.url}`,
              '--',
              '--template',
              'vanilla-ts',
              '--no-interactive',
            ]),
        },
      ];
      const figure = await alternate(node, subjects, runs, `1. npm create, Node ${major}`, 'target');
      const stubbed: Subject[] = ['ours', 'vite'].map((stub) => ({
        name: `npm create, ${stub === 'ours' ? 'this package' : 'create-vite'}'s bin empty`,
        run: (dir) => npm(['create', `stub-${stub}@latest`, dir, `--registry=${registry.url}`]),
      }));
      const npmPart = await alternate(node, stubbed, partRuns, `1. npm's own part, Node ${major}`, 'parity');
      const clis: Subject[] = [
        {
          name: 'create-cognito-jwt-api (the CLI alone)',
          run: (dir) => [node, [bin('create-cognito-jwt-api'), dir, ...ANSWER_FLAGS, '--yes', '--skip-install']],
        },
        {
          name: 'create-vite (the CLI alone)',
          run: (dir) => [node, [bin('create-vite'), dir, '--template', 'vanilla-ts', '--no-interactive']],
        },
      ];
      const alone = await alternate(node, clis, partRuns, `1. the CLIs alone, Node ${major}`, 'parity');
      summary.push(`npm create, Node ${major}: ${figure}; npm's own part: ${npmPart}; the CLIs alone: ${alone}`);
    }
  } finally {
    registry.close();
  }
  return summary;
}

const TARGET = 1.0;

/**
 * Runs the subjects alternately (each first in every other pair) after a warm-up of each; prints and returns the
 * medians, their ratio and how far it holds.
 */
async function alternate(
  node: string,
  subjects: readonly Subject[],
  runs: number,
  title: string,
  against: 'target' | 'parity',
): Promise<string> {
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
  for (let run = 0; run < runs; run++) {
    // Alternating, and each subject first in every other pair, so that neither gains from going second.
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) times[index]!.push(await once(subjects[index]!));
  }
  console.log(`== ${title}: ${runs} alternating runs after a warm-up (medians)`);
  for (const [index, subject] of subjects.entries()) {
    console.log(
      `   ${subject.name.padEnd(46)} ${median(times[index]!).toFixed(0).padStart(6)} ms   ` +
        `(${times[index]!.map((ms) => ms.toFixed(0)).join(' ')})`,
    );
  }
  const [ours, reference] = times as [number[], number[]];
  // The ratio of medians is the target's figure. Each pair ran back to back, so the median of the
  // pairs' ratios is steadier on a noisy machine; the intervals (95%, bootstrap over the pairs)
  // say how far either can be trusted, and the verdict is the interval's against the target.
  const figures = [ratioOfMedians, medianOfRatios].map((statistic) => {
    const interval = bootstrapInterval(statistic, ours, reference);
    return { value: statistic(ours, reference), interval, verdict: verdict(interval, TARGET) };
  });
  const show = ({ value, interval: [low, high] }: (typeof figures)[number]) =>
    `${value.toFixed(2)}x (95% interval ${low.toFixed(2)}x-${high.toFixed(2)}x)`;
  console.log(
    `   ratio of medians: ${show(figures[0]!)}: ${figures[0]!.verdict} (${against} <= ${TARGET.toFixed(1)}x)`,
  );
  console.log(`   median of the ${runs} pairs' ratios: ${show(figures[1]!)}: ${figures[1]!.verdict}\n`);
  return (
    `${median(ours).toFixed(0)} ms vs ${median(reference).toFixed(0)} ms, ${show(figures[0]!)}, ` +
    `${figures[0]!.verdict}`
  );
}
