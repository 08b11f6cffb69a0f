import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

describe('length', () => {
  it('passes within bounds, counting the trimmed text', () => {
    expect(check({ type: 'length', minChars: 3, maxChars: 5 }, input('  abcde \n'))).toEqual({ pass: true, score: 1 });
    expect(check({ type: 'length', minWords: 2, maxWords: 3 }, input(' one\ttwo\nthree '))?.pass).toBe(true);
  });

  it('fails over or under a bound, saying which and by how much', () => {
    expect(check({ type: 'length', maxChars: 5 }, input('abcdef'))).toEqual({
      pass: false,
      score: 0,
      reason: '6 chars, over maxChars 5',
    });
    expect(check({ type: 'length', minWords: 3 }, input('two words'))?.reason).toBe('2 words, under minWords 3');
  });

  it('counts an emoji as one character', () => {
    expect(check({ type: 'length', maxChars: 2 }, input('😀😀'))?.pass).toBe(true);
  });

  it('counts an empty answer as zero words', () => {
    expect(check({ type: 'length', minWords: 1 }, input('   '))?.reason).toBe('0 words, under minWords 1');
    expect(check({ type: 'length', maxWords: 0 }, input(''))?.pass).toBe(true);
  });

  it('requires at least one bound and min <= max', () => {
    expect(specErrors({ type: 'length' })).toEqual([': set at least one of minChars, maxChars, minWords, maxWords']);
    expect(specErrors({ type: 'length', minWords: 5, maxWords: 2 })).toEqual(['minWords: minWords 5 is above maxWords 2']);
    expect(specErrors({ type: 'length', maxChars: -1 })).not.toEqual([]);
    expect(specErrors({ type: 'length', maxChars: 1.5 })).not.toEqual([]);
    expect(specErrors({ type: 'length', maxchars: 10 })).not.toEqual([]);
  });
});
