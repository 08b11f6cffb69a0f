import { z } from 'zod';
import { defineCheck } from './types.js';

/** The answer, trimmed, is exactly the expected value (default: the item's reference). */
export const equals = defineCheck({
  type: 'equals',
  summary: 'answer (trimmed) equals the expected value or the reference',
  params: z.strictObject({ value: z.string().optional() }),
  run({ output, item }, { value }) {
    const expected = value ?? item.reference;
    if (expected === undefined) return null;
    const pass = output.text.trim() === expected.trim();
    return { pass, score: pass ? 1 : 0, ...(pass ? {} : { reason: `expected ${JSON.stringify(expected)}` }) };
  },
});
