import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

describe('normalized-equals', () => {
  it('ignores case, punctuation, articles and spacing', () => {
    expect(check({ type: 'normalized-equals' }, input('the  Eiffel tower.', { reference: 'Eiffel Tower' }))).toEqual({
      pass: true,
      score: 1,
    });
  });

  it('uses the explicit value when given', () => {
    expect(check({ type: 'normalized-equals', value: 'A Tale of Two Cities' }, input('tale of two cities!'))?.pass).toBe(true);
  });

  it('fails on different words, quoting both normalised forms', () => {
    const outcome = check({ type: 'normalized-equals' }, input('The Louvre', { reference: 'Eiffel Tower' }));
    expect(outcome?.pass).toBe(false);
    expect(outcome?.score).toBe(0);
    expect(outcome?.reason).toBe('expected "eiffel tower", found "louvre" (normalised)');
  });

  it('does not treat extra words as equal', () => {
    expect(check({ type: 'normalized-equals', value: 'Paris' }, input('Paris, France'))?.pass).toBe(false);
  });

  it('does not apply without a value or reference', () => {
    expect(check({ type: 'normalized-equals' }, input('x'))).toBeNull();
  });

  it('rejects unknown params', () => {
    expect(specErrors({ type: 'normalized-equals', valeu: 'x' })).not.toEqual([]);
  });
});
