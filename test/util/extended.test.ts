import { describe, expect, it } from 'vitest';
import { extended } from '../../src/util/extended.js';

describe('extended', () => {
  it("is the spread's object: base's keys in order, later values winning, base left as it was", () => {
    const base = { text: 'a', latencyMs: 3 };
    const out = extended(base, { latencyMs: 5, cached: true });
    expect(JSON.stringify(out)).toBe('{"text":"a","latencyMs":5,"cached":true}');
    expect(base).toEqual({ text: 'a', latencyMs: 3 });
  });
});
