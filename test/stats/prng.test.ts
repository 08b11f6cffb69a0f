import { describe, expect, it } from 'vitest';
import { mulberry32, shuffle, uniformInt } from '../../src/stats/prng.js';
import type { Random } from '../../src/stats/prng.js';

const TWO_POW_32 = 2 ** 32;

function uint32s(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random() * TWO_POW_32);
}

describe('mulberry32', () => {
  // Expected words: Tommy Ettinger's reference C implementation of mulberry32 (uint32_t state,
  // z = (state += 0x6D2B79F5); ...), compiled with gcc -O2 and printed for these seeds. A C
  // program shares none of this code's JavaScript number handling, so a match means the stream
  // is the real mulberry32 on any platform.
  it.each([
    [0, [1144304738, 1416247, 958946056, 627933444, 2007157716]],
    [42, [2581720956, 1925393290, 3661312704, 2876485805, 750819978]],
    [4294967295, [3850105811, 813802916, 3073704848, 4054706436, 3630262831]],
  ])('seed %d gives the reference C stream', (seed, expected) => {
    expect(uint32s(mulberry32(seed), 5)).toEqual(expected);
  });

  it('reduces seeds mod 2^32, so -1 is the same stream as 2^32 - 1', () => {
    expect(uint32s(mulberry32(-1), 5)).toEqual(uint32s(mulberry32(4294967295), 5));
  });

  it('returns numbers in [0, 1) with a mean near 1/2', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 100_000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    // The mean of 1e5 uniforms has sd sqrt(1/12/1e5) = 0.00091; 0.003 is over 3 sd.
    expect(Math.abs(draws.reduce((a, b) => a + b, 0) / draws.length - 0.5)).toBeLessThan(0.003);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => mulberry32(1.5)).toThrow(RangeError);
    expect(() => mulberry32(Number.NaN)).toThrow(RangeError);
  });
});

describe('uniformInt', () => {
  it('rejects the draws that would bias the modulo', () => {
    // n = 3: 2^32 mod 3 = 1, so the single value 2^32 - 1 is rejected and the next draw is used.
    const draws = [(TWO_POW_32 - 1) / TWO_POW_32, 5 / TWO_POW_32];
    const scripted: Random = () => draws.shift() as number;
    expect(uniformInt(scripted, 3)).toBe(5 % 3);
    expect(draws).toHaveLength(0);
  });

  it('hits every value in [0, n) about equally often', () => {
    const random = mulberry32(11);
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 70_000; i++) counts[uniformInt(random, 7)]! += 1;
    // Chi-square with 6 df; the 0.999 quantile is 22.458 (standard chi-square table).
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(22.458);
  });

  it('rejects n outside [1, 2^32]', () => {
    const random = mulberry32(1);
    expect(() => uniformInt(random, 0)).toThrow(RangeError);
    expect(() => uniformInt(random, 2.5)).toThrow(RangeError);
    expect(() => uniformInt(random, TWO_POW_32 + 1)).toThrow(RangeError);
  });
});

describe('shuffle', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = ['a', 'b', 'c', 'd', 'e'];
    const out = shuffle(mulberry32(3), input);
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('is deterministic for a seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(mulberry32(99), items)).toEqual(shuffle(mulberry32(99), items));
    expect(shuffle(mulberry32(99), items)).not.toEqual(shuffle(mulberry32(100), items));
  });

  it('makes all 6 orders of 3 items equally likely', () => {
    // A naive "swap with any position" shuffle has 27 equally likely paths onto 6 orders and
    // fails this; Fisher-Yates passes. Chi-square, 5 df: the 0.999 quantile is 20.515.
    const random = mulberry32(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = shuffle(random, [1, 2, 3]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(20.515);
  });
});
