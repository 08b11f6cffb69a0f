import { z } from 'zod';
import { failed, passed } from './outcome.js';
import { quote } from './text.js';
import { defineCheck } from './types.js';

/** The answer, trimmed, is exactly the expected value (default: the item's reference). */
export const equals = defineCheck({
  type: 'equals',
  summary: 'answer (trimmed) equals the expected value or the reference',
  params: z.strictObject({ value: z.string().optional() }),
  unusable: (item, { value }) => (value === undefined && item.reference === undefined ? 'needs a "value" or the item\'s "reference"' : null),
  run({ output, item }, { value }) {
    const expected = value ?? item.reference;
    if (expected === undefined) return null;
    const found = output.text.trim();
    if (found === expected.trim()) return passed();
    return failed(`expected ${quote(expected)}, found ${quote(found)}`);
  },
});
