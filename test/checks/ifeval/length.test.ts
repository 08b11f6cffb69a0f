import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py, NLTK Punkt) on the same inputs.
describe('length_constraints:number_sentences', () => {
  const smith = 'Hello world. This is Dr. Smith. He lives in the U.S. now.';
  it.each<Case>([
    ['"Dr." and "U.S." are abbreviations: 3 sentences < 4', { num_sentences: 4, relation: 'less than' }, smith, true],
    ['... and 3 >= 3', { num_sentences: 3, relation: 'at least' }, smith, true],
    ['newlines do not end sentences: 1 < 2', { num_sentences: 2, relation: 'less than' }, 'Line one\nLine two\nLine three.', true],
    ['"e.g." and "etc." do end one (not in the model)', { num_sentences: 3, relation: 'at least' }, 'For example, e.g. this. And etc. More', true],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('length_constraints:number_sentences', kwargs, response)).toBe(expected);
  });

  it('fails when the count is on the wrong side', () => {
    expect(follows('length_constraints:number_sentences', { num_sentences: 2, relation: 'less than' }, 'One. Two. Three.')).toBe(false);
  });
});

describe('length_constraints:number_words', () => {
  it.each<Case>([
    ["\\w+ runs: Don't stop-me now is 5 words", { num_words: 5, relation: 'at least' }, "Don't stop-me now", true],
    ['not 6', { num_words: 6, relation: 'at least' }, "Don't stop-me now", false],
    ['a Devanagari sign splits a word, as \\w does in Python: नमस्ते is 2', { num_words: 2, relation: 'at least' }, 'नमस्ते', true],
    ['... not 3', { num_words: 3, relation: 'at least' }, 'नमस्ते', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('length_constraints:number_words', kwargs, response)).toBe(expected);
  });
});

describe('length_constraints:number_paragraphs', () => {
  it.each<Case>([
    ['three paragraphs between *** dividers', { num_paragraphs: 3 }, 'A\n***\nB\n***\nC', true],
    ['dividers at the ends do not add paragraphs', { num_paragraphs: 2 }, '***\nA\n***\nB\n***', true],
    ['an empty paragraph between dividers fails', { num_paragraphs: 2 }, 'A\n***\n***\nB', false],
    ['no divider: one paragraph', { num_paragraphs: 1 }, 'A * B', true],
    ['wrong number', { num_paragraphs: 2 }, 'A\n***\nB\n***\nC', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('length_constraints:number_paragraphs', kwargs, response)).toBe(expected);
  });
});

describe('length_constraints:nth_paragraph_first_word', () => {
  const id = 'length_constraints:nth_paragraph_first_word';
  it.each<Case>([
    [
      'quotes and punctuation around the word are dropped, case ignored',
      { num_paragraphs: 2, nth_paragraph: 2, first_word: 'Then' },
      'First part.\n\n"Then, second part."',
      true,
    ],
    ['the number of paragraphs must match too', { num_paragraphs: 2, nth_paragraph: 2, first_word: 'then' }, 'First.\n\nThen.\n\nThird.', false],
    ['an empty paragraph keeps its index (reference quirk)', { num_paragraphs: 2, nth_paragraph: 2, first_word: 'b' }, 'A\n\n\n\nB', false],
    ['another first word', { num_paragraphs: 2, nth_paragraph: 2, first_word: 'so' }, 'First part.\n\nThen, second part.', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows(id, kwargs, response)).toBe(expected);
  });

  it('rejects nth_paragraph beyond num_paragraphs, or zero', () => {
    expect(() => follows(id, { num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' }, 'x')).toThrow(/nth_paragraph must not exceed/);
    expect(() => follows(id, { num_paragraphs: 2, nth_paragraph: 0, first_word: 'a' }, 'x')).toThrow(/invalid kwargs/);
  });
});
