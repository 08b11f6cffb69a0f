import { describe, expect, it } from 'vitest';
import { recallAtK, splitByHit } from '../../src/stats/retrieval.js';

describe('recallAtK', () => {
  it('is the share of gold sources among the first k retrieved ids', () => {
    expect(recallAtK(['a', 'b'], ['a', 'x', 'b'], 3)).toBe(1);
    expect(recallAtK(['a', 'b'], ['a', 'x', 'b'], 2)).toBe(0.5);
    expect(recallAtK(['a', 'b'], ['x', 'y'], 5)).toBe(0);
    expect(recallAtK(['a'], [], 3)).toBe(0);
  });

  it('counts a repeated id, in the gold list or the retrieved one, once', () => {
    expect(recallAtK(['a', 'a', 'b'], ['a', 'a', 'a'], 3)).toBe(0.5);
  });

  it('is undefined without gold sources and refuses a k below 1', () => {
    expect(recallAtK([], ['a'], 3)).toBeUndefined();
    expect(() => recallAtK(['a'], ['a'], 0)).toThrow(/k must be a whole number above 0/);
    expect(() => recallAtK(['a'], ['a'], 1.5)).toThrow(RangeError);
  });
});

describe('splitByHit', () => {
  it('splits pass rates by retrieval hit (recall 1) and miss, and attributes the failures', () => {
    const split = splitByHit([
      { recall: 1, pass: true },
      { recall: 1, pass: false },
      { recall: 1, pass: false },
      { recall: 0.5, pass: true },
      { recall: 0, pass: false },
    ]);
    expect(split).toEqual({ items: 5, recall: 0.7, hits: 3, misses: 2, passOnHit: 1 / 3, passOnMiss: 0.5, failedOnHit: 2, failedOnMiss: 1 });
  });

  it('has no pass rate for an empty side, and nothing for no items', () => {
    expect(splitByHit([{ recall: 1, pass: true }])).toMatchObject({ passOnHit: 1, passOnMiss: null, misses: 0 });
    expect(splitByHit([])).toBeUndefined();
  });
});
