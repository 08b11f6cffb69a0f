import type { MetricSummary, Report } from '../report-schema.js';
import { orderMetrics } from '../report-schema.js';
import { escapeCell } from './plain-text.js';

/** A metrics x slices grid: the overall column, then long-tail slices, then the rest. */
export interface SliceGrid {
  columns: Array<{ name: string; n: number; errors: number; longTail: boolean }>;
  rows: Array<{ metric: string; cells: Array<MetricSummary | undefined> }>;
}

export function sliceGrid(report: Report): SliceGrid {
  const slices = Object.entries(report.slices).sort(([a, x], [b, y]) => Number(y.longTail) - Number(x.longTail) || (a < b ? -1 : 1));
  const groups = [{ name: 'all', summary: report.summary, longTail: false }, ...slices.map(([name, s]) => ({ name, summary: s, longTail: s.longTail }))];
  const metrics = orderMetrics(Object.keys(report.summary.metrics));
  return {
    columns: groups.map((g) => ({ name: g.name, n: g.summary.n, errors: g.summary.errors, longTail: g.longTail })),
    rows: metrics.map((metric) => ({ metric, cells: groups.map((g) => g.summary.metrics[metric]) })),
  };
}

export function formatScore(m: MetricSummary | undefined, withInterval = true, digits = 2): string {
  if (!m) return '—';
  const mean = m.mean.toFixed(digits);
  return withInterval ? `${mean} [${m.ci[0].toFixed(2)}, ${m.ci[1].toFixed(2)}]` : mean;
}

export function columnLabel(c: SliceGrid['columns'][number]): string {
  return `${c.name}${c.longTail ? ' (long tail)' : ''}`;
}

/** Plain-text table for the terminal: columns padded to their widest cell. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** How a Markdown column aligns: text left, numbers right, marks centred. */
export type Align = 'left' | 'right' | 'center';

const RULE: Record<Align, string> = { left: '---', right: '---:', center: ':-:' };

/** A label column, then numbers: the alignment of most report tables. */
export function labelThenNumbers(header: readonly string[]): Align[] {
  return header.map((_, i) => (i === 0 ? 'left' : 'right'));
}

/**
 * A Markdown (GFM) table, the counterpart of textTable: every cell escaped (escapeCell: one line,
 * pipes escaped, no control sequences), each column aligned as `align` says, left where it says nothing.
 */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map((_, i) => RULE[align[i] ?? 'left']).join('|')}|`, ...rows.map(line)].join('\n');
}
