/** The benchmark's statistics: percentiles, and the bootstrap interval that decides a verdict. */
import { describe, expect, it } from 'vitest';
import {
  balancedCycle,
  balancedOrder,
  bootstrapInterval,
  median,
  medianOfDifferences,
  medianOfRatios,
  percentile,
  ratioOfMedians,
  verdict,
} from '../../bench/stats.js';

/** Reference times with a machine's noise (a fixed sequence), and ours at `factor` of each with noise of its own. */
function pairedRuns(factor: number, runs = 41): [ours: number[], reference: number[]] {
  const reference = Array.from({ length: runs }, (_, run) => 400 + ((run * 37) % 60));
  const ours = reference.map((time, run) => time * factor + ((run * 53) % 21) - 10);
  return [ours, reference];
}

describe('percentile', () => {
  it('interpolates between the two nearest ranks', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([10, 20, 30], 0)).toBe(10);
    expect(percentile([10, 20, 30], 100)).toBe(30);
    expect(percentile([10, 20, 30], 75)).toBe(25);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('bootstrapInterval', () => {
  it('is a single point when every pair has the same ratio', () => {
    const reference = [400, 420, 390, 450, 410];
    const ours = reference.map((time) => time * 0.9);
    for (const statistic of [ratioOfMedians, medianOfRatios]) {
      const [low, high] = bootstrapInterval(statistic, ours, reference);
      expect(low).toBeCloseTo(0.9, 10);
      expect(high).toBeCloseTo(0.9, 10);
    }
  });

  it('holds the statistic and widens with the noise', () => {
    const [ours, reference] = pairedRuns(0.95);
    const [low, high] = bootstrapInterval(ratioOfMedians, ours, reference);
    expect(low).toBeLessThan(ratioOfMedians(ours, reference));
    expect(high).toBeGreaterThan(ratioOfMedians(ours, reference));
    const noisier = ours.map((time, run) => time + (run % 2 === 0 ? 40 : -40));
    const [noisyLow, noisyHigh] = bootstrapInterval(ratioOfMedians, noisier, reference);
    expect(noisyHigh - noisyLow).toBeGreaterThan(high - low);
  });

  it('gives the same interval for the same times and seed', () => {
    const [ours, reference] = pairedRuns(1);
    expect(bootstrapInterval(medianOfRatios, ours, reference)).toEqual(
      bootstrapInterval(medianOfRatios, ours, reference),
    );
    expect(bootstrapInterval(medianOfRatios, ours, reference, { seed: 7 })).not.toEqual(
      bootstrapInterval(medianOfRatios, ours, reference, { seed: 8 }),
    );
  });

  it('refuses runs that do not pair up', () => {
    expect(() => bootstrapInterval(ratioOfMedians, [1, 2], [1])).toThrow(/same number of runs/);
    expect(() => bootstrapInterval(ratioOfMedians, [], [])).toThrow(/at least one/);
  });
});

describe('verdict', () => {
  it(
    'is met only when the whole interval is within the target, not met when all of it is beyond, else ' +
      'inconclusive',
    () => {
      expect(verdict([0.9, 1.0], 1)).toBe('met');
      expect(verdict([0.95, 1.01], 1)).toBe('inconclusive');
      expect(verdict([1.01, 1.1], 1)).toBe('not met');
    },
  );

  it('tells a clear win, a tie and a loss apart on noisy paired runs', () => {
    const judged = (factor: number) => {
      const [ours, reference] = pairedRuns(factor);
      return verdict(bootstrapInterval(ratioOfMedians, ours, reference), 1);
    };
    expect(judged(0.85)).toBe('met');
    expect(judged(1)).toBe('inconclusive');
    expect(judged(1.15)).toBe('not met');
  });
});

describe('medianOfDifferences', () => {
  it("is the median of the pairs' differences, not the difference of the medians", () => {
    const reference = [100, 200, 300, 400, 500];
    const ours = [103, 199, 310, 402, 505];
    expect(medianOfDifferences(ours, reference)).toBe(3);
    expect(median(ours) - median(reference)).toBe(10);
  });
});

describe('balancedOrder', () => {
  it('alternates two subjects, each first in every other round', () => {
    expect([0, 1, 2, 3].map((round) => balancedOrder(round, 2))).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it.each([1, 3, 4, 5, 6])(
    'over a cycle of %i subjects, puts each in each place equally often and each before each other in half the rounds',
    (subjects) => {
      const cycle = balancedCycle(subjects);
      expect(cycle).toBe(subjects % 2 === 0 ? subjects : 2 * subjects);
      const rounds = Array.from({ length: cycle }, (_, round) => balancedOrder(round, subjects));
      for (const order of rounds) expect([...order].sort()).toEqual(Array.from({ length: subjects }, (_, i) => i));
      for (let place = 0; place < subjects; place++) {
        const counts = new Map<number, number>();
        for (const order of rounds) counts.set(order[place]!, (counts.get(order[place]!) ?? 0) + 1);
        expect([...counts.values()], `place ${place}`).toEqual(Array(subjects).fill(cycle / subjects));
      }
      for (let a = 0; a < subjects; a++)
        for (let b = 0; b < subjects; b++)
          if (a !== b)
            expect(rounds.filter((order) => order.indexOf(a) < order.indexOf(b)).length, `${a} before ${b}`).toBe(
              cycle / 2,
            );
      // The next cycle repeats the first.
      expect(balancedOrder(cycle, subjects)).toEqual(rounds[0]);
    },
  );
});
