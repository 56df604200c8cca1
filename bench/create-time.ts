/**
 * Figure 1: `npm create` end to end, as users run it: `npm create cognito-jwt-api@latest`
 * (this package packed with `npm pack`) beside `npm create vite@latest -- --template vanilla-ts
 * --no-interactive` (create-vite's published tarball), both served by the same registry on
 * loopback so that neither waits on the network; non-interactive, --skip-install, warm npm cache.
 * Alternating runs (each first in every other pair) after one warm-up of each, on each Node major
 * given, with that Node first on PATH so that the CLIs run on it too.
 */
import path from 'node:path';
import { serveRegistry } from './registry.js';
import { ANSWER_FLAGS, manifestOf, median, nodeBinary, npmCli, packedTarball, ratio, scratch, timedAsync } from './shared.js';

export async function benchCreateTime(runs: number, majors: readonly number[]): Promise<string[]> {
  const summary: string[] = [];
  const pack = scratch('pack');
  const tarballs = [packedTarball(pack.dir), packedTarball(pack.dir, 'create-vite@latest')];
  const registry = await serveRegistry(tarballs.map((tarball) => ({ tarball, manifest: manifestOf(tarball) })));
  try {
    for (const major of majors) {
      const node = nodeBinary(major);
      const npm = (args: string[]) => [node, [npmCli(), ...args]] as const;
      const subjects = [
        {
          name: 'npm create cognito-jwt-api@latest (packed)',
          run: (dir: string) => npm(['create', 'cognito-jwt-api@latest', dir, `--registry=${registry.url}`, '--', ...ANSWER_FLAGS, '--yes', '--skip-install']),
        },
        {
          name: 'npm create vite@latest (vanilla-ts)',
          run: (dir: string) => npm(['create', 'vite@latest', dir, `--registry=${registry.url}`, '--', '--template', 'vanilla-ts', '--no-interactive']),
        },
      ];
      const once = async (subject: (typeof subjects)[number]) => {
        const work = scratch('create');
        try {
          const [command, args] = subject.run(path.join(work.dir, 'project'));
          // The Node being measured comes first on PATH, so that the `#!/usr/bin/env node` of each CLI runs on it too.
          const PATH = `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`;
          return await timedAsync(command, args, { cwd: work.dir, env: { ...process.env, PATH, npm_config_yes: 'true', CI: '1' } });
        } finally {
          work.remove();
        }
      };
      for (const subject of subjects) await once(subject); // warm-up: fills npm's cache and its exec install
      const times = subjects.map(() => [] as number[]);
      for (let run = 0; run < runs; run++) {
        // Alternating, and each subject first in every other pair, so that neither gains from going second.
        const order = run % 2 === 0 ? [0, 1] : [1, 0];
        for (const index of order) times[index]!.push(await once(subjects[index]!));
      }
      console.log(`== 1. npm create, Node ${major}: ${runs} alternating runs after a warm-up (medians)`);
      for (const [index, subject] of subjects.entries()) {
        console.log(`   ${subject.name.padEnd(46)} ${median(times[index]!).toFixed(0).padStart(6)} ms   (${times[index]!.map((ms) => ms.toFixed(0)).join(' ')})`);
      }
      const figure = ratio(median(times[0]!), median(times[1]!));
      console.log(`   ratio: ${figure} (target <= 1.0x)\n`);
      summary.push(`npm create, Node ${major}: ${median(times[0]!).toFixed(0)} ms vs ${median(times[1]!).toFixed(0)} ms, ${figure}`);
    }
  } finally {
    registry.close();
    pack.remove();
  }
  return summary;
}
