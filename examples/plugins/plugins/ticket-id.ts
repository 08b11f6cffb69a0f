import { defineCheck, failed, passed, promptText, z } from 'evals-gate';

/**
 * "The answer quotes a ticket id that exists": every id it quotes is one of `known`, and it quotes
 * at least one. Applies to questions that name a ticket; others are not about one (null).
 */
export const ticketId = defineCheck({
  type: 'ticket-id',
  summary: 'the answer quotes a ticket id, and only ids that exist',
  params: z.strictObject({
    known: z.array(z.string().min(1)).min(1),
    pattern: z
      .string()
      .default('T-\\d{4}')
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'not a regular expression'),
  }),
  run({ output, item }, { known, pattern }) {
    const ids = (text: string) => text.match(new RegExp(pattern, 'g')) ?? [];
    if (ids(promptText(item.input)).length === 0) return null;
    const quoted = [...new Set(ids(output.text))];
    if (quoted.length === 0) return failed('quotes no ticket id');
    const unknown = quoted.filter((id) => !known.includes(id));
    return unknown.length === 0 ? passed() : failed(`quotes ${unknown.join(', ')}, which does not exist`);
  },
});
