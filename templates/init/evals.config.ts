import { defineConfig } from 'evals-gate';

// Written by `npx evals init`. Every option: the evals-gate README, "Configuration".
export default defineConfig({
  suites: {
    faq: {
      description: 'Questions your users ask, with a long-tail slice of rare ones',
      goldenSets: ['goldensets/faq.jsonl'],
      // Slices gated on their own, so the overall score can never average them away.
      longTail: ['long-tail'],
      // Judged by `grader` when OPENAI_API_KEY is set; without it the rubric is listed as
      // "not scored" and the exact checks in the golden set gate alone.
      judge: 'grader',
      rubrics: ['answer-quality'],
      gate: { maxDrop: 0.02, maxErrors: 0, slices: { 'long-tail': { minScore: 0.5 } } },
    },
  },
  candidates: {
    'my-candidate': {
      kind: 'rag', // prompt | rag | finetuned | hybrid | teacher | base: a label for reports
      // Replace candidates/my-candidate.ts with a call to your system, or use another adapter:
      // { type: 'openai', model: 'gpt-4.1-mini' } or any OpenAI-compatible server via baseURL.
      adapter: { type: 'module', path: './candidates/my-candidate.ts' },
    },
  },
  judges: {
    // Any OpenAI-compatible model; add baseURL: 'http://localhost:11434/v1' to judge with Ollama.
    grader: { provider: 'openai', model: 'gpt-4.1-mini' },
  },
});
