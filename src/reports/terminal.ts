import { PASS_METRIC } from '../report-schema.js';
import type { Report } from '../report-schema.js';
import { columnLabel, formatScore, sliceGrid, textTable } from './table.js';
import { flipsLines } from './verdict-flips.js';

/** The per-slice table printed after a run: slices as rows, pass with its interval, metric means. */
export function renderTerminalSummary(report: Report): string {
  const grid = sliceGrid(report);
  const passRow = grid.rows.find((r) => r.metric === PASS_METRIC);
  const metricRows = grid.rows.filter((r) => r !== passRow);
  const header = ['slice', 'n', 'errors', 'pass [95% CI]', ...metricRows.map((r) => r.metric)];
  const rows = grid.columns.map((column, i) => [
    columnLabel(column),
    String(column.n),
    String(column.errors),
    formatScore(passRow?.cells[i]),
    // Three places: a one-point difference (e.g. against a paper's figure) must be visible.
    ...metricRows.map((r) => formatScore(r.cells[i], false, 3)),
  ]);
  const title = `${report.suite} · ${report.candidate.id} (${report.candidate.kind})`;
  // What went unscored was said once, before the run (src/cli/run-for-report.ts), not per table.
  return [title, textTable(header, rows), ...flipsLines(report)].join('\n') + '\n';
}

/** Metrics that were not scored, grouped by reason: one line per missing judge, not per metric. */
export function skippedLines(skipped: Report['skipped']): string[] {
  const byReason = new Map<string, string[]>();
  for (const { metric, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), metric]);
  return [...byReason].map(([reason, metrics]) => `not scored: ${metrics.join(', ')} — ${reason}`);
}
