import { describe, expect, it } from 'vitest';
import { cohensKappa, confusionMatrix, fleissKappa } from '../../src/stats/agreement.js';

/** Two label arrays from a 2x2 agreement table of yes/no counts. */
function raters(yesYes: number, yesNo: number, noYes: number, noNo: number): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  const add = (count: number, x: string, y: string): void => {
    for (let i = 0; i < count; i++) {
      a.push(x);
      b.push(y);
    }
  };
  add(yesYes, 'yes', 'yes');
  add(yesNo, 'yes', 'no');
  add(noYes, 'no', 'yes');
  add(noNo, 'no', 'no');
  return [a, b];
}

describe('confusionMatrix', () => {
  it('rows are actual, columns predicted, labels in code-point order', () => {
    const m = confusionMatrix(['cat', 'dog', 'cat', 'Bird'], ['cat', 'cat', 'dog', 'Bird']);
    expect(m.labels).toEqual(['Bird', 'cat', 'dog']);
    expect(m.counts).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 1, 0],
    ]);
  });

  it('includes labels only one side used', () => {
    expect(confusionMatrix(['a'], ['b'])).toEqual({
      labels: ['a', 'b'],
      counts: [
        [0, 1],
        [0, 0],
      ],
    });
    expect(() => confusionMatrix(['a'], [])).toThrow(RangeError);
  });
});

describe('cohensKappa', () => {
  it('the 50-application example gives 0.4 (Wikipedia, "Cohen\'s kappa")', () => {
    // 20 both yes, 5 A yes B no, 10 A no B yes, 15 both no: p_o = 0.7,
    // p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const [a, b] = raters(20, 5, 10, 15);
    const result = cohensKappa(a, b);
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 14);
    expect(result.expected).toBeCloseTo(0.5, 14);
    expect(result.kappa).toBeCloseTo(0.4, 14);
  });

  it('equal agreement, different marginals: 0.1304 and 0.2593 (same article)', () => {
    // 45/15/25/15: p_e = 0.6*0.7 + 0.4*0.3 = 0.54, kappa = 0.06/0.46.
    // 25/35/5/35:  p_e = 0.6*0.3 + 0.4*0.7 = 0.46, kappa = 0.14/0.54.
    expect(cohensKappa(...raters(45, 15, 25, 15)).kappa).toBeCloseTo(0.1304, 4);
    expect(cohensKappa(...raters(25, 35, 5, 35)).kappa).toBeCloseTo(0.2593, 4);
  });

  it('is 1 for perfect agreement and works on any labels', () => {
    const labels = ['pass', 'fail', 'partial', 'pass', 'fail'];
    expect(cohensKappa(labels, labels).kappa).toBe(1);
  });

  it('is negative when raters agree less than chance', () => {
    expect(cohensKappa(['a', 'b', 'a', 'b'], ['b', 'a', 'b', 'a']).kappa).toBe(-1);
  });

  it('is null, not NaN or 1, when both raters used a single label', () => {
    const result = cohensKappa(['yes', 'yes', 'yes'], ['yes', 'yes', 'yes']);
    expect(result).toEqual({ kappa: null, observed: 1, expected: 1, n: 3 });
    expect(() => cohensKappa([], [])).toThrow(RangeError);
  });
});

describe('fleissKappa', () => {
  // Fleiss (1971), as tabulated in Wikipedia's "Fleiss' kappa" worked example: 10 subjects,
  // 14 raters, 5 categories; P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
  const TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  const ratings = TABLE.map((row) => row.flatMap((count, j) => Array.from({ length: count }, () => `category-${j + 1}`)));

  it('reproduces kappa = 0.210 on the 10 x 14 example', () => {
    const result = fleissKappa(ratings);
    expect(result.items).toBe(10);
    expect(result.raters).toBe(14);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it('does not depend on the order of ratings within an item', () => {
    const reversed = ratings.map((row) => [...row].reverse());
    expect(fleissKappa(reversed).kappa).toBeCloseTo(fleissKappa(ratings).kappa as number, 14);
  });

  it('equals 1 under full agreement and null when one label is all anyone used', () => {
    expect(
      fleissKappa([
        ['a', 'a', 'a'],
        ['b', 'b', 'b'],
      ]).kappa,
    ).toBe(1);
    expect(
      fleissKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]).kappa,
    ).toBeNull();
  });

  it('needs the same number (>= 2) of ratings per item', () => {
    expect(() => fleissKappa([['a', 'b'], ['a']])).toThrow(RangeError);
    expect(() => fleissKappa([['a'], ['b']])).toThrow(RangeError);
    expect(() => fleissKappa([])).toThrow(RangeError);
  });
});
