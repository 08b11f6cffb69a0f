import { describe, expect, it } from 'vitest';
import { largestRemainder, stratifiedSample } from '../../src/goldensets/sample.js';
import { mulberry32 } from '../../src/stats/prng.js';

function items(spec: Record<string, number>): Array<{ id: string; slices: string[] }> {
  return Object.entries(spec).flatMap(([slice, n]) => Array.from({ length: n }, (_, i) => ({ id: `${slice}-${i}`, slices: slice ? [slice] : [] })));
}
const count = (sample: Array<{ slices: string[] }>, slice: string) => sample.filter((i) => i.slices.includes(slice)).length;

describe('stratifiedSample', () => {
  it('keeps every slice, even a tiny one, and allocates the rest proportionally', () => {
    const all = items({ head: 800, 'long-tail': 150, 'out-of-scope': 45, rare: 5 });
    const sample = stratifiedSample(all, { size: 100, random: mulberry32(7) });
    expect(count(sample, 'rare')).toBeGreaterThanOrEqual(2);
    expect(count(sample, 'head')).toBe(80);
    expect(count(sample, 'long-tail')).toBe(15);
    expect(count(sample, 'out-of-scope')).toBeGreaterThanOrEqual(4);
    expect(sample.length).toBeGreaterThanOrEqual(100);
    expect(sample.length).toBeLessThanOrEqual(102);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const all = items({ a: 50, b: 50 });
    const ids = (seed: number) => stratifiedSample(all, { size: 10, random: mulberry32(seed) }).map((i) => i.id);
    expect(ids(1)).toEqual(ids(1));
    expect(ids(1)).not.toEqual(ids(2));
  });

  it('keeps the input order and returns everything when size covers it', () => {
    const all = items({ a: 5 });
    expect(stratifiedSample(all, { size: 10, random: mulberry32(1) })).toEqual(all);
    const many = items({ a: 30, b: 30 });
    const positions = stratifiedSample(many, { size: 10, random: mulberry32(3) }).map((i) => many.indexOf(i));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('samples items without slices as their own stratum', () => {
    const sample = stratifiedSample(items({ '': 20, a: 20 }), { size: 10, random: mulberry32(5) });
    expect(sample.filter((i) => i.slices.length === 0)).toHaveLength(5);
  });
});

describe('largestRemainder', () => {
  it('rounds shares to integers that keep the total', () => {
    expect(largestRemainder([3.4, 3.3, 3.3])).toEqual([4, 3, 3]);
    expect(largestRemainder([0.5, 0.5])).toEqual([1, 0]);
    expect(largestRemainder([2, 3])).toEqual([2, 3]);
  });
});
