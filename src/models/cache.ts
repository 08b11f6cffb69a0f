import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UsageSchema } from '../candidates/output.js';
import { writeFileAtomic } from '../util/atomic-write.js';
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
}

export function verdictCacheKey(fields: VerdictCacheKeyFields): string {
  return sha256(canonicalJson({ version: VERDICT_CACHE_VERSION, ...fields, rubricHash: fields.rubricHash ?? null }));
}

export const VerdictCacheEntrySchema = z.object({
  /** The validated verdict. */
  value: z.unknown(),
  usage: UsageSchema.optional(),
  costUsd: z.number().nonnegative().optional(),
});
export type VerdictCacheEntry = z.infer<typeof VerdictCacheEntrySchema>;

const KEY = /^[0-9a-f]{64}$/;

/**
 * Judge verdicts on disk, content-addressed: `<dir>/verdicts/<first 2 hex>/<sha256>.json`. An
 * unchanged rerun finds every verdict here and makes no call. Entries are written atomically,
 * so a concurrent or interrupted run never leaves a torn file; an unreadable entry is a miss.
 */
export class VerdictCache {
  constructor(readonly dir: string) {}

  fileFor(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a verdict cache key: ${key}`);
    return path.join(this.dir, 'verdicts', key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<VerdictCacheEntry | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileFor(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const parsed = VerdictCacheEntrySchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, entry: VerdictCacheEntry): void {
    writeFileAtomic(this.fileFor(key), `${JSON.stringify(entry, null, 2)}\n`);
  }
}
