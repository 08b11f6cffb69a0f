import type { CandidateOutput } from '../contracts/candidate-output.js';
import { canonicalJson, sha256 } from '../util/canonical.js';
import { ContentStore } from './content-store.js';

/** Bumped when what an entry means changes, so old entries are never looked up again. */
export const OUTPUT_CACHE_VERSION = 2;

/**
 * The output cache key of one call: the adapter block from config (model, base URL, prompt
 * template; env var names, never keys), the request exactly as the provider receives it, and the
 * epoch (runs of the same item are separate answers). The adapter block is put in canonical form
 * once per candidate; the request is hashed as JSON.stringify writes it, which is stable because
 * the adapter's own `request` builds every request with the same key order (sorting keys for
 * each of 10k calls cost more than the hash).
 */
export function outputCacheKeyer(adapter: unknown): (request: object, epoch: number) => string {
  const prefix = canonicalJson({ version: OUTPUT_CACHE_VERSION, adapter });
  return (request, epoch) => sha256(`${prefix}\n${epoch}\n${JSON.stringify(request)}`);
}

/**
 * Model candidates' answers on disk (`<dir>/outputs.log`), so a base model or a teacher is paid
 * once, and an unchanged rerun makes no model call. Only adapters whose request is a pure
 * function of the item (anthropic, openai) are cached: a module, command or HTTP system may
 * change behind the same item, and its answers are not the harness's to remember.
 */
export class OutputCache {
  private readonly store: ContentStore;

  constructor(readonly dir: string) {
    this.store = new ContentStore(dir, 'outputs');
  }

  /** Entries pass the store's checksum, and were validated when written: not parsed again here. */
  get(key: string): CandidateOutput | undefined {
    return this.store.get(key) as CandidateOutput | undefined;
  }

  set(key: string, output: CandidateOutput): Promise<void> {
    const { cached: _cached, ...answer } = output;
    return this.store.set(key, answer);
  }

  close(): void {
    this.store.close();
  }
}
