import { describe, expect, it } from 'vitest';
import { follows } from './helpers.js';

describe('punctuation:no_comma', () => {
  it('passes without a comma and fails with one', () => {
    expect(follows('punctuation:no_comma', {}, 'a b. c')).toBe(true);
    expect(follows('punctuation:no_comma', {}, 'a, b')).toBe(false);
  });

  it('is not followed by a blank response', () => {
    expect(follows('punctuation:no_comma', {}, '  \n ')).toBe(false);
  });
});
