// Compile-time tests of the config types, run by `npm run typecheck` (tsconfig includes test/):
// each `@ts-expect-error` fails the typecheck if the line below it stops being an error.
import { z } from 'zod';
import { defineAdapter } from '../../src/candidates/adapter.js';
import { defineConfig, type ConfigInput } from '../../src/config/schema.js';
import { defineCheck } from '../../src/scoring/checks/types.js';

type Candidate = NonNullable<ConfigInput['candidates']>[string];
type Suite = NonNullable<ConfigInput['suites']>[string];

export const good: Candidate[] = [
  { kind: 'prompt', adapter: { type: 'openai', model: 'gpt-4o-mini', baseURL: 'http://127.0.0.1:8000/v1', apiKeyEnv: 'LOCAL_KEY' } },
  { kind: 'prompt', adapter: { type: 'anthropic', model: 'claude-3-5-haiku-latest', prompt: 'Answer: {{input}}' } },
  { kind: 'rag', adapter: { type: 'module', path: './bot.ts' } },
  { kind: 'rag', adapter: { type: 'command', command: ['python', 'bot.py'] } },
  { kind: 'rag', adapter: { type: 'replay', path: 'recorded/answers.jsonl' } },
];

export const misspeltType: Candidate = {
  kind: 'prompt',
  // @ts-expect-error: no adapter named 'opneai'
  adapter: { type: 'opneai', model: 'gpt-4o-mini' },
};

export const misspeltKey: Candidate = {
  kind: 'prompt',
  // @ts-expect-error: the option is baseURL
  adapter: { type: 'openai', model: 'gpt-4o-mini', baseUrl: 'http://127.0.0.1:8000/v1' },
};

export const optionOfAnotherAdapter: Candidate = {
  kind: 'rag',
  // @ts-expect-error: `model` belongs to the model adapters, not to module
  adapter: { type: 'module', path: './bot.ts', model: 'x' },
};

export const missingRequired: Candidate = {
  kind: 'prompt',
  // @ts-expect-error: openai needs a model
  adapter: { type: 'openai' },
};

export const checks: Suite = {
  goldenSets: ['golden.jsonl'],
  checks: [
    { type: 'contains', values: ['refund'] },
    { type: 'regex', pattern: '^\\d+$', name: 'digits' },
    // @ts-expect-error: no check named 'contain'
    { type: 'contain', values: ['refund'] },
    // @ts-expect-error: contains takes `values`, not `value`
    { type: 'contains', value: 'refund' },
  ],
};

export const config = defineConfig({
  suites: { support: { goldenSets: ['golden.jsonl'] } },
  candidates: {
    bot: {
      kind: 'prompt',
      // @ts-expect-error: misspelt key inside defineConfig too
      adapter: { type: 'anthropic', modle: 'claude-3-5-haiku-latest' },
    },
  },
});

// Plugins: what they add is typed like the built-ins once listed in `plugins`.
const ticket = defineCheck({ type: 'ticket', summary: '', params: z.strictObject({ known: z.array(z.string()) }), run: () => null });
const gateway = defineAdapter({
  type: 'gateway',
  summary: '',
  options: z.strictObject({ team: z.string() }),
  create: async () => ({ generate: async () => ({ text: '' }) }),
});

export const withPlugins = defineConfig({
  plugins: [ticket, gateway, './plugins/slack.ts'],
  suites: {
    support: {
      goldenSets: ['golden.jsonl'],
      checks: [
        { type: 'ticket', known: ['T-1'] },
        // @ts-expect-error: the plugin check takes `known`
        { type: 'ticket', knwon: ['T-1'] },
      ],
    },
  },
  candidates: {
    bot: { kind: 'hybrid', adapter: { type: 'gateway', team: 'support' } },
    // @ts-expect-error: gateway needs a team
    other: { kind: 'hybrid', adapter: { type: 'gateway' } },
  },
});

export const withoutPlugins = defineConfig({
  suites: {
    // @ts-expect-error: no plugin defines 'ticket' here
    support: { goldenSets: ['golden.jsonl'], checks: [{ type: 'ticket', known: ['T-1'] }] },
  },
});
