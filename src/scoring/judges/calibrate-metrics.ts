import type { RubricScale } from '../../config/rubric.js';
import { cohensKappa, confusionMatrix, type ConfusionMatrix } from '../../stats/agreement.js';

/**
 * How well a judge agrees with human labels. Pure functions over judged labels; a verdict the
 * judge could not give (a judge error) is `null` and counts as a disagreement everywhere — in
 * accuracy, in kappa (as its own "error" category, which no human label matches) and in the
 * confusion matrix — so a flaky judge cannot look better by failing on the hard items.
 */

export const ERROR_LABEL = 'error';

export interface Ratio {
  count: number;
  total: number;
}

/** `95 / 100 = 95.0%`, the form of LLMBar's statistics.json, so figures compare at a glance. */
export function formatRatio({ count, total }: Ratio): string {
  return total === 0 ? `${count} / 0 = n/a` : `${count} / ${total} = ${((count / total) * 100).toFixed(1)}%`;
}

function countWhere<T>(items: readonly T[], predicate: (item: T) => boolean): Ratio {
  return { count: items.filter(predicate).length, total: items.length };
}

const asLabel = (value: number | string | null): string => (value === null ? ERROR_LABEL : String(value));

/** Kappa, or null when it is undefined (one label throughout) or there is nothing to compare. */
function kappa(a: readonly string[], b: readonly string[]): number | null {
  return a.length === 0 ? null : cohensKappa(a, b).kappa;
}

// ---- absolute labels: one answer, a score on the rubric's scale --------------------------------

export interface AbsoluteResult {
  /** The human's score on the rubric's scale. */
  label: number;
  /** The judge's score on the same scale; null when the judge gave none. */
  judged: number | null;
}

export interface AbsoluteMetrics {
  n: number;
  /** The judge gave exactly the human's score. */
  exact: Ratio;
  /** Judge and human agree on pass/fail at the rubric's threshold. */
  passFail: Ratio;
  /** Cohen's kappa on the exact scores, and on pass/fail. */
  kappa: number | null;
  passFailKappa: number | null;
  errors: number;
  /** Rows: human score; columns: judge score (and "error"). */
  matrix: ConfusionMatrix;
}

export function absoluteMetrics(results: readonly AbsoluteResult[], scale: RubricScale, passThreshold: number): AbsoluteMetrics {
  if (scale === '0-1') throw new RangeError('absoluteMetrics: a 0-1 scale has no categories to agree on');
  const human = results.map((r) => asLabel(r.label));
  const judge = results.map((r) => asLabel(r.judged));
  const passes = (score: number | null): string => (score === null ? ERROR_LABEL : score >= passThreshold ? 'pass' : 'fail');
  const humanPass = results.map((r) => passes(r.label));
  const judgePass = results.map((r) => passes(r.judged));
  return {
    n: results.length,
    exact: countWhere(results, (r) => r.judged === r.label),
    passFail: countWhere(results, (r) => r.judged !== null && passes(r.judged) === passes(r.label)),
    kappa: kappa(human, judge),
    passFailKappa: kappa(humanPass, judgePass),
    errors: results.filter((r) => r.judged === null).length,
    matrix: confusionMatrix(human, judge),
  };
}

// ---- pairwise labels: which of two outputs is better, judged in one or both orders -------------

/** A verdict in the labels' numbering: output_1, output_2, or a tie. */
export type PairChoice = 1 | 2 | 'tie';

export interface PairwiseResult {
  /** The human's choice. */
  label: 1 | 2;
  /** The verdict with output_1 shown first; null when the judge gave none. */
  original: PairChoice | null;
  /** The verdict with output_2 shown first, mapped back to output numbers; undefined when this order was not judged. */
  swapped?: PairChoice | null;
}

export interface PairwiseMetrics {
  n: number;
  /** Items judged in both orders: the denominator of every two-order figure. */
  bothOrders: number;
  /** Original-order verdict equals the label (LLMBar's correct_False). */
  correctOriginal: Ratio;
  /** Swapped-order verdict equals the label (correct_True). */
  correctSwapped: Ratio;
  /** Both verdicts equal the label (correct_both). */
  correctBoth: Ratio;
  /** Both orders gave the same verdict (LLMBar's "equal"); an error never matches. */
  sameVerdict: Ratio;
  /** Same verdict among the items that got a verdict in both orders. */
  positionConsistency: Ratio;
  /** Inconsistent pairs where the judge preferred whichever output was shown first, or second, both times. */
  preferredFirst: number;
  preferredSecond: number;
  kappaOriginal: number | null;
  kappaSwapped: number | null;
  /** Kappa between the two orders' verdicts, over the items with a verdict in both (LLMBar's kappa_agreement). */
  kappaBetweenOrders: number | null;
  errorsOriginal: number;
  errorsSwapped: number;
  matrixOriginal: ConfusionMatrix;
  matrixSwapped: ConfusionMatrix;
}

export function pairwiseMetrics(results: readonly PairwiseResult[]): PairwiseMetrics {
  const both = results.filter((r): r is PairwiseResult & { swapped: PairChoice | null } => r.swapped !== undefined);
  const judgedBoth = both.filter((r) => r.original !== null && r.swapped !== null);
  const inconsistent = judgedBoth.filter((r) => r.original !== r.swapped);
  return {
    n: results.length,
    bothOrders: both.length,
    correctOriginal: countWhere(results, (r) => r.original === r.label),
    correctSwapped: countWhere(both, (r) => r.swapped === r.label),
    correctBoth: countWhere(both, (r) => r.original === r.label && r.swapped === r.label),
    sameVerdict: countWhere(both, (r) => r.original !== null && r.original === r.swapped),
    positionConsistency: countWhere(judgedBoth, (r) => r.original === r.swapped),
    // Output_1 is shown first in the original order, output_2 in the swapped one.
    preferredFirst: inconsistent.filter((r) => r.original === 1 && r.swapped === 2).length,
    preferredSecond: inconsistent.filter((r) => r.original === 2 && r.swapped === 1).length,
    kappaOriginal: kappa(
      results.map((r) => asLabel(r.label)),
      results.map((r) => asLabel(r.original)),
    ),
    kappaSwapped: kappa(
      both.map((r) => asLabel(r.label)),
      both.map((r) => asLabel(r.swapped)),
    ),
    kappaBetweenOrders: kappa(
      judgedBoth.map((r) => asLabel(r.original)),
      judgedBoth.map((r) => asLabel(r.swapped)),
    ),
    errorsOriginal: results.filter((r) => r.original === null).length,
    errorsSwapped: both.filter((r) => r.swapped === null).length,
    matrixOriginal: confusionMatrix(
      results.map((r) => asLabel(r.label)),
      results.map((r) => asLabel(r.original)),
    ),
    matrixSwapped: confusionMatrix(
      both.map((r) => asLabel(r.label)),
      both.map((r) => asLabel(r.swapped)),
    ),
  };
}
