import { describe, expect, it } from 'vitest';
import { DriftConfigSchema, GateConfigSchema } from '../../src/gate/config.js';
import { anchorGate, checkDrift } from '../../src/gate/drift.js';
import { compareReports } from '../../src/gate/compare.js';
import { evaluateGate } from '../../src/gate/decision.js';
import type { ReportItem } from '../../src/report-schema.js';
import { flip, gateConfig, items, report } from './helpers.js';

const drift = DriftConfigSchema.parse({});
const ids = (slice: string, from: number, to: number) => new Set(Array.from({ length: to - from }, (_, i) => `${slice}-${String(from + i).padStart(3, '0')}`));
/** The anchor: head 200/200, long-tail 38/40 (0.95). */
const anchorItems: ReportItem[] = [...items('head', 200, 200), ...items('long-tail', 40, 38)];
/** The anchor with long-tail items [0, lost) turned into failures: `lost` of its passes gone. */
const lowered = (lost: number) => report(flip(anchorItems, ids('long-tail', 0, lost)));
const anchor = { label: 'v1.4', report: report(anchorItems, { candidate: 'anchor' }), changes: 3 };

describe('the drift budget (checkDrift)', () => {
  it('four thin drops: each passes the gate against the previous baseline, the fourth fails on drift against the anchor', () => {
    const gate = gateConfig();
    // Each step loses two more long-tail passes (5 points of 40): never significant on its own.
    const chain = [anchor.report, lowered(2), lowered(4), lowered(6), lowered(8)];
    for (let step = 1; step < chain.length; step++) {
      const [base, head] = [chain[step - 1]!, chain[step]!];
      expect(evaluateGate(compareReports(base, head, gate), head, gate).passed).toBe(true);
    }
    const check = checkDrift(anchor, chain[4]!, chain[3]!, gate, drift);
    expect(check.failures).toEqual([
      {
        slice: 'long-tail',
        metric: 'pass',
        rule: 'drift',
        message: expect.stringMatching(
          /^long-tail is 20\.0 points below v1\.4 in 4 steps \(0\.95 → 0\.75, p = 0\.00\d adjusted\), over the drift budget of 5 points$/,
        ),
      },
    ]);
    expect(check.summary).toMatchObject({ anchor: 'v1.4', steps: 4, maxDrop: 0.05, alpha: 0.01 });
    expect(check.summary!.rows.find((r) => r.slice === 'long-tail' && r.metric === 'pass')).toMatchObject({ n: 40, anchor: 0.95, head: 0.75, failed: true });
    expect(check.notes[0]).toBe('Drift since v1.4 (4 steps; budget 5 points at alpha 0.01): overall −3.3, long-tail −20.0, head 0.0 points (pass).');
  });

  it('a drift within the budget, or one this test cannot tell from noise, passes and is still shown', () => {
    const within = checkDrift(anchor, lowered(1), lowered(1), gateConfig(), drift);
    expect(within.failures).toEqual([]);
    expect(within.summary!.rows.find((r) => r.slice === 'long-tail')?.diff).toBeCloseTo(-0.025, 9);
    // 2 of 5 items lost is 40 points, but p = 0.25 before any adjustment: not counted.
    const small = report([...items('rare', 5, 5)]);
    const smallHead = report(flip(small.items, ids('rare', 0, 2)));
    const noisy = checkDrift({ label: 'v1.4', report: small, changes: 1 }, smallHead, report(flip(small.items, ids('rare', 0, 1))), gateConfig(), drift);
    expect(noisy.failures).toEqual([]);
    expect(noisy.summary!.rows.find((r) => r.slice === 'rare')).toMatchObject({ diff: -0.4, failed: false });
  });

  it('while the baseline is still the anchor nothing is compared twice, and says so', () => {
    const check = checkDrift(anchor, lowered(8), report(anchorItems), gateConfig(), drift);
    expect(check).toEqual({
      summary: null,
      comparison: null,
      failures: [],
      notes: ["Drift budget: the baseline is still the report of v1.4, so the gate's own comparison is the drift check."],
    });
  });

  it('an anchor that shares no item with the run is a note, not a pass on nothing', () => {
    const other = { label: 'v0.9', report: report(items('old', 10, 10)), changes: 0 };
    const check = checkDrift(other, lowered(2), null, gateConfig(), drift);
    expect(check.failures).toEqual([]);
    expect(check.notes).toEqual(['Drift budget not checked: the report at v0.9 shares no item (same id, same slices) with this run.']);
  });

  it('compares with no baseline at all, and names what it could not pair', () => {
    const head = report([...flip(anchorItems, ids('long-tail', 0, 8)), ...items('new', 3, 3)]);
    const check = checkDrift(anchor, head, null, gateConfig(), drift);
    expect(check.failures.map((f) => f.slice)).toEqual(['long-tail']);
    expect(check.notes[1]).toBe('Drift since v1.4 is measured on the 240 items present in both with the same slices.');
  });

  it("uses one tolerance and level: the suite's per-slice maxDrop is dropped, gate: false is kept", () => {
    const gate = gateConfig({
      alpha: 0.1,
      maxDrop: 0.01,
      slices: { 'long-tail': { maxDrop: 0.3, minScore: 0.5 } },
      metrics: { length: { gate: false, maxDrop: 0.2 } },
    });
    const rules = anchorGate(gate, DriftConfigSchema.parse({ maxDrop: 0.08, alpha: 0.02 }));
    expect(rules).toMatchObject({ maxDrop: 0.08, alpha: 0.02, slices: { 'long-tail': { minScore: 0.5 } }, metrics: { length: { gate: false } } });
    expect(rules.slices['long-tail']).not.toHaveProperty('maxDrop');
  });

  it('is configured under gate.drift: on by default, false turns it off, unknown keys are errors', () => {
    expect(GateConfigSchema.parse({}).drift).toEqual({ maxDrop: 0.05, alpha: 0.01 });
    expect(GateConfigSchema.parse({ drift: false }).drift).toBe(false);
    expect(GateConfigSchema.parse({ drift: { ref: 'v1.4', maxDrop: 0.1 } }).drift).toEqual({ ref: 'v1.4', maxDrop: 0.1, alpha: 0.01 });
    expect(GateConfigSchema.safeParse({ drift: { tag: 'v1.4' } }).success).toBe(false);
    expect(GateConfigSchema.safeParse({ drift: { maxDrop: 2 } }).success).toBe(false);
  });
});
