import { byCodePoint } from '../util/compare.js';
import { count } from '../util/format.js';
import { FINGERPRINT_PARTS, type Comparability, type FingerprintChange } from './types.js';
import type { Fingerprint, Report, ReportItem } from '../report-schema.js';

export interface ItemPair {
  base: ReportItem;
  head: ReportItem;
}

/**
 * Pairs items by id. An id in only one report is added or removed; an id whose slices changed is
 * listed as re-sliced. None of those is paired, so no item is ever compared with a different one.
 */
export function pairItems(base: Report, head: Report): { pairs: ItemPair[]; comparability: Omit<Comparability, 'missingMetrics' | 'addedUncompared'> } {
  // Filled by loops, not from mapped arrays: no pair array per item of a 10k-item report.
  const baseById = new Map<string, ReportItem>();
  for (const item of base.items) baseById.set(item.id, item);
  const headIds = new Set<string>();
  for (const item of head.items) headIds.add(item.id);
  const pairs: ItemPair[] = [];
  const added: string[] = [];
  const resliced: string[] = [];
  for (const item of head.items) {
    const match = baseById.get(item.id);
    if (!match) added.push(item.id);
    else if (sameSlices(match.slices, item.slices)) pairs.push({ base: match, head: item });
    else resliced.push(item.id);
  }
  const removed = base.items.filter((item) => !headIds.has(item.id)).map((item) => item.id);
  const changed = fingerprintChanges(base.fingerprint, head.fingerprint);
  return {
    pairs,
    comparability: {
      stale: changed.length > 0,
      changed,
      paired: pairs.length,
      added: added.sort(byCodePoint),
      removed: removed.sort(byCodePoint),
      resliced: resliced.sort(byCodePoint),
    },
  };
}

export function fingerprintChanges(base: Fingerprint, head: Fingerprint): FingerprintChange[] {
  return FINGERPRINT_PARTS.filter((part) => base[part] !== head[part]).map((part) => ({
    part,
    base: String(base[part] ?? 'none'),
    head: String(head[part] ?? 'none'),
  }));
}

/** The same slices, in any order. Reports share equal slice lists between items, so most pairs hold the same list, or one slice each. */
export function sameSlices(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  if (a.length === 1) return a[0] === b[0];
  const sorted = (s: readonly string[]) => [...s].sort(byCodePoint).join('\u0000');
  return sorted(a) === sorted(b);
}

const PART_LABELS: Record<FingerprintChange['part'], string> = {
  items: 'golden-set items',
  checks: 'suite checks',
  rubrics: 'rubrics',
  judges: 'judges',
  epochs: 'epochs',
  sample: 'sample',
};

/** One plain sentence: what changed, what is compared and how, and what is not. Null when nothing did. */
export function staleNotice(c: Comparability): string | null {
  const listed = c.added.length + c.removed.length + c.resliced.length;
  if (!c.stale && listed === 0) return null;
  const parts = c.changed.map((change) =>
    change.part === 'epochs' || change.part === 'sample' ? `${PART_LABELS[change.part]} (${change.base} → ${change.head})` : PART_LABELS[change.part],
  );
  const what = parts.length > 0 ? `The baseline is stale: ${joinWords(parts)} changed since it was made.` : 'The item lists differ.';
  const unpaired = c.added.length - c.addedUncompared.length;
  const compared = `The ${count(c.paired, 'item')} present in both with the same slices are compared in pairs${
    unpaired > 0 ? `; ${count(unpaired, 'new item')} unpaired, with ${unpaired === 1 ? 'its' : 'their'} slice's baseline pass rate` : ''
  }.`;
  const notCompared = [
    c.addedUncompared.length > 0
      ? `${count(c.addedUncompared.length, 'new item')} in slices the baseline lacks (only floors apply: ${someIds(c.addedUncompared)})`
      : '',
    c.removed.length > 0 ? `${count(c.removed.length, 'removed item')} (${someIds(c.removed)})` : '',
    c.resliced.length > 0 ? `${count(c.resliced.length, 'item')} moved to other slices (${someIds(c.resliced)})` : '',
  ].filter(Boolean);
  const not = notCompared.length > 0 ? ` Not compared: ${joinWords(notCompared)}.` : '';
  const rerun = c.stale ? ' Re-run the baseline on the current items to compare everything.' : '';
  return `${what} ${compared}${not}${rerun}`;
}

/** The first few ids of a list, for a sentence; the full lists are in the Markdown diff. */
function someIds(ids: readonly string[], max = 5): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')}, … ${ids.length - max} more`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
