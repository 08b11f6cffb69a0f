import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PositionIndex } from '../../src/util/position-index.js';

const key = (n: number) => createHash('sha256').update(String(n)).digest('hex');

describe('PositionIndex', () => {
  it('keeps the last position per key past its first capacity, and misses keys it was not given', () => {
    const index = new PositionIndex();
    for (let i = 0; i < 3000; i++) index.set(key(i), { offset: i * 10_000_000_000, length: i + 1 });
    index.set(key(5), { offset: 7, length: 3 });
    expect(index.size).toBe(3000);
    expect(index.get(key(2999))).toEqual({ offset: 29_990_000_000_000, length: 3000 });
    expect(index.get(key(5))).toEqual({ offset: 7, length: 3 });
    expect(index.get(key(3000))).toBeUndefined();
  });

  it('shares a slot between keys with the same first 64 bits (the reader checks the key) and indexes no key that is not 64 hex digits', () => {
    const index = new PositionIndex();
    const first = key(1);
    const twin = `${first.slice(0, 16)}${'0'.repeat(48)}`;
    index.set(first, { offset: 0, length: 10 });
    index.set(twin, { offset: 20, length: 10 });
    expect(index.get(first)).toEqual({ offset: 20, length: 10 });
    index.set('k1', { offset: 0, length: 10 });
    index.set(first.toUpperCase(), { offset: 40, length: 10 });
    expect(index.size).toBe(1);
    expect(index.get('k1')).toBeUndefined();
  });
});
