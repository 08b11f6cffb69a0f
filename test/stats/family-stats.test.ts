import { describe, expect, it } from 'vitest';
import { graphicalAdjust } from '../../src/stats/graphical.js';
import { criticalRegressions, detectableDropFromDiscordance, itemsToDetect, mcnemarPower } from '../../src/stats/mcnemar-power.js';
import { holm } from '../../src/stats/multiple.js';
import { mcnemarExact } from '../../src/stats/paired-binary.js';
import { optimalWeights } from '../../src/stats/weights.js';

describe('exact McNemar power (src/stats/mcnemar-power.ts)', () => {
  it('finds the critical count of the one-sided exact test', () => {
    // P(Binomial(17, 1/2) >= 13) = 0.0245 <= 0.05 < P(>= 12) = 0.0717.
    expect(criticalRegressions(17, 0.05)).toBe(13);
    expect(mcnemarExact(13, 4) / 2).toBeLessThanOrEqual(0.05);
    expect(mcnemarExact(12, 5) / 2).toBeGreaterThan(0.05);
    expect(criticalRegressions(4, 0.05)).toBe(5); // 2^-4 > 0.05: no count rejects
    expect(criticalRegressions(3000, 0.05)).toBe(1546);
  });

  it('matches a brute-force sum over every 2x2 outcome on a small case', () => {
    const [n, psi0, drop, alpha] = [12, 0.2, 0.25, 0.05];
    const [p10, p01] = [psi0 / 2 + drop, psi0 / 2];
    let brute = 0;
    const choose = (a: number, b: number) => (b < 0 || b > a ? 0 : Array.from({ length: b }, (_, i) => (a - i) / (i + 1)).reduce((x, y) => x * y, 1));
    for (let b = 0; b <= n; b++) {
      for (let c = 0; b + c <= n; c++) {
        const probability = choose(n, b) * choose(n - b, c) * p10 ** b * p01 ** c * (1 - p10 - p01) ** (n - b - c);
        if (b > c && mcnemarExact(b, c) / 2 <= alpha) brute += probability;
      }
    }
    expect(mcnemarPower(n, psi0, drop, alpha)).toBeCloseTo(brute, 10);
  });

  it('states smaller detectable drops for correlated runs than for independent ones, and none for too few items', () => {
    const tight = detectableDropFromDiscordance(100, 0.08, 0.7, 0.05);
    expect(tight).toBeGreaterThan(0.08);
    expect(tight).toBeLessThan(0.15);
    expect(mcnemarPower(100, 0.08, tight ?? 0, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(detectableDropFromDiscordance(4, 0, 1, 0.05)).toBeNull();
    const n = itemsToDetect(0.08, 0.7, 0.1, 0.05);
    expect(mcnemarPower(n ?? 0, 0.08, 0.1, 0.05)).toBeGreaterThanOrEqual(0.8);
    expect(mcnemarPower((n ?? 0) - 1, 0.08, 0.1, 0.05)).toBeLessThan(0.8);
  });
});

describe('optimal weights (Roeder & Wasserman 2009)', () => {
  it('sum to one and favour the test the budget can help', () => {
    const w = optimalWeights([9, 2.5, 0.3], 0.05);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(w[1]).toBeGreaterThan(w[0] as number);
    expect(w[1]).toBeGreaterThan(w[2] as number);
    expect(optimalWeights([2, 2], 0.05)).toEqual([0.5, 0.5]);
  });
});

describe('the graphical procedure (Bretz et al. 2009)', () => {
  it('is Holm with equal weights and a complete graph', () => {
    const p = [0.01, 0.04, 0.03, 0.2];
    const complete = p.map((_, i) => p.map((_, j) => (i === j ? 0 : 1 / (p.length - 1))));
    const adjusted = graphicalAdjust(p, [0.25, 0.25, 0.25, 0.25], complete);
    holm(p).forEach((h, i) => expect(adjusted[i]).toBeCloseTo(h, 12));
  });

  it('is the fixed sequence when all weight starts on the first and passes down the chain', () => {
    const chain = [
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0],
    ];
    expect(graphicalAdjust([0.01, 0.04, 0.03], [1, 0, 0], chain)).toEqual([0.01, 0.04, 0.04]);
    // The first not rejected stops the chain: the later ones are never tested.
    expect(graphicalAdjust([0.2, 0.001, 0.001], [1, 0, 0], chain)).toEqual([0.2, 0.2, 0.2]);
  });
});
