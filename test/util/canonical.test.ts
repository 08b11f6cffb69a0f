import { describe, expect, it } from 'vitest';
import { hashOf, hashOfList } from '../../src/util/canonical.js';

describe('hashOfList', () => {
  it('is hashOf of the same list, hashed element by element', () => {
    const list = [{ b: 1, a: [{ d: 'x', c: undefined }] }, 'text', 3, null, undefined, [], {}];
    expect(hashOfList(list)).toBe(hashOf(list));
    expect(hashOfList([])).toBe(hashOf([]));
    expect(hashOfList(list.slice(1))).not.toBe(hashOf(list));
  });
});
