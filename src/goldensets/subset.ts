import { UserError } from '../errors.js';
import type { GoldenItem } from './item.js';

export interface SubsetOptions {
  /** Item id globs (`*` any run of characters, `?` one); an item matching any is kept. */
  filters: readonly string[];
  /** Slice names; an item in any of them is kept. */
  slices: readonly string[];
}

/** `refund-*` -> /^refund-.*$/: only `*` and `?` are special, everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * The items `--filter` and `--slice` select (both given: an item must pass both). A filter or
 * slice that selects nothing is a usage error naming what there is, so a typo never runs an
 * empty plan.
 */
export function selectSubset<T extends Pick<GoldenItem, 'id' | 'slices'>>(items: readonly T[], options: SubsetOptions, suite: string): T[] {
  const known = new Set(items.flatMap((item) => item.slices));
  for (const slice of options.slices) {
    if (!known.has(slice)) throw new UserError(`--slice ${slice}: suite "${suite}" has no such slice (slices: ${[...known].sort().join(', ') || 'none'})`);
  }
  const patterns = options.filters.map(globToRegExp);
  const selected = items.filter(
    (item) =>
      (patterns.length === 0 || patterns.some((p) => p.test(item.id))) &&
      (options.slices.length === 0 || item.slices.some((s) => options.slices.includes(s))),
  );
  if (selected.length === 0) {
    const what = [...options.filters.map((f) => `--filter ${f}`), ...options.slices.map((s) => `--slice ${s}`)].join(' ');
    throw new UserError(`${what}: no item of suite "${suite}" matches (ids look like ${items.slice(0, 3).map((i) => `"${i.id}"`).join(', ')})`);
  }
  return selected;
}

/** How a subset run names itself: "a --filter refund-* run". */
export function subsetLabel(options: SubsetOptions): string | undefined {
  const parts = [...options.filters.map((f) => `--filter ${f}`), ...options.slices.map((s) => `--slice ${s}`)];
  return parts.length === 0 ? undefined : `a ${parts.join(' ')} run`;
}
