import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py) on the same inputs.
describe('keywords:existence', () => {
  it.each<Case>([
    ['every keyword, any case', { keywords: ['Paris', 'tower'] }, 'I visited paris and the Eiffel Tower.', true],
    ['a keyword missing', { keywords: ['Paris', 'tower'] }, 'I visited Paris.', false],
    ['keywords are regular expressions, as in the reference', { keywords: ['colou?r'] }, 'What a colour!', true],
    ['inside a longer word counts', { keywords: ['cat'] }, 'concatenate', true],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('keywords:existence', kwargs, response)).toBe(expected);
  });

  it('rejects an empty or missing keyword list', () => {
    expect(() => follows('keywords:existence', { keywords: [] }, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('keywords:existence', {}, 'x')).toThrow(/invalid kwargs/);
  });
});

describe('keywords:frequency', () => {
  const text = 'The cat and the dog and the bird';
  it.each<Case>([
    ['at least: three of three', { keyword: 'the', frequency: 3, relation: 'at least' }, text, true],
    ['less than: three is not under three', { keyword: 'the', frequency: 3, relation: 'less than' }, text, false],
    ['stripped keyword, counted inside words', { keyword: ' he ', frequency: 3, relation: 'at least' }, 'the he she', true],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('keywords:frequency', kwargs, response)).toBe(expected);
  });

  it('rejects an unknown relation, a negative frequency and a missing keyword', () => {
    expect(() => follows('keywords:frequency', { keyword: 'a', frequency: 1, relation: 'at most' }, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('keywords:frequency', { keyword: 'a', frequency: -1, relation: 'at least' }, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('keywords:frequency', { frequency: 1, relation: 'at least' }, 'x')).toThrow(/invalid kwargs/);
  });
});

describe('keywords:forbidden_words', () => {
  it.each<Case>([
    ['part of a longer word is allowed', { forbidden_words: ['bad'] }, 'This is badly done', true],
    ['the whole word, any case, is not', { forbidden_words: ['bad'] }, 'This is Bad.', false],
    ['word boundaries are Unicode-aware (é is a letter)', { forbidden_words: ['caf'] }, 'un café', true],
    ['a non-ASCII word is found', { forbidden_words: ['café'] }, 'un café.', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('keywords:forbidden_words', kwargs, response)).toBe(expected);
  });

  it('rejects a kwarg that is not a regular expression JavaScript can compile', () => {
    expect(() => follows('keywords:forbidden_words', { forbidden_words: ['(unclosed'] }, 'x')).toThrow(/not a valid regular expression/);
  });
});

describe('keywords:letter_frequency', () => {
  it.each<Case>([
    ['counts the letter in any case', { letter: 'a', let_frequency: 3, let_relation: 'at least' }, 'bAnana', true],
    ['less than', { letter: 'a', let_frequency: 3, let_relation: 'less than' }, 'bAnana', false],
    ['any character, as upstream @3f357bde counts it', { letter: '#', let_frequency: 3, let_relation: 'at least' }, '## Title #', true],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('keywords:letter_frequency', kwargs, response)).toBe(expected);
  });

  it('rejects more than one character, or none', () => {
    expect(() => follows('keywords:letter_frequency', { letter: 'ab', let_frequency: 1, let_relation: 'at least' }, 'x')).toThrow(/single character/);
    expect(() => follows('keywords:letter_frequency', { letter: '', let_frequency: 1, let_relation: 'at least' }, 'x')).toThrow(/single character/);
  });
});
