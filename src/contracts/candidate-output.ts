import { z } from 'zod';

/** What a retrieval step handed the model: citation and faithfulness checks verify against it. */
export const ContextSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
});

export const UsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
});

/** A candidate's answer to one item (contract: docs/architecture.md "Candidates"). */
export const CandidateOutputSchema = z.object({
  text: z.string(),
  citations: z.array(z.string().min(1)).optional(),
  contexts: z.array(ContextSchema).optional(),
  usage: UsageSchema.optional(),
  /** Filled in by the runner from wall time when the adapter does not report its own (replay does). */
  latencyMs: z.number().nonnegative().optional(),
  costUsd: z.number().nonnegative().optional(),
  /** The model that actually answered, when the adapter knows it (e.g. the id an API echoes back). */
  model: z.string().optional(),
  /** Served from the output cache: no call (and no cost) this run; latency and cost are the original call's. */
  cached: z.boolean().optional(),
});

export type Context = z.infer<typeof ContextSchema>;
export type Usage = z.infer<typeof UsageSchema>;
export type CandidateOutput = z.infer<typeof CandidateOutputSchema>;
