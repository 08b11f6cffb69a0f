import type { Candidate } from '../candidates/adapter.js';
import type { OutputCache } from '../models/output-cache.js';
import { outputCacheKey } from '../models/output-cache.js';

/**
 * A model candidate that answers from the output cache when it can, and remembers new answers.
 * Only candidates that can state their exact request (the anthropic and openai adapters, through
 * `batch.request`) are cached; any other candidate is returned as it is.
 */
export function withOutputCache(candidate: Candidate, cache: OutputCache, adapter: unknown): Candidate {
  const { batch } = candidate;
  if (!batch) return candidate;
  return {
    ...candidate,
    async generate(item, options) {
      const key = outputCacheKey({ adapter, request: batch.request(item), epoch: options.epoch ?? 0 });
      const hit = await cache.get(key);
      if (hit) return { ...hit, cached: true };
      const output = await candidate.generate(item, options);
      await cache.set(key, output);
      return output;
    },
  };
}
