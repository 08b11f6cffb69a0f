import type { DriftConfig, GateConfig } from './config.js';
import { PASS_METRIC, type DriftSummary, type Report } from '../report-schema.js';
import { count, formatMean, formatP, formatPoints, pointsNumber } from '../util/format.js';
import { canonicalJson } from '../util/canonical.js';
import { compareReports, type CompareOptions } from './compare.js';
import type { GateFailure } from './decision.js';
import { failsRule } from './family.js';
import { OVERALL, type Comparison, type MetricComparison } from './types.js';
import { rowLabel } from './wording.js';

/**
 * The drift budget. A passing run becomes the next baseline, so a system can lose 5 points four
 * times, each step too small to be told from noise, and end 20 points down with every gate green.
 * The head is therefore also compared with a pinned anchor — the report as committed at a release
 * tag — by the same paired tests and weighted family (./compare.ts), with its own tolerance
 * (drift.maxDrop) and level (drift.alpha).
 *
 * Why an anchor test rather than a CUSUM (Page 1954, Biometrika 41:100-115) over the steps: on the
 * same items the paired step differences telescope, so their sum IS head minus anchor; a CUSUM
 * with no allowance is this comparison with state to keep, and with an allowance it forgives the
 * slow drift it is meant to catch. The direct comparison is exact (McNemar on the two runs' own
 * discordance), needs no state beyond the tag, and its false-alarm rate per run is its alpha. It is
 * the remedy for "bio-creep" in successive non-inferiority trials, where each new treatment is
 * compared with the previous one only (Everson-Stewart & Emerson 2010, Statistics in Medicine
 * 29:2769-2780): compare with a fixed reference instead.
 */

export interface DriftAnchor {
  /** The git ref the anchor was read at, as the user named it ("v1.4"). */
  label: string;
  report: Report;
  /** Baseline changes committed since the anchor, not counting this run. */
  changes: number;
}

export interface DriftCheck {
  /** The finding for the report and the summaries; null when nothing was compared. */
  summary: DriftSummary | null;
  /** Null when nothing was compared (see notes). */
  comparison: Comparison | null;
  failures: GateFailure[];
  notes: string[];
}

/**
 * Compares the head with the anchor. Nothing is compared while the baseline is still the anchor's
 * report (the gate's own comparison is then the drift check, and a second test of the same pairs
 * would only add false alarms). Pure: the reports are given.
 */
export function checkDrift(
  anchor: DriftAnchor,
  head: Report,
  baseline: Report | null,
  gate: GateConfig,
  drift: DriftConfig,
  options: CompareOptions = {},
): DriftCheck {
  const steps = anchor.changes + 1;
  if (baseline && sameItems(anchor.report, baseline)) {
    return {
      summary: null,
      comparison: null,
      failures: [],
      notes: [`Drift budget: the baseline is still the report of ${anchor.label}, so the gate's own comparison is the drift check.`],
    };
  }
  const driftGate = anchorGate(gate, drift);
  const comparison = compareReports(anchor.report, head, driftGate, options);
  if (!comparison.comparability || comparison.comparability.paired === 0) {
    return {
      summary: null,
      comparison: null,
      failures: [],
      notes: [`Drift budget not checked: the report at ${anchor.label} shares no item (same id, same slices) with this run.`],
    };
  }
  const rows = comparison.rows.filter((row) => row.gated);
  const failed = (row: MetricComparison) => failsRule(-row.diff, drift.maxDrop, row.pAdjusted, drift.alpha, 'above');
  const failures = rows
    .filter(failed)
    .map((row): GateFailure => ({ slice: row.slice, metric: row.metric, rule: 'drift', message: driftMessage(row, anchor.label, steps, drift) }));
  const summary: DriftSummary = {
    anchor: anchor.label,
    steps,
    maxDrop: drift.maxDrop,
    alpha: drift.alpha,
    rows: rows.map((row) => ({
      slice: row.slice,
      metric: row.metric,
      n: row.n,
      anchor: row.meanBase,
      head: row.meanHead,
      diff: row.diff,
      pAdjusted: row.pAdjusted,
      failed: failed(row),
    })),
  };
  const notes = [driftLine(summary)];
  const { comparability } = comparison;
  const unpaired = comparability.added.length + comparability.removed.length + comparability.resliced.length;
  if (comparability.stale || unpaired > 0) {
    notes.push(
      `Drift since ${anchor.label} is measured on the ${count(comparability.paired, 'item')} present in both with the same slices${comparability.stale ? `; ${comparability.changed.map((c) => c.part).join(', ')} changed since` : ''}.`,
    );
  }
  if (failures.length > 0) {
    notes.push(
      'Accepting this with -u writes the baseline but does not move the anchor: tag a new release (or set gate.drift.ref) to measure drift from there.',
    );
  }
  return { summary, comparison, failures, notes };
}

/** The gate's rules for the anchor comparison: one tolerance and level for every gated slice x metric. */
export function anchorGate(gate: GateConfig, drift: DriftConfig): GateConfig {
  const withoutMaxDrop = (rules: GateConfig['slices']) =>
    Object.fromEntries(Object.entries(rules).map(([name, { maxDrop: _maxDrop, ...rest }]) => [name, rest]));
  return { ...gate, maxDrop: drift.maxDrop, alpha: drift.alpha, slices: withoutMaxDrop(gate.slices), metrics: withoutMaxDrop(gate.metrics) };
}

/** "long-tail is 20.0 points below v1.4 in 4 steps (0.95 → 0.75, p = 0.003 adjusted), over the drift budget of 5 points". */
export function driftMessage(row: MetricComparison, anchor: string, steps: number, drift: DriftConfig): string {
  const p = row.pAdjusted === null ? '' : `, ${formatP(row.pAdjusted)} adjusted`;
  return `${driftLabel(row.slice, row.metric)} is ${(-row.diff * 100).toFixed(1)} points below ${anchor} in ${count(steps, 'step')} (${formatMean(row.meanBase)} → ${formatMean(row.meanHead)}${p}), over the drift budget of ${pointsNumber(drift.maxDrop)} points`;
}

/** "Drift since v1.4 (3 steps; budget 5 points): overall −2.0, long-tail −6.0, head +0.5 points (pass)." */
export function driftLine(summary: DriftSummary): string {
  const pass = summary.rows.filter((row) => row.metric === PASS_METRIC);
  const shown = (pass.length > 0 ? pass : summary.rows).map(
    (row) => `${row.metric === PASS_METRIC ? driftLabel(row.slice, row.metric) : rowLabel(row.slice, row.metric)} ${formatPoints(row.diff)}`,
  );
  const metric = pass.length > 0 ? ' (pass)' : '';
  return `Drift since ${summary.anchor} (${count(summary.steps, 'step')}; budget ${pointsNumber(summary.maxDrop)} points at alpha ${summary.alpha}): ${shown.join(', ')} points${metric}.`;
}

function driftLabel(slice: string, metric: string): string {
  const name = slice === OVERALL ? 'overall' : slice;
  return metric === PASS_METRIC ? name : `${name} / ${metric}`;
}

/** The same items with the same outcomes and scores: the baseline has not moved since the anchor. */
function sameItems(a: Report, b: Report): boolean {
  return a.items.length === b.items.length && canonicalJson(a.items) === canonicalJson(b.items);
}
