import { normalCdf } from './distributions.js';

/**
 * Weights for a weighted Bonferroni first step, as Roeder & Wasserman (2009, "Genome-wide
 * significance levels and weighted hypothesis testing", Statistical Science 24:398-413) derive them
 * after Spjøtvoll (1972): for one-sided z tests with noncentralities xi_i, the levels a_i that
 * maximise the summed power subject to sum a_i = alpha are a_i = 1 - Phi(xi_i / 2 + c / xi_i), with
 * c set by bisection. A test that catches the design effect at almost any level (a large slice) and
 * one that could not catch it at any level (a tiny one) both get little; the budget goes to the
 * tests it can help. Returns the weights (a_i / alpha, summing to 1); rows with xi <= 0 get 0.
 */
export function optimalWeights(noncentralities: readonly number[], alpha: number): number[] {
  const usable = noncentralities.map((xi) => Number.isFinite(xi) && xi > 0);
  if (!usable.some(Boolean)) return noncentralities.map(() => 0);
  const levels = (c: number) => noncentralities.map((xi, i) => (usable[i] ? 1 - normalCdf(xi / 2 + c / xi) : 0));
  const total = (c: number) => levels(c).reduce((s, a) => s + a, 0);
  let [lo, hi] = [-1e6, 1e6];
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) > alpha) lo = mid;
    else hi = mid;
  }
  const found = levels(hi);
  const sum = found.reduce((s, a) => s + a, 0);
  return sum > 0 ? found.map((a) => a / sum) : usable.map((u, _i, all) => (u ? 1 / all.filter(Boolean).length : 0));
}
