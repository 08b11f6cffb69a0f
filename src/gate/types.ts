import type { GateConfig } from './config.js';
import type { Interval } from '../stats/intervals.js';
import { PASS_METRIC } from '../report-schema.js';
import type { Fingerprint, Report } from '../report-schema.js';

/** The row for the whole set, beside the slices. A slice literally named "all" would share it. */
export const OVERALL = 'all';

export type FingerprintPart = keyof Fingerprint;
export const FINGERPRINT_PARTS: readonly FingerprintPart[] = ['items', 'checks', 'rubrics', 'judges', 'epochs', 'sample'];

export interface FingerprintChange {
  part: FingerprintPart;
  base: string;
  head: string;
}

/** What of the baseline still matches the head (docs/architecture.md "Gate": a stale baseline says so). */
export interface Comparability {
  /** True when a fingerprint part differs: the baseline no longer measures what the head measures. */
  stale: boolean;
  changed: FingerprintChange[];
  /** Items in both reports with the same slices: the only ones compared. */
  paired: number;
  /** In head only, in base only: listed, never paired. */
  added: string[];
  removed: string[];
  /** In both, but in different slices: not paired either, since their slice rows would not match. */
  resliced: string[];
  /** Added items no unpaired comparison covers (none of their slices has baseline items, or pass is not gated). */
  addedUncompared: string[];
  /** Gated metrics the baseline has and the head lacks (dropped, or not scored this run): not compared. */
  missingMetrics: string[];
}

/** One slice x metric, on the items paired by id that have the metric in both reports. */
export interface MetricComparison {
  slice: string;
  metric: string;
  longTail: boolean;
  /** Gated metrics form the family (see planGateFamily) and can fail the gate; the others are shown only. */
  gated: boolean;
  /** A gated row kept out of the family: a copy of its slice's pass, or constant in both runs. */
  excluded?: 'duplicate' | 'constant';
  /** Its share of alpha in the family's first step; 0 when it cannot reach its level, null when not in the family. */
  weight: number | null;
  n: number;
  meanBase: number;
  meanHead: number;
  /** meanHead - meanBase: negative is a drop. */
  diff: number;
  /** 95% interval of diff (Newcombe for pass/fail, bootstrap for continuous scores). */
  interval: Interval;
  test: 'mcnemar' | 'permutation';
  /** One-sided p of a drop (see dropPValue): the gate only fails on getting worse. */
  pValue: number;
  /** Adjusted by the family's graphical procedure (planGateFamily); null for rows not in the family. */
  pAdjusted: number | null;
  /**
   * A slice's pass row that cannot fail the gate at its size: even losing every baseline pass would
   * not be significant in this family. `needed`: items to add (at its pass rate) until it could; null: none up to 1000.
   */
  cannotFail?: { needed: number | null };
  /** The smallest drop detectable at Comparison.power and the row's level in the family, from its own paired discordance; null when none is. */
  minDetectableDrop: number | null;
}

/**
 * The new items of one slice (in the head only, so they cannot be paired), compared unpaired with
 * the slice's baseline: their pass rate in the head against the baseline's pass rate on the
 * slice's items (one-sided Fisher exact test, src/stats/unpaired-binary.ts). `pass` is the item's
 * pass over every epoch, in both reports alike.
 */
export interface NewItemsComparison {
  slice: string;
  longTail: boolean;
  gated: boolean;
  /** New items, and how many of them pass in the head. */
  n: number;
  passes: number;
  /** The slice's items in the baseline, and how many of them passed. */
  baseN: number;
  basePasses: number;
  rateBase: number;
  rateNew: number;
  /** rateNew - rateBase: negative is a drop. */
  diff: number;
  /** 95% interval of diff (Newcombe's square-and-add of two Wilson intervals). */
  interval: Interval;
  pValue: number;
  /** Its share of alpha in the family's first step, as for MetricComparison. */
  weight: number | null;
  pAdjusted: number | null;
}

/** A paired item whose score dropped on at least one gated metric. */
export interface ItemChange {
  id: string;
  slices: string[];
  passBase: boolean;
  passHead: boolean;
  /** Gated metrics whose score fell, largest drop first. */
  drops: Array<{ metric: string; base: number; head: number }>;
  /** The largest of those drops. */
  worst: number;
  /** Why the head fails, from the head report. */
  failures: string[];
}

export interface Comparison {
  suite: string;
  base: Report['candidate'] | null;
  head: Report['candidate'];
  /** Null when there is no baseline: nothing to regress against, floors still apply. */
  comparability: Comparability | null;
  /** The family's significance level (the gate's alpha). */
  alpha: number;
  /** Gated rows in the family: every gated slice x metric but copies of pass and constants, and each slice's new items. */
  family: number;
  /** Of those, the ones with a share of alpha: the rest cannot reach their level with these items (Tarone). */
  reachable: number;
  /** Gated rows kept out of the family, by reason. */
  excluded: { duplicate: number; constant: number };
  /** The power the detectable drops are stated at (0.8 unless the caller chose otherwise). */
  power: number;
  /** The head report's metrics that the gate judges (see isGatedMetric), in report order. */
  gatedMetrics: string[];
  /** OVERALL first, then long-tail slices, then the rest; metrics in report order. */
  rows: MetricComparison[];
  /** Regressed paired items, most regressed first. */
  regressedItems: ItemChange[];
  /** Per slice with new items and baseline items: the new items against the baseline's rate (they are in the family too). */
  newItems: NewItemsComparison[];
}

/**
 * Gated by default: `pass` and every metric without a '.' (sub-metrics such as citations.precision
 * or refusal.refused are not all higher-is-better); a metric named in the gate config's `metrics`
 * record is gated too, unless it says `gate: false` (shown, not gated: a smaller Holm family).
 */
export function isGatedMetric(metric: string, gate: Pick<GateConfig, 'metrics'>): boolean {
  const rules = gate.metrics[metric];
  if (rules?.gate !== undefined) return rules.gate;
  return metric === PASS_METRIC || !metric.includes('.') || rules !== undefined;
}
