import { shuffle, type Random } from '../stats/prng.js';
import type { GoldenItem } from './item.js';

export const NO_SLICE = '(none)';

export interface SampleOptions {
  size: number;
  /** Uniform in [0, 1); seeded by the caller so a sample is reproducible. */
  random: Random;
  /** Every slice keeps at least this many items (or all it has). */
  minPerSlice?: number;
}

type Sliced = Pick<GoldenItem, 'slices'>;

/**
 * A stratified sample that keeps every slice: first each slice gets its minimum, then strata
 * (items grouped by their exact set of slices) are filled in proportion to their size, with
 * largest-remainder rounding. The result keeps the input order. It can exceed `size` when the
 * per-slice minimums need more; a long-tail slice is never sampled away.
 */
export function stratifiedSample<T extends Sliced>(items: readonly T[], options: SampleOptions): T[] {
  const { size, random, minPerSlice = 2 } = options;
  if (size >= items.length) return [...items];
  const order = shuffle(random, items.map((_, i) => i));
  const selected = new Set<number>();

  const bySlice = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const slice of slicesOf(item)) bySlice.set(slice, [...(bySlice.get(slice) ?? []), i]);
  });
  for (const slice of [...bySlice.keys()].sort()) {
    const members = new Set(bySlice.get(slice));
    fill(order, members, selected, Math.min(minPerSlice, members.size));
  }

  const strata = new Map<string, Set<number>>();
  items.forEach((item, i) => {
    const key = slicesOf(item).sort().join('|');
    strata.set(key, (strata.get(key) ?? new Set()).add(i));
  });
  const keys = [...strata.keys()].sort();
  const quotas = largestRemainder(keys.map((k) => (size * (strata.get(k)?.size ?? 0)) / items.length));
  keys.forEach((key, k) => fill(order, strata.get(key) ?? new Set(), selected, quotas[k] ?? 0));

  return items.filter((_, i) => selected.has(i));
}

function slicesOf(item: Sliced): string[] {
  return item.slices.length > 0 ? [...item.slices] : [NO_SLICE];
}

/** Adds members in shuffled order until `target` of them are selected. */
function fill(order: readonly number[], members: ReadonlySet<number>, selected: Set<number>, target: number): void {
  let have = [...members].filter((i) => selected.has(i)).length;
  for (const i of order) {
    if (have >= target) return;
    if (members.has(i) && !selected.has(i)) {
      selected.add(i);
      have++;
    }
  }
}

/** Rounds shares to integers that add up to their (rounded) total, biggest remainders first. */
export function largestRemainder(shares: readonly number[]): number[] {
  const floors = shares.map(Math.floor);
  let left = Math.round(shares.reduce((a, b) => a + b, 0)) - floors.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

