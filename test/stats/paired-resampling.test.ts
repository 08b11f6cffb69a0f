import { describe, expect, it } from 'vitest';
import { pairedBootstrapInterval, pairedPermutationTest } from '../../src/stats/paired-resampling.js';
import { mulberry32 } from '../../src/stats/prng.js';

/**
 * Exact two-sided sign-flip p-value for integer differences, by counting sign patterns per sum
 * with dynamic programming: an independent route to the same number the enumeration must give.
 */
function exactSignFlipP(integerDiffs: readonly number[]): number {
  let ways = new Map<number, number>([[0, 1]]);
  for (const d of integerDiffs) {
    const next = new Map<number, number>();
    for (const [sum, count] of ways) {
      for (const s of [sum + d, sum - d]) next.set(s, (next.get(s) ?? 0) + count);
    }
    ways = next;
  }
  const observed = Math.abs(integerDiffs.reduce((a, b) => a + b, 0));
  let hits = 0;
  for (const [sum, count] of ways) if (Math.abs(sum) >= observed) hits += count;
  return hits / 2 ** integerDiffs.length;
}

// Darwin's Zea mays data: height differences (eighths of an inch), cross- minus self-fertilised,
// 15 pairs. Fisher (1935), The Design of Experiments, section 21: of the 2^15 = 32768 sign
// patterns, 1726 give a |sum| at least the observed 314, so the two-sided p is 0.05267.
const DARWIN = [49, -67, 8, 16, 6, 23, 28, 41, 14, 29, 56, 24, 75, 60, -48];

describe('pairedPermutationTest', () => {
  it("reproduces Fisher's randomisation test on Darwin's data: 1726 / 32768", () => {
    const result = pairedPermutationTest(
      DARWIN.map(() => 0),
      DARWIN,
    );
    expect(result).toEqual({ pValue: 1726 / 32768, exact: true });
  });

  it('counts ties as extreme: differences 0.5, 0.25, -0.25, 0.75 give 6/16 by hand', () => {
    // Sum 1.25 of magnitudes totalling 1.75; |sum| >= 1.25 iff the negated magnitudes total <= 0.25
    // or >= 1.5: {}, {0.25}, {0.25'} and their 3 complements, so 6 of 16 patterns.
    const base = [0.25, 0.5, 0.5, 0.25];
    const head = [0.75, 0.75, 0.25, 1];
    expect(pairedPermutationTest(base, head)).toEqual({ pValue: 6 / 16, exact: true });
  });

  it('drops zero differences, which no sign flip can move', () => {
    // The differences of the previous test with two zeros added: 0, 0.5, 0.25, -0.25, 0, 0.75.
    const withZeros = pairedPermutationTest([0.3, 0.25, 0.5, 0.5, 0.6, 0.25], [0.3, 0.75, 0.75, 0.25, 0.6, 1]);
    expect(withZeros.pValue).toBeCloseTo(6 / 16, 14);
    expect(pairedPermutationTest([0.4, 0.6], [0.4, 0.6])).toEqual({ pValue: 1, exact: true });
  });

  it('enumeration agrees with the dynamic-programming count for 20 differences', () => {
    const ks = [3, -1, 2, 4, -2, 1, 5, 2, -3, 1, 2, 6, -1, 2, 3, -4, 1, 2, 2, -1];
    const base = ks.map(() => 0.5);
    const head = ks.map((k) => 0.5 + k / 20);
    const result = pairedPermutationTest(base, head);
    expect(result.exact).toBe(true);
    expect(result.pValue).toBeCloseTo(exactSignFlipP(ks), 12);
  });

  it('estimates p by seeded Monte Carlo beyond 20 differences, close to the exact value', () => {
    const ks = [3, -1, 2, 4, -2, 1, 5, 2, -3, 1, 2, 6, -1, 2, 3, -4, 1, 2, 2, -1, -2, 1, 3, -3, 2, 0, 0];
    const base = ks.map(() => 0.5);
    const head = ks.map((k) => 0.5 + k / 20);
    const exact = exactSignFlipP(ks.filter((k) => k !== 0));
    const result = pairedPermutationTest(base, head, { iterations: 20_000, seed: 1 });
    expect(result.exact).toBe(false);
    // Monte Carlo sd is sqrt(p(1-p)/20000) < 0.0036; 0.012 is over 3 sd.
    expect(Math.abs(result.pValue - exact)).toBeLessThan(0.012);
    expect(pairedPermutationTest(base, head, { iterations: 20_000, seed: 1 })).toEqual(result);
    expect(pairedPermutationTest(base, head, { iterations: 20_000, seed: 2 }).pValue).not.toBe(result.pValue);
  });

  it('never reports p = 0 by Monte Carlo: (hits + 1) / (iterations + 1)', () => {
    const base = Array.from({ length: 30 }, () => 0);
    const head = Array.from({ length: 30 }, () => 1);
    expect(pairedPermutationTest(base, head, { iterations: 999 }).pValue).toBe(1 / 1000);
  });

  it('rejects mismatched or empty input and bad iteration counts', () => {
    expect(() => pairedPermutationTest([1], [1, 0])).toThrow(RangeError);
    expect(() => pairedPermutationTest([], [])).toThrow(RangeError);
    expect(() => pairedPermutationTest([0.5], [Number.NaN])).toThrow(RangeError);
    expect(() => pairedPermutationTest([0.5], [1], { iterations: 0 })).toThrow(RangeError);
  });
});

describe('pairedBootstrapInterval', () => {
  const random = mulberry32(2024);
  const base = Array.from({ length: 400 }, () => random());
  const head = base.map((b) => Math.min(1, Math.max(0, b - 0.05 + (random() - 0.5) * 0.4)));
  const diffs = head.map((h, i) => h - (base[i] as number));
  const m = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - m) ** 2, 0) / (diffs.length - 1));
  const se = sd / Math.sqrt(diffs.length);

  it('agrees with the normal-theory interval mean ± 1.96 se for n = 400', () => {
    // For a mean of 400 values the bootstrap distribution is close to normal; its Monte Carlo
    // error at 10,000 resamples is about 0.03 se per end, so 0.1 se is a firm but fair margin.
    const [lower, upper] = pairedBootstrapInterval(base, head);
    expect(Math.abs(lower - (m - 1.959964 * se))).toBeLessThan(0.1 * se);
    expect(Math.abs(upper - (m + 1.959964 * se))).toBeLessThan(0.1 * se);
  });

  it('is the same for the same seed and moves a little with another', () => {
    const a = pairedBootstrapInterval(base, head, { seed: 5 });
    expect(pairedBootstrapInterval(base, head, { seed: 5 })).toEqual(a);
    const b = pairedBootstrapInterval(base, head, { seed: 6 });
    expect(b).not.toEqual(a);
    expect(Math.abs((b[0] as number) - (a[0] as number))).toBeLessThan(0.1 * se);
  });

  it('two pairs differing by 0 and 1 give [0, 1], by hand', () => {
    // Resampled means are 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4: both 2.5% tails sit on 0 and 1.
    expect(pairedBootstrapInterval([0, 0], [0, 1])).toEqual([0, 1]);
  });

  it('collapses to the point when every difference is the same', () => {
    const [lower, upper] = pairedBootstrapInterval([0.2, 0.4, 0.6], [0.3, 0.5, 0.7]);
    expect(lower).toBeCloseTo(0.1, 12);
    expect(upper).toBeCloseTo(0.1, 12);
  });

  it('needs two pairs and a confidence in (0, 1)', () => {
    expect(() => pairedBootstrapInterval([0.5], [0.7])).toThrow(RangeError);
    expect(() => pairedBootstrapInterval([0.5, 0.2], [0.7, 0.1], { confidence: 95 })).toThrow(RangeError);
  });
});
