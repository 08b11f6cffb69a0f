// One candidate per adapter, on a three-question golden set: `npx evals run --config
// examples/adapters/evals.config.ts --candidate my-module,my-command,my-replay` runs offline; the
// http, anthropic and openai candidates need a server or a key (`evals validate` checks them all).
import { defineConfig } from 'evals-gate';

export default defineConfig({
  suites: { faq: { goldenSets: ['faq.jsonl'] } },
  candidates: {
    'my-module': { kind: 'rag', adapter: { type: 'module', path: './my-candidate.ts' } },
    'my-command': { kind: 'prompt', adapter: { type: 'command', command: ['node', 'answer.mjs'], env: { MODE: 'eval' } } },
    'my-replay': { kind: 'finetuned', adapter: { type: 'replay', path: 'recorded.jsonl' } },
    'my-http': {
      kind: 'rag',
      adapter: {
        type: 'http',
        url: 'http://127.0.0.1:8000/answer',
        headers: { authorization: 'Bearer ${MY_SERVICE_TOKEN}' },
        responsePath: { text: 'answer', citations: 'sources', contexts: 'retrieved' },
      },
    },
    'claude-prompt': {
      kind: 'prompt',
      adapter: { type: 'anthropic', model: 'claude-sonnet-4-6', system: 'You are Lumen support.', prompt: 'Question: {{input}}' },
    },
    'ft-support': { kind: 'finetuned', adapter: { type: 'openai', model: 'ft:gpt-4o-mini-2024-07-18:acme:support:abc123' } },
    'local-llama': { kind: 'finetuned', adapter: { type: 'openai', model: 'llama3.1:8b', baseURL: 'http://localhost:11434/v1' } },
  },
});
