import type { GateConfig } from './config.js';
import { PASS_METRIC } from '../report-schema.js';
import { staleNotice } from './pairing.js';
import { isGatedMetric, OVERALL, type Comparison, type MetricComparison, type NewItemsComparison } from './types.js';
import { count, percentOf, formatMean, formatP, formatPoints, pointsNumber } from '../util/format.js';
import { formatChange, rowLabel } from './wording.js';
import { gateRule, THRESHOLD_SLACK } from './rules.js';
import type { GroupSummary, Report } from '../report-schema.js';

export interface GateFailure {
  slice: string;
  metric: string;
  /**
   * `new-items`: the slice's new items (not in the baseline) pass significantly less than its baseline items.
   * `baseline`: the change's committed report lowers the bar its base set (baseline-ref.ts).
   * `drift`: the head is further below the pinned anchor than the drift budget allows (./drift.ts).
   * `errors` and `unscored` are the run's own failures (src/reports/run-outcome.ts), not the comparison's.
   */
  rule: 'regression' | 'new-items' | 'floor' | 'baseline' | 'drift' | 'errors' | 'unscored';
  message: string;
}

export interface GateVerdict {
  passed: boolean;
  failures: GateFailure[];
  /** What the verdict rests on and what it could not see: stale baseline, unscored metrics, noise. */
  notes: string[];
}

/**
 * The gate. A regression is a drop larger than the tolerance (maxDrop: slice override, else metric
 * override, else the suite's) that is also significant after the family's adjustment (a weighted
 * graphical procedure over every gated slice x metric, each slice's pass first: ./family.ts). A floor fails when the head's mean is below minScore,
 * whatever the baseline. Every slice, long-tail ones included, is judged on its own rows, so the
 * overall row can never average a slice's regression away.
 */
export function evaluateGate(comparison: Comparison, head: Report, gate: GateConfig): GateVerdict {
  const failures: GateFailure[] = [];
  const notes: string[] = [];
  for (const row of comparison.rows) {
    if (!row.gated || row.pAdjusted === null) continue;
    const maxDrop = gateRule(gate, row.slice, row.metric, 'maxDrop') ?? 0;
    const drop = -row.diff;
    if (drop <= maxDrop + THRESHOLD_SLACK) continue;
    if (row.pAdjusted < gate.alpha) {
      failures.push({ slice: row.slice, metric: row.metric, rule: 'regression', message: regressionMessage(row, maxDrop) });
    } else {
      notes.push(
        `${rowLabel(row.slice, row.metric)} fell ${(drop * 100).toFixed(1)} points on ${count(row.n, 'item')}, which this test cannot tell from noise (${formatP(row.pAdjusted)} adjusted): not counted as a regression.`,
      );
    }
  }
  for (const row of comparison.newItems) {
    if (!row.gated || row.pAdjusted === null) continue;
    const maxDrop = gateRule(gate, row.slice, PASS_METRIC, 'maxDrop') ?? 0;
    if (-row.diff <= maxDrop + THRESHOLD_SLACK) continue;
    if (row.pAdjusted < gate.alpha) {
      failures.push({
        slice: row.slice,
        metric: PASS_METRIC,
        rule: 'new-items',
        message: `${newItemsChange(row)} exceeds the ${pointsNumber(maxDrop)}-point tolerance`,
      });
    } else {
      notes.push(`${newItemsChange(row)}, which this test cannot tell from noise: not counted as a regression.`);
    }
  }
  failures.push(...floorFailures(head, gate));
  notes.push(...contextNotes(comparison, head, gate));
  return { passed: failures.length === 0, failures, notes };
}

export function regressionMessage(row: MetricComparison, maxDrop: number): string {
  const change = `${formatMean(row.meanBase)} → ${formatMean(row.meanHead)} (${formatChange(row)})`;
  return `${rowLabel(row.slice, row.metric)}: ${change} exceeds the ${pointsNumber(maxDrop)}-point tolerance`;
}

/** "long-tail / pass on 30 new items: 0.00 against the baseline's 0.65 on 100 items (−65.0 points, 95% CI …, p < 0.001 adjusted; unpaired, Fisher's exact test)". */
export function newItemsChange(row: NewItemsComparison): string {
  const interval = `95% CI ${formatPoints(row.interval[0])} to ${formatPoints(row.interval[1])}`;
  const p = `${formatP(row.pAdjusted ?? row.pValue)}${row.pAdjusted === null ? '' : ' adjusted'}`;
  return `${rowLabel(row.slice, PASS_METRIC)} on ${count(row.n, 'new item')}: ${formatMean(row.rateNew)} against the baseline's ${formatMean(row.rateBase)} on ${count(row.baseN, 'item')} (${formatPoints(row.diff)} points, ${interval}, ${p}; unpaired, Fisher's exact test)`;
}

function floorFailures(head: Report, gate: GateConfig): GateFailure[] {
  const groups: Array<[string, GroupSummary]> = [[OVERALL, head.summary], ...Object.entries(head.slices)];
  const failures: GateFailure[] = [];
  for (const [slice, summary] of groups) {
    for (const [metric, stats] of Object.entries(summary.metrics)) {
      if (!isGatedMetric(metric, gate)) continue;
      const floor = gateRule(gate, slice, metric, 'minScore');
      if (floor === undefined || stats.mean >= floor - THRESHOLD_SLACK) continue;
      const message = `${rowLabel(slice, metric)}: ${formatMean(stats.mean)} is below the floor of ${formatMean(floor)} (n = ${stats.n})`;
      failures.push({ slice, metric, rule: 'floor', message });
    }
  }
  return failures;
}

function contextNotes(comparison: Comparison, head: Report, gate: GateConfig): string[] {
  const notes: string[] = [];
  if (!comparison.comparability) notes.push('No baseline: nothing to regress against; only the floors were checked.');
  else {
    const stale = staleNotice(comparison.comparability);
    if (stale) notes.push(stale);
  }
  // The reasons (which judge, how to enable it) are in the report's `skipped`; one note names them all.
  for (const { metric, reason } of head.ungated) notes.push(`${metric} is shown but not gated: ${reason}.`);
  const skipped = new Set(head.skipped.map((entry) => entry.metric).filter((metric) => isGatedMetric(metric, gate)));
  if (skipped.size > 0) notes.push(`${[...skipped].join(', ')} ${skipped.size > 1 ? 'were' : 'was'} not scored in this run, so not gated.`);
  for (const metric of comparison.comparability?.missingMetrics ?? []) {
    if (!skipped.has(metric)) notes.push(`${metric} is in the baseline but not in this run, so it was not compared.`);
  }
  if (head.summary.errors > gate.maxErrors) {
    notes.push(`${count(head.summary.errors, 'item')} ended in an error (the gate allows ${gate.maxErrors}); errors count as failures of pass.`);
  }
  for (const row of comparison.rows) {
    if (!row.gated || row.metric !== PASS_METRIC || row.slice === OVERALL) continue;
    const cannot = cannotFail(row);
    if (cannot) {
      notes.push(cannot);
      continue;
    }
    if (!row.longTail) continue;
    const maxDrop = gateRule(gate, row.slice, row.metric, 'maxDrop') ?? 0;
    const mdd = row.minDetectableDrop;
    if (mdd !== null && mdd <= maxDrop) continue;
    notes.push(
      mdd === null
        ? `${rowLabel(row.slice, row.metric)}: with ${count(row.n, 'paired item')} no drop is detectable at ${percentOf(comparison.power)} power; a pass here says little.`
        : `${rowLabel(row.slice, row.metric)}: with ${count(row.n, 'paired item')} only drops of about ${(mdd * 100).toFixed(1)} points or more are detectable at ${percentOf(comparison.power)} power.`,
    );
  }
  return notes;
}

/** "long-tail-rare (n=5) cannot fail the gate: add ≥ 9 items or set a floor". */
export function cannotFail(row: MetricComparison): string | null {
  if (!row.cannotFail) return null;
  const add = row.cannotFail.needed === null ? 'add items' : `add ≥ ${row.cannotFail.needed} items`;
  return `${row.slice} (n=${row.n}) cannot fail the gate: even losing all its passes would not be significant. To gate it, ${add} or set a floor (gate.slices.${row.slice}.minScore).`;
}
