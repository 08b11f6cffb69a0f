import { describe, expect, it } from 'vitest';
import { mcnemarExact, newcombePairedInterval, pairedTable } from '../../src/stats/paired-binary.js';

/** Exact two-sided binomial(1/2) p-value with BigInt arithmetic: an independent reference. */
function exactMcNemar(b: number, c: number): number {
  const n = b + c;
  const k = Math.min(b, c);
  let coefficient = 1n;
  let tail = 1n; // C(n, 0)
  for (let j = 1; j <= k; j++) {
    coefficient = (coefficient * BigInt(n - j + 1)) / BigInt(j);
    tail += coefficient;
  }
  // 2 * tail / 2^n, keeping 30 significant digits before converting.
  const scaled = (2n * tail * 10n ** 30n) / 2n ** BigInt(n);
  return Math.min(1, Number(scaled) / 1e30);
}

describe('mcnemarExact', () => {
  it('b = 1, c = 7 gives 0.0703125, by hand 2 * (C(8,0) + C(8,1)) / 2^8 = 18/256', () => {
    // Also R's binom.test(1, 8)$p.value. These are the airway hyper-responsiveness data (Bentur
    // et al. 2009) of Fagerland, Lydersen & Laake (2017), ch. 8.
    expect(mcnemarExact(1, 7)).toBeCloseTo(0.0703125, 14);
    expect(mcnemarExact(7, 1)).toBeCloseTo(0.0703125, 14);
  });

  it('b = 6, c = 16 gives 0.052479 (Cavo et al. 2012 data, Fagerland et al. 2017, ch. 8)', () => {
    // "The McNemar exact conditional test: P = 0.052479", Statistical Analysis of Contingency
    // Tables (Fagerland, Lydersen & Laake 2017); R binom.test(6, 22) agrees.
    expect(mcnemarExact(6, 16)).toBeCloseTo(0.052479, 6);
  });

  it('matches small hand computations', () => {
    expect(mcnemarExact(0, 5)).toBeCloseTo(2 / 32, 14);
    expect(mcnemarExact(2, 10)).toBeCloseTo((2 * (1 + 12 + 66)) / 4096, 14);
    expect(mcnemarExact(3, 3)).toBe(1); // 2 * P(X <= 3 | n = 6) = 84/64, capped
    expect(mcnemarExact(0, 0)).toBe(1); // no discordant pairs: no evidence of change
  });

  it('stays exact for many discordant pairs (checked against BigInt binomial sums)', () => {
    for (const [b, c] of [
      [400, 500],
      [45, 80],
      [1000, 1100],
    ] as const) {
      const expected = exactMcNemar(b, c);
      expect(Math.abs(mcnemarExact(b, c) - expected) / expected).toBeLessThan(1e-9);
    }
  });

  it('rejects negative or fractional counts', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError);
  });
});

describe('pairedTable', () => {
  it('counts the four cells, regressions as baseOnly', () => {
    const base = [1, 1, 0, 0, 1, 1];
    const head = [1, 0, 1, 0, 0, 1];
    expect(pairedTable(base, head)).toEqual({ bothPass: 2, baseOnly: 2, headOnly: 1, neither: 1 });
    expect(() => pairedTable([0.5], [1])).toThrow(RangeError);
  });
});

describe('newcombePairedInterval', () => {
  it('Cavo et al. (2012) table 59, 6, 16, 80 gives -0.0621 (-0.1186 to -0.0046)', () => {
    // Fagerland, Lydersen & Laake (2017), Statistical Analysis of Contingency Tables, ch. 8,
    // Newcombe square-and-add interval; the same output is asserted in the book's companion R
    // package (contingencytables, tests/testthat/test-ch8.R). Rows are the first measurement
    // (here head), columns the second (base): 6 pass only on head, 16 only on base.
    const [lower, upper] = newcombePairedInterval({ bothPass: 59, headOnly: 6, baseOnly: 16, neither: 80 });
    expect(lower).toBeCloseTo(-0.1186, 4);
    expect(upper).toBeCloseTo(-0.0046, 4);
  });

  it('one concordant pass and one concordant fail give 0 (-0.5734 to 0.5734), as that package does', () => {
    const [lower, upper] = newcombePairedInterval({ bothPass: 1, headOnly: 0, baseOnly: 0, neither: 1 });
    expect(lower).toBeCloseTo(-0.5734, 4);
    expect(upper).toBeCloseTo(0.5734, 4);
  });

  it('applies the phi correction: positive association narrows the interval', () => {
    // Same margins (head 30/50, base 25/50), stronger agreement between runs -> narrower.
    const independentish = newcombePairedInterval({ bothPass: 15, headOnly: 15, baseOnly: 10, neither: 10 });
    const correlated = newcombePairedInterval({ bothPass: 24, headOnly: 6, baseOnly: 1, neither: 19 });
    expect(correlated[1] - correlated[0]).toBeLessThan(independentish[1] - independentish[0]);
    for (const [l, u] of [independentish, correlated]) {
      expect(l).toBeLessThan(0.1);
      expect(u).toBeGreaterThan(0.1);
    }
  });

  it('stays inside [-1, 1] at the extremes and rejects an empty table', () => {
    const [lower, upper] = newcombePairedInterval({ bothPass: 0, headOnly: 0, baseOnly: 10, neither: 0 });
    expect(lower).toBeGreaterThanOrEqual(-1);
    expect(upper).toBeLessThan(0);
    expect(() => newcombePairedInterval({ bothPass: 0, headOnly: 0, baseOnly: 0, neither: 0 })).toThrow(RangeError);
  });
});
