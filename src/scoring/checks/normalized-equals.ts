import { z } from 'zod';
import { failed, passed } from './outcome.js';
import { normalizeAnswer, quote } from './text.js';
import { defineCheck } from './types.js';

/** Exact match after SQuAD-style normalisation, so case, punctuation and articles do not count. */
export const normalizedEquals = defineCheck({
  type: 'normalized-equals',
  summary: 'answer equals the expected value or the reference after SQuAD normalisation',
  params: z.strictObject({ value: z.string().optional() }),
  unusable: (item, { value }) => (value === undefined && item.reference === undefined ? 'needs a "value" or the item\'s "reference"' : null),
  run({ output, item }, { value }) {
    const expected = value ?? item.reference;
    if (expected === undefined) return null;
    const want = normalizeAnswer(expected);
    const got = normalizeAnswer(output.text);
    if (got === want) return passed();
    return failed(`expected ${quote(want)}, found ${quote(got)} (normalised)`);
  },
});
