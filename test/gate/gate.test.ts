import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/gate/compare.js';
import { evaluateGate } from '../../src/gate/decision.js';
import { isGatedMetric } from '../../src/gate/types.js';
import { GateConfigSchema } from '../../src/gate/config.js';
import { newcombePairedInterval } from '../../src/stats/paired-binary.js';
import { flip, gateConfig, ids, item, items, report } from './helpers.js';

const points = (x: number) => `${x < 0 ? '\u2212' : '+'}${Math.abs(x * 100).toFixed(1)}`;

/** 1000 head items and 50 long-tail items, all passing: the baseline of most cases below. */
const baseItems = [...items('head', 1000, 1000), ...items('long-tail', 50, 50)];

describe('compareReports and evaluateGate', () => {
  it('finds nothing between identical reports: every difference 0, every p-value 1, and all-pass rows left out of the family', () => {
    const base = report(baseItems, { candidate: 'base' });
    const gate = gateConfig();
    const comparison = compareReports(base, report(baseItems), gate);
    expect(comparison.rows.map((r) => [r.slice, r.metric])).toEqual([
      ['all', 'pass'],
      ['long-tail', 'pass'],
      ['head', 'pass'],
    ]);
    // Every item passes in both runs: a constant no test can reject, so the family is empty.
    for (const row of comparison.rows) expect(row).toMatchObject({ diff: 0, pValue: 1, pAdjusted: null, excluded: 'constant', test: 'mcnemar' });
    expect(comparison.family).toBe(0);
    expect(comparison.comparability).toMatchObject({ stale: false, paired: 1050, added: [], removed: [], resliced: [] });
    expect(evaluateGate(comparison, report(baseItems), gate)).toMatchObject({ passed: true, failures: [] });
  });

  it('fails a clear drop on the long-tail slice even though the overall rate barely moves', () => {
    // 8 long-tail items regress, none improve: one-sided exact McNemar p = 1 / 2^8 on both the slice
    // and the whole set. The slice's adjusted p is p over its weight in the family (the head slice,
    // constant, is out of it). Overall it is 0.8 points (under the 2-point tolerance), on the slice 16.
    const head = report(flip(baseItems, ids('long-tail', 0, 8)));
    const comparison = compareReports(report(baseItems), head, gateConfig());
    const tail = comparison.rows.find((r) => r.slice === 'long-tail');
    expect(tail).toMatchObject({ n: 50, meanBase: 1, meanHead: 0.84, longTail: true, pValue: expect.closeTo(1 / 256, 12) });
    expect(comparison.family).toBe(2);
    expect(tail?.weight).toBeGreaterThan(0.5);
    expect(tail?.pAdjusted).toBeCloseTo(1 / 256 / (tail?.weight ?? 1), 12);
    const [lo, hi] = newcombePairedInterval({ bothPass: 42, baseOnly: 8, headOnly: 0, neither: 0 });
    expect(tail?.interval).toEqual([lo, hi]);

    const verdict = evaluateGate(comparison, head, gateConfig());
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual([
      {
        slice: 'long-tail',
        metric: 'pass',
        rule: 'regression',
        message: `long-tail / pass: 1.00 → 0.84 (\u221216.0 points, 95% CI ${points(lo)} to ${points(hi)}, p = 0.005 adjusted) exceeds the 2-point tolerance`,
      },
    ]);
    expect(comparison.rows.find((r) => r.slice === 'all')?.diff).toBeCloseTo(-8 / 1050, 12);
  });

  it('passes a significant drop within the tolerance, and follows slice over metric over suite tolerances', () => {
    // 15 of 1000 head items regress: p = 1 / 2^15, clearly significant, but only 1.5 points.
    const head = report(flip(baseItems, ids('head', 0, 15)));
    const tiny = compareReports(report(baseItems), head, gateConfig());
    expect(tiny.rows.find((r) => r.slice === 'head')?.pAdjusted).toBeLessThan(0.001);
    expect(evaluateGate(tiny, head, gateConfig()).passed).toBe(true);

    const tailHead = report(flip(baseItems, ids('long-tail', 0, 8)));
    const tolerant = gateConfig({ maxDrop: 0.01, metrics: { pass: { maxDrop: 0.05 } }, slices: { 'long-tail': { maxDrop: 0.2 } } });
    expect(evaluateGate(compareReports(report(baseItems), tailHead, tolerant), tailHead, tolerant).passed).toBe(true);
    const byMetric = gateConfig({ maxDrop: 0.5, metrics: { pass: { maxDrop: 0.1 } } });
    const failures = evaluateGate(compareReports(report(baseItems), tailHead, byMetric), tailHead, byMetric).failures;
    expect(failures.map((f) => f.message.endsWith('exceeds the 10-point tolerance'))).toEqual([true]);
  });

  it('passes a large drop the test cannot tell from noise, and says so', () => {
    const base = report(items('long-tail', 10, 10));
    const head = report(flip(items('long-tail', 10, 10), ids('long-tail', 0, 2)));
    const comparison = compareReports(base, head, gateConfig());
    const verdict = evaluateGate(comparison, head, gateConfig());
    expect(comparison.rows[0]).toMatchObject({ slice: 'all', diff: expect.closeTo(-0.2, 12), pValue: expect.closeTo(0.25, 12) });
    expect(verdict.passed).toBe(true);
    // Two items differ: p = 1/4 cannot reach any share of alpha, so the row is in the family with p = 1.
    expect(verdict.notes).toContain(
      'long-tail / pass fell 20.0 points on 10 items, which this test cannot tell from noise (p = 1.000 adjusted): not counted as a regression.',
    );
  });

  it('applies floors per slice with or without a baseline', () => {
    const head = report(flip(baseItems, ids('long-tail', 0, 8)));
    const gate = gateConfig({ maxDrop: 0.5, slices: { 'long-tail': { minScore: 0.9 } }, minScore: 0.5 });
    const noBaseline = compareReports(null, head, gate);
    expect(noBaseline.rows).toEqual([]);
    const verdict = evaluateGate(noBaseline, head, gate);
    expect(verdict.failures).toEqual([
      { slice: 'long-tail', metric: 'pass', rule: 'floor', message: 'long-tail / pass: 0.84 is below the floor of 0.90 (n = 50)' },
    ]);
    expect(verdict.notes[0]).toBe('No baseline: nothing to regress against; only the floors were checked.');
    expect(evaluateGate(compareReports(report(baseItems), head, gate), head, gate).failures.map((f) => f.rule)).toEqual(['floor']);
  });

  it('spends alpha once over every slice x metric, leaving out tests that cannot reach their share (Tarone)', () => {
    // 20 slices each lose 8 of 40 items (raw one-sided p = 1 / 2^8 each, the least 8 differing items
    // allow); a 400-item slice gains 160, so the overall rate does not move. Equal shares of alpha
    // (under 1 / 256 each) would leave every one unreachable; leaving some out gives the rest enough.
    const small = Array.from({ length: 20 }, (_, s) => items(`s${String(s).padStart(2, '0')}`, 40, 40)).flat();
    const base = report([...small, ...items('head', 400, 240)]);
    const regressed = new Set(Array.from({ length: 20 }, (_, s) => [...ids(`s${String(s).padStart(2, '0')}`, 0, 8)]).flat());
    const head = report(flip([...small, ...items('head', 400, 240)], new Set([...regressed, ...ids('head', 240, 400)])));
    const gate = gateConfig();
    const comparison = compareReports(base, head, gate);
    expect(comparison.family).toBe(22);
    const weights = comparison.rows.map((r) => r.weight ?? 0);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const smallRows = comparison.rows.filter((r) => r.slice.startsWith('s'));
    const kept = smallRows.filter((r) => (r.weight ?? 0) > 0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(20);
    for (const row of kept) expect((row.weight ?? 0) * gate.alpha).toBeGreaterThanOrEqual(1 / 256);
    for (const row of smallRows.filter((r) => r.weight === 0)) expect(row.pAdjusted).toBe(1);
    const failed = evaluateGate(comparison, head, gate).failures.map((f) => f.slice);
    expect(failed.sort()).toEqual(kept.map((r) => r.slice).sort());

    const alone = compareReports(report(items('s07', 40, 40)), report(flip(items('s07', 40, 40), ids('s07', 0, 8))), gate);
    expect(evaluateGate(alone, report(flip(items('s07', 40, 40), ids('s07', 0, 8))), gate).passed).toBe(false);
  });

  it('keeps copies of pass and constants out of the family, and tests pass first', () => {
    // One check per item: its score is pass itself. A second metric is 1.0 in both runs.
    const withCheck = (list: ReturnType<typeof items>) => list.map((it) => item(it.id, it.slices, it.pass, { contains: it.pass ? 1 : 0, length: 1 }));
    const base = report(withCheck(items('long-tail', 100, 70)));
    const head = report(withCheck(flip(items('long-tail', 100, 70), ids('long-tail', 0, 12))));
    const comparison = compareReports(base, head, gateConfig());
    const row = (metric: string) => comparison.rows.find((r) => r.slice === 'long-tail' && r.metric === metric);
    expect(row('contains')).toMatchObject({ excluded: 'duplicate', pAdjusted: null, weight: null });
    expect(row('length')).toMatchObject({ excluded: 'constant', pAdjusted: null });
    expect(comparison.family).toBe(2);
    expect(comparison.excluded).toEqual({ duplicate: 2, constant: 2 });
    expect(evaluateGate(comparison, head, gateConfig()).failures.map((f) => `${f.slice} / ${f.metric}`)).toEqual(['all / pass', 'long-tail / pass']);
  });

  it('says when a slice cannot fail the gate at its size', () => {
    // The head slice's run-to-run noise: 10 items lost and 10 gained. The 4-item slice loses everything:
    // p = 1/16 is above alpha whatever its weight. (5 items lost, p = 1/32, can fail here.)
    const headNoise = new Set([...ids('head', 0, 10), ...ids('head', 320, 330)]);
    const base = report([...items('head', 400, 320), ...items('long-tail-rare', 4, 4)], { longTail: ['long-tail-rare'] });
    const head = report([...flip(items('head', 400, 320), headNoise), ...flip(items('long-tail-rare', 4, 4), ids('long-tail-rare', 0, 4))], {
      longTail: ['long-tail-rare'],
    });
    const comparison = compareReports(base, head, gateConfig());
    const verdict = evaluateGate(comparison, head, gateConfig());
    expect(verdict.passed).toBe(true);
    const needed = comparison.rows.find((r) => r.slice === 'long-tail-rare')?.cannotFail?.needed;
    expect(needed).toBeGreaterThan(0);
    expect(verdict.notes).toContain(
      `long-tail-rare (n=4) cannot fail the gate: even losing all its passes would not be significant. To gate it, add ≥ ${needed} items or set a floor (gate.slices.long-tail-rare.minScore).`,
    );
    // With that many more items (all passing, all lost) the slice does fail.
    const bigger = 4 + (needed ?? 0);
    const grownBase = report([...items('head', 400, 320), ...items('long-tail-rare', bigger, bigger)], { longTail: ['long-tail-rare'] });
    const grownHead = report(
      [...flip(items('head', 400, 320), headNoise), ...flip(items('long-tail-rare', bigger, bigger), ids('long-tail-rare', 0, bigger))],
      { longTail: ['long-tail-rare'] },
    );
    expect(evaluateGate(compareReports(grownBase, grownHead, gateConfig()), grownHead, gateConfig()).failures.map((f) => f.slice)).toContain('long-tail-rare');
  });

  it('gates pass and top-level metrics, shows sub-metrics ungated, and gates a sub-metric the config names', () => {
    const withScores = (pass: boolean, refused: number) => item('a', ['head'], pass, { refusal: pass ? 1 : 0, 'refusal.refused': refused });
    const base = report([withScores(true, 0), item('b', ['head'], true, { refusal: 1, 'refusal.refused': 0 })]);
    const head = report([withScores(true, 1), item('b', ['head'], true, { refusal: 1, 'refusal.refused': 1 })]);
    const rows = compareReports(base, head, gateConfig()).rows.filter((r) => r.slice === 'all');
    // pass and refusal are 1 on both items in both runs: gated, but constants no test can reject.
    expect(rows.map((r) => [r.metric, r.gated, r.excluded ?? null, r.pAdjusted === null])).toEqual([
      ['pass', true, 'constant', true],
      ['refusal', true, 'constant', true],
      ['refusal.refused', false, null, true],
    ]);
    const named = compareReports(base, head, gateConfig({ metrics: { 'refusal.refused': { maxDrop: 0.1 } } }));
    expect(named.rows.find((r) => r.metric === 'refusal.refused')?.gated).toBe(true);
  });

  it('uses the seeded permutation test for continuous scores', () => {
    const scored = (score: (i: number) => number) => Array.from({ length: 30 }, (_, i) => item(`q-${i}`, ['head'], true, { rubric: score(i) }));
    const base = report(scored(() => 0.9));
    const head = report(scored((i) => (i % 3 === 0 ? 0.4 : 0.9)));
    const first = compareReports(base, head, gateConfig(), { seed: 7 });
    const row = first.rows.find((r) => r.slice === 'all' && r.metric === 'rubric');
    expect(row).toMatchObject({ test: 'permutation', n: 30 });
    expect(row?.diff).toBeCloseTo(-0.5 / 3, 12);
    expect(row?.pValue).toBeCloseTo(1 / 1024, 12); // 10 equal drops, none up: 1 of 2^10 sign patterns as low
    expect(compareReports(base, head, gateConfig(), { seed: 7 })).toEqual(first);
  });
});

describe('what the gate could not see', () => {
  it('notes gated metrics that were skipped or have vanished since the baseline, and errors over budget', () => {
    const base = report([item('a', ['head'], true, { faithfulness: 1, contains: 1 })]);
    const erred = { ...item('b', ['head'], false), error: { kind: 'timeout', message: 'timed out' } };
    const head = report([item('a', ['head'], true), erred], { skipped: [{ metric: 'faithfulness', reason: 'no ANTHROPIC_API_KEY' }] });
    const gate = gateConfig();
    const verdict = evaluateGate(compareReports(base, head, gate), head, gate);
    expect(verdict.notes).toEqual([
      "head / pass on 1 new item: 0.00 against the baseline's 1.00 on 1 item (−100.0 points, 95% CI −100.0 to +12.2, p = 1.000 adjusted; unpaired, Fisher's exact test), which this test cannot tell from noise: not counted as a regression.",
      "The item lists differ. The 1 item present in both with the same slices are compared in pairs; 1 new item unpaired, with its slice's baseline pass rate.",
      'faithfulness was not scored in this run, so not gated.',
      'contains is in the baseline but not in this run, so it was not compared.',
      '1 item ended in an error (the gate allows 0); errors count as failures of pass.',
      'head (n=1) cannot fail the gate: even losing all its passes would not be significant. To gate it, add ≥ 4 items or set a floor (gate.slices.head.minScore).',
    ]);
  });
});

describe('gated metrics', () => {
  it('gates pass and top-level metrics by default, sub-metrics only when named, and never a metric with gate: false', () => {
    const gate = GateConfigSchema.parse({ metrics: { 'citations.recall': {}, length: { gate: false } } });
    expect(isGatedMetric('pass', gate)).toBe(true);
    expect(isGatedMetric('contains', gate)).toBe(true);
    expect(isGatedMetric('citations.precision', gate)).toBe(false);
    expect(isGatedMetric('citations.recall', gate)).toBe(true);
    expect(isGatedMetric('length', gate)).toBe(false);
  });
});
