import { describe, expect, it } from 'vitest';
import { meanInterval, meanWithInterval, wilsonInterval, ratioWithInterval } from '../../src/stats/intervals.js';

describe('wilsonInterval', () => {
  it("8/10 gives 0.4902 to 0.9433, R's prop.test(8, 10, correct = FALSE)$conf.int", () => {
    const [lower, upper] = wilsonInterval(8, 10);
    expect(lower).toBeCloseTo(0.4901625, 7);
    expect(upper).toBeCloseTo(0.9433178, 7);
  });

  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Stat Med 17:857-872, Table II, method 3 (score interval without correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%d/%d gives %d to %d (Newcombe 1998)', (x, n, lower, upper) => {
    const [l, u] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(lower, 4);
    expect(u).toBeCloseTo(upper, 4);
  });

  it('has the closed forms at the edges: 0/n -> [0, z²/(n+z²)], n/n -> [n/(n+z²), 1]', () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(z2 / (10 + z2), 14)]);
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(10 / (10 + z2), 14), 1]);
  });

  it('widens with the confidence level', () => {
    const [l95, u95] = wilsonInterval(8, 10, 0.95);
    const [l99, u99] = wilsonInterval(8, 10, 0.99);
    expect(l99).toBeLessThan(l95);
    expect(u99).toBeGreaterThan(u95);
  });

  it('rejects impossible counts and levels', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('is the t interval, computed by hand for 0.2, 0.4, 0.6, 0.8', () => {
    // mean 0.5; sd = sqrt((0.09 + 0.01 + 0.01 + 0.09) / 3) = 0.258199; t(0.975, 3) = 3.182446
    // (table: 3.182); half-width = 3.182446 * 0.258199 / 2 = 0.410855.
    const [lower, upper] = meanInterval([0.2, 0.4, 0.6, 0.8]);
    expect(lower).toBeCloseTo(0.5 - 0.410855, 5);
    expect(upper).toBeCloseTo(0.5 + 0.410855, 5);
  });

  it('clips to [0, 1], where a mean of scores must lie', () => {
    // mean 0.0333, the unclipped t interval runs below 0.
    const [lower, upper] = meanInterval([0, 0, 0.1]);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(0.1 / 3 + (4.302652729749462 * Math.sqrt(0.01 / 3)) / Math.sqrt(3), 10);
  });

  it('says [0, 1] for a single score: one value carries no estimate of spread', () => {
    expect(meanInterval([0.7])).toEqual([0, 1]);
  });

  it('rejects no scores and scores outside [0, 1]', () => {
    expect(() => meanInterval([])).toThrow(RangeError);
    expect(() => meanInterval([0.5, 1.2])).toThrow(RangeError);
  });
});

describe('meanWithInterval', () => {
  it('uses Wilson when every score is 0 or 1', () => {
    const result = meanWithInterval([1, 1, 1, 1, 0, 1, 1, 1, 0, 1]);
    expect(result).toEqual({ n: 10, mean: 0.8, interval: wilsonInterval(8, 10), method: 'wilson' });
  });

  it('uses the t interval for continuous scores', () => {
    const values = [0.2, 0.4, 0.6, 0.8];
    expect(meanWithInterval(values)).toEqual({ n: 4, mean: 0.5, interval: meanInterval(values), method: 't' });
  });

  it('keeps Wilson for a single pass, where t could say nothing', () => {
    const result = meanWithInterval([1]);
    expect(result.method).toBe('wilson');
    expect(result.interval[0]).toBeCloseTo(0.2065, 4); // 1/(1 + z²) = 0.20654
    expect(result.interval[1]).toBe(1);
  });

  it('throws on an empty slice rather than inventing a mean', () => {
    expect(() => meanWithInterval([])).toThrow(RangeError);
  });
});

describe('ratioWithInterval', () => {
  it('is the micro-average, with the ratio estimator interval worked by hand', () => {
    // Three prompts with 2, 1 and 3 instructions, following 2, 0 and 2: R = 4/6.
    const r = ratioWithInterval([1, 0, 2 / 3], [2, 1, 3]);
    expect(r.mean).toBeCloseTo(4 / 6, 12);
    // residuals w(v - R): 2(1/3) = 2/3, 1(-2/3) = -2/3, 3(0) = 0; ss = 8/9; wbar = 2;
    // se = sqrt((8/9) / (3 * 2 * 4)) = sqrt(1/27); t(0.975, 2) = 4.302653.
    const half = 4.302652729749464 * Math.sqrt(1 / 27);
    expect(r.interval[0]).toBeCloseTo(Math.max(0, 4 / 6 - half), 9);
    expect(r.interval[1]).toBeCloseTo(Math.min(1, 4 / 6 + half), 9);
  });

  it('equals the plain mean when every weight is 1, and is [0, 1] for one cluster', () => {
    expect(ratioWithInterval([0.5, 1, 0], [1, 1, 1]).mean).toBeCloseTo(0.5, 12);
    expect(ratioWithInterval([0.5], [4]).interval).toEqual([0, 1]);
  });
});
