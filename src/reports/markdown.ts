import { escapeCell } from './plain-text.js';
import type { Report } from '../report-schema.js';
import { columnLabel, formatScore, sliceGrid } from './table.js';
import { defineReporter } from './writer.js';
import { flipsMarkdown } from './verdict-flips.js';

const MAX_FAILURES_SHOWN = 50;

/** The report for people and PRs: one table of metrics x slices, then what failed and why. */
export function renderMarkdown(report: Report): string {
  const grid = sliceGrid(report);
  const { summary } = report;
  const pass = summary.metrics.pass;
  const lines = [
    `# ${report.suite} · ${report.candidate.id} (${report.candidate.kind})`,
    '',
    `${summary.n} items · ${summary.errors} errors · pass ${formatScore(pass)}`,
    '',
    'Each cell: mean score [95% interval]. Long-tail slices are gated on their own.',
    '',
    `| metric | ${grid.columns.map((c) => `${escapeCell(columnLabel(c))} (n=${c.n})`).join(' | ')} |`,
    `|---|${grid.columns.map(() => '---:').join('|')}|`,
    ...grid.rows.map((row) => `| ${escapeCell(row.metric)} | ${row.cells.map((c) => formatScore(c)).join(' | ')} |`),
    `| errors | ${grid.columns.map((c) => String(c.errors)).join(' | ')} |`,
  ];
  const flips = flipsMarkdown(report);
  if (flips.length > 0) lines.push('', ...flips);
  if (report.skipped.length > 0) {
    lines.push('', '## Not scored', '', ...report.skipped.map((s) => `- **${s.metric}**: ${s.reason}`));
  }
  const failed = report.items.filter((i) => !i.pass);
  if (failed.length > 0) {
    lines.push('', `## Failed items (${failed.length})`, '', '| item | slices | why |', '|---|---|---|');
    for (const item of failed.slice(0, MAX_FAILURES_SHOWN)) {
      lines.push(`| ${escapeCell(item.id)} | ${escapeCell(item.slices.join(', '))} | ${shortCell(item.failures.join('; '))} |`);
    }
    if (failed.length > MAX_FAILURES_SHOWN) lines.push('', `… and ${failed.length - MAX_FAILURES_SHOWN} more (see the .json report).`);
  }
  return `${lines.join('\n')}\n`;
}

function shortCell(text: string): string {
  const oneLine = escapeCell(text);
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}

export const markdownWriter = defineReporter({ name: 'markdown', summary: 'the report for people: metrics x slices, then what failed', perReport: { suffix: '.md', render: ({ report }) => renderMarkdown(report) } });
