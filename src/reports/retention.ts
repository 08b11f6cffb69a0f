import { z } from 'zod';
import type { GateConfig } from '../gate/config.js';
import { pairedRatio } from '../stats/ratio.js';
import { IntervalSchema, orderMetrics } from '../report-schema.js';
import { comparePaired, sliceGroups } from '../gate/engine.js';
import { adjustFamily, failsRule } from '../gate/family.js';
import { pairItems } from '../gate/pairing.js';
import { isGatedMetric } from '../gate/types.js';
import { gateRule } from '../gate/rules.js';
import type { Report } from '../report-schema.js';

/** One capability (slice) x metric of a forgetting check; the forgetting report's rows are these, rounded (src/reports/forgetting-report.ts). */
export const RetentionRowSchema = z.object({
  slice: z.string(),
  metric: z.string(),
  n: z.number().int(),
  base: z.number(),
  candidate: z.number(),
  /** candidate / base; null when the base scored 0 (nothing to retain). */
  retention: z.number().nullable(),
  interval: IntervalSchema.nullable(),
  /** One-sided p of a drop, and after Holm over the gated rows; null for rows not gated. */
  pValue: z.number(),
  pAdjusted: z.number().nullable(),
  threshold: z.number(),
  failed: z.boolean(),
});
export type RetentionRow = z.infer<typeof RetentionRowSchema>;

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
  const rows: Array<Omit<RetentionRow, 'pAdjusted' | 'failed'> & { gated: boolean }> = [];
  for (const group of sliceGroups(pairs, base, candidate)) {
    for (const metric of orderMetrics([...new Set(group.pairs.flatMap((p) => Object.keys(p.head.scores)))])) {
      const row = comparePaired(group, metric);
      if (!row) continue;
      const gated = isGatedMetric(metric, gate);
      // A ratio of sub-metrics such as refusal rates means nothing: they show the trade-off only.
      const { ratio, interval } = gated ? pairedRatio(row.base, row.head) : { ratio: null, interval: null };
      rows.push({
        slice: row.slice,
        metric,
        n: row.n,
        base: row.meanBase,
        candidate: row.meanHead,
        retention: ratio,
        interval,
        pValue: row.pDrop,
        threshold: gateRule(gate, row.slice, metric, 'minRetention') ?? gate.minRetention,
        gated,
      });
    }
  }
  const gatedAt = rows.flatMap((row, i) => (row.gated ? [i] : []));
  const adjusted = adjustFamily(gatedAt.map((i) => ({ p: (rows[i] as (typeof rows)[number]).pValue })));
  const pAdjustedAt = new Map(gatedAt.map((i, k) => [i, adjusted[k] as number]));
  const complete: RetentionRow[] = rows.map(({ gated: _gated, ...row }, i) => {
    const pAdjusted = pAdjustedAt.get(i) ?? null;
    const failed = row.retention !== null && failsRule(row.retention, row.threshold, pAdjusted, gate.alpha, 'below');
    return { ...row, pAdjusted, failed };
  });
  return { rows: complete, paired: pairs.length };
}
