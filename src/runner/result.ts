import { z } from 'zod';
import { CandidateOutputSchema } from '../candidates/output.js';

/** One check's verdict on one answer, as recorded in the journal. */
export const CheckResultSchema = z.object({
  name: z.string(),
  type: z.string(),
  pass: z.boolean(),
  score: z.number(),
  reason: z.string().optional(),
  details: z.record(z.string(), z.number()).optional(),
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
  error: ItemErrorSchema.optional(),
  latencyMs: z.number().nonnegative(),
});

export type CheckResult = z.infer<typeof CheckResultSchema>;
export type ItemError = z.infer<typeof ItemErrorSchema>;
export type ItemResult = z.infer<typeof ItemResultSchema>;
