import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CandidateError, defineAdapter, promptText, z } from 'evals-gate';

const TicketsSchema = z.record(z.string(), z.object({ status: z.string(), summary: z.string() }));

/**
 * The team's own system behind an adapter of its own. Here it is a small rule-based help desk
 * over a tickets file, standing in for a client of an internal gateway: `create` is where a real
 * adapter would open its connection, `generate` where it would call it (honouring `signal`).
 */
export const helpdesk = defineAdapter({
  type: 'helpdesk',
  summary: 'the rule-based help desk over a tickets file',
  options: z.strictObject({
    /** Relative to the config file. */
    tickets: z.string().min(1),
    /** Words that make the desk hand the case to a person. */
    escalateOn: z.array(z.string().min(1)).default(['refund', 'charged twice', 'lawyer']),
  }),
  async create(options, context) {
    const tickets = TicketsSchema.parse(JSON.parse(readFileSync(path.resolve(context.configDir, options.tickets), 'utf8')));
    return {
      async generate(item, { signal }) {
        if (signal.aborted) throw new CandidateError('the call was aborted', 'timeout');
        const question = promptText(item.input);
        const id = /T-\d{4}/.exec(question)?.[0];
        const escalate = options.escalateOn.some((word) => question.toLowerCase().includes(word));
        const handOff = escalate ? ' I am passing this to a human agent, who will contact you today.' : '';
        if (!id) return { text: `You can do that from Settings > Account; no ticket is needed.${handOff}` };
        const ticket = tickets[id];
        if (!ticket) return { text: `I could not find ticket ${id}. Please check the number.${handOff}` };
        return { text: `Ticket ${id} (${ticket.summary}) is ${ticket.status}.${handOff}` };
      },
    };
  },
});
