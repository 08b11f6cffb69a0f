import { textTable } from '../reports/table.js';
import { formatMean } from '../util/format.js';
import { truncate } from '../reports/diff-format.js';
import type { History } from './history.js';
import { sparkline } from './sparkline.js';

/** The commits (numbered, oldest first), then one line per gated slice x metric: its trend and every point. */
export function renderHistory(history: History): string {
  const { points } = history;
  const lines = [
    `history · ${history.suite} · ${history.candidate}: ${history.file}, last ${points.length} ${points.length === 1 ? 'commit' : 'commits'} (oldest first)`,
    ...points.map(
      (p, i) =>
        `  ${i + 1}  ${p.commit.slice(0, 7)}  ${p.date.slice(0, 10)}  ${truncate(p.subject, 72)}${p.fingerprintChanged ? '  [golden set or scoring changed]' : ''}`,
    ),
    '',
    textTable(
      ['slice / metric', 'trend', 'range', ...points.map((_, i) => String(i + 1))],
      history.rows.map((row) => {
        const present = row.values.filter((v): v is number => v !== null);
        const range = present.length === 0 ? '—' : `${formatMean(Math.min(...present))}–${formatMean(Math.max(...present))}`;
        return [
          `${row.slice}${row.longTail ? ' (long tail)' : ''} / ${row.metric}`,
          sparkline(row.values),
          range,
          ...row.values.map((v) => (v === null ? '—' : formatMean(v))),
        ];
      }),
    ),
  ];
  for (const s of history.skipped) lines.push(`skipped ${s.commit.slice(0, 7)}: ${s.reason}`);
  return `${lines.join('\n')}\n`;
}
