import { z } from 'zod';
import { VerdictSpendSchema } from '../contracts/verdict-source.js';
import { ContentStore } from './content-store.js';
import { canonicalJson, sha256 } from '../util/canonical.js';

/**
 * Bumped when what a cache entry means changes (key fields, stored shape, prompt conventions),
 * so old entries are simply never looked up again.
 */
export const VERDICT_CACHE_VERSION = 1;

/**
 * Everything that determines a judge's verdict, and nothing secret: no key, no header, no query
 * string. The prompt is keyed with the `{{nonce}}` placeholder, so the random per-call nonce
 * does not defeat the cache.
 */
export interface VerdictCacheKeyFields {
  provider: string;
  model: string;
  /** Host and path of the base URL. */
  endpoint: string;
  maxTokens: number;
  /** Null when the API takes none (Anthropic). */
  temperature: number | null;
  schemaName: string;
  /** The JSON schema as the provider receives it. */
  jsonSchema: unknown;
  system: string;
  user: string;
  rubricHash: string | undefined;
  /** A repeated judgment of the same prompt (VerdictRequest.sample); absent for the first, so keys stay as they were. */
  sample?: number;
}

export function verdictCacheKey(fields: VerdictCacheKeyFields): string {
  return sha256(canonicalJson({ version: VERDICT_CACHE_VERSION, ...fields, rubricHash: fields.rubricHash ?? null }));
}

export const VerdictCacheEntrySchema = z.object({
  /** The validated verdict. */
  value: z.unknown(),
  ...VerdictSpendSchema.shape,
});
export type VerdictCacheEntry = z.infer<typeof VerdictCacheEntrySchema>;

/**
 * Judge verdicts on disk, content-addressed, in one append-only log (`<dir>/verdicts.log`, see
 * src/models/content-store.ts). An unchanged rerun finds every verdict here and makes no call.
 */
export class VerdictCache {
  private readonly store: ContentStore;

  constructor(readonly dir: string) {
    this.store = new ContentStore(dir, 'verdicts');
  }

  get file(): string {
    return this.store.file;
  }

  /** Entries pass the store's checksum, and were validated when written: not parsed again here. */
  get(key: string): VerdictCacheEntry | undefined {
    return this.store.get(key) as VerdictCacheEntry | undefined;
  }

  set(key: string, entry: VerdictCacheEntry): Promise<void> {
    return this.store.set(key, entry);
  }
}
