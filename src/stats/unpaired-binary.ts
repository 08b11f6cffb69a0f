import { assertCount } from './guards.js';
import { wilsonInterval, type Interval } from './intervals.js';
import { lnGamma } from './special.js';

/** Successes out of n. */
export interface Proportion {
  successes: number;
  n: number;
}

export interface LowerTest {
  /** One-sided p that `a`'s success rate is below `b`'s. */
  p: number;
  /** The smallest p the test could give with these margins (a's lowest possible count). */
  minP: number;
}

/**
 * One-sided Fisher exact test (Fisher 1935; Agresti 2002, Categorical Data Analysis §3.5) that
 * group a's success probability is lower than group b's. Given both groups' sizes and the total
 * successes, a's count is hypergeometric when the two rates are equal, so p = P(X <= a's count)
 * holds its level exactly (conservatively: the test is discrete) for any common rate and any
 * sizes — unlike a binomial test against b's observed rate, which treats that rate as known and
 * rejects too often when b is small. minP depends only on the margins, which is what lets a
 * Tarone-style family (src/gate/family.ts) leave out tests that cannot reach their level.
 */
export function fisherLower(a: Proportion, b: Proportion): LowerTest {
  for (const [name, g] of [
    ['a', a],
    ['b', b],
  ] as const) {
    assertCount(g.successes, `fisherLower: ${name}.successes`);
    assertCount(g.n, `fisherLower: ${name}.n`);
    if (g.successes > g.n) throw new RangeError(`fisherLower: ${name}.successes (${g.successes}) exceed n (${g.n})`);
  }
  const total = a.successes + b.successes;
  const lowest = Math.max(0, total - b.n);
  const pmf = (x: number) => Math.exp(lnChoose(a.n, x) + lnChoose(b.n, total - x) - lnChoose(a.n + b.n, total));
  let p = 0;
  for (let x = lowest; x <= a.successes; x++) p += pmf(x);
  return { p: Math.min(1, p), minP: Math.min(1, pmf(lowest)) };
}

/**
 * 95% interval for rate(a) - rate(b) of two independent groups: Newcombe's (1998, Statistics in
 * Medicine 17:873-890) method 10, square-and-add of the two Wilson intervals; it stays inside
 * [-1, 1] and keeps its coverage at 0/n, which a handful of new items hits all the time.
 */
export function newcombeUnpairedInterval(a: Proportion, b: Proportion, confidence = 0.95): Interval {
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const [la, ua] = wilsonInterval(a.successes, a.n, confidence);
  const [lb, ub] = wilsonInterval(b.successes, b.n, confidence);
  const d = pa - pb;
  return [d - Math.sqrt((pa - la) ** 2 + (ub - pb) ** 2), d + Math.sqrt((ua - pa) ** 2 + (pb - lb) ** 2)];
}

function lnChoose(n: number, k: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
}
