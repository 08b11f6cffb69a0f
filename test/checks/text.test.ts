import { describe, expect, it } from 'vitest';
import { normalizeAnswer, quote, truncate } from '../../src/scoring/checks/text.js';

describe('normalizeAnswer (SQuAD)', () => {
  it('lowercases, strips punctuation and articles, collapses whitespace', () => {
    expect(normalizeAnswer('  The  Eiffel Tower! ')).toBe('eiffel tower');
    expect(normalizeAnswer('An apple, a pear.')).toBe('apple pear');
  });

  it('drops articles only as whole words', () => {
    expect(normalizeAnswer('Theatre anthem')).toBe('theatre anthem');
    expect(normalizeAnswer('thé a')).toBe('thé');
  });

  it('applies NFKC so full-width and ligature forms compare equal', () => {
    expect(normalizeAnswer('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeAnswer('ﬁle')).toBe('file');
  });

  it('deletes punctuation rather than splitting on it, as SQuAD does', () => {
    expect(normalizeAnswer("don't well-known")).toBe('dont wellknown');
  });

  it('keeps an empty answer empty', () => {
    expect(normalizeAnswer(' ... ')).toBe('');
  });
});

describe('truncate and quote', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
  });

  it('counts code points, so an emoji is never split', () => {
    expect(truncate('😀😀😀', 2)).toBe('😀…');
  });

  it('quotes a value with whitespace collapsed', () => {
    expect(quote('a\n  b')).toBe('"a b"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`);
  });
});
