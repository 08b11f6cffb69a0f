import { z } from 'zod';
import { UsageSchema, type CandidateOutput } from '../../contracts/candidate-output.js';
import type { JudgeOutcome } from '../../contracts/item-result.js';
import type { GoldenItem } from '../../goldensets/item.js';

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
