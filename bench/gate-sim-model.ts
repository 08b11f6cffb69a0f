import type { GateConfig } from '../src/gate/config.js';
import { compareReports } from '../src/gate/compare.js';
import { evaluateGate } from '../src/gate/decision.js';
import { REPORT_SCHEMA, type GroupSummary, type Report, type ReportItem } from '../src/report-schema.js';
import { round } from '../src/stats/describe.js';
import { meanWithInterval } from '../src/stats/intervals.js';
import type { Random } from '../src/stats/prng.js';

/**
 * A noisy-judge model of repeated eval runs. Each golden item has a latent probability that the
 * system answers it well; a run draws the true outcome from it, then a judge reports it but flips
 * the label with probability `judgeFlip`. Rerunning an unchanged system redraws both.
 */
export interface SimModel {
  /** Items per slice; every slice has this many, each item in one slice. */
  n: number;
  slices: readonly string[];
  longTail: readonly string[];
  judgeFlip: number;
  /** Latent pass probabilities and their shares of the golden set: easy, middling, hard items. */
  mixture: ReadonlyArray<{ p: number; share: number }>;
}

export interface SimItem {
  id: string;
  slice: string;
  p: number;
}

export const DEFAULT_MIXTURE: SimModel['mixture'] = [
  { p: 0.97, share: 0.7 },
  { p: 0.6, share: 0.2 },
  { p: 0.1, share: 0.1 },
];

/** The golden set: drawn once per model, so every trial reruns the same items. */
export function goldenSet(model: SimModel, random: Random): SimItem[] {
  return model.slices.flatMap((slice) =>
    Array.from({ length: model.n }, (_, i) => {
      let u = random();
      const kind = model.mixture.find((m) => (u -= m.share) < 0) ?? model.mixture.at(-1);
      return { id: `${slice}-${String(i).padStart(4, '0')}`, slice, p: kind?.p ?? 0 };
    }),
  );
}

/** P(the judge says pass) for an item of latent probability p. */
export function judgedRate(p: number, flip: number): number {
  return flip + p * (1 - 2 * flip);
}

/**
 * A true drop of `drop` in the expected judged pass rate of the items given: every latent
 * probability is lowered by the same shift (clamped at 0), the shift found by bisection.
 */
export function lowered(items: readonly SimItem[], drop: number, flip: number): SimItem[] {
  const expectedLoss = (shift: number) => (items.reduce((s, it) => s + Math.min(it.p, shift), 0) / items.length) * (1 - 2 * flip);
  if (drop === 0) return [...items];
  if (expectedLoss(1) < drop) throw new RangeError(`a drop of ${drop} is impossible for these items`);
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (expectedLoss(mid) < drop) lo = mid;
    else hi = mid;
  }
  return items.map((it) => ({ ...it, p: Math.max(0, it.p - hi) }));
}

/** One run of the system over the golden set, as the report the harness would write. */
export function simulatedReport(items: readonly SimItem[], model: SimModel, random: Random): Report {
  const reportItems: ReportItem[] = items.map((item) => {
    const truth = random() < item.p;
    const judged = random() < model.judgeFlip ? !truth : truth;
    return { id: item.id, slices: [item.slice], pass: judged, scores: { pass: judged ? 1 : 0 }, failures: judged ? [] : ['judge: fail'] };
  });
  return reportOf(reportItems, model.slices, model.longTail);
}

/** A report over these items, summarised as buildReport would (pass only). */
export function reportOf(reportItems: ReportItem[], sliceNames: readonly string[], longTail: readonly string[]): Report {
  const slices: Report['slices'] = {};
  for (const slice of sliceNames) {
    slices[slice] = { ...summary(reportItems.filter((i) => i.slices.includes(slice))), longTail: longTail.includes(slice) };
  }
  return {
    schema: REPORT_SCHEMA,
    suite: 'sim',
    candidate: { id: 'system', kind: 'rag' },
    fingerprint: { items: 'sim', checks: 'sim', rubrics: 'sim', judges: 'sim', epochs: 1, sample: null },
    summary: summary(reportItems),
    slices,
    skipped: [],
    ungated: [],
    items: reportItems,
  };
}

function summary(items: readonly ReportItem[]): GroupSummary {
  const m = meanWithInterval(items.map((i) => i.scores.pass ?? 0));
  const ci: [number, number] = [round(m.interval[0], 4), round(m.interval[1], 4)];
  return { n: items.length, errors: 0, metrics: { pass: { n: m.n, mean: round(m.mean, 4), ci } } };
}

export interface CellResult {
  trials: number;
  /** Trials in which the gate failed. */
  failed: number;
  /** The detectable drop the comparison stated for each long-tail pass row, in trial order. */
  statedDetectable: number[];
}

/**
 * Runs `trials` base/head pairs through the real compareReports and evaluateGate. The head's
 * long-tail slices carry a true drop of `drop` (0: the same system rerun, so any failure is a
 * false alarm).
 */
export function simulateCell(model: SimModel, golden: readonly SimItem[], gate: GateConfig, drop: number, trials: number, random: Random): CellResult {
  const tail = golden.filter((it) => model.longTail.includes(it.slice));
  const changed = new Map(lowered(tail, drop, model.judgeFlip).map((it) => [it.id, it]));
  const headItems = golden.map((it) => changed.get(it.id) ?? it);
  let failed = 0;
  const statedDetectable: number[] = [];
  for (let t = 0; t < trials; t++) {
    const base = simulatedReport(golden, model, random);
    const head = simulatedReport(headItems, model, random);
    const comparison = compareReports(base, head, gate);
    if (!evaluateGate(comparison, head, gate).passed) failed++;
    for (const row of comparison.rows) {
      if (row.longTail && row.metric === 'pass' && row.minDetectableDrop !== null) statedDetectable.push(row.minDetectableDrop);
    }
  }
  return { trials, failed, statedDetectable };
}
