import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

describe('numeric', () => {
  it('passes on the GSM8K reference number', () => {
    const outcome = check({ type: 'numeric' }, input('48 + 24 = 72, so the answer is 72.', { reference: 'work...\n#### 72' }));
    expect(outcome).toEqual({ pass: true, score: 1 });
  });

  it('prefers an explicit value over the reference', () => {
    expect(check({ type: 'numeric', value: 5 }, input('5', { reference: '#### 6' }))?.pass).toBe(true);
  });

  it('fails on a different number, saying both', () => {
    expect(check({ type: 'numeric', value: 72 }, input('The answer is 71.'))).toEqual({
      pass: false,
      score: 0,
      reason: 'expected 72, found 71',
    });
  });

  it('fails when the answer has no number', () => {
    expect(check({ type: 'numeric', value: 3 }, input('three'))?.reason).toBe('expected 3, no number in "three"');
  });

  it('uses an absolute tolerance (default 1e-6)', () => {
    expect(check({ type: 'numeric', value: 0.3 }, input(String(0.1 + 0.2)))?.pass).toBe(true);
    expect(check({ type: 'numeric', value: 3.14 }, input('3.1416'))?.pass).toBe(false);
    expect(check({ type: 'numeric', value: 3.14, tolerance: 0.01 }, input('3.1416'))?.pass).toBe(true);
  });

  it('accepts a relative tolerance as an alternative bound', () => {
    expect(check({ type: 'numeric', value: 1000, relative: 0.01 }, input('1,009'))?.pass).toBe(true);
    expect(check({ type: 'numeric', value: 1000, relative: 0.01 }, input('1,011'))?.pass).toBe(false);
  });

  it('does not apply without an expected number', () => {
    expect(check({ type: 'numeric' }, input('42'))).toBeNull();
    expect(check({ type: 'numeric' }, input('42', { reference: 'Paris' }))).toBeNull();
  });

  it('rejects bad params', () => {
    expect(specErrors({ type: 'numeric', value: '42' })).not.toEqual([]);
    expect(specErrors({ type: 'numeric', tolerance: -1 })).not.toEqual([]);
    expect(specErrors({ type: 'numeric', tolerence: 1 })).not.toEqual([]);
  });
});
