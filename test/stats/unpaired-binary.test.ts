import { describe, expect, it } from 'vitest';
import { fisherLower, newcombeUnpairedInterval } from '../../src/stats/unpaired-binary.js';

function binomialPmf(k: number, n: number, p: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c * p ** k * (1 - p) ** (n - k);
}

/** The exact chance that a test rejects at `alpha` when both groups share the rate p. */
function size(m: number, n: number, p: number, alpha: number, pValue: (x: number, y: number) => number): number {
  let total = 0;
  for (let x = 0; x <= m; x++) for (let y = 0; y <= n; y++) if (pValue(x, y) <= alpha) total += binomialPmf(x, m, p) * binomialPmf(y, n, p);
  return total;
}

/** A binomial test against the baseline's observed rate, as if that rate were known. */
function binomialAgainstObserved(x: number, m: number, y: number, n: number): number {
  let tail = 0;
  for (let k = 0; k <= x; k++) tail += binomialPmf(k, m, y / n);
  return tail;
}

describe('fisherLower', () => {
  it('gives the hypergeometric lower tail: 0 of 3 against 3 of 3 is 1 / C(6, 3)', () => {
    expect(fisherLower({ successes: 0, n: 3 }, { successes: 3, n: 3 })).toEqual({ p: expect.closeTo(0.05, 12), minP: expect.closeTo(0.05, 12) });
    // One success on each side: P(X <= 1) = (C(3,0)C(3,2) + C(3,1)C(3,1)) / C(6,2) = 12/15.
    expect(fisherLower({ successes: 1, n: 3 }, { successes: 1, n: 3 }).p).toBeCloseTo(12 / 15, 12);
    expect(fisherLower({ successes: 3, n: 3 }, { successes: 0, n: 3 }).p).toBeCloseTo(1, 12);
  });

  it('holds its level when the new items are like the old ones, where a binomial test against the observed rate does not', () => {
    for (const [m, n, p] of [
      [30, 70, 0.65],
      [10, 20, 0.8],
      [5, 400, 0.9],
      [50, 50, 0.5],
    ] as const) {
      expect(
        size(m, n, p, 0.05, (x, y) => fisherLower({ successes: x, n: m }, { successes: y, n }).p),
        `${m} vs ${n} at ${p}`,
      ).toBeLessThanOrEqual(0.05);
    }
    expect(size(30, 20, 0.8, 0.05, (x, y) => binomialAgainstObserved(x, 30, y, 20))).toBeGreaterThan(0.05);
  });

  it('minP is the smallest p any split of the same total could give', () => {
    const m = 8;
    const n = 12;
    const total = 9;
    const all = Array.from({ length: Math.min(m, total) + 1 }, (_, x) => x)
      .filter((x) => total - x <= n)
      .map((x) => fisherLower({ successes: x, n: m }, { successes: total - x, n }));
    const least = Math.min(...all.map((t) => t.p));
    for (const t of all) expect(t.minP).toBeCloseTo(least, 12);
  });
});

describe('newcombeUnpairedInterval', () => {
  it('contains the observed difference and stays inside [-1, 1]', () => {
    for (const [a, b] of [
      [
        { successes: 0, n: 30 },
        { successes: 46, n: 70 },
      ],
      [
        { successes: 5, n: 5 },
        { successes: 0, n: 5 },
      ],
      [
        { successes: 12, n: 20 },
        { successes: 60, n: 100 },
      ],
    ] as const) {
      const [lo, hi] = newcombeUnpairedInterval(a, b);
      const d = a.successes / a.n - b.successes / b.n;
      expect(lo).toBeLessThanOrEqual(d);
      expect(hi).toBeGreaterThanOrEqual(d);
      expect(lo).toBeGreaterThanOrEqual(-1);
      expect(hi).toBeLessThanOrEqual(1);
    }
    // Newcombe (1998) Table II, example (a): 56/70 vs 48/80 gives 0.0524 to 0.3339.
    const [lo, hi] = newcombeUnpairedInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(lo).toBeCloseTo(0.0524, 3);
    expect(hi).toBeCloseTo(0.3339, 3);
  });
});
