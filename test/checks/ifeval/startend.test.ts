import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py) on the same inputs.
describe('startend:end_checker', () => {
  it.each<Case>([
    ['ends with the phrase; quotes, spaces and case aside', { end_phrase: 'Any other questions?' }, 'Here.\nany other questions?"  ', true],
    ['words after the phrase', { end_phrase: 'Any other questions?' }, 'Any other questions? Thanks', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('startend:end_checker', kwargs, response)).toBe(expected);
  });

  it('needs the phrase', () => {
    expect(() => follows('startend:end_checker', { end_phrase: null }, 'x')).toThrow(/invalid kwargs/);
  });
});

describe('startend:quotation', () => {
  it.each<Case>([
    ['wrapped in double quotes, spaces aside', {}, ' "hello" ', true],
    ['a lone quote', {}, '"', false],
    ['no quotes', {}, 'hello', false],
    ['single quotes', {}, "'hello'", false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('startend:quotation', kwargs, response)).toBe(expected);
  });
});
