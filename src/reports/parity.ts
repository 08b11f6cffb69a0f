import { z } from 'zod';
import type { GateConfig } from '../gate/config.js';
import type { PairResult, PairwiseOutcome } from '../scoring/judges/types.js';
import { cohensKappa } from '../stats/agreement.js';
import { normalCdf } from '../stats/distributions.js';
import { pairedRatio } from '../stats/ratio.js';
import { IntervalSchema, orderMetrics, PASS_METRIC } from '../report-schema.js';
import { comparePaired, scoreOf, sliceGroups, type PairedRow } from '../gate/engine.js';
import { adjustFamily, failsRule } from '../gate/family.js';
import { pairItems } from '../gate/pairing.js';
import { isGatedMetric } from '../gate/types.js';
import { gateRule } from '../gate/rules.js';
import type { Report } from '../report-schema.js';

export const PairTallySchema = z.object({
  judged: z.number().int(),
  wins: z.number().int(),
  ties: z.number().int(),
  losses: z.number().int(),
  errors: z.number().int(),
  /** (wins + ties / 2) / judged, as AlpacaEval counts it. */
  winRate: z.number(),
  /** Sample standard deviation of the per-item scores (1, 0.5, 0) over sqrt(judged). */
  se: z.number(),
  /** Share of judged pairs on which both orders agreed; null with a single order. */
  consistency: z.number().nullable(),
});

export const MetricParitySchema = z.object({
  metric: z.string(),
  n: z.number().int(),
  student: z.number(),
  teacher: z.number(),
  ratio: z.number().nullable(),
  interval: IntervalSchema.nullable(),
  /** The one-sided p of a drop after Holm over every test of the comparison. */
  pAdjusted: z.number().nullable(),
  failed: z.boolean(),
});

/** Pass/fail agreement of the two on exact checks. */
export const PassAgreementSchema = z.object({ n: z.number().int(), agree: z.number().int(), kappa: z.number().nullable() });

/** One slice of a student-teacher comparison; the compare report's slices are these, rounded (src/reports/compare-report.ts). */
export const ParityRowSchema = z.object({
  slice: z.string(),
  pairwise: PairTallySchema.extend({ parity: z.number().nullable(), pAdjusted: z.number().nullable(), failed: z.boolean() }),
  metrics: z.array(MetricParitySchema),
  agreement: PassAgreementSchema,
  threshold: z.number(),
});

export type PairTally = z.infer<typeof PairTallySchema>;
export type MetricParity = z.infer<typeof MetricParitySchema>;
export type ParityRow = z.infer<typeof ParityRowSchema>;

function isOutcome(result: PairResult): result is PairwiseOutcome {
  return !('error' in result);
}

/** Wins, ties and losses of `a` (the student) over its pairwise outcomes. */
export function tallyPairs(results: readonly PairResult[]): PairTally {
  const outcomes = results.filter(isOutcome);
  const scores = outcomes.map((o): number => (o.winner === 'a' ? 1 : o.winner === 'tie' ? 0.5 : 0));
  const n = scores.length;
  const mean = n > 0 ? scores.reduce((x, y) => x + y, 0) / n : 0;
  const variance = n > 1 ? scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const both = outcomes.filter((o) => o.consistent !== undefined);
  return {
    judged: n,
    wins: outcomes.filter((o) => o.winner === 'a').length,
    ties: outcomes.filter((o) => o.winner === 'tie').length,
    losses: outcomes.filter((o) => o.winner === 'b').length,
    errors: results.length - n,
    winRate: mean,
    se: n > 0 ? Math.sqrt(variance / n) : 0,
    consistency: both.length > 0 ? both.filter((o) => o.consistent).length / both.length : null,
  };
}

/**
 * A distilled student against its teacher, per slice: pairwise win/tie/loss (a student at parity
 * wins half, ties counted half, so parity = win rate / 0.5), the quality ratio student ÷ teacher on
 * every gated metric with a paired bootstrap interval, and agreement on exact-check outcomes. A
 * slice fails when the student is below minParity AND significantly so (one-sided: a normal test
 * of the win rate against minParity / 2, a paired drop test for metrics; Holm over all of them).
 */
export function compareParity(student: Report, teacher: Report, pairs: ReadonlyMap<string, PairResult>, gate: GateConfig): ParityRow[] {
  const { pairs: paired } = pairItems(teacher, student);
  const rows = sliceGroups(paired, teacher, student).map((group) => {
    const { slice, pairs: members } = group;
    const threshold = gateRule(gate, slice, 'pairwise', 'minParity') ?? gate.minParity;
    const tally = tallyPairs(members.flatMap((p) => (pairs.has(p.head.id) ? [pairs.get(p.head.id) as PairResult] : [])));
    const pairwisePValue = tally.judged > 1 && tally.se > 0 ? normalCdf((tally.winRate - threshold / 2) / tally.se) : tally.winRate < threshold / 2 ? 0 : 1;
    const metrics = orderMetrics([...new Set(members.flatMap((p) => Object.keys(p.head.scores)))])
      .filter((metric) => isGatedMetric(metric, gate))
      .flatMap((metric) => {
        const row = comparePaired(group, metric);
        return row ? [metricParity(row)] : [];
      });
    const agreement = passAgreement(members.map((p) => [scoreOf(p.base, PASS_METRIC) === 1, scoreOf(p.head, PASS_METRIC) === 1]));
    return { slice, threshold, tally, pairwisePValue: tally.judged > 0 ? pairwisePValue : null, metrics, agreement };
  });
  const tests = rows.flatMap((row, r) => [
    ...(row.pairwisePValue === null ? [] : [{ r, m: -1, p: row.pairwisePValue }]),
    ...row.metrics.map((metric, m) => ({ r, m, p: metric.pValue })),
  ]);
  const adjusted = adjustFamily(tests);
  const pAt = new Map(tests.map((t, i) => [`${t.r}:${t.m}`, adjusted[i] as number]));
  return rows.map((row, r) => {
    const parity = row.tally.judged > 0 ? row.tally.winRate / 0.5 : null;
    const pPair = pAt.get(`${r}:-1`) ?? null;
    return {
      slice: row.slice,
      threshold: row.threshold,
      agreement: row.agreement,
      pairwise: { ...row.tally, parity, pAdjusted: pPair, failed: parity !== null && failsRule(parity, row.threshold, pPair, gate.alpha, 'below') },
      metrics: row.metrics.map(({ pValue: _p, ...metric }, m) => {
        const pAdjusted = pAt.get(`${r}:${m}`) ?? null;
        const failed = metric.ratio !== null && failsRule(metric.ratio, row.threshold, pAdjusted, gate.alpha, 'below');
        return { ...metric, pAdjusted, failed };
      }),
    };
  });
}

function metricParity(row: PairedRow): Omit<MetricParity, 'pAdjusted' | 'failed'> & { pValue: number } {
  const { ratio, interval } = pairedRatio(row.base, row.head);
  return { metric: row.metric, n: row.n, student: row.meanHead, teacher: row.meanBase, ratio, interval, pValue: row.pDrop };
}

function passAgreement(pairs: Array<[boolean, boolean]>): ParityRow['agreement'] {
  const agree = pairs.filter(([t, s]) => t === s).length;
  const kappa = pairs.length > 0 ? cohensKappa(pairs.map(([t]) => String(t)), pairs.map(([, s]) => String(s))).kappa : null;
  return { n: pairs.length, agree, kappa };
}
