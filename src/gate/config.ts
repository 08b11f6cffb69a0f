import { z } from 'zod';

/** The gate's part of a suite's config (`suites.<id>.gate`, src/config/schema.ts): the gate owns it, the config holds it. */
const fraction = z.number().min(0).max(1);

export const GateRulesSchema = z.strictObject({
  /** Largest tolerated drop of a metric's mean, as a fraction (0.02 = 2 points). */
  maxDrop: fraction.optional(),
  /** Absolute floor for a metric's mean on a slice; fails regardless of the baseline. */
  minScore: fraction.optional(),
  /** Per metric: false shows it without gating it (fewer comparisons, more power for the rest). */
  gate: z.boolean().optional(),
  /** `evals forgetting`: the share of its base's score a fine-tune must keep. */
  minRetention: z.number().positive().optional(),
  /** `evals compare`: the share of its teacher's quality a student must reach. */
  minParity: z.number().positive().optional(),
});

/**
 * The drift budget (src/gate/drift.ts): the head is also compared with a pinned anchor, the report
 * as committed at a git ref, so drops accepted one thin step at a time add up and fail.
 */
export const DriftConfigSchema = z.strictObject({
  /** The anchor: a git ref (a release tag); default: the newest tag reachable from HEAD. */
  ref: z.string().min(1).optional(),
  /** Largest tolerated drop below the anchor, as a fraction, for every gated slice x metric. */
  maxDrop: fraction.default(0.05),
  /**
   * Significance level of the anchor comparison: its own family, beside the gate's. Stricter than the
   * gate's because every run until the next release is compared with the same anchor run, so a noisy
   * anchor would alarm again and again.
   */
  alpha: z.number().gt(0).lt(1).default(0.01),
});

export const GateConfigSchema = z.strictObject({
  maxDrop: fraction.default(0.02),
  minScore: fraction.optional(),
  /** Items that may end in an error before the run counts as incomplete (exit 3). */
  maxErrors: z.number().int().nonnegative().default(0),
  /** Significance level of the per-slice regression tests, after Holm correction. */
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** `evals forgetting` fails a capability kept below this share of the base (and significantly lower). */
  minRetention: z.number().positive().default(0.9),
  /** `evals compare` fails a slice where the student reaches less than this share of the teacher. */
  minParity: z.number().positive().default(0.95),
  /** Per-slice overrides. */
  slices: z.record(z.string(), GateRulesSchema).default({}),
  /** Per-metric overrides. */
  metrics: z.record(z.string(), GateRulesSchema).default({}),
  /** The drift budget against a pinned anchor; false turns it off. */
  drift: z.union([z.literal(false), DriftConfigSchema]).default(() => DriftConfigSchema.parse({})),
});

export type DriftConfig = z.infer<typeof DriftConfigSchema>;
export type GateConfig = z.output<typeof GateConfigSchema>;
