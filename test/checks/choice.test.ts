import { describe, expect, it } from 'vitest';
import { extractChoice } from '../../src/scoring/checks/choice-extract.js';
import { check, input, specErrors } from './helpers.js';

describe('extractChoice', () => {
  it.each([
    ['B', 'B'],
    ['(b)', 'B'],
    ['C.', 'C'],
    ['**D**', 'D'],
    ['B) Paris', 'B'],
    ['C. 42 is the only even number', 'C'],
    ['(A) Because water boils at 100C', 'A'],
    ["I'd go with (D).", 'D'],
    ['The answer is B.', 'B'],
    ['Answer: (b)', 'B'],
    ['ANSWER: C', 'C'],
    ['The correct option is **C**', 'C'],
    ['Option C is correct.', 'C'],
    ['The answer is a bit tricky, but (C) fits best.', 'C'],
    ['The answer is B because it fits the data.', 'B'],
  ])('%s -> %s', (text, letter) => {
    expect(extractChoice(text)).toEqual({ kind: 'found', letter });
  });

  it('reports two letters claimed at the same strength as ambiguous', () => {
    expect(extractChoice('The answer is B or C')).toEqual({ kind: 'ambiguous', letters: ['B', 'C'] });
    expect(extractChoice('Between (A) and (C), it is hard to say.')).toEqual({ kind: 'ambiguous', letters: ['A', 'C'] });
  });

  it('lets a stronger statement win over weaker mentions', () => {
    expect(extractChoice('(A) is tempting, but the answer is (C).')).toEqual({ kind: 'found', letter: 'C' });
  });

  it('does not read pronouns or words as letters', () => {
    expect(extractChoice("I'm not sure about this one.")).toEqual({ kind: 'none' });
    expect(extractChoice('I think so')).toEqual({ kind: 'none' });
    expect(extractChoice('Apples are red')).toEqual({ kind: 'none' });
  });

  it('limits letters to the number of choices', () => {
    expect(extractChoice('Answer: E', 4)).toEqual({ kind: 'none' });
    expect(extractChoice('Answer: D', 4)).toEqual({ kind: 'found', letter: 'D' });
  });
});

describe('choice check', () => {
  it('passes on the reference letter', () => {
    expect(check({ type: 'choice' }, input('The answer is (B).', { reference: 'B' }))).toEqual({ pass: true, score: 1 });
    expect(check({ type: 'choice' }, input('b', { reference: '(b)' }))?.pass).toBe(true);
  });

  it('prefers the answer param over the reference', () => {
    expect(check({ type: 'choice', answer: 'C' }, input('C', { reference: 'B' }))?.pass).toBe(true);
  });

  it('fails on another letter, saying both', () => {
    expect(check({ type: 'choice', answer: 'A' }, input('B) Paris'))).toEqual({ pass: false, score: 0, reason: 'expected A, found B' });
  });

  it('fails an ambiguous answer with that reason', () => {
    expect(check({ type: 'choice', answer: 'B' }, input('The answer is B or C'))?.reason).toBe('ambiguous: claims B and C');
  });

  it('fails when no letter is found, and names a letter outside the choices', () => {
    expect(check({ type: 'choice', answer: 'A' }, input('Paris'))?.reason).toBe('expected A, no choice letter in "Paris"');
    expect(check({ type: 'choice', answer: 'A', choices: 4 }, input('Answer: E'))?.reason).toBe('picked E, not one of A-D');
  });

  it('does not apply without an answer or reference', () => {
    expect(check({ type: 'choice' }, input('B'))).toBeNull();
  });

  it('throws on a reference that is not a letter, so the golden-set mistake is reported', () => {
    expect(() => check({ type: 'choice' }, input('B', { reference: 'Paris' }))).toThrow('reference "Paris" is not a choice letter');
  });

  it('validates params', () => {
    expect(specErrors({ type: 'choice', answer: 'b' })).not.toEqual([]);
    expect(specErrors({ type: 'choice', answer: 'AB' })).not.toEqual([]);
    expect(specErrors({ type: 'choice', choices: 1 })).not.toEqual([]);
    expect(specErrors({ type: 'choice', answer: 'E', choices: 4 })).toEqual(['answer: E is outside A-D']);
  });
});
