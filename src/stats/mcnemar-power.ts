import { normalCdf, normalQuantile } from './distributions.js';
import { assertOpenUnit } from './guards.js';
import { lnGamma, regularizedBeta } from './special.js';

/**
 * Power of the one-sided exact (conditional) McNemar test, computed exactly rather than by Connor's
 * normal approximation, which is badly optimistic when few items flip (a 50-item slice with two
 * discordant pairs). A drop of d from a run whose observed discordance is psi0 (the share of items
 * whose pass/fail differs between two runs of an unchanged system) is modelled as p01 = psi0 / 2
 * fixes and p10 = psi0 / 2 + d regressions: the noise stays, the drop adds lost passes. The number of
 * discordant pairs is Binomial(n, p10 + p01) and, given it, the regressions are Binomial with
 * p10 / (p10 + p01); the test rejects when P(Binomial(N, 1/2) >= b) <= alpha.
 */
export function mcnemarPower(n: number, psi0: number, drop: number, alpha: number): number {
  assertCount(n);
  assertOpenUnit(alpha, 'alpha');
  const p10 = Math.max(0, psi0 / 2 + drop);
  const p01 = Math.max(0, psi0 / 2);
  const psi = Math.min(1, p10 + p01);
  if (n === 0 || psi === 0) return 0;
  if (n > EXACT_LIMIT) return connorPower(n, psi, p10 - p01, alpha);
  const share = p10 / psi;
  // Only discordant counts within 10 standard deviations of n psi carry any weight.
  const spread = 10 * Math.sqrt(n * psi * (1 - psi)) + 10;
  let power = 0;
  const first = Math.max(1, Math.floor(n * psi - spread));
  const odds = psi / (1 - psi);
  let weight = binomialPmf(first, n, psi);
  for (let N = first; N <= Math.min(n, Math.ceil(n * psi + spread)); N++) {
    if (weight >= 1e-12) {
      const k = criticalRegressions(N, alpha);
      if (k <= N) power += weight * binomialUpperTail(k, N, share);
    }
    weight = psi >= 1 ? (N + 1 === n ? 1 : 0) : weight * ((n - N) / (N + 1)) * odds;
  }
  return Math.min(1, power);
}

/** Above this many items the exact sum is slow and Connor's approximation is accurate. */
const EXACT_LIMIT = 1500;

/**
 * The smallest drop detected with the given power (default 0.8) at level alpha, or null when no
 * drop up to every base pass lost is (too few items, or alpha too small for an exact test to reach).
 */
export function detectableDropFromDiscordance(n: number, psi0: number, baseRate: number, alpha: number, power = 0.8): number | null {
  const highest = Math.max(0, Math.min(baseRate, 1) - psi0 / 2);
  if (!(highest > 0) || mcnemarPower(n, psi0, highest, alpha) < power) return null;
  let [lo, hi] = [0, highest];
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (mcnemarPower(n, psi0, mid, alpha) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The fewest items with which `drop` is detected at the given power, at the same discordance; null above `limit`. */
export function itemsToDetect(psi0: number, baseRate: number, drop: number, alpha: number, power = 0.8, limit = 100_000): number | null {
  if (!(drop > 0) || drop > baseRate - psi0 / 2) return null;
  const connor = connorN(Math.min(1, psi0 + drop), drop, alpha, power);
  // Connor's n is a lower bound in practice; step up until the exact power gets there.
  let n = Math.max(1, Math.floor(connor * 0.8));
  const step = Math.max(1, Math.round(n / 50));
  while (n <= limit && mcnemarPower(n, psi0, drop, alpha) < power) n += step;
  if (n > limit) return null;
  // Walk back to the least n within the last step.
  while (step > 1 && n - 1 >= 1 && mcnemarPower(n - 1, psi0, drop, alpha) >= power) n--;
  return n;
}

/** Connor (1987, Biometrics 43:207-211), one-sided: the normal approximation for large n. */
function connorPower(n: number, psi: number, d: number, alpha: number): number {
  const z = normalQuantile(1 - alpha);
  const spread = Math.sqrt(Math.max(1e-12, psi - d * d));
  return normalCdf((Math.sqrt(n) * d - z * Math.sqrt(psi)) / spread);
}

function connorN(psi: number, d: number, alpha: number, power: number): number {
  const z = normalQuantile(1 - alpha);
  return ((z * Math.sqrt(psi) + normalQuantile(power) * Math.sqrt(Math.max(0, psi - d * d))) / d) ** 2;
}

/** The least b with P(Binomial(N, 1/2) >= b) <= alpha; N + 1 when none. */
export function criticalRegressions(N: number, alpha: number): number {
  const limit = alpha * (1 + 1e-12);
  if (N <= 1000) {
    // Sum the upper tail down from b = N (terms C(N, b) / 2^N by recurrence) until it passes alpha.
    let term = 2 ** -N;
    let tail = 0;
    for (let b = N; b >= 0; b--) {
      tail += term;
      if (tail > limit) return b + 1;
      term *= b / (N - b + 1);
    }
    return 0;
  }
  // 2^-N underflows: bisect on the tail P(X >= b) = I_1/2(b, N - b + 1) instead.
  let [lo, hi] = [0, N + 1];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (regularizedBeta(0.5, mid, N - mid + 1) <= limit) hi = mid;
    else lo = mid;
  }
  return regularizedBeta(0.5, lo, N - lo + 1) <= limit && lo > 0 ? lo : hi;
}

function binomialUpperTail(k: number, N: number, p: number): number {
  if (k > N) return 0;
  if (k <= 0 || p >= 1) return 1;
  if (p <= 0) return 0;
  let term = binomialPmf(k, N, p);
  let sum = 0;
  const ratio = p / (1 - p);
  for (let b = k; b <= N; b++) {
    sum += term;
    term *= ((N - b) / (b + 1)) * ratio;
  }
  return Math.min(1, sum);
}

function binomialPmf(k: number, N: number, p: number): number {
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === N ? 1 : 0;
  return Math.exp(lnChoose(N, k) + k * Math.log(p) + (N - k) * Math.log1p(-p));
}

function lnChoose(N: number, k: number): number {
  return lnGamma(N + 1) - lnGamma(k + 1) - lnGamma(N - k + 1);
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
}
