import { z } from 'zod';
import { failed, passed } from './outcome.js';
import { quoteList } from './text.js';
import { defineCheck } from './types.js';

/** Literal substring search; case-folded unless asked otherwise. */
export function findsIn(text: string, caseSensitive: boolean): (value: string) => boolean {
  const haystack = caseSensitive ? text : text.toLowerCase();
  return (value) => haystack.includes(caseSensitive ? value : value.toLowerCase());
}

/**
 * The answer contains the given strings: all of them (score = share found) or any one (1/0).
 * Empty strings are rejected: they are found in every answer, so the check could not fail.
 */
export const contains = defineCheck({
  type: 'contains',
  summary: 'answer contains all (or any) of the given strings',
  params: z.strictObject({
    values: z.array(z.string().min(1)).min(1),
    mode: z.enum(['all', 'any']).default('all'),
    caseSensitive: z.boolean().default(false),
  }),
  run({ output }, { values, mode, caseSensitive }) {
    const found = findsIn(output.text, caseSensitive);
    const missing = values.filter((v) => !found(v));
    if (mode === 'any') {
      return missing.length < values.length ? passed() : failed(`none found of ${quoteList(values)}`);
    }
    if (missing.length === 0) return passed();
    return failed(`missing ${quoteList(missing)}`, (values.length - missing.length) / values.length);
  },
});
