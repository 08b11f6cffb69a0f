import { z } from 'zod';
import { UsageSchema, type CandidateOutput, type Usage } from '../../candidates/output.js';
import type { JudgeOutcome } from '../../contracts/item-result.js';
import type { GoldenItem } from '../../goldensets/item.js';

/**
 * Where a verdict comes from: a live model (Anthropic, OpenAI-compatible) or recorded verdicts
 * (replay). Judge kinds build the prompt and the verdict schema; the source returns a value that
 * has passed the schema, or throws JudgeError. A malformed verdict is never a pass.
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

export interface VerdictResponse<T> {
  value: T;
  usage?: Usage;
  costUsd?: number;
  /** Served from the on-disk cache: no call was made (usage and costUsd are then what the original call spent). */
  cached: boolean;
}

/** A judge reply that failed validation twice, or a judge call that failed after the SDK's retries. */
export class JudgeError extends Error {
  readonly kind = 'judge_error';
  constructor(message: string) {
    super(message);
    this.name = 'JudgeError';
  }
}

/** What a judge kind concludes about one answer: the shape a JudgmentResult records (src/contracts/item-result.ts). */
export type { JudgeOutcome };

export interface JudgeInput {
  item: GoldenItem;
  output: CandidateOutput;
  signal: AbortSignal;
}

/** Which answer a pairwise judgment favours: `a` is the candidate, `b` the other (teacher, base). */
export const PairwiseWinnerSchema = z.enum(['a', 'b', 'tie']);
export type PairwiseWinner = z.infer<typeof PairwiseWinnerSchema>;

export interface PairwiseInput {
  item: GoldenItem;
  a: CandidateOutput;
  b: CandidateOutput;
  /** Judge both orders (a first, then b first); false for single-order recorded verdicts. */
  bothOrders: boolean;
  signal: AbortSignal;
}

/**
 * A pairwise comparison. Verdict keys are `<item id>/pairwise/original` (a shown first) and
 * `<item id>/pairwise/swapped` (b shown first); a recorded verdict names the winning *position*
 * ({"winner": "A" | "B" | "tie"}). A win counts only when both orders agree; otherwise a tie.
 */
export const PairwiseOutcomeSchema = z.object({
  winner: PairwiseWinnerSchema,
  /** The verdict with a shown first, mapped back to a/b. */
  original: PairwiseWinnerSchema,
  /** The verdict with b shown first, mapped back to a/b; undefined when only one order was judged. */
  swapped: PairwiseWinnerSchema.optional(),
  /** Both orders gave the same verdict (undefined with a single order). */
  consistent: z.boolean().optional(),
  reasons: z.array(z.string()),
  usage: UsageSchema,
  costUsd: z.number().nonnegative(),
  calls: z.number().int().nonnegative(),
  cachedCalls: z.number().int().nonnegative(),
});
export type PairwiseOutcome = z.infer<typeof PairwiseOutcomeSchema>;

/** One pair as `evals compare` reports it: judged, or why the judge could not judge it. */
export const PairResultSchema = z.union([PairwiseOutcomeSchema, z.object({ error: z.string() })]);
export type PairResult = z.infer<typeof PairResultSchema>;
