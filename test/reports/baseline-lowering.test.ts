import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GateConfigSchema } from '../../src/gate/config.js';
import { baselineLowerings } from '../../src/reports/baseline-lowering.js';
import { ReportSchema, type Report } from '../../src/report-schema.js';

// The example's committed rag-v2 report (real scores of the example's candidate), changed below
// the way a pull request could change its committed copy.
const base = ReportSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'reports', 'support', 'rag-v2.json'), 'utf8')));
const gate = GateConfigSchema.parse({});
const copy = (): Report => structuredClone(base);

describe('baselineLowerings (what a committed report does to the bar its base set)', () => {
  it('the same report lowers nothing; a deleted one removes the bar', () => {
    expect(baselineLowerings(base, copy(), gate)).toEqual([]);
    expect(baselineLowerings(base, undefined, gate).map((l) => l.message)).toEqual(['this PR removes the baseline report']);
  });

  it('a gated mean lower by more than maxDrop is a lowering; within it, or on an ungated sub-metric, it is not', () => {
    const [slice, summary] = Object.entries(base.slices)[0]!;
    const before = summary.metrics['pass']!.mean;
    const lowered = copy();
    lowered.slices[slice]!.metrics['pass']!.mean = before - 0.1;
    expect(baselineLowerings(base, lowered, gate).map((l) => l.message)).toEqual([
      `this PR lowers the baseline of ${slice} / pass from ${before.toFixed(2)} to ${(before - 0.1).toFixed(2)}`,
    ]);
    const noise = copy();
    noise.slices[slice]!.metrics['pass']!.mean = before - 0.02;
    expect(baselineLowerings(base, noise, gate)).toEqual([]);
    expect(baselineLowerings(base, noise, GateConfigSchema.parse({ maxDrop: 0 }))).toHaveLength(1);
    const sub = copy();
    sub.summary.metrics['citations.recall']!.mean = 0;
    expect(baselineLowerings(base, sub, gate)).toEqual([]);
    const higher = copy();
    higher.summary.metrics['pass']!.mean = 1;
    expect(baselineLowerings(base, higher, gate)).toEqual([]);
  });

  it('a gated metric the committed report no longer has is dropped from the bar', () => {
    const dropped = copy();
    delete dropped.summary.metrics['regex'];
    expect(baselineLowerings(base, dropped, gate).map((l) => l.message)).toEqual([
      `this PR drops all / regex (${base.summary.metrics['regex']!.mean.toFixed(2)}) from the baseline`,
    ]);
    const ungated = GateConfigSchema.parse({ metrics: { regex: { gate: false } } });
    expect(baselineLowerings(base, dropped, ungated)).toEqual([]);
  });
});
