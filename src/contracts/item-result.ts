import { z } from 'zod';
import { CandidateOutputSchema, UsageSchema } from './candidate-output.js';

/**
 * A check's verdict on one answer (src/scoring/checks/types.ts). `score` is in [0, 1] (1 = best);
 * `details` are sub-metrics reported as `<check name>.<key>` (e.g. citations.precision), each in [0, 1].
 */
export const CheckOutcomeSchema = z.object({
  pass: z.boolean(),
  score: z.number(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.number()).optional(),
  /** How many units a detail stands for (e.g. IFEval instructions), so reports can micro-average it. */
  weights: z.record(z.string(), z.number().positive()).optional(),
});

/** One check's verdict on one answer, as recorded in the journal. */
export const CheckResultSchema = z.object({
  name: z.string(),
  type: z.string(),
  ...CheckOutcomeSchema.shape,
});

/** What a judge kind concludes about one answer (src/scoring/judges/types.ts). */
export const JudgeOutcomeSchema = z.object({
  /** In [0, 1], 1 best (a 1-5 rubric score s maps to (s - 1) / 4). */
  score: z.number(),
  pass: z.boolean(),
  reason: z.string(),
  /** Sub-metrics, reported as `<metric>.<key>`, each in [0, 1]. */
  details: z.record(z.string(), z.number()).optional(),
  /** Listed in the report, e.g. the claims a faithfulness judge found unsupported. */
  notes: z.array(z.string()).optional(),
  usage: UsageSchema,
  costUsd: z.number().nonnegative(),
  /** Calls made / served from cache, for cost and "an unchanged rerun makes zero calls". */
  calls: z.number().int().nonnegative(),
  cachedCalls: z.number().int().nonnegative(),
});

const outcome = JudgeOutcomeSchema.shape;

/** One judged metric's verdict on one answer (rubric, reference, faithfulness, panel): a judge outcome, or its error. */
export const JudgmentResultSchema = z.object({
  metric: z.string(),
  kind: z.string(),
  judges: z.array(z.string()),
  pass: outcome.pass,
  score: outcome.score,
  reason: outcome.reason.optional(),
  details: outcome.details,
  notes: outcome.notes,
  /** A judge_error: the verdict was malformed twice or the call failed; never a pass. */
  error: z.string().optional(),
  calls: outcome.calls,
  cachedCalls: outcome.cachedCalls,
  usage: outcome.usage.optional(),
  costUsd: outcome.costUsd.optional(),
});

/** Why an item has no scores. `kind` groups reasons in reports (timeout, crash, bad_output, ...). */
export const ItemErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
});

/** The outcome of one planned call (item x epoch): scored, or an error with its reason. */
export const ItemResultSchema = z.object({
  itemId: z.string(),
  epoch: z.number().int().nonnegative(),
  output: CandidateOutputSchema.optional(),
  checks: z.array(CheckResultSchema),
  judgments: z.array(JudgmentResultSchema).default([]),
  error: ItemErrorSchema.optional(),
  /** Wall time of the candidate's answer; absent for batch answers, whose wait says nothing of the model. */
  latencyMs: z.number().nonnegative().optional(),
});

export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type JudgeOutcome = z.infer<typeof JudgeOutcomeSchema>;
export type JudgmentResult = z.infer<typeof JudgmentResultSchema>;
export type ItemError = z.infer<typeof ItemErrorSchema>;
export type ItemResult = z.output<typeof ItemResultSchema>;
export type ItemResultInput = z.input<typeof ItemResultSchema>;

/** What scoring needs of a result: its verdicts and its error, not the answer. */
export type ScoredResult = Pick<ItemResult, 'itemId' | 'checks' | 'judgments' | 'error'>;

/** Results by item id: each item's results, one per epoch in epoch order (a run's, or merged shards'). */
export interface ResultsByItem {
  get(itemId: string): readonly ScoredResult[] | undefined;
}

/** What a run keeps in memory per result: everything but the answer, which stays in the journal. */
export type ResultSummary = Omit<ItemResult, 'output'> & Pick<NonNullable<ItemResult['output']>, 'usage' | 'costUsd' | 'cached'>;

/**
 * Whether one result passes: no error, every check and every gating judged metric passed
 * (`ungated`: metrics of a judge below its minAgreement, which do not fail an item). Undefined
 * when there was nothing to check: counting that as a pass would be vacuous. The report's pass
 * rate and the progress bar's both count this way.
 */
export function resultPasses(result: Pick<ItemResult, 'error' | 'checks' | 'judgments'>, ungated: ReadonlySet<string> = new Set()): boolean | undefined {
  if (result.error) return false;
  if (result.checks.length === 0 && result.judgments.length === 0) return undefined;
  return result.checks.every((c) => c.pass) && result.judgments.every((j) => j.pass || ungated.has(j.metric));
}
