import { describe, expect, it } from 'vitest';
import { mean, p50, p95, quantile, round, standardDeviation } from '../../src/stats/describe.js';

describe('mean and standardDeviation', () => {
  it('matches the textbook data set 2, 4, 4, 4, 5, 5, 7, 9', () => {
    // The classic example (e.g. Wikipedia, "Standard deviation"): mean 5, sum of squared
    // deviations 32, so the sample sd is sqrt(32 / 7) = 2.13809.
    const data = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(data)).toBe(5);
    expect(standardDeviation(data)).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('refuses empty or non-finite input instead of returning NaN', () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
    expect(() => standardDeviation([1])).toThrow(RangeError);
  });
});

describe('quantile (type 7)', () => {
  it("matches R's quantile() default on c(6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49)", () => {
    // R: quantile(x) gives 25% 25.5, 50% 40, 75% 42.5 (also numpy.quantile). By hand for 25%:
    // h = (11 - 1) * 0.25 = 2.5, so x[2] + 0.5 * (x[3] - x[2]) = 15 + 0.5 * 21 = 25.5 (0-based).
    const data = [49, 6, 43, 7, 15, 42, 36, 39, 47, 40, 41];
    expect(quantile(data, 0.25)).toBeCloseTo(25.5, 12);
    expect(quantile(data, 0.5)).toBe(40);
    expect(quantile(data, 0.75)).toBeCloseTo(42.5, 12);
    expect(quantile(data, 0)).toBe(6);
    expect(quantile(data, 1)).toBe(49);
  });

  it('p50 and p95 of 1..10 are 5.5 and 9.55, as R quantile(1:10, c(.5, .95)) gives', () => {
    // By hand: h = 9 * 0.95 = 8.55, so 9 + 0.55 * (10 - 9) = 9.55.
    const data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(p50(data)).toBe(5.5);
    expect(p95(data)).toBeCloseTo(9.55, 12);
  });

  it('returns the only value of a single-element input and rejects bad q', () => {
    expect(quantile([3], 0.95)).toBe(3);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});

describe('round', () => {
  it.each([
    [1.005, 2, 1.01], // toFixed gives "1.00": the binary value is 1.00499999999999989...
    [0.1 + 0.2, 4, 0.3], // 0.30000000000000004
    [0.9999999999, 4, 1],
    [2.5, 0, 3],
    [-2.5, 0, -3], // half away from zero, symmetric
    [123.456, 1, 123.5],
    [1e-7, 4, 0],
    [1.23e21, 2, 1.23e21],
    [2 / 3, 6, 0.666667],
  ])('round(%d, %d) = %d', (value, digits, expected) => {
    expect(round(value, digits)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(round(-0.0001, 2), 0)).toBe(true);
    expect(Object.is(round(-0, 3), 0)).toBe(true);
  });

  it('prints without binary tails', () => {
    expect(String(round(0.1 * 3, 3))).toBe('0.3');
    expect(String(round(1.1 + 2.2, 6))).toBe('3.3');
  });

  it('passes non-finite values through and rejects bad digits', () => {
    expect(round(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(() => round(1, -1)).toThrow(RangeError);
    expect(() => round(1, 1.5)).toThrow(RangeError);
  });
});
