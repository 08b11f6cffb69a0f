import { z } from 'zod';
import { findsIn } from './contains.js';
import { failed, passed } from './outcome.js';
import { quoteList } from './text.js';
import { defineCheck } from './types.js';

/** The answer contains none of the given strings (e.g. a leaked internal name, a competitor). */
export const notContains = defineCheck({
  type: 'not-contains',
  summary: 'answer contains none of the given strings',
  params: z.strictObject({
    values: z.array(z.string().min(1)).min(1),
    caseSensitive: z.boolean().default(false),
  }),
  run({ output }, { values, caseSensitive }) {
    const found = values.filter(findsIn(output.text, caseSensitive));
    return found.length === 0 ? passed() : failed(`contains forbidden ${quoteList(found)}`);
  },
});
