import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

describe('contains', () => {
  it('passes when every value is present, case-insensitively by default', () => {
    expect(check({ type: 'contains', values: ['refund', '14 DAYS'] }, input('Refunds within 14 days.'))).toEqual({
      pass: true,
      score: 1,
    });
  });

  it('scores the share found and lists what is missing', () => {
    const outcome = check({ type: 'contains', values: ['refund', 'receipt', 'email'] }, input('Send a refund request.'));
    expect(outcome?.pass).toBe(false);
    expect(outcome?.score).toBeCloseTo(1 / 3);
    expect(outcome?.reason).toBe('missing "receipt", "email"');
  });

  it('respects caseSensitive', () => {
    expect(check({ type: 'contains', values: ['Lumen'], caseSensitive: true }, input('lumen'))?.pass).toBe(false);
    expect(check({ type: 'contains', values: ['Lumen'], caseSensitive: true }, input('Lumen'))?.pass).toBe(true);
  });

  it('mode any passes on one match and scores 1/0', () => {
    expect(check({ type: 'contains', values: ['yes', 'correct'], mode: 'any' }, input('That is correct'))).toEqual({
      pass: true,
      score: 1,
    });
    const outcome = check({ type: 'contains', values: ['yes', 'correct'], mode: 'any' }, input('No.'));
    expect(outcome).toMatchObject({ pass: false, score: 0, reason: 'none found of "yes", "correct"' });
  });

  it('fails on an empty answer', () => {
    expect(check({ type: 'contains', values: ['x'] }, input(''))?.pass).toBe(false);
  });

  it('rejects an empty list, an empty value (always found) and unknown params', () => {
    expect(specErrors({ type: 'contains', values: [] })).not.toEqual([]);
    expect(specErrors({ type: 'contains', values: [''] })).not.toEqual([]);
    expect(specErrors({ type: 'contains', value: ['x'] })).not.toEqual([]);
    expect(specErrors({ type: 'contains', values: ['x'], mode: 'some' })).not.toEqual([]);
  });
});
