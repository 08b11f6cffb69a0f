import { graphicalAdjust } from '../stats/graphical.js';
import { holm } from '../stats/multiple.js';
import { optimalWeights } from '../stats/weights.js';
import { THRESHOLD_SLACK } from './rules.js';

/** One hypothesis of a verdict's family: its one-sided p. */
export interface FamilyTest {
  p: number;
}

/** Holm over the family, in input order: equal weights (retention and parity use it as is). */
export function adjustFamily(tests: readonly FamilyTest[]): number[] {
  return holm(tests.map((t) => t.p));
}

/** A hypothesis of the run gate's family, with what the weighting needs to know (none of it signed). */
export interface GateHypothesis extends FamilyTest {
  /** The slice (or OVERALL) it belongs to. */
  group: string;
  /** The slice's `pass` row; the others are its component metrics. */
  primary: boolean;
  /** The smallest one-sided p the test could reach with these items: 2^-(items that differ). */
  minP: number;
  /** How far a design drop would move the test statistic, in standard errors (see designNoncentrality). */
  noncentrality: number;
}

export interface GatePlan {
  /** Each hypothesis's share of alpha in the first step; 0 for one left out (it cannot reach its level). */
  weights: number[];
  /** The share it would have had if it could reach it: what its detectable drop is stated at. */
  potential: number[];
  /** Adjusted p (reject when <= alpha); 1 for hypotheses left out. */
  adjusted: number[];
}

/** Of each slice's budget, this share goes to its component metrics (when it has any in the family). */
export const COMPONENT_SHARE = 0.2;
/** Of alpha, this share is split equally between the slices; the rest by Roeder & Wasserman's weights. */
export const EQUAL_SHARE = 0.3;

/**
 * The run gate's multiple-testing plan: a weighted graphical procedure (Bretz et al. 2009,
 * src/stats/graphical.ts), declared as a hierarchy.
 *
 * 1. Slices (OVERALL among them) share alpha: 30% equally, 70% by Roeder & Wasserman's (2009)
 *    optimal weights for a design drop (src/stats/weights.ts), so the budget goes where a drop can
 *    be caught — a 100-item long-tail slice — rather than to a 400-item slice that catches it at any
 *    level or a 5-item slice that cannot at all.
 * 2. Within a slice, `pass` comes first with 1 - COMPONENT_SHARE of its budget; the component
 *    metrics share the rest. A rejected hypothesis passes its weight on: half to its own slice's
 *    other hypotheses, half to the other slices' (in proportion to their weights).
 * 3. A hypothesis that cannot reach its level with these items (minP above it) is left out and its
 *    budget spread over the rest, the least reachable first, until every one left can: Tarone's (1990, Biometrics
 *    46:515-522) modification for discrete tests, which stays valid because minP depends only on
 *    which items differ, never on the direction.
 *
 * Everything the weights use (n, how many items differ, minP) is unchanged when an item's base and
 * head are swapped, so the exact tests stay exact given the weights and the family-wise error of
 * the whole gate stays at alpha.
 */
export function planGateFamily(hypotheses: readonly GateHypothesis[], alpha: number): GatePlan {
  const all = hypotheses.map((_, i) => i);
  const potential = weightsFor(hypotheses, all, alpha);
  let kept = all.filter((i) => (hypotheses[i] as GateHypothesis).minP < 1);
  let weights = weightsFor(hypotheses, kept, alpha);
  // Leave out the least reachable one at a time (its weight may make another reachable).
  for (;;) {
    const short = kept.map((i) => ({ i, ratio: (hypotheses[i] as GateHypothesis).minP / ((weights[i] as number) * alpha) })).filter((x) => x.ratio > 1 + 1e-12);
    if (short.length === 0) break;
    const worst = short.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    kept = kept.filter((i) => i !== worst.i);
    weights = weightsFor(hypotheses, kept, alpha);
  }
  const members = new Set(kept);
  const inFamily = (i: number) => members.has(i);
  const transitions = hypotheses.map((from, i) =>
    hypotheses.map((to, j) => {
      if (i === j || !inFamily(i) || !inFamily(j)) return 0;
      const own = kept.filter((k) => k !== i && (hypotheses[k] as GateHypothesis).group === from.group);
      const others = kept.filter((k) => (hypotheses[k] as GateHypothesis).group !== from.group);
      const othersTotal = others.reduce((s, k) => s + (weights[k] as number), 0);
      const ownShare = own.length === 0 ? 0 : others.length === 0 || othersTotal === 0 ? 1 : 0.5;
      if (to.group === from.group) return ownShare / own.length;
      return othersTotal === 0 ? 0 : ((1 - ownShare) * (weights[j] as number)) / othersTotal;
    }),
  );
  const adjustedKept = graphicalAdjust(
    kept.map((i) => (hypotheses[i] as GateHypothesis).p),
    kept.map((i) => weights[i] as number),
    kept.map((i) => kept.map((j) => (transitions[i] as number[])[j] as number)),
  );
  const adjusted = hypotheses.map(() => 1);
  kept.forEach((i, k) => (adjusted[i] = adjustedKept[k] as number));
  return { weights, potential, adjusted };
}

/** Step 1 and 2 of the hierarchy over the hypotheses `kept`; 0 for the others. */
function weightsFor(hypotheses: readonly GateHypothesis[], kept: readonly number[], alpha: number): number[] {
  const weights = hypotheses.map(() => 0);
  const groups = [...new Set(kept.map((i) => (hypotheses[i] as GateHypothesis).group))];
  if (groups.length === 0) return weights;
  // A slice's noncentrality is its pass row's; a slice whose pass is not kept uses its best component.
  const groupXi = groups.map((group) => {
    const members = kept.filter((i) => (hypotheses[i] as GateHypothesis).group === group);
    const primary = members.find((i) => (hypotheses[i] as GateHypothesis).primary);
    return primary !== undefined
      ? (hypotheses[primary] as GateHypothesis).noncentrality
      : Math.max(...members.map((i) => (hypotheses[i] as GateHypothesis).noncentrality));
  });
  const optimal = optimalWeights(groupXi, alpha);
  groups.forEach((group, g) => {
    const share = EQUAL_SHARE / groups.length + (1 - EQUAL_SHARE) * (optimal[g] as number);
    const members = kept.filter((i) => (hypotheses[i] as GateHypothesis).group === group);
    const primary = members.filter((i) => (hypotheses[i] as GateHypothesis).primary);
    const components = members.filter((i) => !(hypotheses[i] as GateHypothesis).primary);
    const componentShare = components.length === 0 ? 0 : primary.length === 0 ? 1 : COMPONENT_SHARE;
    for (const i of primary) weights[i] = (share * (1 - componentShare)) / primary.length;
    for (const i of components) weights[i] = (share * componentShare) / components.length;
  });
  return weights;
}

/** The drop the budget is placed for: one that matters on any slice, and is more than its tolerance. */
export const DESIGN_DROP = 0.1;

/**
 * The design drop in standard errors of the paired test: sqrt(n) d / sqrt(psi + d), where psi is the
 * share of items that differ between the runs (for pass/fail; for scores, the mean squared
 * difference) and d = max(DESIGN_DROP, tolerance + 0.05).
 */
export function designNoncentrality(n: number, spread: number, tolerance: number): number {
  const d = Math.max(DESIGN_DROP, tolerance + 0.05);
  return (Math.sqrt(n) * d) / Math.sqrt(spread + d);
}

/**
 * The design drop in standard errors of the unpaired comparison of m new items with a slice's n
 * baseline items at pass rate `rate`: d / sqrt(rate (1 - rate) (1/m + 1/n)); 0 when the rate
 * leaves no room to drop (no pass to lose) or a group is empty.
 */
export function unpairedNoncentrality(m: number, n: number, rate: number, tolerance: number): number {
  const d = Math.min(rate, Math.max(DESIGN_DROP, tolerance + 0.05));
  if (m === 0 || n === 0 || d <= 0) return 0;
  return d / Math.sqrt(Math.max(rate * (1 - rate) * (1 / m + 1 / n), 1e-6));
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
