import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

describe('regex', () => {
  it('passes when the trimmed answer matches, so anchors ignore a trailing newline', () => {
    expect(check({ type: 'regex', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, input('2024-05-01\n'))).toEqual({ pass: true, score: 1 });
  });

  it('fails with the pattern in the reason when nothing matches', () => {
    expect(check({ type: 'regex', pattern: '^\\d+$' }, input('forty-two'))).toEqual({
      pass: false,
      score: 0,
      reason: 'no match for /^\\d+$/',
    });
  });

  it('applies flags', () => {
    expect(check({ type: 'regex', pattern: '^lumen', flags: 'i' }, input('LUMEN app'))?.pass).toBe(true);
    expect(check({ type: 'regex', pattern: '^lumen' }, input('LUMEN app'))?.pass).toBe(false);
  });

  it('mustMatch: false fails on a match and quotes it', () => {
    const outcome = check({ type: 'regex', pattern: 'sk-[A-Za-z0-9]+', mustMatch: false }, input('key: sk-abc123 ok'));
    expect(outcome).toEqual({ pass: false, score: 0, reason: 'matched /sk-[A-Za-z0-9]+/ at "sk-abc123"' });
    expect(check({ type: 'regex', pattern: 'sk-[A-Za-z0-9]+', mustMatch: false }, input('no key here'))?.pass).toBe(true);
  });

  it('gives the same verdict on every call with a g flag (no lastIndex carried over)', () => {
    const spec = { type: 'regex', pattern: 'a', flags: 'g' };
    expect(check(spec, input('a'))?.pass).toBe(true);
    expect(check(spec, input('a'))?.pass).toBe(true);
  });

  it('rejects a bad pattern or flag at parse time, on the pattern field', () => {
    const errors = specErrors({ type: 'regex', pattern: '([a-z' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^pattern: invalid regular expression: /);
    expect(specErrors({ type: 'regex', pattern: 'a', flags: 'q' })[0]).toMatch(/^pattern: invalid regular expression/);
    expect(specErrors({ type: 'regex' })).not.toEqual([]);
    expect(specErrors({ type: 'regex', pattern: 'a', mustmatch: true })).not.toEqual([]);
  });
});
