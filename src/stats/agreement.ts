import { assertNonEmpty, assertSameLength } from './guards.js';

/**
 * Agreement between raters: a judge against human labels (Cohen), a judge panel (Fleiss). Kappa is
 * null when it is undefined, i.e. when chance agreement is 1 because everyone used one label:
 * 0/0 must not read as "agrees" or "disagrees" in a calibration gate.
 */

export interface ConfusionMatrix {
  /** Every label seen in either array, in code-point order (the same on every machine). */
  labels: string[];
  /** counts[i][j]: items whose actual label is labels[i] and predicted label is labels[j]. */
  counts: number[][];
}

export function confusionMatrix(actual: readonly string[], predicted: readonly string[]): ConfusionMatrix {
  assertSameLength(actual, predicted, 'confusionMatrix');
  const labels = [...new Set([...actual, ...predicted])].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const counts = labels.map(() => labels.map(() => 0));
  actual.forEach((a, k) => {
    const row = counts[index.get(a) as number] as number[];
    const j = index.get(predicted[k] as string) as number;
    row[j] = (row[j] as number) + 1;
  });
  return { labels, counts };
}

export interface KappaResult {
  kappa: number | null;
  /** Observed share of agreement. */
  observed: number;
  /** Agreement expected by chance from the raters' label frequencies. */
  expected: number;
}

/** Cohen's kappa (Cohen 1960) for two raters labelling the same items with any string labels. */
export function cohensKappa(labelsA: readonly string[], labelsB: readonly string[]): KappaResult & { n: number } {
  assertNonEmpty(labelsA, 'cohensKappa');
  const { counts } = confusionMatrix(labelsA, labelsB);
  const n = labelsA.length;
  let agree = 0;
  let chance = 0; // sum over labels of rowTotal * columnTotal, an integer until the final division
  counts.forEach((row, i) => {
    agree += row[i] as number;
    const rowTotal = row.reduce((s, c) => s + c, 0);
    const columnTotal = counts.reduce((s, r) => s + (r[i] as number), 0);
    chance += rowTotal * columnTotal;
  });
  const observed = agree / n;
  const expected = chance / (n * n);
  return { kappa: chance === n * n ? null : (observed - expected) / (1 - expected), observed, expected, n };
}

/**
 * Fleiss' kappa (Fleiss 1971) for items x raters: ratings[i] holds the labels item i received,
 * the same number (at least two) for every item; the raters need not be the same people.
 */
export function fleissKappa(ratings: readonly (readonly string[])[]): KappaResult & { items: number; raters: number } {
  assertNonEmpty(ratings, 'fleissKappa');
  const raters = (ratings[0] as readonly string[]).length;
  if (raters < 2) throw new RangeError('fleissKappa: every item needs at least two ratings');
  const labelTotals = new Map<string, number>();
  let agreementSum = 0;
  ratings.forEach((row, i) => {
    if (row.length !== raters) throw new RangeError(`fleissKappa: item ${i} has ${row.length} ratings, expected ${raters}`);
    const perLabel = new Map<string, number>();
    for (const label of row) perLabel.set(label, (perLabel.get(label) ?? 0) + 1);
    let pairs = 0; // sum of n_ij^2 - n_ij = ordered pairs of raters agreeing on item i
    for (const [label, count] of perLabel) {
      pairs += count * (count - 1);
      labelTotals.set(label, (labelTotals.get(label) ?? 0) + count);
    }
    agreementSum += pairs / (raters * (raters - 1));
  });
  const total = ratings.length * raters;
  let chance = 0; // sum of squared label totals, integer
  for (const count of labelTotals.values()) chance += count * count;
  const observed = agreementSum / ratings.length;
  const expected = chance / (total * total);
  const kappa = chance === total * total ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items: ratings.length, raters };
}
