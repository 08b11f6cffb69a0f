import type { GoldenItem } from '../goldensets/item.js';
import { NO_SLICE } from '../goldensets/sample.js';

/**
 * Items grouped for `describe` blocks: one group per slice, in first-seen order, each item once,
 * under the first slice it names (items without a slice under the reports' NO_SLICE). An item in
 * several slices is still one test; its other slices are in the test's meta.
 */
export function groupBySlice<T extends Pick<GoldenItem, 'slices'>>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const slice = item.slices[0] ?? NO_SLICE;
    const group = groups.get(slice);
    if (group) group.push(item);
    else groups.set(slice, [item]);
  }
  return groups;
}
