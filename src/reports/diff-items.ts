import type { Comparison, ItemChange } from '../gate/types.js';
import { formatMean } from '../util/format.js';
import { truncate } from './diff-format.js';

/** Optional text for the most regressed items, each map keyed by item id. */
export interface DiffContext {
  inputs?: ReadonlyMap<string, string>;
  baseAnswers?: ReadonlyMap<string, string>;
  headAnswers?: ReadonlyMap<string, string>;
}

/** Items shown with their answers (the rest are counted). */
export const MAX_DIFF_ITEMS = 10;
const MAX_TEXT = 300;

/** The items that lost the most, with what was asked and what each side answered. */
export function renderRegressedItems(comparison: Comparison, context: DiffContext): string[] {
  const items = comparison.regressedItems;
  if (items.length === 0) return [];
  const title = items.length > MAX_DIFF_ITEMS ? `Most regressed items (${MAX_DIFF_ITEMS} of ${items.length})` : `Regressed items (${items.length})`;
  const lines = [`### ${title}`, ''];
  for (const item of items.slice(0, MAX_DIFF_ITEMS)) lines.push(...renderItem(item, comparison, context));
  return lines;
}

function renderItem(item: ItemChange, comparison: Comparison, context: DiffContext): string[] {
  const drops = item.drops.map((d) => `${d.metric} ${formatMean(d.base)} → ${formatMean(d.head)}`).join(' · ');
  const lines = [`#### \`${item.id.replace(/`/g, "'")}\` (${item.slices.join(', ')})`, '', drops, ''];
  if (item.failures.length > 0) lines.push(`Now fails: ${truncate(item.failures.join('; ').replace(/\s+/g, ' '), MAX_TEXT)}`, '');
  const blocks: Array<[string, string | undefined]> = [
    ['Input', context.inputs?.get(item.id)],
    [`Before (${comparison.base?.id ?? 'baseline'})`, context.baseAnswers?.get(item.id)],
    [`After (${comparison.head.id})`, context.headAnswers?.get(item.id)],
  ];
  for (const [label, text] of blocks) {
    if (text !== undefined) lines.push(`**${label}**`, '', ...fenced(truncate(text, MAX_TEXT)), '');
  }
  return lines;
}

/** A fence longer than any backtick run inside, so the text can never close it early. */
function fenced(text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}text`, text, fence];
}
