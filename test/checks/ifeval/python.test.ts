import { describe, expect, it } from 'vitest';
import { BOUNDARY, countMatches, isLower, isUpper, kwargPattern, lstrip, rstrip, splitWhitespace, strip } from '../../../src/scoring/checks/ifeval/python.js';

describe('Python string semantics', () => {
  it('strips what str.strip strips: Python whitespace, or the given characters', () => {
    expect(strip('\x1c\u3000 a b \x85\n')).toBe('a b');
    expect(strip('\ufeffa')).toBe('\ufeffa');
    expect(strip('**a*b**', '*')).toBe('a*b');
    expect(lstrip(`'"'x'`, "'")).toBe(`"'x'`);
    expect(rstrip('x>>>', '>')).toBe('x');
  });

  it('splits like str.split()', () => {
    expect(splitWhitespace('  a\u2003b\n\nc ')).toEqual(['a', 'b', 'c']);
    expect(splitWhitespace('   ')).toEqual([]);
  });

  it('isupper / islower need a cased character and none of the other case', () => {
    expect(isUpper('U.S.')).toBe(true);
    expect(isUpper("N'T")).toBe(true);
    expect(isUpper('1990S')).toBe(true);
    expect(isUpper('1990s')).toBe(false);
    expect(isUpper('123')).toBe(false);
    expect(isUpper('ǅ')).toBe(false);
    expect(isLower('abc 1!')).toBe(true);
    expect(isLower('abC')).toBe(false);
    expect(isLower('...')).toBe(false);
  });
});

describe('Python regex semantics', () => {
  it('has a Unicode-aware word boundary, as \\b in a Python str pattern', () => {
    const caf = new RegExp(`${BOUNDARY}caf${BOUNDARY}`, 'u');
    expect(caf.test('un café')).toBe(false);
    expect(caf.test('un caf.')).toBe(true);
  });

  it('compiles kwargs as regular expressions, and says which one it cannot', () => {
    expect(countMatches('The cat, the hat', kwargPattern('the', 'gi'))).toBe(2);
    expect(() => kwargPattern('a(b', 'i')).toThrow(/kwarg "a\(b" is not a valid regular expression/);
  });
});
