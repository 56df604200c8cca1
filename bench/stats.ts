/** Statistics for the figures: percentiles, and how far a ratio of timings can be trusted. */

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low]! + (sorted[Math.ceil(rank)]! - sorted[low]!) * (rank - low);
}
export const median = (values: readonly number[]) => percentile(values, 50);

/** Ours over the reference, for runs made in pairs (the same index ran back to back). */
export type PairedStatistic = (ours: readonly number[], reference: readonly number[]) => number;
export const ratioOfMedians: PairedStatistic = (ours, reference) => median(ours) / median(reference);
export const medianOfRatios: PairedStatistic = (ours, reference) =>
  median(ours.map((time, run) => time / reference[run]!));
/** Ours less the reference, pair by pair: the median of the differences. */
export const medianOfDifferences: PairedStatistic = (ours, reference) =>
  median(ours.map((time, run) => time - reference[run]!));

/**
 * The 95% interval of a paired statistic by the percentile bootstrap: the pairs are drawn again
 * with replacement, `resamples` times, and the statistic taken of each draw. A machine's noise
 * then shows as the width of the interval. Seeded, so the same times give the same interval.
 */
export function bootstrapInterval(
  statistic: PairedStatistic,
  ours: readonly number[],
  reference: readonly number[],
  { resamples = 2000, seed = 1 } = {},
): [low: number, high: number] {
  if (ours.length !== reference.length || ours.length === 0)
    throw new Error('bootstrapInterval needs the same number of runs, at least one, on each side');
  const random = mulberry32(seed);
  const values: number[] = [];
  for (let draw = 0; draw < resamples; draw++) {
    const picks = Array.from(ours, () => Math.floor(random() * ours.length));
    values.push(
      statistic(
        picks.map((pick) => ours[pick]!),
        picks.map((pick) => reference[pick]!),
      ),
    );
  }
  return [percentile(values, 2.5), percentile(values, 97.5)];
}

/** What an interval says of a "ratio <= target" goal: inconclusive when it holds the target. */
export function verdict([low, high]: readonly [number, number], target: number): 'met' | 'not met' | 'inconclusive' {
  if (high <= target) return 'met';
  return low > target ? 'not met' : 'inconclusive';
}

/**
 * The order of `subjects` runs in round `round` (0, 1, ...): a Williams design, whose rows are a
 * Latin square (each subject in each place once per cycle) in which each subject runs before each
 * other in half the rounds of a cycle, so that none gains from its place or from what ran before
 * it. A cycle is `subjects` rounds, or twice that for an odd number (the rows, then each reversed).
 * For two subjects: [0, 1], [1, 0], [0, 1], ...
 */
export function balancedOrder(round: number, subjects: number): number[] {
  const first = [0];
  for (let low = 1, high = subjects - 1; first.length < subjects; ) first.push(first.length % 2 === 1 ? low++ : high--);
  const row = (shift: number) => first.map((subject) => (subject + shift) % subjects);
  const at = round % balancedCycle(subjects);
  return at < subjects ? row(at) : row(at - subjects).reverse();
}

/** The rounds of a cycle of balancedOrder. */
export function balancedCycle(subjects: number): number {
  return subjects % 2 === 0 ? subjects : 2 * subjects;
}

/** A small seeded generator (Mulberry32): uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
