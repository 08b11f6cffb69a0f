import { z } from 'zod';
import { byCodePoint } from './util/compare.js';

/**
 * The diffable report (contract: docs/architecture.md "Reports"), in a module of its own: the runner and
 * reports build it, the gate (src/gate/) reads it, and none of them owns it. Key order is this schema's order, items
 * are sorted by id, numbers rounded; nothing time- or cost-dependent lives here (see RunInfo).
 */
export const REPORT_SCHEMA = 'evals.report/1';

/** Candidate kinds are labels for reports (contract: docs/architecture.md "Candidates"). */
export const CandidateKindSchema = z.enum(['prompt', 'rag', 'finetuned', 'hybrid', 'teacher', 'base']);

/** A confidence interval, [lower, upper]: the shape of src/stats/intervals.ts's `Interval` in every report. */
export const IntervalSchema = z.tuple([z.number(), z.number()]);

export const MetricSummarySchema = z.object({
  n: z.number().int().nonnegative(),
  mean: z.number(),
  /**
   * 95% interval: Wilson for pass/fail metrics, t for continuous ones, and for weighted metrics
   * (micro-averages) the ratio estimator's with items as clusters.
   */
  ci: IntervalSchema,
});

export const GroupSummarySchema = z.object({
  n: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** `pass` first (items passing every check, errors counted as failures), then metrics by name. */
  metrics: z.record(z.string(), MetricSummarySchema),
});

export const SliceSummarySchema = GroupSummarySchema.extend({
  /** Long-tail slices are gated on their own and shown first. */
  longTail: z.boolean(),
});

export const ReportItemSchema = z.object({
  id: z.string(),
  slices: z.array(z.string()),
  pass: z.boolean(),
  /** Metric -> score in [0, 1], averaged over epochs. */
  scores: z.record(z.string(), z.number()),
  /** Metric -> how many units its score stands for (e.g. IFEval instructions); its mean is then weighted. */
  weights: z.record(z.string(), z.number()).optional(),
  /** Why it failed: `check: reason` lines, or the error. */
  failures: z.array(z.string()),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
});

export const FingerprintSchema = z.object({
  /** Hash of every golden item's content (id, input, reference, slices, sources, checks, metadata). */
  items: z.string(),
  /** Hash of the suite's default checks. */
  checks: z.string(),
  rubrics: z.string(),
  judges: z.string(),
  epochs: z.number().int().positive(),
  /** `size@seed` when the run used --sample, else null. */
  sample: z.string().nullable(),
});

const FlipCountSchema = z.object({
  /** Item x judged-metric pairs judged in every epoch (a judge error leaves the pair out). */
  total: z.number().int().nonnegative(),
  /** Of those, the ones whose pass/fail verdict was not the same in every epoch. */
  flipped: z.number().int().nonnegative(),
});

/**
 * How often a judged metric's pass/fail verdict changed over the suite's epochs, overall and per
 * slice. Each epoch asks the judge afresh (src/runner/run-suite.ts), so a candidate that answers
 * the same every time shows the judge's own noise; one whose answers vary adds its own.
 */
export const VerdictFlipsSchema = z.object({
  metric: z.string(),
  ...FlipCountSchema.shape,
  slices: z.record(z.string(), FlipCountSchema),
});

/**
 * The drift budget's finding (src/gate/drift.ts): how far the report is from the pinned anchor (a
 * release tag), per gated slice x metric. Present only when the run was compared with an anchor.
 */
export const DriftSummarySchema = z.object({
  /** The git ref the anchor report was read at ("v1.4"). */
  anchor: z.string(),
  /** Accepted baseline changes since the anchor, this run included. */
  steps: z.number().int().nonnegative(),
  maxDrop: z.number(),
  alpha: z.number(),
  rows: z.array(
    z.object({
      slice: z.string(),
      metric: z.string(),
      n: z.number().int().nonnegative(),
      anchor: z.number(),
      head: z.number(),
      /** head - anchor: negative is a drop. */
      diff: z.number(),
      /** Adjusted within the anchor comparison's family; null for a row outside it. */
      pAdjusted: z.number().nullable(),
      failed: z.boolean(),
    }),
  ),
});

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  suite: z.string(),
  candidate: z.object({ id: z.string(), kind: CandidateKindSchema }),
  fingerprint: FingerprintSchema,
  summary: GroupSummarySchema,
  slices: z.record(z.string(), SliceSummarySchema),
  /** Metrics that were configured but could not be scored, and why (e.g. a judge without credentials). */
  skipped: z.array(z.object({ metric: z.string(), reason: z.string() })),
  /** Metrics scored but not gated, because a judge behind them is below its minAgreement (or uncalibrated). */
  ungated: z.array(z.object({ metric: z.string(), reason: z.string() })).default([]),
  /** Judged metrics' verdict flips over epochs; only when the suite has epochs > 1 and judged metrics. */
  flips: z.array(VerdictFlipsSchema).optional(),
  drift: DriftSummarySchema.optional(),
  items: z.array(ReportItemSchema),
});

export type MetricSummary = z.infer<typeof MetricSummarySchema>;
export type GroupSummary = z.infer<typeof GroupSummarySchema>;
export type SliceSummary = z.infer<typeof SliceSummarySchema>;
export type ReportItem = z.infer<typeof ReportItemSchema>;
export type Fingerprint = z.infer<typeof FingerprintSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type VerdictFlips = z.infer<typeof VerdictFlipsSchema>;
export type DriftSummary = z.infer<typeof DriftSummarySchema>;

export const PASS_METRIC = 'pass';

/** `pass` first, then by name: a stable order for JSON, tables and diffs. */
export function orderMetrics(names: readonly string[]): string[] {
  return [...names].sort((a, b) => (a === PASS_METRIC ? -1 : b === PASS_METRIC ? 1 : byCodePoint(a, b)));
}
