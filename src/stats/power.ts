import { normalQuantile, studentTQuantile } from './distributions.js';
import { assertOpenUnit } from './guards.js';

/**
 * What a paired comparison could have caught: the smallest drop detectable at the given power, and
 * its inverse, the items needed to detect a given drop. Two-sided tests at `alpha`, which the caller
 * has already corrected for the number of comparisons (e.g. alpha / m for the strictest Holm step).
 *
 * binary (pass/fail, tested by exact McNemar): with p10 = P(base passes, head fails) and p01 the
 * reverse, the drop is d = p10 - p01 and the discordance psi = p10 + p01. Connor's (1987, Biometrics
 * 43:207-211) normal approximation for McNemar's test says d is detectable with n pairs when
 *     sqrt(n) d >= z(1 - alpha/2) sqrt(psi) + z(power) sqrt(psi - d^2).
 * psi is `discordance` if given (e.g. measured on an earlier run). Otherwise base and head outcomes
 * are assumed independent given the rates p and p - d: psi = p(1 - p + d) + (1 - p)(p - d). Real
 * runs are positively correlated and so less discordant, so this default errs towards reporting
 * a larger (more modest) detectable drop. The approximation ignores the exact test's discreteness
 * and is mildly optimistic: at n = 155, psi = 0.2, d = 0.1 (Connor's n) the exact conditional
 * McNemar test has power 0.76, not 0.80 (summed exactly over the number of discordant pairs).
 *
 * continuous (scores in [0, 1], tested by sign-flip permutation): the paired t approximation with
 * sd of the paired differences sigma: d = (t(1 - alpha/2, n-1) + t(power, n-1)) sigma / sqrt(n).
 * Using t rather than z quantiles keeps it honest at small n: at n = 10 it gives 0.995 sigma, the
 * exact noncentral-t answer is 0.996 sigma, and z would claim 0.886 sigma.
 *
 * Both tests are exact, and an exact two-sided test on n pairs cannot reach p < 2^(1-n): below
 * that floor nothing is detectable at all, whatever the approximation says.
 */
export interface PowerAssumptions {
  kind: 'binary' | 'continuous';
  /** Base pass rate (binary) or mean score (continuous), in [0, 1]: a drop cannot exceed it. */
  baseline: number;
  alpha: number;
  /** In [0.5, 1); default 0.8. */
  power?: number;
  /** Continuous only, required: the standard deviation of head - base over the items. */
  sdDiff?: number;
  /** Binary only: the assumed share of items whose pass/fail flips between base and head. */
  discordance?: number;
}

/** The smallest drop detectable with n pairs, or null when no possible drop is. */
export function minDetectableDrop(input: PowerAssumptions & { n: number }): number | null {
  const { n } = input;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`minDetectableDrop: n must be a non-negative integer, got ${n}`);
  const test = testSettings(input);
  if (n < test.exactFloor) return null;
  if (input.kind === 'continuous') {
    const drop = (tSum(test, n) * sdDiffOf(input)) / Math.sqrt(n);
    return drop <= input.baseline ? drop : null;
  }
  const binary = binaryModel(input);
  return firstDetectable(binary, (d) => detectableBinary(test, binary, n, d));
}

/** The fewest pairs with which `drop` is detectable. */
export function requiredN(input: PowerAssumptions & { drop: number }): number {
  const { drop } = input;
  const test = testSettings(input);
  if (input.kind === 'continuous') {
    const sd = sdDiffOf(input);
    if (!(drop > 0 && drop <= input.baseline)) throw new RangeError(`requiredN: a drop of ${drop} is impossible from a baseline of ${input.baseline}`);
    // The z version needs fewer pairs than the t version, so counting up from it finds the least n.
    let n = Math.max(2, test.exactFloor, Math.floor((((test.zAlpha + test.zPower) * sd) / drop) ** 2));
    while ((tSum(test, n) * sd) / Math.sqrt(n) > drop) n++;
    return n;
  }
  const binary = binaryModel(input);
  if (!(drop > 0 && drop >= binary.lowest && drop <= binary.highest)) {
    throw new RangeError(`requiredN: a drop of ${drop} is impossible under these assumptions (possible: ${binary.lowest} to ${binary.highest})`);
  }
  const psi = binary.psi(drop);
  const connor = ((test.zAlpha * Math.sqrt(psi) + test.zPower * Math.sqrt(psi - drop * drop)) / drop) ** 2;
  let n = Math.max(test.exactFloor, Math.ceil(connor));
  while (!detectableBinary(test, binary, n, drop)) n++; // guards the ceil against floating-point residue
  return n;
}

interface TestSettings {
  alpha: number;
  power: number;
  zAlpha: number;
  zPower: number;
  /** The fewest pairs with which an exact two-sided test can reach p <= alpha at all. */
  exactFloor: number;
}

function testSettings({ baseline, alpha, power = 0.8 }: PowerAssumptions): TestSettings {
  if (!(baseline >= 0 && baseline <= 1)) throw new RangeError(`baseline must lie in [0, 1], got ${baseline}`);
  assertOpenUnit(alpha, 'alpha');
  if (!(power >= 0.5 && power < 1)) throw new RangeError(`power must lie in [0.5, 1), got ${power}`);
  let exactFloor = 1;
  while (2 ** (1 - exactFloor) > alpha) exactFloor++;
  return { alpha, power, zAlpha: normalQuantile(1 - alpha / 2), zPower: normalQuantile(power), exactFloor };
}

function sdDiffOf({ sdDiff }: PowerAssumptions): number {
  if (!(sdDiff !== undefined && sdDiff > 0 && Number.isFinite(sdDiff))) throw new RangeError(`continuous power needs sdDiff > 0, got ${sdDiff}`);
  return sdDiff;
}

function tSum({ alpha, power }: TestSettings, n: number): number {
  return studentTQuantile(1 - alpha / 2, n - 1) + studentTQuantile(power, n - 1);
}

interface BinaryModel {
  /** The range of drops the baseline and discordance allow. */
  lowest: number;
  highest: number;
  psi(drop: number): number;
}

function binaryModel({ baseline: p, discordance }: PowerAssumptions): BinaryModel {
  if (discordance === undefined) {
    return { lowest: 0, highest: p, psi: (d) => p * (1 - p + d) + (1 - p) * (p - d) };
  }
  if (!(discordance >= 0 && discordance <= 1)) throw new RangeError(`discordance must lie in [0, 1], got ${discordance}`);
  // p10 = (psi + d)/2 must not exceed p, and p01 = (psi - d)/2 must be in [0, 1 - p].
  return { lowest: Math.max(0, discordance - 2 * (1 - p)), highest: Math.min(discordance, 2 * p - discordance), psi: () => discordance };
}

function detectableBinary({ zAlpha, zPower }: TestSettings, model: BinaryModel, n: number, d: number): boolean {
  const psi = model.psi(d);
  return Math.sqrt(n) * d >= zAlpha * Math.sqrt(psi) + zPower * Math.sqrt(Math.max(0, psi - d * d));
}

/**
 * The least feasible drop that passes `detectable`: a scan over 1000 steps finds the first one
 * (the condition need not be monotone in d when psi grows with d), then bisection narrows it,
 * returning the upper end so the answer itself is always detectable.
 */
function firstDetectable({ lowest: lo, highest: hi }: BinaryModel, detectable: (d: number) => boolean): number | null {
  if (!(hi > 0) || lo > hi) return null;
  if (lo > 0 && detectable(lo)) return lo;
  const steps = 1000;
  let previous = lo;
  for (let k = 1; k <= steps; k++) {
    const d = lo + ((hi - lo) * k) / steps;
    if (detectable(d)) {
      let [below, above] = [previous, d];
      for (let i = 0; i < 60; i++) {
        const mid = (below + above) / 2;
        if (detectable(mid)) above = mid;
        else below = mid;
      }
      return above;
    }
    previous = d;
  }
  return null;
}
