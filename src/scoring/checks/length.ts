import { z } from 'zod';
import { failed, passed } from './outcome.js';
import { defineCheck } from './types.js';

const count = z.number().int().nonnegative().optional();

/** Bounds in the order they are checked, with the unit each one counts. */
const BOUNDS = [
  ['minChars', 'chars', 'under'],
  ['maxChars', 'chars', 'over'],
  ['minWords', 'words', 'under'],
  ['maxWords', 'words', 'over'],
] as const;

/**
 * The trimmed answer's length is within bounds. Characters are Unicode code points (an emoji is
 * one, not two UTF-16 units); words are runs of non-whitespace.
 */
export const length = defineCheck({
  type: 'length',
  summary: 'answer length (characters and/or words) is within bounds',
  params: z.strictObject({ minChars: count, maxChars: count, minWords: count, maxWords: count }).superRefine((p, ctx) => {
    if (BOUNDS.every(([key]) => p[key] === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'set at least one of minChars, maxChars, minWords, maxWords' });
    }
    for (const unit of ['Chars', 'Words'] as const) {
      const min = p[`min${unit}`];
      const max = p[`max${unit}`];
      if (min !== undefined && max !== undefined && min > max) {
        ctx.addIssue({ code: 'custom', path: [`min${unit}`], message: `min${unit} ${min} is above max${unit} ${max}` });
      }
    }
  }),
  run({ output }, params) {
    const text = output.text.trim();
    const measured = { chars: [...text].length, words: text === '' ? 0 : text.split(/\s+/u).length };
    for (const [key, unit, side] of BOUNDS) {
      const bound = params[key];
      if (bound === undefined) continue;
      const value = measured[unit];
      if (side === 'under' ? value < bound : value > bound) return failed(`${value} ${unit}, ${side} ${key} ${bound}`);
    }
    return passed();
  },
});
