import { OVERALL } from '../gate/types.js';
import { PASS_METRIC } from '../report-schema.js';
import type { GroupSummary, Report, ReportItem } from '../report-schema.js';
import { quantile, round } from '../stats/describe.js';
import type { ResamplingOptions } from '../stats/paired-resampling.js';
import { byCodePoint } from '../util/compare.js';
import type { DecisionRun } from './collect.js';
import { retrievalAttribution } from './retrieval.js';
import { DECISION_SCHEMA, type Decision, type DecisionCell, type DecisionDifference } from './schema.js';
import { betterThan, pairwiseDifferences } from './significance.js';

export interface DecisionInput {
  suite: string;
  alpha: number;
  runs: readonly DecisionRun[];
  /** Item id -> its gold source ids (the golden set's `sources`). */
  goldSources: ReadonlyMap<string, readonly string[]>;
  resampling?: ResamplingOptions;
}

const r4 = (x: number) => round(x, 4);

/** The decision view from finished runs of the same suite (pure; see ./schema.ts). */
export function buildDecision(input: DecisionInput): Decision {
  const { runs } = input;
  const slices = sliceOrder(runs.map((r) => r.report));
  const differences = pairwiseDifferences(
    runs.map((r) => r.report),
    slices.map((s) => s.slice),
    input.alpha,
    input.resampling,
  );
  return {
    schema: DECISION_SCHEMA,
    suite: input.suite,
    metric: PASS_METRIC,
    alpha: input.alpha,
    candidates: runs.map((run, i) => ({ id: run.id, kind: run.kind, label: label(i), retrieves: run.contexts.size > 0 })),
    slices: slices.map(({ slice, longTail }) => ({ slice, longTail, cells: runs.map((run) => cell(run, slice, differences)) })),
    differences: differences.map((d) => ({
      ...d,
      meanA: r4(d.meanA),
      meanB: r4(d.meanB),
      diff: r4(d.diff),
      interval: [r4(d.interval[0]), r4(d.interval[1])],
      p: r4(d.p),
      pAdjusted: r4(d.pAdjusted),
    })),
    retrieval: retrievalAttribution(
      runs.filter((r) => r.contexts.size > 0),
      slices.map((s) => s.slice),
      input.goldSources,
    ),
  };
}

/** A, B, ..., Z, then AA, AB, ...: short names for the significance marks. */
export function label(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${label(Math.floor(index / 26) - 1)}${letter}`;
}

/** `all`, then long-tail slices, then the rest by name: the order of every report's table. */
function sliceOrder(reports: readonly Report[]): Array<{ slice: string; longTail: boolean }> {
  const longTail = new Map<string, boolean>();
  for (const report of reports) for (const [name, s] of Object.entries(report.slices)) longTail.set(name, (longTail.get(name) ?? false) || s.longTail);
  const named = [...longTail].sort(([a, x], [b, y]) => Number(y) - Number(x) || byCodePoint(a, b)).map(([slice, lt]) => ({ slice, longTail: lt }));
  return [{ slice: OVERALL, longTail: false }, ...named];
}

export function inSlice(item: Pick<ReportItem, 'slices'>, slice: string): boolean {
  return slice === OVERALL || item.slices.includes(slice);
}

function cell(run: DecisionRun, slice: string, differences: readonly DecisionDifference[]): DecisionCell {
  const summary: GroupSummary | undefined = slice === OVERALL ? run.report.summary : run.report.slices[slice];
  const pass = summary?.metrics[PASS_METRIC];
  const members = new Set(run.report.items.filter((item) => inSlice(item, slice)).map((item) => item.id));
  const calls = run.calls.filter((c) => members.has(c.itemId));
  const costs = calls.flatMap((c) => (c.costUsd === undefined ? [] : [c.costUsd]));
  const latencies = calls.flatMap((c) => (c.latencyMs === undefined ? [] : [c.latencyMs]));
  const n = summary?.n ?? 0;
  const errors = summary?.errors ?? 0;
  return {
    candidate: run.id,
    n,
    quality: r4(pass?.mean ?? 0),
    ci: pass ? [r4(pass.ci[0]), r4(pass.ci[1])] : [0, 1],
    errors,
    errorRate: n === 0 ? 0 : r4(errors / n),
    costPer1k: costs.length === 0 ? null : round((costs.reduce((s, c) => s + c, 0) / costs.length) * 1000, 6),
    unpricedCalls: calls.filter((c) => c.unpriced).length,
    latencyMs: latencies.length === 0 ? null : { p50: round(quantile(latencies, 0.5), 1), p95: round(quantile(latencies, 0.95), 1) },
    betterThan: betterThan(differences, slice, run.id),
  };
}
