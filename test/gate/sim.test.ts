import { describe, expect, it } from 'vitest';
import { DEFAULT_MIXTURE, goldenSet, judgedRate, lowered, simulateCell, type SimModel } from '../../bench/gate-sim-model.js';
import { mulberry32 } from '../../src/stats/prng.js';
import { gateConfig } from './helpers.js';

const model = (n: number): SimModel => ({ n, slices: ['head', 'long-tail'], longTail: ['long-tail'], judgeFlip: 0.1, mixture: DEFAULT_MIXTURE });

describe('the gate simulation (bench/gate-sim.ts)', () => {
  it('lowers the expected judged pass rate by exactly the requested drop', () => {
    const golden = goldenSet(model(200), mulberry32(1));
    const rate = (items: typeof golden) => items.reduce((s, it) => s + judgedRate(it.p, 0.1), 0) / items.length;
    expect(rate(golden) - rate(lowered(golden, 0.05, 0.1))).toBeCloseTo(0.05, 9);
    expect(() => lowered(golden, 0.99, 0.1)).toThrow(/impossible/);
  });

  it('rarely fails an unchanged system and mostly catches a 10-point long-tail drop at n = 400', () => {
    const random = mulberry32(42);
    const m = model(400);
    const golden = goldenSet(m, random);
    const noChange = simulateCell(m, golden, gateConfig(), 0, 300, random);
    const drop = simulateCell(m, golden, gateConfig(), 0.1, 300, random);
    expect(noChange.failed / noChange.trials).toBeLessThanOrEqual(0.05);
    expect(drop.failed / drop.trials).toBeGreaterThanOrEqual(0.7);
    expect(noChange.statedDetectable).toHaveLength(300);
  });
});
