import { z } from 'zod';
import { ItemInputSchema } from '../../goldensets/item.js';
import { GroupSummarySchema, IntervalSchema, ReportSchema, SliceSummarySchema } from '../../report-schema.js';

/**
 * What the HTML report's page reads: one JSON document embedded in the page (embed.ts) and drawn
 * by templates/html/report.js. Each top-level section is optional and drawn by its own render
 * function there, so a new view (a decision matrix, a history trend) is one more key here and one
 * more entry in the page's SECTIONS table.
 */
export const HTML_SCHEMA = 'evals.html/1';

/** An answer as the detail view shows it: the text, what it cites, what retrieval handed it. */
export const HtmlAnswerSchema = z.object({
  text: z.string(),
  citations: z.array(z.string()).optional(),
  /** Ids of the retrieved contexts (their text stays in .outputs.jsonl, to keep the page small). */
  retrieved: z.array(z.string()).optional(),
});

export const HtmlCheckSchema = z.object({
  name: z.string(),
  pass: z.boolean(),
  score: z.number(),
  reason: z.string().optional(),
});

/** A judged metric's verdict as recorded: who judged, the verdict and the judge's reasoning. */
export const HtmlJudgmentSchema = z.object({
  metric: z.string(),
  judges: z.array(z.string()),
  pass: z.boolean(),
  score: z.number(),
  reason: z.string().optional(),
  notes: z.array(z.string()).optional(),
  /** Per-order or per-judge figures when the judge kind records them (e.g. a panel's votes). */
  details: z.record(z.string(), z.number()).optional(),
  error: z.string().optional(),
});

/** One side (base or head) of an item. */
export const HtmlSideSchema = z.object({
  pass: z.boolean(),
  scores: z.record(z.string(), z.number()),
  failures: z.array(z.string()),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
  answer: HtmlAnswerSchema.optional(),
  /** The run's own verdicts (first epoch); absent when only the report is known (evals diff). */
  checks: z.array(HtmlCheckSchema).optional(),
  judgments: z.array(HtmlJudgmentSchema).optional(),
});

export const HtmlItemSchema = z.object({
  id: z.string(),
  slices: z.array(z.string()),
  input: ItemInputSchema.optional(),
  reference: z.string().optional(),
  /** The golden item's sources: what a good answer cites. */
  gold: z.array(z.string()).optional(),
  /** Gated metrics whose score fell against the base, largest drop first (src/gate/compare.ts). */
  drops: z.array(z.object({ metric: z.string(), base: z.number(), head: z.number() })).optional(),
  /** An answer that addressed the judge (src/scoring/judges/manipulation-guard.ts). */
  manipulation: z.boolean(),
  head: HtmlSideSchema,
  base: HtmlSideSchema.optional(),
});

/** One slice x metric of the gate: the comparison's row with the verdict it led to. */
export const HtmlGateRowSchema = z.object({
  slice: z.string(),
  metric: z.string(),
  longTail: z.boolean(),
  gated: z.boolean(),
  n: z.number(),
  meanBase: z.number(),
  meanHead: z.number(),
  diff: z.number(),
  interval: IntervalSchema,
  pAdjusted: z.number().nullable(),
  minDetectableDrop: z.number().nullable(),
  /** fail: the gate failed on it; pass: gated and held; not-gated: shown only; excluded: a copy of pass or a constant. */
  verdict: z.enum(['fail', 'pass', 'not-gated', 'excluded']),
  message: z.string().optional(),
});

export const HtmlSummarySchema = z.object({
  candidate: z.string(),
  summary: GroupSummarySchema,
  slices: z.record(z.string(), SliceSummarySchema),
});

export const HtmlGateSchema = z.object({
  passed: z.boolean(),
  alpha: z.number(),
  power: z.number(),
  failures: z.array(z.object({ slice: z.string(), metric: z.string(), rule: z.string(), message: z.string() })),
  notes: z.array(z.string()),
  rows: z.array(HtmlGateRowSchema),
});

export const HtmlReportSchema = z.object({
  schema: z.literal(HTML_SCHEMA),
  title: z.string(),
  suite: z.string(),
  candidate: ReportSchema.shape.candidate,
  head: HtmlSummarySchema,
  base: HtmlSummarySchema.optional(),
  gate: HtmlGateSchema.optional(),
  items: z.array(HtmlItemSchema),
});

export type HtmlAnswer = z.infer<typeof HtmlAnswerSchema>;
export type HtmlCheck = z.infer<typeof HtmlCheckSchema>;
export type HtmlJudgment = z.infer<typeof HtmlJudgmentSchema>;
export type HtmlSide = z.infer<typeof HtmlSideSchema>;
export type HtmlItem = z.infer<typeof HtmlItemSchema>;
export type HtmlGateRow = z.infer<typeof HtmlGateRowSchema>;
export type HtmlGate = z.infer<typeof HtmlGateSchema>;
export type HtmlReport = z.infer<typeof HtmlReportSchema>;
