/**
 * Argument checks shared by the stats functions. A misuse is a bug in the caller, so it throws a
 * RangeError at once instead of letting NaN flow into a report or a gate decision.
 */

export function assertFinite(values: readonly number[], what: string): void {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`${what}: every value must be a finite number, got ${v}`);
}

export function assertNonEmpty(values: readonly unknown[], what: string): void {
  if (values.length === 0) throw new RangeError(`${what}: needs at least one value`);
}

export function assertUnitScores(values: readonly number[], what: string): void {
  for (const v of values) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${what}: scores must lie in [0, 1], got ${v}`);
  }
}

/** A probability strictly between 0 and 1: a confidence level, an alpha or a power. */
export function assertOpenUnit(p: number, what: string): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`${what} must be strictly between 0 and 1, got ${p}`);
}

export function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

export function assertSameLength(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) throw new RangeError(`${what}: the two arrays differ in length (${a.length} vs ${b.length})`);
}
