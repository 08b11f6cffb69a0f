import type { GateConfig } from '../config/schema.js';
import { holm } from '../stats/multiple.js';
import { pairedDifference } from '../stats/paired.js';
import { pairedRatio } from '../stats/ratio.js';
import type { Interval } from '../stats/intervals.js';
import { byCodePoint } from '../util/compare.js';
import { orderMetrics } from './build.js';
import { dropPValue, scoreOf } from './compare.js';
import { pairItems } from './compare-pairing.js';
import { isGatedMetric, OVERALL } from './compare-types.js';
import { gateRule, THRESHOLD_SLACK } from './gate-rules.js';
import type { Report } from './report.js';

export interface RetentionRow {
  slice: string;
  metric: string;
  n: number;
  base: number;
  candidate: number;
  /** candidate / base; null when the base scored 0 (nothing to retain). */
  retention: number | null;
  interval: Interval | null;
  /** One-sided p of a drop, and after Holm over the gated rows; null for rows not gated. */
  pValue: number;
  pAdjusted: number | null;
  threshold: number;
  failed: boolean;
}

export interface Retention {
  rows: RetentionRow[];
  paired: number;
}

/**
 * How much of its base a fine-tuned candidate keeps, per capability (slice) and metric, on items
 * paired by id: retention = candidate mean / base mean, with a paired bootstrap interval. A
 * capability fails when retention is below its threshold (minRetention) AND the drop is
 * significant (one-sided paired test, Holm over every gated slice x metric) — a small or noisy
 * dip is reported, not failed. Sub-metrics (e.g. refusal.refused, the trade-off) are shown, not gated.
 */
export function compareRetention(base: Report, candidate: Report, gate: GateConfig): Retention {
  const { pairs } = pairItems(base, candidate);
  const slices = [OVERALL, ...[...new Set(pairs.flatMap((p) => p.head.slices))].sort(byCodePoint)];
  const rows: Array<Omit<RetentionRow, 'pAdjusted' | 'failed'> & { gated: boolean }> = [];
  for (const slice of slices) {
    const members = slice === OVERALL ? pairs : pairs.filter((p) => p.head.slices.includes(slice));
    const metrics = orderMetrics([...new Set(members.flatMap((p) => Object.keys(p.head.scores)))]);
    for (const metric of metrics) {
      const b: number[] = [];
      const h: number[] = [];
      for (const pair of members) {
        const x = scoreOf(pair.base, metric);
        const y = scoreOf(pair.head, metric);
        if (x === undefined || y === undefined) continue;
        b.push(x);
        h.push(y);
      }
      if (b.length === 0) continue;
      const d = pairedDifference(b, h);
      const gated = isGatedMetric(metric, gate);
      // A ratio of sub-metrics such as refusal rates means nothing: they show the trade-off only.
      const { ratio, interval } = gated ? pairedRatio(b, h) : { ratio: null, interval: null };
      rows.push({
        slice,
        metric,
        n: b.length,
        base: d.meanBase,
        candidate: d.meanHead,
        retention: ratio,
        interval,
        pValue: dropPValue(d.diff, d.pValue),
        threshold: gateRule(gate, slice, metric, 'minRetention') ?? gate.minRetention,
        gated,
      });
    }
  }
  const gatedAt = rows.flatMap((row, i) => (row.gated ? [i] : []));
  const adjusted = holm(gatedAt.map((i) => (rows[i] as (typeof rows)[number]).pValue));
  const pAdjustedAt = new Map(gatedAt.map((i, k) => [i, adjusted[k] as number]));
  const complete: RetentionRow[] = rows.map(({ gated: _gated, ...row }, i) => {
    const pAdjusted = pAdjustedAt.get(i) ?? null;
    const failed = pAdjusted !== null && row.retention !== null && row.retention < row.threshold - THRESHOLD_SLACK && pAdjusted < gate.alpha;
    return { ...row, pAdjusted, failed };
  });
  return { rows: complete, paired: pairs.length };
}
