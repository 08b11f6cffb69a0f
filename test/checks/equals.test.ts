import { describe, expect, it } from 'vitest';
import { check, input } from './helpers.js';

describe('equals', () => {
  it('passes on the trimmed reference', () => {
    expect(check({ type: 'equals' }, input(' Paris \n', { reference: 'Paris' }))).toEqual({ pass: true, score: 1 });
  });

  it('prefers an explicit value over the reference', () => {
    expect(check({ type: 'equals', value: '42' }, input('42', { reference: 'Paris' }))?.pass).toBe(true);
  });

  it('fails on any other text and says what was expected and found', () => {
    const outcome = check({ type: 'equals' }, input('paris', { reference: 'Paris' }));
    expect(outcome).toEqual({ pass: false, score: 0, reason: 'expected "Paris", found "paris"' });
  });

  it('keeps a long reason short', () => {
    const outcome = check({ type: 'equals', value: 'x'.repeat(500) }, input('y'.repeat(500)));
    expect(outcome?.reason?.length).toBeLessThanOrEqual(120);
  });

  it('does not apply without a value or reference', () => {
    expect(check({ type: 'equals' }, input('anything'))).toBeNull();
  });
});
