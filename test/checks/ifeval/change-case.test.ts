import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py, NLTK, langdetect) on the same inputs.
describe('change_case:capital_word_frequency', () => {
  const id = 'change_case:capital_word_frequency';
  it.each<Case>([
    ["NLTK splits NASA's and DON'T: NASA, DO, N'T, I are 4", { capital_frequency: 4, capital_relation: 'at least' }, "NASA's DON'T stop, I said.", true],
    ['... not 5', { capital_frequency: 5, capital_relation: 'at least' }, "NASA's DON'T stop, I said.", false],
    ['U.S., UK and OK are 3, not under 2', { capital_frequency: 2, capital_relation: 'less than' }, 'U.S. and (UK) -- OK?', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows(id, kwargs, response)).toBe(expected);
  });

  it('needs a relation', () => {
    expect(() => follows(id, { capital_frequency: 2 }, 'x')).toThrow(/invalid kwargs/);
  });
});

describe('change_case:english_capital and english_lowercase', () => {
  it.each<[string, string, string, boolean]>([
    ['english_capital', 'English in capitals', 'THIS IS A TEST OF THE SYSTEM.', true],
    ['english_capital', 'not all capitals', 'This is a test of the system.', false],
    ['english_capital', 'no cased letter at all', '12345', false],
    ['english_capital', 'capitals, but not English', 'DAS IST EIN TEST FÜR DAS SYSTEM UND ES GEHT.', false],
    ['english_lowercase', 'English in lowercase', 'this is a test of the system.', true],
    ['english_lowercase', 'a capital letter', 'this is a Test of the system.', false],
    ['english_lowercase', 'lowercase, but not English', 'questo è un test del sistema e non è inglese.', false],
  ])('%s: %s', (name, _, response, expected) => {
    expect(follows(`change_case:${name}`, {}, response)).toBe(expected);
  });

  it('take no kwargs', () => {
    expect(() => follows('change_case:english_capital', { language: 'en' }, 'X')).toThrow(/invalid kwargs/);
  });
});
