import { describe, expect, it } from 'vitest';
import { comparePaired, dropPValue, pairedScores, sliceGroups } from '../../src/gate/engine.js';
import { failsRule } from '../../src/gate/family.js';
import { pairItems } from '../../src/gate/pairing.js';
import { compareRetention } from '../../src/reports/retention.js';
import { flip, gateConfig, ids, item, items, report } from './helpers.js';

describe('the comparison core (src/gate/engine.ts)', () => {
  it('groups pairs as every report does: overall, long-tail slices, then the rest by name', () => {
    const all = [...items('zeta', 4, 4), ...items('long-tail', 4, 4), ...items('alpha', 4, 4)];
    const base = report(all);
    const groups = sliceGroups(pairItems(base, base).pairs, base, base);
    expect(groups.map((g) => [g.slice, g.longTail, g.pairs.length])).toEqual([
      ['all', false, 12],
      ['long-tail', true, 4],
      ['alpha', false, 4],
      ['zeta', false, 4],
    ]);
  });

  it('pairs scores only where both runs have the metric, and counts a missing pass as a failure', () => {
    const base = report([item('a', ['s'], true, { tone: 0.5 }), item('b', ['s'], true)]);
    const head = report([{ ...item('a', ['s'], true, { tone: 0.25 }), scores: { tone: 0.25 } }, item('b', ['s'], false, { tone: 1 })]);
    const { pairs } = pairItems(base, head);
    expect(pairedScores(pairs, 'tone')).toEqual({ base: [0.5], head: [0.25] });
    expect(pairedScores(pairs, 'pass')).toEqual({ base: [1, 1], head: [0, 0] });
  });

  it('tests a drop one-sided: half the two-sided p for a drop, the complement for a gain, 1 for no change', () => {
    expect(dropPValue(-0.1, 0.04)).toBe(0.02);
    expect(dropPValue(0.1, 0.04)).toBe(0.98);
    expect(dropPValue(0, 1)).toBe(1);
    const base = report(items('s', 20, 20));
    const head = report(flip(items('s', 20, 20), ids('s', 0, 8)));
    const row = comparePaired(sliceGroups(pairItems(base, head).pairs, base, head)[1]!, 'pass');
    expect(row).toMatchObject({ slice: 's', n: 20, test: 'mcnemar', diff: -0.4 });
    expect(row?.pDrop).toBeCloseTo(0.5 ** 8, 12);
  });

  it('fails a rule only past its threshold AND significant, whichever command asks', () => {
    expect(failsRule(0.1, 0.02, 0.01, 0.05, 'above')).toBe(true);
    expect(failsRule(0.1, 0.02, 0.2, 0.05, 'above')).toBe(false);
    expect(failsRule(0.02, 0.02, 0.001, 0.05, 'above')).toBe(false);
    expect(failsRule(0.8, 0.9, 0.01, 0.05, 'below')).toBe(true);
    expect(failsRule(0.8, 0.9, null, 0.05, 'below')).toBe(false);
  });

  it('gives retention the same rows, p-values and order as the run gate', () => {
    const base = report([...items('long-tail', 30, 30), ...items('head', 30, 30)]);
    const head = report([...flip(items('long-tail', 30, 30), ids('long-tail', 0, 12)), ...items('head', 30, 30)]);
    const retention = compareRetention(base, head, gateConfig());
    expect(retention.rows.map((r) => r.slice)).toEqual(['all', 'long-tail', 'head']);
    const tail = retention.rows.find((r) => r.slice === 'long-tail');
    expect(tail).toMatchObject({ retention: 0.6, failed: true });
    expect(tail?.pValue).toBeCloseTo(0.5 ** 12, 12);
  });
});
