import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/stats/paired.js';

/** Paired 0/1 arrays for a 2x2 table. */
function fromTable(bothPass: number, headOnly: number, baseOnly: number, neither: number): { base: number[]; head: number[] } {
  const cells: [number, number, number][] = [
    [bothPass, 1, 1],
    [headOnly, 0, 1],
    [baseOnly, 1, 0],
    [neither, 0, 0],
  ];
  const base: number[] = [];
  const head: number[] = [];
  for (const [count, b, h] of cells) {
    for (let i = 0; i < count; i++) {
      base.push(b);
      head.push(h);
    }
  }
  return { base, head };
}

describe('pairedDifference', () => {
  it('binary scores: exact McNemar and Newcombe, on the Cavo et al. (2012) table', () => {
    // Reference values from Fagerland, Lydersen & Laake (2017), ch. 8: McNemar exact conditional
    // P = 0.052479; Newcombe square-and-add -0.0621 (-0.1186 to -0.0046).
    const { base, head } = fromTable(59, 6, 16, 80);
    const result = pairedDifference(base, head);
    expect(result).toMatchObject({ n: 161, test: 'mcnemar', intervalMethod: 'newcombe', exact: true });
    expect(result.meanBase).toBeCloseTo(75 / 161, 14);
    expect(result.meanHead).toBeCloseTo(65 / 161, 14);
    expect(result.diff).toBeCloseTo(-0.0621, 4);
    expect(result.pValue).toBeCloseTo(0.052479, 6);
    expect(result.interval[0]).toBeCloseTo(-0.1186, 4);
    expect(result.interval[1]).toBeCloseTo(-0.0046, 4);
  });

  it("continuous scores: the permutation test and a bootstrap interval, on Darwin's data", () => {
    // Darwin's differences scaled into score space (d / 200); scaling leaves Fisher's exact
    // p = 1726 / 32768 unchanged (The Design of Experiments, 1935, section 21).
    const darwin = [49, -67, 8, 16, 6, 23, 28, 41, 14, 29, 56, 24, 75, 60, -48];
    const base = darwin.map(() => 0.5);
    const head = darwin.map((d) => 0.5 + d / 200);
    const result = pairedDifference(base, head);
    expect(result).toMatchObject({ n: 15, test: 'permutation', intervalMethod: 'bootstrap', exact: true });
    expect(result.pValue).toBeCloseTo(1726 / 32768, 14);
    expect(result.diff).toBeCloseTo(314 / 15 / 200, 12);
    expect(result.interval[0]).toBeLessThan(result.diff);
    expect(result.interval[1]).toBeGreaterThan(result.diff);
  });

  it('treats a mix of binary and continuous scores as continuous', () => {
    const result = pairedDifference([1, 0, 1, 1], [0.5, 0.25, 1, 0.75]);
    expect(result.test).toBe('permutation');
  });

  it('passes the seed and confidence through to the bootstrap', () => {
    const base = [0.1, 0.4, 0.35, 0.8, 0.6, 0.2, 0.9, 0.5];
    const head = [0.2, 0.3, 0.5, 0.7, 0.65, 0.4, 0.85, 0.3];
    const a = pairedDifference(base, head, { seed: 1 });
    expect(pairedDifference(base, head, { seed: 1 })).toEqual(a);
    const wide = pairedDifference(base, head, { seed: 1, confidence: 0.99 });
    expect(wide.interval[0]).toBeLessThanOrEqual(a.interval[0]);
    expect(wide.interval[1]).toBeGreaterThanOrEqual(a.interval[1]);
    expect(wide.interval[1] - wide.interval[0]).toBeGreaterThan(a.interval[1] - a.interval[0]);
  });

  it('says [-1, 1] for a single continuous pair, where no spread can be estimated', () => {
    const result = pairedDifference([0.4], [0.9]);
    expect(result).toMatchObject({ interval: [-1, 1], intervalMethod: 'range', pValue: 1 });
  });

  it('rejects scores outside [0, 1] and unpaired arrays', () => {
    expect(() => pairedDifference([0.5, 1.5], [0.5, 0.5])).toThrow(RangeError);
    expect(() => pairedDifference([0.5], [0.5, 0.5])).toThrow(RangeError);
    expect(() => pairedDifference([], [])).toThrow(RangeError);
  });
});
