import { z } from 'zod';
import type { GateConfig } from '../gate/config.js';
import { isGatedMetric, OVERALL } from '../gate/types.js';
import { orderMetrics, type Report } from '../report-schema.js';
import { byCodePoint } from '../util/compare.js';

/** `evals history --json`: each gated slice x metric of a committed report over its last commits. */
export const HISTORY_SCHEMA = 'evals.history/1';

export const HistoryPointSchema = z.object({
  commit: z.string(),
  /** Committer date, ISO 8601. */
  date: z.string(),
  subject: z.string(),
  /** The golden set, checks, rubrics, judges, epochs or sample differ from the previous point's: the numbers measure something else. */
  fingerprintChanged: z.boolean(),
});

export const HistoryRowSchema = z.object({
  slice: z.string(),
  metric: z.string(),
  longTail: z.boolean(),
  /** One per point, oldest first; null where that commit's report has no such slice or metric. */
  values: z.array(z.number().nullable()),
});

export const HistorySchema = z.object({
  schema: z.literal(HISTORY_SCHEMA),
  suite: z.string(),
  candidate: z.string(),
  /** The report's path in the repository. */
  file: z.string(),
  points: z.array(HistoryPointSchema),
  rows: z.array(HistoryRowSchema),
  /** Commits whose file is not a report this version reads (an older schema, a damaged file), and why. */
  skipped: z.array(z.object({ commit: z.string(), reason: z.string() })),
});

export type HistoryPoint = z.infer<typeof HistoryPointSchema>;
export type HistoryRow = z.infer<typeof HistoryRowSchema>;
export type History = z.infer<typeof HistorySchema>;

export interface CommittedReport {
  commit: string;
  date: string;
  subject: string;
  report: Report;
}

/**
 * The gated slice x metric rows (the gate's own choice of metrics, src/gate/types.ts) over the
 * reports, oldest first: `all`, then long-tail slices, then the rest; `pass` first in each.
 */
export function buildHistory(
  head: { suite: string; candidate: string; file: string },
  reports: readonly CommittedReport[],
  gate: Pick<GateConfig, 'metrics'>,
  skipped: History['skipped'] = [],
): History {
  const longTail = new Map<string, boolean>();
  for (const { report } of reports) for (const [name, s] of Object.entries(report.slices)) longTail.set(name, (longTail.get(name) ?? false) || s.longTail);
  const slices = [OVERALL, ...[...longTail].sort(([a, x], [b, y]) => Number(y) - Number(x) || byCodePoint(a, b)).map(([name]) => name)];
  const summary = (report: Report, slice: string) => (slice === OVERALL ? report.summary : report.slices[slice]);
  const rows: HistoryRow[] = [];
  for (const slice of slices) {
    const metrics = orderMetrics([...new Set(reports.flatMap(({ report }) => Object.keys(summary(report, slice)?.metrics ?? {})))]).filter((m) =>
      isGatedMetric(m, gate),
    );
    for (const metric of metrics) {
      rows.push({
        slice,
        metric,
        longTail: longTail.get(slice) ?? false,
        values: reports.map(({ report }) => summary(report, slice)?.metrics[metric]?.mean ?? null),
      });
    }
  }
  return {
    schema: HISTORY_SCHEMA,
    ...head,
    points: reports.map(({ commit, date, subject, report }, i) => {
      const before = reports[i - 1]?.report.fingerprint;
      return { commit, date, subject, fingerprintChanged: before !== undefined && JSON.stringify(before) !== JSON.stringify(report.fingerprint) };
    }),
    rows,
    skipped,
  };
}
