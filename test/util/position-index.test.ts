import { describe, expect, it } from 'vitest';
import { PositionIndex } from '../../src/util/position-index.js';

describe('PositionIndex', () => {
  it('keeps the last position per key past its first capacity, forgets deleted keys, and reads slots back in the order given', () => {
    const index = new PositionIndex();
    for (let i = 0; i < 3000; i++) index.set(`k${i}`, { offset: i * 10_000_000_000, length: i });
    index.set('k5', { offset: 7, length: 3 });
    index.delete('k6');
    expect(index.size).toBe(2999);
    expect(index.get('k2999')).toEqual({ offset: 29_990_000_000_000, length: 2999 });
    expect(index.get('k5')).toEqual({ offset: 7, length: 3 });
    expect(index.get('k6')).toBeUndefined();
    const slots = new Map(index.entries());
    expect([...index.at([slots.get('k2') as number, slots.get('k1') as number])]).toEqual([
      { offset: 20_000_000_000, length: 2 },
      { offset: 10_000_000_000, length: 1 },
    ]);
  });
});
