import { z } from 'zod';
import { UsageSchema } from './candidate-output.js';

/**
 * Where a verdict comes from: a live model (src/models/verdict-source.ts) or recorded verdicts
 * (src/scoring/judges/replay-source.ts). Judge kinds build the prompt and the verdict schema; the
 * source returns a value that has passed the schema, or throws JudgeError. A malformed verdict is
 * never a pass.
 */
export interface VerdictSource {
  /** The judge's id in config. */
  id: string;
  /** For reports: "anthropic claude-sonnet-4-6", "replay: GPT-4 verdicts from LLMBar". */
  description: string;
  verdict<T>(request: VerdictRequest<T>, signal: AbortSignal): Promise<VerdictResponse<T>>;
}

/** Stands in the prompt where the per-call nonce goes; model sources replace it at call time. */
export const NONCE = '{{nonce}}';

export interface VerdictRequest<T> {
  /**
   * Names this judgment across runs, e.g. `<item id>/pairwise/swapped`. Replay sources look
   * recorded verdicts up by it; model sources use it only in messages.
   */
  key: string;
  system: string;
  /** The user turn; candidate text sits inside `<answer-{{nonce}}>` delimiters (see delimit()). */
  user: string;
  schema: z.ZodType<T>;
  /** Tool / JSON-schema name shown to the model, e.g. "rubric_verdict". */
  schemaName: string;
  /** Content hash of the rubric applied; part of the cache key. */
  rubricHash?: string;
  /**
   * A repeated judgment of the same prompt (`evals calibrate --epochs`): 1, 2, ... for the
   * repeats, absent for the first. Part of the cache key, so a repeat is a fresh verdict.
   */
  sample?: number;
}

/** What a verdict cost; the verdict cache (src/models/cache.ts) keeps the same beside the value. */
export const VerdictSpendSchema = z.object({
  usage: UsageSchema.optional(),
  costUsd: z.number().nonnegative().optional(),
});
export type VerdictSpend = z.infer<typeof VerdictSpendSchema>;

export type VerdictResponse<T> = VerdictSpend & {
  value: T;
  /** Served from the on-disk cache: no call was made (usage and costUsd are then what the original call spent). */
  cached: boolean;
};

/** A judge reply that failed validation twice, or a judge call that failed after the SDK's retries. */
export class JudgeError extends Error {
  readonly kind = 'judge_error';
  constructor(message: string) {
    super(message);
    this.name = 'JudgeError';
  }
}
