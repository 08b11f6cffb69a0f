import { CandidateOutputSchema, type CandidateOutput } from '../candidates/output.js';
import { canonicalJson, sha256 } from '../util/canonical.js';
import { ContentStore } from './content-store.js';

/** Bumped when what an entry means changes, so old entries are never looked up again. */
export const OUTPUT_CACHE_VERSION = 1;

export interface OutputCacheKeyFields {
  /** The candidate's adapter block from config (model, base URL, prompt template; env var names, never keys). */
  adapter: unknown;
  /** The request exactly as the provider receives it. */
  request: object;
  /** Runs of the same item are separate answers. */
  epoch: number;
}

export function outputCacheKey(fields: OutputCacheKeyFields): string {
  return sha256(canonicalJson({ version: OUTPUT_CACHE_VERSION, ...fields }));
}

/**
 * Model candidates' answers on disk (`<dir>/outputs/...`), so a base model or a teacher is paid
 * once, and an unchanged rerun makes no model call. Only adapters whose request is a pure
 * function of the item (anthropic, openai) are cached: a module, command or HTTP system may
 * change behind the same item, and its answers are not the harness's to remember.
 */
export class OutputCache {
  private readonly store: ContentStore;

  constructor(readonly dir: string) {
    this.store = new ContentStore(dir, 'outputs');
  }

  async get(key: string): Promise<CandidateOutput | undefined> {
    const parsed = CandidateOutputSchema.safeParse(await this.store.get(key));
    return parsed.success ? parsed.data : undefined;
  }

  set(key: string, output: CandidateOutput): Promise<void> {
    const { cached: _cached, ...answer } = output;
    return this.store.set(key, answer);
  }
}
