import { describe, expect, it } from 'vitest';
import { countWords, wordTokenize } from '../../../src/scoring/checks/ifeval/words.js';

// Expected tokens are NLTK 3.8's word_tokenize (Punkt + NLTKWordTokenizer) on the same text.
describe('wordTokenize', () => {
  it.each([
    ["NASA's DON'T stop, I said.", ['NASA', "'s", 'DO', "N'T", 'stop', ',', 'I', 'said', '.']],
    ['U.S. and (UK) -- OK?', ['U.S.', 'and', '(', 'UK', ')', '--', 'OK', '?']],
    ['"Quoted," she said. I cannot go... gonna try', ['``', 'Quoted', ',', "''", 'she', 'said', '.', 'I', 'can', 'not', 'go', '...', 'gon', 'na', 'try']],
    [
      'Costs $3.88 (roughly 3,36 euros) in New York. Thanks.',
      ['Costs', '$', '3.88', '(', 'roughly', '3,36', 'euros', ')', 'in', 'New', 'York', '.', 'Thanks', '.'],
    ],
  ])('%s', (text, expected) => {
    expect(wordTokenize(text)).toEqual(expected);
  });
});

describe('countWords', () => {
  it('counts runs of letters, digits and underscores', () => {
    expect(countWords("Don't stop-me now, 2 snake_case")).toBe(7);
    expect(countWords('')).toBe(0);
  });
});
