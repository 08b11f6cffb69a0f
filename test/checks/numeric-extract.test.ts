import { describe, expect, it } from 'vitest';
import { extractFinalNumber, lastNumber, referenceNumber } from '../../src/scoring/checks/numeric-extract.js';

describe('extractFinalNumber', () => {
  it.each([
    ['The answer is 42.', 42],
    ['Answer: **$1,000**. Then 3 more were added.', 1000],
    ['She pays 3 + 4 = 7 dollars.\n#### 7', 7],
    ['#### 1,234', 1234],
    ['so x = \\boxed{12}', 12],
    ['\\boxed{\\frac{3}{4}}', 0.75],
    ['\\boxed{-\\dfrac{1}{2}}', -0.5],
    ['\\boxed{12.5\\%}', 12.5],
    ['It rose by 12.5%', 12.5],
    ['The total is -$5.50', -5.5],
    ['The temperature is −7 degrees', -7],
    ['She walked 15km, then 3km more, 18km in all.', 18],
    ['Count: 1.5e3', 1500],
    ['The answer is 7 (not 8).', 7],
    ['First 10 apples, then the final answer is 12 and that is it, 4 left over', 12],
    ['- 5 apples', 5],
    ['4-2 = 2', 2],
    ['.5 of the cake', 0.5],
  ])('%s -> %d', (text, expected) => {
    expect(extractFinalNumber(text)).toBeCloseTo(expected, 10);
  });

  it('ignores digits inside words and versions', () => {
    expect(extractFinalNumber('H2O and CO2')).toBeNull();
    expect(extractFinalNumber('version v1.2.3')).toBeNull();
  });

  it('returns null without a number', () => {
    expect(extractFinalNumber('no idea')).toBeNull();
    expect(extractFinalNumber('')).toBeNull();
  });

  it('reads the first number after #### even if more text follows', () => {
    expect(extractFinalNumber('#### 72 clips in total, 3 days')).toBe(72);
  });
});

describe('referenceNumber', () => {
  it('takes the number after #### in a GSM8K solution', () => {
    expect(referenceNumber('Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n#### 72')).toBe(72);
  });

  it('falls back to the last number', () => {
    expect(referenceNumber('About 3.5 million')).toBe(3.5);
    expect(referenceNumber('#### none, but 9 before')).toBe(9);
  });

  it('is null when the reference has no number', () => {
    expect(referenceNumber('Paris')).toBeNull();
    expect(lastNumber('Paris')).toBeNull();
  });
});
