// A check, a judge kind, an adapter and a reporter of the team's own, next to the built-ins:
// `npx evals run` here. Everything comes from the package; nothing is forked.
import { defineConfig } from 'evals-gate';
import { escalation } from './plugins/escalation.js';
import { helpdesk } from './plugins/helpdesk.js';
import { ticketId } from './plugins/ticket-id.js';

export default defineConfig({
  // Plugin objects, or module paths whose default export is one (the only form a YAML/JSON config can use).
  plugins: [ticketId, escalation, helpdesk, './plugins/slack.ts'],
  suites: {
    tickets: {
      goldenSets: ['tickets.jsonl'],
      checks: [{ type: 'ticket-id', known: ['T-1001', 'T-1002', 'T-1003'] }],
      judges: [{ kind: 'escalation', judge: 'grader' }],
      longTail: ['unknown-ticket'],
    },
  },
  candidates: {
    desk: { kind: 'hybrid', adapter: { type: 'helpdesk', tickets: 'tickets.json' } },
  },
  // Any OpenAI-compatible server (OPENAI_BASE_URL); without a key the judge is skipped and the checks still score.
  judges: { grader: { provider: 'openai', model: 'gpt-4.1-mini' } },
});
