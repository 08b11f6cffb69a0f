import { pairedDifference, type PairedDifference } from '../stats/paired.js';
import type { ResamplingOptions } from '../stats/paired-resampling.js';
import { byCodePoint } from '../util/compare.js';
import { PASS_METRIC, type Report, type ReportItem } from '../report-schema.js';
import type { ItemPair } from './pairing.js';
import { OVERALL } from './types.js';

/**
 * The one paired comparison every verdict rests on — the run gate (`run`, `diff`, `merge`),
 * retention (`forgetting`) and parity (`compare`): items paired by id (./pairing.ts), grouped by
 * slice, one paired test per slice x metric, one-sided for a drop. What each command reads off the
 * rows (a drop past a tolerance, a ratio below a threshold) is its own; the family and the decision
 * are in ./family.ts.
 */

/** The items of one row group: OVERALL (every pair) or one slice's pairs. */
export interface SliceGroup {
  slice: string;
  longTail: boolean;
  pairs: ItemPair[];
}

/** OVERALL, then long-tail slices, then the rest by name (the order every report's table uses). */
export function sliceGroups(pairs: readonly ItemPair[], base: Report, head: Report): SliceGroup[] {
  const isLongTail = (s: string) => head.slices[s]?.longTail ?? base.slices[s]?.longTail ?? false;
  // One pass over the pairs, not one per slice: a 10k-item run walked them once per slice and
  // flattened every item's slice list first.
  const bySlice = new Map<string, ItemPair[]>();
  for (const pair of pairs) {
    for (const slice of pair.head.slices) {
      const group = bySlice.get(slice);
      if (group) {
        // A slice listed twice on one item still counts the item once, as filter(includes) did.
        if (group[group.length - 1] !== pair) group.push(pair);
      } else bySlice.set(slice, [pair]);
    }
  }
  const slices = [...bySlice.keys()].sort((a, b) => Number(isLongTail(b)) - Number(isLongTail(a)) || byCodePoint(a, b));
  return [
    { slice: OVERALL, longTail: false, pairs: [...pairs] },
    ...slices.map((slice) => ({ slice, longTail: isLongTail(slice), pairs: bySlice.get(slice) as ItemPair[] })),
  ];
}

/** An item's score for a metric; a missing `pass` is a failure, as in the report's own summary. */
export function scoreOf(item: ReportItem, metric: string): number | undefined {
  return item.scores[metric] ?? (metric === PASS_METRIC ? 0 : undefined);
}

/** The metric's scores on the pairs that have it in both reports, index i one item in both arrays. */
export function pairedScores(pairs: readonly ItemPair[], metric: string): { base: number[]; head: number[] } {
  const base: number[] = [];
  const head: number[] = [];
  for (const pair of pairs) {
    const b = scoreOf(pair.base, metric);
    const h = scoreOf(pair.head, metric);
    if (b === undefined || h === undefined) continue;
    base.push(b);
    head.push(h);
  }
  return { base, head };
}

export interface PairedRow extends PairedDifference {
  slice: string;
  metric: string;
  longTail: boolean;
  /** One-sided p of a drop (see dropPValue). */
  pDrop: number;
  base: number[];
  head: number[];
}

/** One slice x metric: the paired difference and its one-sided p; null when no pair has the metric. */
export function comparePaired(group: SliceGroup, metric: string, options: ResamplingOptions = {}): PairedRow | null {
  const { base, head } = pairedScores(group.pairs, metric);
  if (base.length === 0) return null;
  const d = pairedDifference(base, head, { seed: options.seed, iterations: options.iterations });
  return { ...d, slice: group.slice, metric, longTail: group.longTail, pDrop: dropPValue(d.diff, d.pValue), base, head };
}

/**
 * Every verdict asks one question — did the head get worse? — so its test is one-sided. Both paired
 * tests are symmetric under the null (McNemar's binomial with p = 1/2, the sign-flip permutation),
 * so the one-sided p of a drop is half the two-sided p; no drop at all has p = 1.
 */
export function dropPValue(diff: number, twoSided: number): number {
  if (diff < 0) return twoSided / 2;
  return diff === 0 ? 1 : 1 - twoSided / 2;
}
