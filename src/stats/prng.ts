/**
 * Seeded randomness for bootstrap, permutation tests and sampling. Reports must be byte-stable, so
 * every random draw comes from a seed the caller passes (or a fixed default), never Math.random.
 */

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

const TWO_POW_32 = 4294967296;

/**
 * mulberry32 (Tommy Ettinger, public domain). Hand-written rather than a dependency: it is ten
 * lines, and it uses only 32-bit integer arithmetic (Math.imul, >>>), so the stream is the same on
 * every platform and Node version. Period 2^32 is ample for 10^4-10^7 draws per report.
 * The seed is any safe integer, reduced mod 2^32. Every output is a multiple of 2^-32.
 */
export function mulberry32(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/**
 * A uniform integer in [0, n). Rejection sampling on a 32-bit draw removes the modulo bias that
 * `Math.floor(random() * n)` has when 2^32 is not a multiple of n.
 */
export function uniformInt(random: Random, n: number): number {
  return uniformIntSampler(random, n)();
}

/** uniformInt with n checked once, for hot loops (bootstrap resampling draws millions). */
export function uniformIntSampler(random: Random, n: number): () => number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`n must be an integer in [1, 2^32], got ${n}`);
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  return () => {
    for (;;) {
      const x = Math.floor(random() * TWO_POW_32);
      if (x < limit) return x % n;
    }
  };
}

/** A shuffled copy (Fisher-Yates); the input is left as it was. */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(random, i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
