import { mean } from './describe.js';
import { assertNonEmpty, assertSameLength, assertUnitScores } from './guards.js';
import type { Interval } from './intervals.js';
import { isBinary } from './intervals.js';
import { mcnemarExact, newcombePairedInterval, pairedTable } from './paired-binary.js';
import { pairedBootstrapInterval, pairedPermutationTest, type ResamplingOptions } from './paired-resampling.js';

export interface PairedDifference {
  n: number;
  meanBase: number;
  meanHead: number;
  /** meanHead - meanBase: negative is a drop. */
  diff: number;
  interval: Interval;
  /**
   * newcombe: Newcombe's hybrid score interval (binary scores); bootstrap: percentile bootstrap
   * (continuous scores); range: [-1, 1], all that one continuous pair can honestly say.
   */
  intervalMethod: 'newcombe' | 'bootstrap' | 'range';
  pValue: number;
  test: 'mcnemar' | 'permutation';
  /** False only when the permutation p-value is a Monte Carlo estimate. */
  exact: boolean;
}

/**
 * Compares base and head scores in [0, 1] on the same items (index i is one item in both). When
 * every score is 0 or 1 it uses the exact McNemar test and Newcombe's paired interval; otherwise
 * the sign-flip permutation test and a percentile bootstrap interval, both seeded (options.seed).
 * The test and the interval are separate procedures, so near the 5% line they can disagree on
 * whether zero is excluded; gate on the p-value.
 */
export function pairedDifference(
  base: readonly number[],
  head: readonly number[],
  options: ResamplingOptions & { confidence?: number } = {},
): PairedDifference {
  assertSameLength(base, head, 'pairedDifference');
  assertNonEmpty(base, 'pairedDifference');
  assertUnitScores(base, 'pairedDifference: base');
  assertUnitScores(head, 'pairedDifference: head');
  const meanBase = mean(base);
  const meanHead = mean(head);
  const common = { n: base.length, meanBase, meanHead, diff: meanHead - meanBase };
  if (isBinary(base) && isBinary(head)) {
    const table = pairedTable(base, head);
    return {
      ...common,
      interval: newcombePairedInterval(table, options.confidence),
      intervalMethod: 'newcombe',
      pValue: mcnemarExact(table.baseOnly, table.headOnly),
      test: 'mcnemar',
      exact: true,
    };
  }
  const { pValue, exact } = pairedPermutationTest(base, head, options);
  const bootstrap = base.length >= 2;
  return {
    ...common,
    interval: bootstrap ? pairedBootstrapInterval(base, head, options) : [-1, 1],
    intervalMethod: bootstrap ? 'bootstrap' : 'range',
    pValue,
    test: 'permutation',
    exact,
  };
}
