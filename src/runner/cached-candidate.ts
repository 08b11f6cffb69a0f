import type { Candidate } from '../candidates/adapter.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { OutputCache } from '../models/output-cache.js';
import { outputCacheKeyer } from '../models/output-cache.js';
import { extended } from '../util/extended.js';

/**
 * A model candidate that answers from the output cache when it can, and remembers new answers.
 * Only candidates that can state their exact request (the anthropic and openai adapters, through
 * `batch.request`) are cached; any other candidate is returned as it is. New entries are queued
 * and written together once per tick (src/models/content-store.ts), so a call never waits for the
 * disk; `close` writes what is left.
 */
export function withOutputCache(candidate: Candidate, cache: OutputCache, adapter: unknown): Candidate {
  const { batch } = candidate;
  if (!batch) return candidate;
  const keyOf = outputCacheKeyer(adapter);
  // The runner asks `answered` and, on a miss, calls `generate` for the same item at once: the
  // miss's key is kept for it rather than hashed again.
  let missed: { item: GoldenItem; epoch: number; key: string } | undefined;
  const keyFor = (item: GoldenItem, epoch: number) =>
    missed && missed.item === item && missed.epoch === epoch ? missed.key : keyOf(batch.request(item), epoch);
  return {
    ...candidate,
    answered(item, options) {
      const epoch = options.epoch ?? 0;
      const key = keyFor(item, epoch);
      const hit = cache.get(key);
      missed = hit ? undefined : { item, epoch, key };
      return hit ? extended(hit, { cached: true }) : undefined;
    },
    async generate(item, options) {
      const key = keyFor(item, options.epoch ?? 0);
      missed = undefined;
      const hit = cache.get(key);
      if (hit) return extended(hit, { cached: true });
      const output = await candidate.generate(item, options);
      // A failed cache write (disk full, read-only folder) costs only a future call: the answer
      // itself is already in hand and goes to the journal; the run must not fail over it.
      try {
        cache.set(key, output).catch(() => undefined);
      } catch {
        // As above: the store refuses new entries after a failed write.
      }
      return output;
    },
    async close() {
      try {
        cache.close();
      } catch {
        // A failed cache write never fails the run (see generate).
      }
      await candidate.close?.();
    },
  };
}
