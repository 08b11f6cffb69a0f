import type { Report } from './report.js';
import { columnLabel, formatScore, sliceGrid, textTable } from './table.js';

/** The per-slice table printed after a run: slices as rows, pass with its interval, metric means. */
export function renderTerminalSummary(report: Report): string {
  const grid = sliceGrid(report);
  const [passRow, ...metricRows] = grid.rows;
  const header = ['slice', 'n', 'errors', 'pass [95% CI]', ...metricRows.map((r) => r.metric)];
  const rows = grid.columns.map((column, i) => [
    columnLabel(column),
    String(column.n),
    String(column.errors),
    formatScore(passRow?.cells[i]),
    ...metricRows.map((r) => formatScore(r.cells[i], false)),
  ]);
  const title = `${report.suite} · ${report.candidate.id} (${report.candidate.kind})`;
  const skipped = report.skipped.map((s) => `not scored: ${s.metric} — ${s.reason}`);
  return [title, textTable(header, rows), ...skipped].join('\n') + '\n';
}
