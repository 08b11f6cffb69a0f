import { staleNotice } from '../gate/pairing.js';
import type { Comparison, MetricComparison, NewItemsComparison } from '../gate/types.js';
import { renderRegressedItems, type DiffContext } from './diff-items.js';
import { formatMean, formatPoints, formatPValue, percentOf } from '../util/format.js';
import { familyText } from '../gate/wording.js';
import { markdownTable, type Align } from './table.js';
import type { GateVerdict } from '../gate/decision.js';
import { defineReporter } from './writer.js';

export type { DiffContext } from './diff-items.js';

const MAX_IDS_LISTED = 50;

/**
 * The diff for people and the PR (and GitHub's step summary): the verdict and why, a per-slice
 * table of the gated metrics, the sub-metrics folded away, what the baseline could not cover, then
 * the most regressed items with their input and both answers.
 */
export function renderDiffMarkdown(comparison: Comparison, verdict: GateVerdict, context: DiffContext = {}): string {
  const from = comparison.base ? `${comparison.base.id} → ` : '';
  const lines = [`## ${comparison.suite} · ${from}${comparison.head.id}: gate ${verdict.passed ? 'passed' : 'failed'}`, ''];
  if (verdict.failures.length > 0) {
    lines.push('**Why it failed**', '', ...verdict.failures.map((f) => `- ${f.message}`), '');
  }
  const stale = comparison.comparability ? staleNotice(comparison.comparability) : null;
  if (stale) lines.push(`> **Baseline not fully comparable.** ${stale}`, '');

  const failed = new Set(verdict.failures.filter((f) => f.rule !== 'new-items').map((f) => `${f.slice}\u0000${f.metric}`));
  const gated = comparison.rows.filter((r) => r.gated);
  const shown = comparison.rows.filter((r) => !r.gated);
  if (gated.length > 0) {
    lines.push(
      `Paired by item id; Δ is after − before in points with its 95% interval; p is adjusted over a family of ${familyText(comparison)} ` +
        `(slices share α, each slice's pass first; see the README's gate section). ` +
        `Detectable drop: the smallest drop (points) this row would catch with ${percentOf(comparison.power)} power at its share of α, from its own paired data; none: no drop is (too few items, or nothing to drop from).`,
      '',
      table(gated, (row) => (failed.has(`${row.slice}\u0000${row.metric}`) ? '❌' : '✅')),
      '',
    );
  }
  if (comparison.newItems.length > 0) {
    const failedNew = new Set(verdict.failures.filter((f) => f.rule === 'new-items').map((f) => f.slice));
    lines.push(
      "New items (not in the baseline, so not paired), per slice: their pass rate now against the slice's baseline pass rate, unpaired (one-sided Fisher exact test; p adjusted in the same family).",
      '',
      newItemsTable(comparison.newItems, (row) => (!row.gated ? '—' : failedNew.has(row.slice) ? '❌' : '✅')),
      '',
    );
  }
  if (shown.length > 0) {
    lines.push('<details><summary>Sub-metrics: shown, not gated (p not adjusted)</summary>', '', table(shown, () => '—'), '', '</details>', '');
  }
  if (verdict.notes.length > 0) lines.push('**Notes**', '', ...verdict.notes.map((n) => `- ${n}`), '');
  const c = comparison.comparability;
  if (c) {
    const uncompared = new Set(c.addedUncompared);
    lines.push(
      ...idList('Added items (compared unpaired, above)', c.added.filter((id) => !uncompared.has(id))),
      ...idList('Added items in slices the baseline lacks (not compared; floors only)', c.addedUncompared),
      ...idList('Removed items (not compared)', c.removed),
      ...idList('Items moved to other slices (not compared)', c.resliced),
    );
  }
  lines.push(...renderRegressedItems(comparison, context));
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

const METRIC_HEADER = ['slice', 'metric', 'n', 'before', 'after', 'Δ points [95% CI]', 'p', 'detectable drop', ''];
const METRIC_ALIGN: Align[] = ['left', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'center'];

function table(rows: readonly MetricComparison[], mark: (row: MetricComparison) => string): string {
  return markdownTable(
    METRIC_HEADER,
    rows.map((row) => {
      const p = formatPValue(row.pAdjusted ?? row.pValue);
      const mdd = row.minDetectableDrop === null ? 'none' : `${(row.minDetectableDrop * 100).toFixed(1)}`;
      return [sliceLabel(row), row.metric, String(row.n), formatMean(row.meanBase), formatMean(row.meanHead), deltaCell(row), p, mdd, mark(row)];
    }),
    METRIC_ALIGN,
  );
}

const NEW_ITEMS_HEADER = ['slice', 'new items', 'pass now', 'baseline items', 'baseline pass', 'Δ points [95% CI]', 'p', ''];
const NEW_ITEMS_ALIGN: Align[] = ['left', 'right', 'right', 'right', 'right', 'left', 'right', 'center'];

function newItemsTable(rows: readonly NewItemsComparison[], mark: (row: NewItemsComparison) => string): string {
  return markdownTable(
    NEW_ITEMS_HEADER,
    rows.map((row) => [sliceLabel(row), String(row.n), formatMean(row.rateNew), String(row.baseN), formatMean(row.rateBase), deltaCell(row), formatPValue(row.pAdjusted ?? row.pValue), mark(row)]),
    NEW_ITEMS_ALIGN,
  );
}

function sliceLabel(row: { slice: string; longTail: boolean }): string {
  return row.longTail ? `${row.slice} (long tail)` : row.slice;
}

function deltaCell(row: { diff: number; interval: readonly [number, number] }): string {
  return `${formatPoints(row.diff)} [${formatPoints(row.interval[0])}, ${formatPoints(row.interval[1])}]`;
}

function idList(title: string, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const shown = ids.slice(0, MAX_IDS_LISTED).map((id) => `\`${id.replace(/`/g, "'")}\``);
  const more = ids.length > MAX_IDS_LISTED ? `, … and ${ids.length - MAX_IDS_LISTED} more` : '';
  return [`**${title}** (${ids.length}): ${shown.join(', ')}${more}`, ''];
}

export const summaryWriter = defineReporter({
  name: 'summary',
  summary: 'the Markdown diff of every suite x candidate (the PR comment)',
  perRun: { flag: 'summary', render: (entries) => entries.map((e) => e.markdown).join('\n') },
});
