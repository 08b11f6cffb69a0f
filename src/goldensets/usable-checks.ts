import { locate } from '../errors.js';
import { checkRegistry } from '../scoring/checks/registry.js';
import type { CheckSpec } from '../scoring/checks/spec.js';
import type { CheckDefinition } from '../scoring/checks/types.js';
import { KNOWN_FIELDS, type GoldenItem } from './item.js';

/**
 * Every check of every item (the suite's own and the item's) that cannot be evaluated on it, as
 * `file:line` messages: `equals` with no reference, `numeric` whose reference holds no number.
 * Such a check would otherwise never apply and the item would pass on the others, or on nothing.
 */
export function unusableChecks(
  items: readonly GoldenItem[],
  suiteChecks: readonly CheckSpec[],
  registry: ReadonlyMap<string, CheckDefinition> = checkRegistry,
): string[] {
  const problems: string[] = [];
  // Loops, not a list of specs per item: this runs over every item of every run (10k allocations).
  const visit = (item: GoldenItem, spec: CheckSpec, from: string) => {
    const why = registry.get(spec.type)?.unusable?.(item, spec.params);
    if (why) problems.push(locate(item.origin.file, item.origin.line, `check "${spec.name}"${from} cannot be evaluated: ${why}${misspelt(item)}`));
  };
  for (const item of items) {
    for (const spec of suiteChecks) visit(item, spec, " (from the suite's checks)");
    for (const spec of item.checks) visit(item, spec, '');
  }
  return problems;
}

/** A hint when the row has an unknown field one or two typos away from a field it lacks ("refrence"). */
function misspelt(item: GoldenItem): string {
  for (const key of Object.keys(item.metadata)) {
    for (const field of KNOWN_FIELDS) {
      if (key !== field && !(field in item) && editDistance(key.toLowerCase(), field) <= 2) return ` (is "${key}" a misspelt "${field}"?)`;
    }
  }
  return '';
}

/** Levenshtein distance; field names are short, so the quadratic table is nothing. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
