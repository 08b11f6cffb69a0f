import { describe, expect, it } from 'vitest';
import { pairedRatio } from '../../src/stats/ratio.js';

describe('pairedRatio', () => {
  it('is the ratio of means, with a seeded bootstrap interval around it', () => {
    const base = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0 : 1)); // 0.9
    const head = base.map((b, i) => (i % 5 === 1 ? 0 : b)); // loses 40 of 180
    const { ratio, interval } = pairedRatio(base, head, { seed: 3 });
    expect(ratio).toBeCloseTo(140 / 180, 12);
    expect(interval?.[0]).toBeLessThan(ratio ?? 0);
    expect(interval?.[1]).toBeGreaterThan(ratio ?? 1);
    expect(interval?.[1]).toBeLessThan(0.9);
    expect(pairedRatio(base, head, { seed: 3 })).toEqual({ ratio, interval });
  });

  it('is exactly 1 with a zero-width interval for identical runs, and null when the base has nothing', () => {
    const same = [1, 0, 1, 1, 0.5];
    expect(pairedRatio(same, same)).toEqual({ ratio: 1, interval: [1, 1] });
    expect(pairedRatio([0, 0], [1, 0])).toEqual({ ratio: null, interval: null });
  });
});
