import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py) on the same inputs.
describe('combination:two_responses', () => {
  it.each<Case>([
    ['two answers around ******', {}, 'A\n******\nB', true],
    ['the same answer twice', {}, 'A\n******\n A ', false],
    ['a separator at the start is allowed', {}, '******\nA\n******\nB', true],
    ['an empty answer between separators is not', {}, 'A\n******\n******\nB', false],
    ['one answer', {}, 'A', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('combination:two_responses', kwargs, response)).toBe(expected);
  });
});

describe('combination:repeat_prompt', () => {
  it.each<Case>([
    ['repeated first, case and spaces aside', { prompt_to_repeat: 'Write a poem.' }, '  write a POEM.\nRoses are red.', true],
    ['anything before the repetition fails', { prompt_to_repeat: 'Write a poem.' }, 'Sure! Write a poem.', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('combination:repeat_prompt', kwargs, response)).toBe(expected);
  });

  it('needs the prompt to repeat in kwargs', () => {
    expect(() => follows('combination:repeat_prompt', {}, 'x')).toThrow(/invalid kwargs/);
    expect(() => follows('combination:repeat_prompt', { prompt_to_repeat: '' }, 'x')).toThrow(/invalid kwargs/);
  });
});
