import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

describe('not-contains', () => {
  it('passes when no value appears', () => {
    expect(check({ type: 'not-contains', values: ['Evernote', 'internal'] }, input('Lumen syncs notes.'))).toEqual({
      pass: true,
      score: 1,
    });
  });

  it('fails and names every forbidden value found, case-insensitively by default', () => {
    const outcome = check({ type: 'not-contains', values: ['evernote', 'INTERNAL', 'x-ray'] }, input('Unlike Evernote, internal...'));
    expect(outcome).toEqual({ pass: false, score: 0, reason: 'contains forbidden "evernote", "INTERNAL"' });
  });

  it('respects caseSensitive', () => {
    expect(check({ type: 'not-contains', values: ['TODO'], caseSensitive: true }, input('todo list'))?.pass).toBe(true);
    expect(check({ type: 'not-contains', values: ['TODO'], caseSensitive: true }, input('TODO: fix'))?.pass).toBe(false);
  });

  it('rejects an empty list and empty values', () => {
    expect(specErrors({ type: 'not-contains', values: [] })).not.toEqual([]);
    expect(specErrors({ type: 'not-contains', values: [''] })).not.toEqual([]);
  });
});
