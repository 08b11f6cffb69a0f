import { z } from 'zod';
import { CandidateKindSchema } from '../report-schema.js';
import { IntervalSchema } from '../report-schema.js';

/**
 * The decision view (`evals run --candidate a,b,c`, `evals compare a b c`): candidates side by side
 * per slice — quality with its interval, which differences are significant, cost, latency, errors —
 * and, for candidates that return `contexts`, retrieval attribution. Written as
 * `reports/<suite>/<a>.vs.<b>...decision.json` for other renderers (HTML); it holds latencies, so it
 * changes every run and is not meant for diffing.
 */
export const DECISION_SCHEMA = 'evals.decision/1';

export const LatencySchema = z.object({ p50: z.number(), p95: z.number() });

export const DecisionCandidateSchema = z.object({
  id: z.string(),
  kind: CandidateKindSchema,
  /** A, B, C...: how significance marks name it. */
  label: z.string(),
  /** True when its answers returned retrieved `contexts`: it gets retrieval attribution. */
  retrieves: z.boolean(),
});

export const DecisionCellSchema = z.object({
  candidate: z.string(),
  n: z.number().int().nonnegative(),
  /** Item pass rate (every check of the item passes; errors count as failures) and its 95% Wilson interval. */
  quality: z.number(),
  ci: IntervalSchema,
  errors: z.number().int().nonnegative(),
  errorRate: z.number(),
  /** USD per 1,000 queries, from the answers' own costs (a cached answer at its original call's); null when no answer reported one. */
  costPer1k: z.number().nullable(),
  /** Answers that used tokens of a model with no known price: costPer1k leaves them out. */
  unpricedCalls: z.number().int().nonnegative(),
  /** Wall time of the answers, null when none was measured (batch runs). */
  latencyMs: LatencySchema.nullable(),
  /** Ids of the candidates this one is significantly better than on this slice (after Holm). */
  betterThan: z.array(z.string()),
});

export const DecisionSliceSchema = z.object({
  slice: z.string(),
  longTail: z.boolean(),
  cells: z.array(DecisionCellSchema),
});

/** One pair of candidates on one slice: the paired difference b - a on the items both answered. */
export const DecisionDifferenceSchema = z.object({
  slice: z.string(),
  a: z.string(),
  b: z.string(),
  n: z.number().int().nonnegative(),
  meanA: z.number(),
  meanB: z.number(),
  diff: z.number(),
  /** 95% interval of diff (Newcombe for pass/fail, bootstrap for fractional scores over epochs). */
  interval: IntervalSchema,
  test: z.enum(['mcnemar', 'permutation']),
  /** Two-sided: a decision asks which is better, not only whether one got worse. */
  p: z.number(),
  /** Holm-adjusted over every slice x pair of the view. */
  pAdjusted: z.number(),
  significant: z.boolean(),
});

export const RetrievalRowSchema = z.object({
  slice: z.string(),
  candidate: z.string(),
  /** Items of the slice with gold sources; the others cannot be attributed. */
  items: z.number().int().nonnegative(),
  recall: z.number(),
  hits: z.number().int().nonnegative(),
  misses: z.number().int().nonnegative(),
  passOnHit: z.number().nullable(),
  passOnMiss: z.number().nullable(),
  failedOnHit: z.number().int().nonnegative(),
  failedOnMiss: z.number().int().nonnegative(),
});

export const RetrievalAttributionSchema = z.object({
  /** recall@k: the largest number of contexts any of these candidates returned for one item. */
  k: z.number().int().positive(),
  rows: z.array(RetrievalRowSchema),
  /** Slices none of whose items has gold sources: outside the corpus's coverage. */
  uncovered: z.array(z.string()),
});

export const DecisionSchema = z.object({
  schema: z.literal(DECISION_SCHEMA),
  suite: z.string(),
  /** The quality metric compared. */
  metric: z.literal('pass'),
  alpha: z.number(),
  candidates: z.array(DecisionCandidateSchema),
  /** `all` first, then long-tail slices, then the rest by name. */
  slices: z.array(DecisionSliceSchema),
  differences: z.array(DecisionDifferenceSchema),
  /** Null when no candidate returned contexts. */
  retrieval: RetrievalAttributionSchema.nullable(),
});

export type DecisionCandidate = z.infer<typeof DecisionCandidateSchema>;
export type DecisionCell = z.infer<typeof DecisionCellSchema>;
export type DecisionSlice = z.infer<typeof DecisionSliceSchema>;
export type DecisionDifference = z.infer<typeof DecisionDifferenceSchema>;
export type RetrievalRow = z.infer<typeof RetrievalRowSchema>;
export type RetrievalAttribution = z.infer<typeof RetrievalAttributionSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
