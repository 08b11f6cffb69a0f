import type { Candidate } from '../candidates/adapter.js';
import type { OutputCache } from '../models/output-cache.js';
import { outputCacheKey } from '../models/output-cache.js';

/**
 * A model candidate that answers from the output cache when it can, and remembers new answers.
 * Only candidates that can state their exact request (the anthropic and openai adapters, through
 * `batch.request`) are cached; any other candidate is returned as it is. New entries are written
 * in the background, so a call does not hold its concurrency slot for the disk; `close` waits
 * for them.
 */
export function withOutputCache(candidate: Candidate, cache: OutputCache, adapter: unknown): Candidate {
  const { batch } = candidate;
  if (!batch) return candidate;
  const writes = new Set<Promise<void>>();
  return {
    ...candidate,
    async generate(item, options) {
      const key = outputCacheKey({ adapter, request: batch.request(item), epoch: options.epoch ?? 0 });
      const hit = await cache.get(key);
      if (hit) return { ...hit, cached: true };
      const output = await candidate.generate(item, options);
      // A failed cache write (disk full, read-only folder) costs only a future call: the answer
      // itself is already in hand and goes to the journal; the run must not fail over it.
      const write = cache
        .set(key, output)
        .catch(() => undefined)
        .finally(() => writes.delete(write));
      writes.add(write);
      return output;
    },
    async close() {
      await Promise.all(writes);
      await candidate.close?.();
    },
  };
}
