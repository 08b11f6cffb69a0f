import { describe, expect, it } from 'vitest';
import { countSentences, sentences } from '../../../src/scoring/checks/ifeval/punkt.js';

// Expected sentences are NLTK 3.8's PunktSentenceTokenizer with its English model on the same text.
describe('Punkt sentences', () => {
  it.each([
    [
      'abbreviations in the model',
      'Hello world. This is Dr. Smith. He lives in the U.S. now.',
      ['Hello world.', 'This is Dr. Smith.', 'He lives in the U.S. now.'],
    ],
    ['repeated marks end one sentence', 'Very bad acting!!! I promise.', ['Very bad acting!!!', 'I promise.']],
    ['closing brackets join the sentence before', '(Sent1.) Sent2.', ['(Sent1.)', 'Sent2.']],
    ['a number before a lowercase word is no break', 'Lists:\n1. First item\n2. second item', ['Lists:\n1.', 'First item\n2. second item']],
    ['"e.g." and "etc." are not in the model', 'e.g. this. And etc. More', ['e.g.', 'this.', 'And etc.', 'More']],
    ['a quote after the period stays with it', 'He said "Stop." Then he left.', ['He said "Stop."', 'Then he left.']],
    ['an initial before a name is no break', 'It was painted by J. Smith in Paris.', ['It was painted by J. Smith in Paris.']],
    ['a question and an exclamation', 'Why? Because! Yes', ['Why?', 'Because!', 'Yes']],
    ['no text, no sentence', '  \n ', []],
  ])('%s', (_, text, expected) => {
    expect(sentences(text)).toEqual(expected);
    expect(countSentences(text)).toBe(expected.length);
  });
});
