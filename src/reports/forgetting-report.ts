import { z } from 'zod';
import { round } from '../stats/describe.js';
import { formatMean } from '../util/format.js';
import { RetentionRowSchema, type Retention } from './retention.js';
import { markdownTable, textTable } from './table.js';

const DIGITS = 4;

const row = RetentionRowSchema.shape;

export const ForgettingReportSchema = z.object({
  schema: z.literal('evals.forgetting/1'),
  suite: z.string(),
  candidate: z.string(),
  base: z.string(),
  paired: z.number().int(),
  passed: z.boolean(),
  failures: z.array(z.string()),
  rows: z.array(
    z.object({
      slice: row.slice,
      metric: row.metric,
      n: row.n,
      base: row.base,
      candidate: row.candidate,
      retention: row.retention,
      ci: row.interval,
      /** The Holm-adjusted p. */
      p: row.pAdjusted,
      threshold: row.threshold,
      failed: row.failed,
    }),
  ),
});
export type ForgettingReport = z.infer<typeof ForgettingReportSchema>;

/** The diffable record of a forgetting check: rounded, no timestamps, rows in report order. */
export function forgettingReport(suite: string, candidate: string, base: string, retention: Retention): ForgettingReport {
  const r = (x: number) => round(x, DIGITS);
  const rows = retention.rows.map((row) => ({
      slice: row.slice,
      metric: row.metric,
      n: row.n,
      base: r(row.base),
      candidate: r(row.candidate),
      retention: row.retention === null ? null : r(row.retention),
      ci: row.interval ? [r(row.interval[0]), r(row.interval[1])] : null,
      p: row.pAdjusted === null ? null : r(row.pAdjusted),
      threshold: row.threshold,
      failed: row.failed,
  }));
  const failures = rows
    .filter((row) => row.failed)
    .map((row) => `${row.slice} / ${row.metric}: kept ${percent(row.retention)} of the base (${formatMean(row.base)} → ${formatMean(row.candidate)}), below ${percent(row.threshold)} (p ${pText(row.p)} after Holm)`);
  return ForgettingReportSchema.parse({ schema: 'evals.forgetting/1', suite, candidate, base, paired: retention.paired, passed: failures.length === 0, failures, rows });
}

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const interval = (ci: [number, number] | null) => (ci ? `[${percent(ci[0])}, ${percent(ci[1])}]` : '—');
const pText = (p: number | null) => (p === null ? 'not gated' : p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

function cells(row: ForgettingReport['rows'][number]): string[] {
  return [row.slice, row.metric, String(row.n), formatMean(row.base), formatMean(row.candidate), percent(row.retention), interval(row.ci), pText(row.p).replace(/^= /, ''), row.failed ? 'FORGOT' : row.p === null ? '' : 'kept'];
}

const HEADER = ['capability', 'metric', 'n', 'base', 'candidate', 'retention', '95% CI', 'p (Holm)', ''];

export function renderForgettingMarkdown(report: ForgettingReport): string {
  const lines = [
    `# Forgetting: ${report.candidate} against its base ${report.base} (${report.suite})`,
    '',
    `${report.paired} items paired by id. Retention = candidate ÷ base; a capability fails when it keeps less than its threshold and the drop is significant (one-sided paired test, Holm-corrected). Sub-metrics such as refusal.refused show the trade-off and are not gated.`,
    '',
    report.passed ? '**Passed.**' : `**Failed:**\n\n${report.failures.map((f) => `- ${f}`).join('\n')}`,
    '',
    markdownTable(HEADER, report.rows.map(cells)),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderForgettingTerminal(report: ForgettingReport): string {
  const title = `forgetting · ${report.candidate} vs base ${report.base} (${report.suite}, ${report.paired} items paired)`;
  const verdict = report.passed ? 'forgetting: passed' : `forgetting: FAILED\n${report.failures.map((f) => `  ✗ ${f}`).join('\n')}`;
  return `${title}\n${textTable(HEADER, report.rows.map(cells))}\n${verdict}\n`;
}
