/**
 * Recall@k of gold sources: the share of an item's gold source ids found among the first k ids a
 * retriever returned (repeats count once). Undefined when the item has no gold sources: recall of
 * nothing is not 1, it is not defined, and such items sit outside the corpus's coverage.
 */
export function recallAtK(gold: readonly string[], retrieved: readonly string[], k: number): number | undefined {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`recallAtK: k must be a whole number above 0, got ${k}`);
  const wanted = new Set(gold);
  if (wanted.size === 0) return undefined;
  const top = new Set(retrieved.slice(0, k));
  let found = 0;
  for (const id of wanted) if (top.has(id)) found++;
  return found / wanted.size;
}

/** One item as retrieval attribution sees it: its recall@k and whether its answer passed. */
export interface AttributedItem {
  recall: number;
  pass: boolean;
}

export interface HitMissSplit {
  items: number;
  /** Mean recall@k. */
  recall: number;
  /** Items whose every gold source was retrieved (recall@k = 1). */
  hits: number;
  misses: number;
  /** Pass rate on hits and on misses; null when there are none. */
  passOnHit: number | null;
  passOnMiss: number | null;
  /** Failing items by where the failure lies: a miss (retrieval) or a hit that still failed (generation). */
  failedOnMiss: number;
  failedOnHit: number;
}

/**
 * Answer quality split by retrieval hit vs miss. A hit that fails is the generator's failure (it had
 * every gold source); a miss that fails may be retrieval's. High recall with many failed hits is a
 * weak generator that good retrieval masks. Undefined for no items.
 */
export function splitByHit(items: readonly AttributedItem[]): HitMissSplit | undefined {
  if (items.length === 0) return undefined;
  const hit = items.filter((i) => i.recall >= 1);
  const miss = items.filter((i) => i.recall < 1);
  const rate = (group: readonly AttributedItem[]) => (group.length === 0 ? null : group.filter((i) => i.pass).length / group.length);
  return {
    items: items.length,
    recall: items.reduce((s, i) => s + i.recall, 0) / items.length,
    hits: hit.length,
    misses: miss.length,
    passOnHit: rate(hit),
    passOnMiss: rate(miss),
    failedOnMiss: miss.filter((i) => !i.pass).length,
    failedOnHit: hit.filter((i) => !i.pass).length,
  };
}
