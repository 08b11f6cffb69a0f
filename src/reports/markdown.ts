import { oneLine } from './plain-text.js';
import type { Report } from '../report-schema.js';
import { columnLabel, formatScore, labelThenNumbers, markdownTable, sliceGrid } from './table.js';
import { defineReporter } from './writer.js';
import { flipsMarkdown } from './verdict-flips.js';

const MAX_FAILURES_SHOWN = 50;

/** The report for people and PRs: one table of metrics x slices, then what failed and why. */
export function renderMarkdown(report: Report): string {
  const grid = sliceGrid(report);
  const { summary } = report;
  const pass = summary.metrics.pass;
  const header = ['metric', ...grid.columns.map((c) => `${columnLabel(c)} (n=${c.n})`)];
  const lines = [
    `# ${report.suite} · ${report.candidate.id} (${report.candidate.kind})`,
    '',
    `${summary.n} items · ${summary.errors} errors · pass ${formatScore(pass)}`,
    '',
    'Each cell: mean score [95% interval]. Long-tail slices are gated on their own.',
    '',
    markdownTable(header, [...grid.rows.map((row) => [row.metric, ...row.cells.map((c) => formatScore(c))]), ['errors', ...grid.columns.map((c) => String(c.errors))]], labelThenNumbers(header)),
  ];
  const flips = flipsMarkdown(report);
  if (flips.length > 0) lines.push('', ...flips);
  if (report.skipped.length > 0) {
    lines.push('', '## Not scored', '', ...report.skipped.map((s) => `- **${s.metric}**: ${s.reason}`));
  }
  const failed = report.items.filter((i) => !i.pass);
  if (failed.length > 0) {
    const rows = failed.slice(0, MAX_FAILURES_SHOWN).map((item) => [item.id, item.slices.join(', '), shortCell(item.failures.join('; '))]);
    lines.push('', `## Failed items (${failed.length})`, '', markdownTable(['item', 'slices', 'why'], rows));
    if (failed.length > MAX_FAILURES_SHOWN) lines.push('', `… and ${failed.length - MAX_FAILURES_SHOWN} more (see the .json report).`);
  }
  return `${lines.join('\n')}\n`;
}

/** At most 300 characters of the cell's one line (markdownTable escapes it). */
function shortCell(text: string): string {
  const line = oneLine(text);
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

export const markdownWriter = defineReporter({ name: 'markdown', summary: 'the report for people: metrics x slices, then what failed', perReport: { suffix: '.md', render: ({ report }) => renderMarkdown(report) } });
