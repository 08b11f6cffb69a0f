import type { GateConfig } from '../config/schema.js';
import type { ResamplingOptions } from '../stats/paired-resampling.js';
import { minDetectableDrop } from '../stats/power.js';
import { byCodePoint } from '../util/compare.js';
import { orderMetrics, PASS_METRIC } from '../reports/build.js';
import { comparePaired, scoreOf, sliceGroups, type PairedRow } from './engine.js';
import { adjustFamily } from './family.js';
import { pairItems, type ItemPair } from './pairing.js';
import { isGatedMetric, type Comparison, type ItemChange, type MetricComparison } from './types.js';
import type { Report } from '../reports/report.js';

export interface CompareOptions extends ResamplingOptions {
  /** Power at which the detectable drop is stated; default 0.8. */
  power?: number;
}

type Row = Omit<MetricComparison, 'pAdjusted' | 'minDetectableDrop'>;

/**
 * Compares a head report with its baseline per slice (and overall) and per metric, on items paired
 * by id. Without a baseline it returns no rows: there is nothing to regress against, and the gate
 * still applies its floors. Pure: the permutation tests and bootstraps are seeded (options.seed).
 */
export function compareReports(base: Report | null | undefined, head: Report, gate: GateConfig, options: CompareOptions = {}): Comparison {
  const gatedMetrics = orderMetrics(Object.keys(head.summary.metrics).filter((m) => isGatedMetric(m, gate)));
  const power = options.power ?? 0.8;
  const common = { suite: head.suite, head: head.candidate, alpha: gate.alpha, power, gatedMetrics };
  if (!base) return { ...common, base: null, comparability: null, family: 0, detectionAlpha: gate.alpha, rows: [], regressedItems: [] };

  const { pairs, comparability } = pairItems(base, head);
  const rows: Row[] = [];
  for (const group of sliceGroups(pairs, base, head)) {
    for (const metric of orderMetrics([...new Set([PASS_METRIC, ...group.pairs.flatMap((p) => Object.keys(p.head.scores))])])) {
      const row = comparePaired(group, metric, options);
      if (row) rows.push(asRow(row, isGatedMetric(metric, gate)));
    }
  }

  const gatedRows = rows.filter((r) => r.gated);
  const adjusted = adjustFamily(gatedRows.map((r) => ({ p: r.pValue })));
  const family = gatedRows.length;
  // Detectable drops are stated at alpha / m, the threshold of Holm's first (strictest) step: the
  // one a lone regression among m comparisons has to clear. Later steps are laxer, so this errs
  // towards a larger, more modest "could have caught".
  const detectionAlpha = family > 0 ? gate.alpha / family : gate.alpha;
  const adjustedByRow = new Map(gatedRows.map((row, i) => [row, adjusted[i] as number]));
  const complete = rows.map((row): MetricComparison => ({
    ...row,
    pAdjusted: adjustedByRow.get(row) ?? null,
    minDetectableDrop: detectableDrop(row, detectionAlpha, power),
  }));
  const missingMetrics = orderMetrics(Object.keys(base.summary.metrics).filter((m) => isGatedMetric(m, gate) && !(m in head.summary.metrics)));
  return {
    ...common,
    base: base.candidate,
    comparability: { ...comparability, missingMetrics },
    family,
    detectionAlpha,
    rows: complete,
    regressedItems: regressedItems(pairs, gate),
  };
}

function asRow(row: PairedRow, gated: boolean): Row {
  const { slice, metric, longTail, n, meanBase, meanHead, diff, interval, test, pDrop } = row;
  return { slice, metric, longTail, gated, n, meanBase, meanHead, diff, interval, test, pValue: pDrop };
}

/**
 * Connor's McNemar power model for every metric, with base and head assumed independent given their
 * means. For pass/fail that is the test actually run; for a continuous score in [0, 1] its variance
 * is at most the Bernoulli variance of the same mean, so the binary answer bounds it from above.
 * Real runs agree item by item more than independence assumes, so the real test usually catches
 * somewhat smaller drops: the figure is deliberately modest.
 */
function detectableDrop(row: Row, alpha: number, power: number): number | null {
  const baseline = Math.min(1, Math.max(0, row.meanBase));
  // minDetectableDrop states a two-sided test at `alpha`; the gate's test is one-sided, which at
  // alpha is the same critical value as a two-sided test at 2 x alpha.
  return minDetectableDrop({ kind: 'binary', baseline, alpha: Math.min(1, 2 * alpha), power, n: row.n });
}

function regressedItems(pairs: readonly ItemPair[], gate: GateConfig): ItemChange[] {
  const changes: ItemChange[] = [];
  for (const { base, head } of pairs) {
    const metrics = new Set([PASS_METRIC, ...Object.keys(head.scores)]);
    const drops = orderMetrics([...metrics].filter((m) => isGatedMetric(m, gate)))
      .flatMap((metric) => {
        const b = scoreOf(base, metric);
        const h = scoreOf(head, metric);
        return b !== undefined && h !== undefined && h < b ? [{ metric, base: b, head: h }] : [];
      })
      .sort((x, y) => y.base - y.head - (x.base - x.head));
    const first = drops[0];
    if (!first) continue;
    changes.push({
      id: head.id,
      slices: head.slices,
      passBase: base.pass,
      passHead: head.pass,
      drops,
      worst: first.base - first.head,
      failures: head.failures,
    });
  }
  // Lost passes first, then the largest drop, then the most metrics dropped; id breaks ties.
  const lostPass = (c: ItemChange) => Number(c.passBase && !c.passHead);
  return changes.sort((a, b) => lostPass(b) - lostPass(a) || b.worst - a.worst || b.drops.length - a.drops.length || byCodePoint(a.id, b.id));
}
