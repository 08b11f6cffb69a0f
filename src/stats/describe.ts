import { assertFinite, assertNonEmpty } from './guards.js';

/** Arithmetic mean. An empty input throws: there is no honest mean of nothing. */
export function mean(values: readonly number[]): number {
  assertNonEmpty(values, 'mean');
  assertFinite(values, 'mean');
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (divisor n - 1); two-pass, which is accurate when the mean is large. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError('standardDeviation: needs at least two values');
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * The q-quantile by linear interpolation between order statistics: Hyndman & Fan type 7, the
 * default of R's quantile() and numpy's quantile(), so numbers here match what a reader gets there.
 */
export function quantile(values: readonly number[], q: number): number {
  assertNonEmpty(values, 'quantile');
  assertFinite(values, 'quantile');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must lie in [0, 1], got ${q}`);
  return sortedQuantile(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** Type-7 quantile of values already sorted ascending (callers that sort once reuse this). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export function p50(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function p95(values: readonly number[]): number {
  return quantile(values, 0.95);
}

/**
 * Rounds half away from zero to `digits` decimals, on the number's shortest decimal form (the one
 * JavaScript prints, specified exactly by ECMAScript), so 1.005 -> 1.01 rather than toFixed's
 * binary-artefact 1.00, results print without 1.0000000001 tails, and -0 never appears.
 * Non-finite values pass through unchanged.
 */
export function round(value: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new RangeError(`round: digits must be an integer in [0, 15], got ${digits}`);
  if (!Number.isFinite(value)) return value;
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), digits)), -digits);
  // `+ 0` turns a -0 (from rounding a tiny negative) into 0.
  return (value < 0 ? -magnitude : magnitude) + 0;
}

/** x * 10^places done on the decimal string, so no binary rounding happens in the shift. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
