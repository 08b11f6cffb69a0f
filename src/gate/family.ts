import { holm } from '../stats/multiple.js';
import { THRESHOLD_SLACK } from './rules.js';

/** One hypothesis of a verdict's family: its one-sided p and whether its effect passed the rule's tolerance. */
export interface FamilyTest {
  p: number;
}

/** Adjusted p-values over the family, in input order: the family-wise error stays at alpha. */
export function adjustFamily(tests: readonly FamilyTest[]): number[] {
  return holm(tests.map((t) => t.p));
}

/**
 * The decision rule shared by every verdict: a row fails when its effect is past the rule's
 * threshold (a drop beyond maxDrop, a retention or parity below its minimum) AND the drop is
 * significant after the family's adjustment. A small or noisy dip is reported, never failed.
 */
export function failsRule(effect: number, threshold: number, pAdjusted: number | null, alpha: number, direction: 'above' | 'below'): boolean {
  if (pAdjusted === null || !(pAdjusted < alpha)) return false;
  return direction === 'above' ? effect > threshold + THRESHOLD_SLACK : effect < threshold - THRESHOLD_SLACK;
}
