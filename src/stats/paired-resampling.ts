import { sortedQuantile } from './describe.js';
import { assertFinite, assertNonEmpty, assertOpenUnit, assertSameLength } from './guards.js';
import type { Interval } from './intervals.js';
import { mulberry32, uniformIntSampler } from './prng.js';

/** Used when the caller gives no seed, so a report is reproducible by default. */
export const DEFAULT_SEED = 0x5eed;
/** Up to this many nonzero differences the permutation distribution is enumerated (2^20 sums). */
export const EXACT_PERMUTATION_LIMIT = 20;

export interface ResamplingOptions {
  iterations?: number;
  seed?: number;
}

export interface PermutationResult {
  pValue: number;
  /** True when all 2^m sign patterns were enumerated; false for a Monte Carlo estimate. */
  exact: boolean;
}

function differences(base: readonly number[], head: readonly number[], what: string): number[] {
  assertSameLength(base, head, what);
  assertNonEmpty(base, what);
  assertFinite(base, what);
  assertFinite(head, what);
  return head.map((h, i) => h - (base[i] as number));
}

function assertIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1) throw new RangeError(`iterations must be a positive integer, got ${iterations}`);
}

/**
 * Two-sided sign-flip permutation test for the mean paired difference (head - base). Under no
 * change each difference is as likely positive as negative, so p is the share of sign patterns
 * whose |sum| reaches the observed |sum|. Zero differences cannot change any sum and are dropped.
 * With at most EXACT_PERMUTATION_LIMIT nonzero differences every pattern is enumerated (Fisher's
 * exact test); beyond that `iterations` seeded random patterns give p = (hits + 1)/(iterations + 1),
 * which never reports 0 (Phipson & Smyth 2010).
 */
export function pairedPermutationTest(
  base: readonly number[],
  head: readonly number[],
  { iterations = 10_000, seed = DEFAULT_SEED }: ResamplingOptions = {},
): PermutationResult {
  assertIterations(iterations);
  const diffs = differences(base, head, 'pairedPermutationTest').filter((d) => d !== 0);
  if (diffs.length === 0) return { pValue: 1, exact: true };
  const observed = Math.abs(diffs.reduce((s, d) => s + d, 0));
  // Sums of the same numbers in another order differ in the last bits; a tie must still count as
  // "at least as extreme". 1e-9 of the total is far above that noise and far below real gaps.
  const threshold = observed - 1e-9 * diffs.reduce((s, d) => s + Math.abs(d), 0);
  if (diffs.length <= EXACT_PERMUTATION_LIMIT) return { pValue: enumerateSignFlips(diffs, threshold), exact: true };
  const random = mulberry32(seed);
  let hits = 0;
  for (let it = 0; it < iterations; it++) {
    let sum = 0;
    let bits = 0;
    for (let i = 0; i < diffs.length; i++) {
      if (i % 32 === 0) bits = random() * 2 ** 32; // one draw is 32 fair signs (an exact uint32)
      sum += bits & 1 ? (diffs[i] as number) : -(diffs[i] as number);
      bits >>>= 1;
    }
    if (Math.abs(sum) >= threshold) hits++;
  }
  return { pValue: (hits + 1) / (iterations + 1), exact: false };
}

/** Visits all 2^m sign patterns in Gray-code order, so each step flips one sign: O(2^m). */
function enumerateSignFlips(diffs: readonly number[], threshold: number): number {
  const total = 2 ** diffs.length;
  const signs = diffs.map(() => 1);
  let sum = diffs.reduce((s, d) => s + d, 0);
  let hits = Math.abs(sum) >= threshold ? 1 : 0;
  for (let k = 1; k < total; k++) {
    const j = 31 - Math.clz32(k & -k); // index of the lowest set bit: the sign Gray code flips
    sum -= 2 * (signs[j] as number) * (diffs[j] as number);
    signs[j] = -(signs[j] as number);
    if (Math.abs(sum) >= threshold) hits++;
  }
  return hits / total;
}

/**
 * Percentile bootstrap interval for the mean paired difference (head - base): pairs are resampled
 * with replacement `iterations` times from a seeded generator, and the interval is the type-7
 * quantiles of the resampled means at (1 - confidence)/2 and (1 + confidence)/2. Like every
 * percentile bootstrap it runs somewhat narrow for very small n; it needs at least two pairs.
 */
export function pairedBootstrapInterval(
  base: readonly number[],
  head: readonly number[],
  { iterations = 10_000, seed = DEFAULT_SEED, confidence = 0.95 }: ResamplingOptions & { confidence?: number } = {},
): Interval {
  assertIterations(iterations);
  assertOpenUnit(confidence, 'confidence');
  const diffs = differences(base, head, 'pairedBootstrapInterval');
  const n = diffs.length;
  if (n < 2) throw new RangeError('pairedBootstrapInterval: needs at least two pairs');
  const pick = uniformIntSampler(mulberry32(seed), n);
  const means = new Float64Array(iterations);
  for (let it = 0; it < iterations; it++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diffs[pick()] as number;
    means[it] = sum / n;
  }
  means.sort();
  const tail = (1 - confidence) / 2;
  return [sortedQuantile(means, tail), sortedQuantile(means, 1 - tail)];
}
