import { wilsonInterval, type Interval } from '../../stats/intervals.js';
import { holm } from '../../stats/multiple.js';
import { mcnemarExact } from '../../stats/paired-binary.js';
import { mean } from '../../stats/describe.js';
import type { Ratio } from './calibrate-metrics.js';
import type { VariantMeasure } from './calibrate-variant.js';

/**
 * Judges side by side on the same labels: agreement with a 95% Wilson interval, kappa, position
 * consistency, flips across epochs, errors, cost and time per 1,000 verdicts; and, for every two
 * judges, whether their agreement differs beyond chance, paired on the labels (exact McNemar on
 * the labels one judge got right and the other wrong, Holm-adjusted over all the pairs).
 */

export interface JudgeRow {
  name: string;
  n: number;
  /** Labels the judge agreed with: correct in both orders where both were judged; exact score for absolute labels. */
  agreement: Ratio;
  interval: Interval;
  kappa: number | null;
  /** Pairwise judged in both orders: the same verdict both ways; otherwise null. */
  positionConsistency: Ratio | null;
  flip: { flipped: number; total: number } | null;
  errors: number;
  /** US dollars per 1,000 verdicts; null when a verdict came with no cost (recorded, or no price). */
  costPer1k: number | null;
  /** Seconds of judge time per 1,000 verdicts (mean latency of the model calls); null when none were made. */
  secondsPer1k: number | null;
  /** The agreement it must reach, when one applies. */
  minAgreement?: number;
  qualifies?: boolean;
}

export interface PairDifference {
  a: string;
  b: string;
  /** Labels a agreed with and b did not, and the other way round. */
  aOnly: number;
  bOnly: number;
  p: number;
  /** Holm-adjusted over every pair compared. */
  adjusted: number;
  significant: boolean;
}

export interface JudgeComparison {
  rows: JudgeRow[];
  pairs: PairDifference[];
  alpha: number;
}

const share = ({ count, total }: Ratio): number => (total === 0 ? 0 : count / total);

export function judgeRow(name: string, measure: VariantMeasure, minAgreement: number | undefined): JudgeRow {
  const agreement = { count: measure.agreed.filter(Boolean).length, total: measure.agreed.length };
  const { meter } = measure;
  const pairwise = measure.kind === 'pairwise' ? measure.m : undefined;
  return {
    name,
    n: measure.m.n,
    agreement,
    interval: agreement.total === 0 ? [0, 1] : wilsonInterval(agreement.count, agreement.total),
    kappa: pairwise ? pairwise.kappaOriginal : measure.kind === 'absolute' ? measure.m.kappa : null,
    positionConsistency: pairwise && pairwise.bothOrders > 0 ? pairwise.positionConsistency : null,
    flip: measure.flip,
    errors: pairwise ? pairwise.errorsOriginal + pairwise.errorsSwapped : measure.kind === 'absolute' ? measure.m.errors : 0,
    costPer1k: meter.verdicts > 0 && meter.costUnknown === 0 ? (meter.costUsd / meter.verdicts) * 1000 : null,
    // Mean milliseconds per verdict is seconds per 1,000 verdicts.
    secondsPer1k: meter.latenciesMs.length > 0 ? mean(meter.latenciesMs) : null,
    ...(minAgreement === undefined ? {} : { minAgreement, qualifies: share(agreement) >= minAgreement }),
  };
}

/** Every two judges compared on the labels both were measured on (the same labels, in the same order). */
export function compareJudges(measured: ReadonlyArray<{ row: JudgeRow; agreed: readonly boolean[] }>, alpha = 0.05): JudgeComparison {
  const raw: Array<Omit<PairDifference, 'adjusted' | 'significant'>> = [];
  measured.forEach((x, i) => {
    for (const y of measured.slice(i + 1)) {
      if (x.agreed.length !== y.agreed.length) throw new RangeError('compareJudges: judges measured on different labels');
      const aOnly = x.agreed.filter((agreed, k) => agreed && !y.agreed[k]).length;
      const bOnly = y.agreed.filter((agreed, k) => agreed && !x.agreed[k]).length;
      raw.push({ a: x.row.name, b: y.row.name, aOnly, bOnly, p: mcnemarExact(aOnly, bOnly) });
    }
  });
  const adjusted = holm(raw.map((pair) => pair.p));
  return {
    rows: measured.map((m) => m.row),
    pairs: raw.map((pair, i) => ({ ...pair, adjusted: adjusted[i] as number, significant: (adjusted[i] as number) < alpha })),
    alpha,
  };
}

/**
 * The qualifying judge that costs least per verdict. Judges whose cost is unknown (recorded
 * verdicts) are not ranked: they are named apart, so "cheapest" never means "cost not known".
 */
export function cheapestQualifying(rows: readonly JudgeRow[]): { cheapest?: JudgeRow; unpriced: JudgeRow[] } {
  const qualifying = rows.filter((r) => r.qualifies === true);
  const priced = qualifying.filter((r) => r.costPer1k !== null).sort((x, y) => (x.costPer1k as number) - (y.costPer1k as number));
  return { ...(priced[0] ? { cheapest: priced[0] } : {}), unpriced: qualifying.filter((r) => r.costPer1k === null) };
}
