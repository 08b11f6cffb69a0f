import { describe, expect, it } from 'vitest';
import { absoluteMetrics, formatRatio, pairwiseMetrics, type PairwiseResult } from '../../src/scoring/judges/calibrate-metrics.js';

describe('formatRatio', () => {
  it('prints count / total = percent with one decimal, like LLMBar', () => {
    expect(formatRatio({ count: 95, total: 100 })).toBe('95 / 100 = 95.0%');
    expect(formatRatio({ count: 2, total: 3 })).toBe('2 / 3 = 66.7%');
    expect(formatRatio({ count: 0, total: 0 })).toBe('0 / 0 = n/a');
  });
});

describe('pairwiseMetrics', () => {
  // Hand-computed below: A-E judged in both orders, F in one; E's original verdict is an error.
  const results: PairwiseResult[] = [
    { label: 1, original: 1, swapped: 1 }, // A: right both times
    { label: 1, original: 1, swapped: 2 }, // B: picked the output shown first both times
    { label: 2, original: 2, swapped: 2 }, // C: right both times
    { label: 2, original: 2, swapped: 1 }, // D: picked the output shown second both times
    { label: 2, original: null, swapped: 2 }, // E: judge error in the original order
    { label: 1, original: 'tie' }, // F: one order only, a tie
  ];
  const m = pairwiseMetrics(results);

  it('counts correctness per order and in both orders, errors and ties as incorrect', () => {
    expect(m.n).toBe(6);
    expect(m.bothOrders).toBe(5);
    expect(m.correctOriginal).toEqual({ count: 4, total: 6 }); // A B C D
    expect(m.correctSwapped).toEqual({ count: 3, total: 5 }); // A C E
    expect(m.correctBoth).toEqual({ count: 2, total: 5 }); // A C
    expect(m.errorsOriginal).toBe(1);
    expect(m.errorsSwapped).toBe(0);
  });

  it('measures position consistency and which position an inconsistent judge preferred', () => {
    expect(m.sameVerdict).toEqual({ count: 2, total: 5 }); // A C; E's error matches nothing
    expect(m.positionConsistency).toEqual({ count: 2, total: 4 }); // of A-D
    expect(m.preferredFirst).toBe(1); // B
    expect(m.preferredSecond).toBe(1); // D
  });

  it("computes Cohen's kappa per order and between orders", () => {
    // Original: observed 4/6; label totals 1:3 2:3, verdict totals 1:2 2:2 error:1 tie:1 -> chance 12/36.
    expect(m.kappaOriginal).toBeCloseTo((4 / 6 - 12 / 36) / (1 - 12 / 36), 12);
    expect(m.kappaOriginal).toBeCloseTo(0.5, 12);
    // Swapped: observed 3/5; totals 1:2 2:3 on both sides -> chance 13/25.
    expect(m.kappaSwapped).toBeCloseTo((0.6 - 0.52) / 0.48, 12);
    // Between orders over A-D: observed 2/4, chance 8/16 -> 0.
    expect(m.kappaBetweenOrders).toBeCloseTo(0, 12);
  });

  it('builds a confusion matrix per order with errors and ties as their own columns', () => {
    expect(m.matrixOriginal).toEqual({
      labels: ['1', '2', 'error', 'tie'],
      counts: [
        [2, 0, 0, 1],
        [0, 2, 1, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
    expect(m.matrixSwapped).toEqual({
      labels: ['1', '2'],
      counts: [
        [1, 1],
        [1, 2],
      ],
    });
  });

  it('leaves the two-order figures empty when only one order was judged', () => {
    const single = pairwiseMetrics([
      { label: 1, original: 1 },
      { label: 2, original: 1 },
    ]);
    expect(single.correctOriginal).toEqual({ count: 1, total: 2 });
    expect(single.correctSwapped).toEqual({ count: 0, total: 0 });
    expect(single.kappaSwapped).toBeNull();
    expect(single.kappaBetweenOrders).toBeNull();
  });
});

describe('absoluteMetrics', () => {
  const m = absoluteMetrics(
    [
      { label: 5, judged: 5 },
      { label: 4, judged: 5 },
      { label: 2, judged: 2 },
      { label: 3, judged: 4 },
      { label: 1, judged: null },
      { label: 4, judged: 4 },
    ],
    '1-5',
    4,
  );

  it('counts exact and pass/fail agreement, an error as a disagreement', () => {
    expect(m.exact).toEqual({ count: 3, total: 6 });
    expect(m.passFail).toEqual({ count: 4, total: 6 });
    expect(m.errors).toBe(1);
  });

  it("computes Cohen's kappa on the scores and on pass/fail", () => {
    // Scores: observed 3/6; human totals 1,2,3:1 4:2 5:1, judge 2:1 4:2 5:2 error:1 -> chance 7/36.
    expect(m.kappa).toBeCloseTo(11 / 29, 12);
    // Pass/fail: observed 4/6; human P3 F3, judge P4 F1 error1 -> chance 15/36.
    expect(m.passFailKappa).toBeCloseTo(3 / 7, 12);
  });

  it('builds the confusion matrix, rows human and columns judge', () => {
    expect(m.matrix.labels).toEqual(['1', '2', '3', '4', '5', 'error']);
    expect(m.matrix.counts[3]).toEqual([0, 0, 0, 1, 1, 0]); // human 4: judged 4 once, 5 once
    expect(m.matrix.counts[0]).toEqual([0, 0, 0, 0, 0, 1]); // human 1: an error
  });

  it('gives no kappa when everyone used one label, and refuses a 0-1 scale', () => {
    const same = absoluteMetrics(
      [
        { label: 1, judged: 1 },
        { label: 1, judged: 1 },
      ],
      'binary',
      1,
    );
    expect(same.exact).toEqual({ count: 2, total: 2 });
    expect(same.kappa).toBeNull();
    expect(() => absoluteMetrics([{ label: 0.5, judged: 0.5 }], '0-1', 0.5)).toThrow(RangeError);
  });
});
