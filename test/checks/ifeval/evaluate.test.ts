import { describe, expect, it } from 'vitest';
import { followedInstructions, looseVariants, readInstructions } from '../../../src/scoring/checks/ifeval/evaluate.js';

describe('looseVariants', () => {
  it('drops the first line, the last, both, and each also without *', () => {
    expect(looseVariants('Sure:\n*a*\nbye')).toEqual(['Sure:\n*a*\nbye', 'Sure:\na\nbye', '*a*\nbye', 'Sure:\n*a*', '*a*', 'a\nbye', 'Sure:\na', 'a']);
  });

  it('gives empty variants for a one-line response (which then cannot pass)', () => {
    expect(looseVariants('one')).toEqual(['one', 'one', '', '', '', '', '', '']);
  });
});

describe('readInstructions', () => {
  it('pairs ids with their kwargs, dropping null values', () => {
    expect(readInstructions({ instruction_id_list: ['a:b', 'c:d'], kwargs: [{ n: 1, m: null }, null] })).toEqual([
      { id: 'a:b', kwargs: { n: 1 } },
      { id: 'c:d', kwargs: {} },
    ]);
  });

  it('is null without instruction_id_list', () => {
    expect(readInstructions({ kwargs: [] })).toBeNull();
  });
});

describe('followedInstructions', () => {
  it('judges each instruction on its own, in order', () => {
    const instructions = [
      { id: 'punctuation:no_comma', kwargs: {} },
      { id: 'detectable_format:title', kwargs: {} },
    ];
    expect(followedInstructions('<<A title>> without commas', instructions, 'strict')).toEqual([true, true]);
    expect(followedInstructions('No title, and a comma', instructions, 'strict')).toEqual([false, false]);
  });

  it('in loose mode, passes an instruction if any variant follows it', () => {
    const comma = [{ id: 'punctuation:no_comma', kwargs: {} }];
    expect(followedInstructions('Hi, there\nno commas here', comma, 'strict')).toEqual([false]);
    expect(followedInstructions('Hi, there\nno commas here', comma, 'loose')).toEqual([true]);
    expect(followedInstructions('Hi, there\nstill, commas\nbye, now', comma, 'loose')).toEqual([false]);
  });
});
