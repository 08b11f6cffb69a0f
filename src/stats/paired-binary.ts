import { assertCount, assertOpenUnit } from './guards.js';
import type { Interval } from './intervals.js';
import { wilsonInterval } from './intervals.js';
import { regularizedBeta } from './special.js';

/** The 2x2 table of paired pass/fail outcomes, base run against head run on the same items. */
export interface PairedTable {
  bothPass: number;
  /** Passed on base, failed on head: the regressions. */
  baseOnly: number;
  /** Failed on base, passed on head: the fixes. */
  headOnly: number;
  neither: number;
}

/** Counts the 2x2 table from paired 0/1 scores (index i of both arrays is the same item). */
export function pairedTable(base: readonly number[], head: readonly number[]): PairedTable {
  const table: PairedTable = { bothPass: 0, baseOnly: 0, headOnly: 0, neither: 0 };
  base.forEach((b, i) => {
    const h = head[i];
    if ((b !== 0 && b !== 1) || (h !== 0 && h !== 1)) throw new RangeError(`pairedTable: scores must be 0 or 1, got ${b} and ${h} at ${i}`);
    if (b === 1) table[h === 1 ? 'bothPass' : 'baseOnly']++;
    else table[h === 1 ? 'headOnly' : 'neither']++;
  });
  return table;
}

/**
 * Exact (conditional) McNemar test, two-sided: given b + c discordant pairs, b ~ Binomial(b + c, 1/2)
 * under no change, and p = min(1, 2 P(X <= min(b, c))), as R's binom.test(b, b + c) gives. The
 * binomial tail is I_{1/2}(n - k, k + 1), exact up to floating point for any n.
 */
export function mcnemarExact(b: number, c: number): number {
  assertCount(b, 'mcnemarExact: b');
  assertCount(c, 'mcnemarExact: c');
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  return Math.min(1, 2 * regularizedBeta(0.5, n - k, k + 1));
}

/**
 * Confidence interval for the paired difference of pass rates, head minus base: Newcombe's hybrid
 * score ("square-and-add") interval, method 10 of Newcombe (1998), Statistics in Medicine
 * 17:2635-2650. It combines the Wilson intervals of the two rates with the continuity-corrected
 * phi correlation of the pairs. Chosen over Wald-type intervals because it never leaves [-1, 1],
 * is not degenerate when there are no discordant pairs, and is among the intervals Fagerland,
 * Lydersen & Laake (2014, Stat Med 33:2850-2875) recommend for paired proportions.
 */
export function newcombePairedInterval(table: PairedTable, confidence = 0.95): Interval {
  const { bothPass, baseOnly, headOnly, neither } = table;
  for (const [name, count] of Object.entries(table)) assertCount(count, `newcombePairedInterval: ${name}`);
  assertOpenUnit(confidence, 'confidence');
  const n = bothPass + baseOnly + headOnly + neither;
  if (n === 0) throw new RangeError('newcombePairedInterval: the table is empty');
  const headPass = bothPass + headOnly;
  const basePass = bothPass + baseOnly;
  const p1 = headPass / n;
  const p2 = basePass / n;
  const [l1, u1] = wilsonInterval(headPass, n, confidence);
  const [l2, u2] = wilsonInterval(basePass, n, confidence);
  const phi = correctedPhi(table, n, headPass, basePass);
  const estimate = p1 - p2;
  const lowerReach = Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2));
  const upperReach = Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1));
  // Mathematically inside [-1, 1]; the clamp only removes floating-point residue.
  return [Math.max(-1, estimate - lowerReach), Math.min(1, estimate + upperReach)];
}

/** Newcombe's phi: zero when a margin is empty, shrunk by n/2 when positive (his correction). */
function correctedPhi(table: PairedTable, n: number, headPass: number, basePass: number): number {
  const margins = headPass * (n - headPass) * basePass * (n - basePass);
  if (margins === 0) return 0;
  const cross = table.bothPass * table.neither - table.headOnly * table.baseOnly;
  if (cross > n / 2) return (cross - n / 2) / Math.sqrt(margins);
  if (cross >= 0) return 0;
  return cross / Math.sqrt(margins);
}
