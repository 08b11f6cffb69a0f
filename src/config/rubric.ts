import { z } from 'zod';

/** How a rubric scores: pass/fail, a 1-5 scale, or a fraction. */
export const RubricScaleSchema = z.enum(['binary', '1-5', '0-1']);

export const RubricCriterionSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  /** What each score level means, keyed by the level ("1".."5", or "pass"/"fail"). */
  levels: z.record(z.string(), z.string().min(1)).optional(),
});

export const RubricExampleSchema = z.strictObject({
  input: z.string().min(1),
  answer: z.string(),
  reference: z.string().optional(),
  /** On the rubric's scale: 0/1 for binary, 1-5, or 0-1. */
  score: z.number(),
  reasoning: z.string().min(1),
});

/**
 * A rubric file's front matter (rubrics/<id>.md): YAML between `---` lines, then Markdown
 * instructions for the judge. Validated with file, line and field on error.
 */
export const RubricFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[\w.-]+$/, 'rubric ids are letters, digits, ".", "_" and "-"'),
  title: z.string().optional(),
  scale: RubricScaleSchema,
  /** Minimum score (on the rubric's scale) that passes; default: 1 for binary, 4 for 1-5, 0.5 for 0-1. */
  passThreshold: z.number().optional(),
  /** Whether the judge sees the item's reference answer. */
  showReference: z.boolean().default(false),
  criteria: z.array(RubricCriterionSchema).min(1),
  examples: z.array(RubricExampleSchema).default([]),
});

export const RubricSchema = RubricFrontMatterSchema.extend({
  passThreshold: z.number(),
  /** The Markdown body: instructions for the judge. */
  instructions: z.string(),
  /** sha256 of the file's bytes: in the report fingerprint and every judge cache key. */
  hash: z.string(),
  /** Where it was loaded from, for messages. */
  file: z.string(),
});

export type RubricScale = z.infer<typeof RubricScaleSchema>;
export type Rubric = z.infer<typeof RubricSchema>;

export function defaultPassThreshold(scale: RubricScale): number {
  return scale === 'binary' ? 1 : scale === '1-5' ? 4 : 0.5;
}

/** A score on the rubric's scale mapped to [0, 1]. */
export function normaliseScore(scale: RubricScale, score: number): number {
  return scale === '1-5' ? (score - 1) / 4 : score;
}
