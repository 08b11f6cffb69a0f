import { OVERALL } from '../gate/types.js';
import { round } from '../stats/describe.js';
import { recallAtK, splitByHit, type AttributedItem } from '../stats/retrieval.js';
import type { DecisionRun } from './collect.js';
import type { RetrievalAttribution, RetrievalRow } from './schema.js';

const r4 = (x: number) => round(x, 4);

/**
 * Retrieval attribution for the candidates that returned contexts: per slice, recall@k of the gold
 * sources and the pass rate on retrieval hits vs misses (src/stats/retrieval.ts). k is the most
 * contexts any of them returned for one item, the same k for all. An item's recall is the mean over
 * its epochs, so it is a hit only when every epoch retrieved every gold source. Items that ended in an
 * error are left out (they count in the error rate). Null when no candidate retrieves.
 */
export function retrievalAttribution(
  runs: readonly DecisionRun[],
  slices: readonly string[],
  goldSources: ReadonlyMap<string, readonly string[]>,
): RetrievalAttribution | null {
  if (runs.length === 0) return null;
  const k = Math.max(1, ...runs.flatMap((run) => [...run.contexts.values()].flatMap((epochs) => epochs.map((ids) => ids.length))));
  const rows: RetrievalRow[] = [];
  for (const slice of slices) {
    for (const run of runs) {
      const attributed: AttributedItem[] = [];
      for (const item of run.report.items) {
        if (slice !== OVERALL && !item.slices.includes(slice)) continue;
        const gold = goldSources.get(item.id) ?? [];
        const epochs = run.contexts.get(item.id);
        if (gold.length === 0 || !epochs || epochs.length === 0) continue;
        const recalls = epochs.map((ids) => recallAtK(gold, ids, k) ?? 0);
        // Below 1 as soon as one epoch missed a gold source: the item is then a miss.
        attributed.push({ recall: recalls.reduce((s, r) => s + r, 0) / recalls.length, pass: item.pass });
      }
      const split = splitByHit(attributed);
      if (!split) continue;
      rows.push({
        slice,
        candidate: run.id,
        items: split.items,
        recall: r4(split.recall),
        hits: split.hits,
        misses: split.misses,
        passOnHit: split.passOnHit === null ? null : r4(split.passOnHit),
        passOnMiss: split.passOnMiss === null ? null : r4(split.passOnMiss),
        failedOnHit: split.failedOnHit,
        failedOnMiss: split.failedOnMiss,
      });
    }
  }
  const withGold = new Set(
    runs.flatMap((run) => run.report.items.filter((item) => (goldSources.get(item.id) ?? []).length > 0).flatMap((item) => item.slices)),
  );
  return { k, rows, uncovered: slices.filter((s) => s !== OVERALL && !withGold.has(s)) };
}
