import { z } from 'zod';
import { extractFinalNumber, referenceNumber } from './numeric-extract.js';
import { failed, passed } from './outcome.js';
import { quote } from './text.js';
import { defineCheck } from './types.js';

/**
 * The answer's final number equals the expected one within an absolute tolerance, or within
 * `relative` x |expected| when that is set (either bound suffices). The expected number is
 * `value`, else read from the reference (GSM8K "#### N", else its last number); with neither,
 * the check does not apply.
 */
export const numeric = defineCheck({
  type: 'numeric',
  summary: 'final number in the answer equals the expected number within tolerance',
  params: z.strictObject({
    value: z.number().optional(),
    tolerance: z.number().nonnegative().default(1e-6),
    relative: z.number().nonnegative().optional(),
  }),
  unusable(item, { value }) {
    if (value !== undefined) return null;
    if (item.reference === undefined) return 'needs a "value" or the item\'s "reference"';
    return referenceNumber(item.reference) === null ? `the reference ${quote(item.reference, 30)} holds no number` : null;
  },
  run({ output, item }, { value, tolerance, relative }) {
    const expected = value ?? (item.reference === undefined ? null : referenceNumber(item.reference));
    if (expected === null) return null;
    const found = extractFinalNumber(output.text);
    if (found === null) return failed(`expected ${expected}, no number in ${quote(output.text, 40)}`);
    const diff = Math.abs(found - expected);
    const within = diff <= tolerance || (relative !== undefined && diff <= relative * Math.abs(expected));
    return within ? passed() : failed(`expected ${expected}, found ${found}`);
  },
});
