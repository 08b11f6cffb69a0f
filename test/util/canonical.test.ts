import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf, hashOfList } from '../../src/util/canonical.js';

/** The definition canonicalJson keeps to: JSON.stringify of a copy with keys sorted at every level. */
function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const inner = (v as Record<string, unknown>)[key];
        if (inner !== undefined) sorted[key] = sortKeys(inner);
      }
      return sorted;
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

describe('canonicalJson', () => {
  it('writes what JSON.stringify of a key-sorted copy writes, for plain data and for the rest', () => {
    const nullProto = Object.assign(Object.create(null) as object, { z: 1, a: 2 });
    class Point {
      constructor(
        readonly y: number,
        readonly x: number,
      ) {}
    }
    const values: unknown[] = [
      { b: 1, a: { d: [1, 'x', null, true, undefined], c: undefined }, é: 'ü', '\u2028': '\ud800' },
      { 10: 'ten', 2: 'two', b: 'b', a: 'a' },
      JSON.parse('{"__proto__": {"x": 1}, "a": 1}'),
      { when: new Date(0), where: new Point(1, 2), map: new Map([[1, 2]]) },
      { f: () => 1, s: Symbol('s'), n: NaN, i: Infinity, z: -0, big: 1e21 },
      [, 1, , 'gap'], // eslint-disable-line no-sparse-arrays
      nullProto,
      'text',
      3.25,
      null,
      [],
      {},
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(reference(value));
  });
});

describe('hashOfList', () => {
  it('is hashOf of the same list, hashed element by element', () => {
    const list = [{ b: 1, a: [{ d: 'x', c: undefined }] }, 'text', 3, null, undefined, [], {}];
    expect(hashOfList(list)).toBe(hashOf(list));
    expect(hashOfList([])).toBe(hashOf([]));
    expect(hashOfList(list.slice(1))).not.toBe(hashOf(list));
  });

  it('gives the same hash for lists that share parts and span many hashing pieces', () => {
    const checks = [{ type: 'contains', params: { values: ['answer'], caseSensitive: false } }];
    const slices = ['head'];
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `item-${i}`, input: `What is ${i}? ${'x'.repeat(i % 50)}`, slices, checks, metadata: {} }));
    expect(hashOfList(items)).toBe(hashOf(items));
    expect(hashOfList(items)).toBe(hashOf(JSON.parse(JSON.stringify(items))));
    // Unchanged from the hash every existing report's fingerprint holds.
    expect(hashOfList(items)).toBe(createHash('sha256').update(reference(items)).digest('hex').slice(0, 16));
  });
});
