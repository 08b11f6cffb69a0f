import { assertNonEmpty, assertSameLength } from './guards.js';
import type { Interval } from './intervals.js';
import { DEFAULT_SEED } from './paired-resampling.js';
import { mulberry32, uniformInt } from './prng.js';
import { quantile } from './describe.js';

export interface RatioOptions {
  iterations?: number;
  seed?: number;
  confidence?: number;
}

/**
 * head mean / base mean on paired items (e.g. a fine-tune's score as a share of its base's), with
 * a percentile bootstrap interval that resamples items, keeping pairs together. Null when the base
 * mean is 0 (nothing to retain). Seeded: the same data give the same interval.
 */
export function pairedRatio(base: readonly number[], head: readonly number[], options: RatioOptions = {}): { ratio: number | null; interval: Interval | null } {
  assertNonEmpty(base, 'pairedRatio');
  assertSameLength(base, head, 'pairedRatio');
  const n = base.length;
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const baseSum = sum(base);
  if (baseSum === 0) return { ratio: null, interval: null };
  const ratio = sum(head) / baseSum;
  const iterations = options.iterations ?? 2_000;
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const draws: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let b = 0;
    let h = 0;
    for (let k = 0; k < n; k++) {
      const i = uniformInt(random, n);
      b += base[i] as number;
      h += head[i] as number;
    }
    // A resample whose base retained nothing says nothing about the ratio; it is left out.
    if (b > 0) draws.push(h / b);
  }
  if (draws.length === 0) return { ratio, interval: null };
  const alpha = 1 - (options.confidence ?? 0.95);
  return { ratio, interval: [quantile(draws, alpha / 2), quantile(draws, 1 - alpha / 2)] };
}
