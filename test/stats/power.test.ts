import { describe, expect, it } from 'vitest';
import { minDetectableDrop, requiredN } from '../../src/stats/power.js';

const Z975 = 1.959963984540054; // Φ⁻¹(0.975), normal table 1.960
const Z80 = 0.8416212335729143; // Φ⁻¹(0.80), normal table 0.842

describe('binary (McNemar, Connor 1987)', () => {
  it('needs 155 pairs to detect a 0.10 drop at discordance 0.20, computed by hand', () => {
    // n = (1.95996 sqrt(0.2) + 0.84162 sqrt(0.2 - 0.01))^2 / 0.1^2
    //   = (0.876522 + 0.366853)^2 / 0.01 = 154.60 -> 155.
    const handN = (Z975 * Math.sqrt(0.2) + Z80 * Math.sqrt(0.19)) ** 2 / 0.01;
    expect(handN).toBeCloseTo(154.6, 1);
    const assumptions = { kind: 'binary', baseline: 0.8, alpha: 0.05, discordance: 0.2 } as const;
    expect(requiredN({ ...assumptions, drop: 0.1 })).toBe(155);
    // and the inverse: 155 pairs can see 0.10, 154 cannot quite.
    expect(minDetectableDrop({ ...assumptions, n: 155 })).toBeLessThanOrEqual(0.1);
    expect(minDetectableDrop({ ...assumptions, n: 154 })).toBeGreaterThan(0.1);
  });

  it('12 items at a 0.9 pass rate can only see a collapse to about 0.31', () => {
    // The answer satisfies Connor's condition with equality, psi from independence (by hand):
    // psi = p(1 - p + d) + (1 - p)(p - d); sqrt(n) d = z(.975) sqrt(psi) + z(.8) sqrt(psi - d^2).
    const d = minDetectableDrop({ kind: 'binary', n: 12, baseline: 0.9, alpha: 0.05 }) as number;
    const psi = 0.9 * (0.1 + d) + 0.1 * (0.9 - d);
    expect(Math.sqrt(12) * d).toBeCloseTo(Z975 * Math.sqrt(psi) + Z80 * Math.sqrt(psi - d * d), 9);
    expect(d).toBeCloseTo(0.591, 3);
  });

  it('shrinks like 1/sqrt(n) and grows as alpha is corrected', () => {
    const at = (n: number, alpha = 0.05): number => minDetectableDrop({ kind: 'binary', n, baseline: 0.9, alpha }) as number;
    expect(at(400)).toBeLessThan(at(100));
    expect(at(400) / at(100)).toBeGreaterThan(0.4);
    expect(at(400) / at(100)).toBeLessThan(0.6);
    expect(at(100, 0.05 / 10)).toBeGreaterThan(at(100));
  });

  it('round-trips: requiredN(d) pairs detect d, one fewer does not', () => {
    for (const drop of [0.02, 0.05, 0.2]) {
      const assumptions = { kind: 'binary', baseline: 0.85, alpha: 0.01 } as const;
      const n = requiredN({ ...assumptions, drop });
      expect(minDetectableDrop({ ...assumptions, n })).toBeLessThanOrEqual(drop);
      expect(minDetectableDrop({ ...assumptions, n: n - 1 })).toBeGreaterThan(drop);
    }
  });

  it('returns null below the exact test floor: 5 pairs can never reach p < 0.05', () => {
    // The smallest exact two-sided p with 5 discordant pairs is 2/32 = 0.0625; with 6, 2/64.
    expect(minDetectableDrop({ kind: 'binary', n: 5, baseline: 1, alpha: 0.05 })).toBeNull();
    expect(minDetectableDrop({ kind: 'binary', n: 6, baseline: 1, alpha: 0.05 })).not.toBeNull();
    expect(minDetectableDrop({ kind: 'binary', n: 50, baseline: 0, alpha: 0.05 })).toBeNull();
  });

  it('rejects drops and discordances the baseline cannot produce', () => {
    expect(() => requiredN({ kind: 'binary', baseline: 0.3, alpha: 0.05, drop: 0.4 })).toThrow(RangeError);
    // discordance 0.1 allows drops of at most 0.1 (every discordant item a regression).
    expect(() => requiredN({ kind: 'binary', baseline: 0.9, alpha: 0.05, discordance: 0.1, drop: 0.2 })).toThrow(RangeError);
    expect(() => minDetectableDrop({ kind: 'binary', n: 50, baseline: 0.9, alpha: 0.05, power: 0.3 })).toThrow(RangeError);
  });
});

describe('continuous (paired t approximation)', () => {
  it('n = 10, sd 0.2: (t(.975, 9) + t(.8, 9)) 0.2 / sqrt(10) = 0.1989 from t tables', () => {
    // Table values t(.975, 9) = 2.262 and t(.80, 9) = 0.883: (3.145 * 0.2) / 3.1623 = 0.19891.
    const d = minDetectableDrop({ kind: 'continuous', n: 10, baseline: 0.7, alpha: 0.05, sdDiff: 0.2 });
    expect(d).toBeCloseTo(((2.262 + 0.883) * 0.2) / Math.sqrt(10), 3);
  });

  it('approaches the normal formula (z(.975) + z(.8)) sd / sqrt(n) for large n', () => {
    const d = minDetectableDrop({ kind: 'continuous', n: 5000, baseline: 0.7, alpha: 0.05, sdDiff: 0.3 }) as number;
    const normal = ((Z975 + Z80) * 0.3) / Math.sqrt(5000);
    expect(d).toBeGreaterThan(normal);
    expect(d / normal).toBeLessThan(1.001);
  });

  it('round-trips with requiredN', () => {
    const assumptions = { kind: 'continuous', baseline: 0.7, alpha: 0.05, sdDiff: 0.2 } as const;
    expect(requiredN({ ...assumptions, drop: 0.199 })).toBe(10);
    const n = requiredN({ ...assumptions, drop: 0.03 });
    expect(minDetectableDrop({ ...assumptions, n })).toBeLessThanOrEqual(0.03);
    expect(minDetectableDrop({ ...assumptions, n: n - 1 })).toBeGreaterThan(0.03);
  });

  it('returns null when the detectable drop exceeds the baseline, and needs sdDiff', () => {
    expect(minDetectableDrop({ kind: 'continuous', n: 10, baseline: 0.1, alpha: 0.05, sdDiff: 0.2 })).toBeNull();
    expect(() => minDetectableDrop({ kind: 'continuous', n: 10, baseline: 0.5, alpha: 0.05 })).toThrow(RangeError);
  });
});
