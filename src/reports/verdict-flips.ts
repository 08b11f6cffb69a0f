import { orderMetrics, type Report, type VerdictFlips } from '../report-schema.js';
import { labelThenNumbers, markdownTable } from './table.js';
import { flipRate } from '../stats/flip-rate.js';
import { byCodePoint } from '../util/compare.js';
import type { ResultsByItem } from '../contracts/item-result.js';

/**
 * Per judged metric, how many item verdicts (pass/fail) changed across the epochs, overall and per
 * slice (src/stats/flip-rate.ts: a judge error in any epoch leaves the item out). Empty with one
 * epoch: nothing was asked twice.
 */
export function verdictFlips(items: ReadonlyArray<{ id: string; slices: readonly string[] }>, results: ResultsByItem, epochs: number): VerdictFlips[] {
  if (epochs < 2) return [];
  const metrics = orderMetrics([...new Set(items.flatMap((item) => (results.get(item.id) ?? []).flatMap((r) => r.judgments.map((j) => j.metric))))]);
  return metrics.flatMap((metric) => {
    const perItem = items.map((item) => {
      const epochResults = results.get(item.id) ?? [];
      // Every planned epoch counts: one without this metric's verdict (an error) is a null.
      const verdicts = Array.from({ length: epochs }, (_, e) => {
        const judgment = epochResults[e]?.judgments.find((j) => j.metric === metric);
        return judgment && judgment.error === undefined ? String(judgment.pass) : null;
      });
      return { slices: item.slices, verdicts };
    });
    const all = flipRate(perItem.map((x) => x.verdicts));
    if (all.total === 0) return [];
    const sliceNames = [...new Set(perItem.flatMap((x) => x.slices))].sort(byCodePoint);
    const slices = Object.fromEntries(sliceNames.map((slice) => [slice, flipRate(perItem.filter((x) => x.slices.includes(slice)).map((x) => x.verdicts))]));
    return [{ metric, total: all.total, flipped: all.flipped, slices }];
  });
}

function rate({ flipped, total }: { flipped: number; total: number }): string {
  return `${total === 0 ? '0.0' : ((flipped / total) * 100).toFixed(1)}% (${flipped}/${total})`;
}

/** The flips as a Markdown table, one row per judged metric, one column per slice; none: no lines. */
export function flipsMarkdown(report: Pick<Report, 'flips' | 'fingerprint' | 'slices'>): string[] {
  const flips = report.flips ?? [];
  if (flips.length === 0) return [];
  const slices = sliceOrder(report);
  const header = ['metric', 'all', ...slices];
  return [
    `## Judge verdict flips over ${report.fingerprint.epochs} epochs`,
    '',
    'Share of items whose pass/fail verdict was not the same in every epoch (each epoch asks the judge afresh; a candidate whose answers vary adds its own changes).',
    '',
    markdownTable(
      header,
      flips.map((f) => [f.metric, rate(f), ...slices.map((s) => (f.slices[s] ? rate(f.slices[s]) : '—'))]),
      labelThenNumbers(header),
    ),
  ];
}

/** One line per judged metric for the terminal: "verdict flips over 3 epochs: support-answer 4.0% (6/150); long-tail 10.0% (3/30), head 2.0% (2/100)". */
export function flipsLines(report: Pick<Report, 'flips' | 'fingerprint' | 'slices'>): string[] {
  const slices = sliceOrder(report);
  return (report.flips ?? []).map(
    (f) => `verdict flips over ${report.fingerprint.epochs} epochs: ${f.metric} ${rate(f)}; ${slices.flatMap((s) => (f.slices[s] ? [`${s} ${rate(f.slices[s])}`] : [])).join(', ')}`,
  );
}

/** Long-tail slices first, then by name (the tables' order). */
function sliceOrder(report: Pick<Report, 'slices'>): string[] {
  return Object.keys(report.slices).sort((a, b) => Number(report.slices[b]?.longTail) - Number(report.slices[a]?.longTail) || byCodePoint(a, b));
}
