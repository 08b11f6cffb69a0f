import { describe, expect, it } from 'vitest';
import { holm } from '../../src/stats/multiple.js';

// Expected values are R's p.adjust(p, method = "holm"), worked by hand: sort ascending, multiply
// the i-th smallest by (m - i + 1), carry the running maximum, cap at 1, restore input order.
describe('holm', () => {
  it('p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02', () => {
    // Sorted: 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> max(0.06, 0.04) = 0.06.
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted).toHaveLength(4);
    [0.03, 0.06, 0.06, 0.02].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 15));
  });

  it('p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09', () => {
    const adjusted = holm([0.01, 0.02, 0.03, 0.04, 0.05]);
    [0.05, 0.08, 0.09, 0.09, 0.09].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 15));
  });

  it('caps at 1 and keeps the order monotone in the raw p-values', () => {
    expect(holm([0.6, 0.5])).toEqual([1, 1]); // 0.5*2 = 1, then max(1, 0.6) = 1
    const raw = [0.2, 0.001, 0.04, 0.03, 0.5, 0.011];
    const adjusted = holm(raw);
    const byRaw = raw.map((p, i) => [p, adjusted[i] as number] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byRaw.length; i++) expect(byRaw[i]![1]).toBeGreaterThanOrEqual(byRaw[i - 1]![1]);
    adjusted.forEach((a, i) => expect(a).toBeGreaterThanOrEqual(raw[i] as number));
  });

  it('gives tied p-values the same adjusted value', () => {
    // 0.01*3 = 0.03, then 0.01*2 = 0.02 -> 0.03 by the running max, then 0.02*1 -> 0.03.
    const adjusted = holm([0.02, 0.01, 0.01]);
    [0.03, 0.03, 0.03].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 15));
  });

  it('leaves a single p-value alone, returns [] for none, and rejects invalid input', () => {
    expect(holm([0.04])).toEqual([0.04]);
    expect(holm([])).toEqual([]);
    expect(() => holm([0.5, Number.NaN])).toThrow(RangeError);
    expect(() => holm([1.2])).toThrow(RangeError);
  });
});
