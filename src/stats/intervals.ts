import { mean, standardDeviation } from './describe.js';
import { normalQuantile, studentTQuantile } from './distributions.js';
import { assertCount, assertNonEmpty, assertOpenUnit, assertUnitScores } from './guards.js';

/** A two-sided confidence interval. */
export type Interval = [lower: number, upper: number];

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3). Chosen
 * over the Wald interval because it stays inside [0, 1] and keeps its coverage at 0/n and n/n,
 * which small long-tail slices hit all the time.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  assertCount(successes, 'wilsonInterval: successes');
  assertCount(n, 'wilsonInterval: n');
  if (n === 0) throw new RangeError('wilsonInterval: n must be at least 1');
  if (successes > n) throw new RangeError(`wilsonInterval: successes (${successes}) exceed n (${n})`);
  assertOpenUnit(confidence, 'confidence');
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // The bounds are exactly 0 at 0/n and exactly 1 at n/n; clamping removes rounding residue.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}

/**
 * Student t interval for the mean of scores in [0, 1], clipped to [0, 1] (the mean cannot leave
 * it). With a single score there is no estimate of spread at all, so the only honest statement is
 * the whole range [0, 1]; with no scores there is no mean and it throws.
 */
export function meanInterval(values: readonly number[], confidence = 0.95): Interval {
  assertNonEmpty(values, 'meanInterval');
  assertUnitScores(values, 'meanInterval');
  assertOpenUnit(confidence, 'confidence');
  if (values.length === 1) return [0, 1];
  const m = mean(values);
  const half = (studentTQuantile(1 - (1 - confidence) / 2, values.length - 1) * standardDeviation(values)) / Math.sqrt(values.length);
  return [Math.max(0, m - half), Math.min(1, m + half)];
}

export interface MeanWithInterval {
  n: number;
  mean: number;
  interval: Interval;
  /** Wilson when every score is 0 or 1 (a pass rate), Student t otherwise. */
  method: 'wilson' | 't';
}

/** The mean of scores in [0, 1] and its interval, by the method that fits the data. */
export function meanWithInterval(values: readonly number[], confidence = 0.95): MeanWithInterval {
  assertNonEmpty(values, 'meanWithInterval');
  assertUnitScores(values, 'meanWithInterval');
  const m = mean(values);
  if (isBinary(values)) {
    const successes = values.reduce((count, v) => count + v, 0);
    return { n: values.length, mean: m, interval: wilsonInterval(successes, values.length, confidence), method: 'wilson' };
  }
  return { n: values.length, mean: m, interval: meanInterval(values, confidence), method: 't' };
}

export function isBinary(values: readonly number[]): boolean {
  return values.every((v) => v === 0 || v === 1);
}

/**
 * A micro-average: sum(w_i * v_i) / sum(w_i) (e.g. instructions followed over instructions given,
 * with items as clusters of instructions), and its interval from the ratio estimator's linearised
 * variance, (1 / (m (m - 1) wbar^2)) * sum(w_i (v_i - R))^2, with a t quantile on m - 1 degrees of
 * freedom (Cochran, Sampling Techniques, 3rd ed., section 6.4). Clipped to [0, 1].
 */
export function ratioWithInterval(values: readonly number[], weights: readonly number[], confidence = 0.95): MeanWithInterval {
  assertNonEmpty(values, 'ratioWithInterval');
  assertUnitScores(values, 'ratioWithInterval');
  const m = values.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const ratio = values.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0) / total;
  if (m < 2) return { n: m, mean: ratio, interval: [0, 1], method: 't' };
  const wbar = total / m;
  const ss = values.reduce((sum, v, i) => sum + ((weights[i] ?? 0) * (v - ratio)) ** 2, 0);
  const se = Math.sqrt(ss / (m * (m - 1) * wbar * wbar));
  const half = studentTQuantile(1 - (1 - confidence) / 2, m - 1) * se;
  return { n: m, mean: ratio, interval: [Math.max(0, ratio - half), Math.min(1, ratio + half)], method: 't' };
}
