import { generalCandidates, generalJudges, generalSuites } from './examples/general/config.js';
import { defineConfig } from 'evals-gate';

// The bundled examples. `support`: a support assistant for Lumen (a fictional note-taking app),
// three local deterministic candidates, exact checks offline and Claude judges with a key.
// The general-capability suites (math, IFEval, TruthfulQA, XSTest) and AlpacaEval, with real
// recorded model outputs, come from examples/general/config.ts.
export default defineConfig({
  suites: {
    support: {
      description: 'Support QA over the Lumen help center, with long-tail, out-of-scope, format and multi-doc slices',
      goldenSets: ['goldensets/support/support.jsonl'],
      longTail: ['long-tail'],
      // Judged by Claude when ANTHROPIC_API_KEY is set; offline these are listed as not scored
      // and the exact checks gate alone. Out-of-scope items name their own rubric (refusal-quality).
      judge: 'claude',
      rubrics: ['support-answer'],
      judges: [{ kind: 'faithfulness', judge: 'claude' }],
      // Fail on a significant drop of more than 2 points on any slice (long tail on its own), and
      // whatever the baseline, if the long tail's scores fall under 0.75.
      gate: { maxDrop: 0.02, maxErrors: 0, slices: { 'long-tail': { minScore: 0.75 } } },
    },
    ...generalSuites,
  },
  judges: {
    claude: { provider: 'anthropic', model: 'claude-sonnet-4-6' },
    // GPT-4's real recorded verdicts on LLMBar Natural, for `evals calibrate` offline.
    'gpt4-llmbar-vanilla': {
      provider: 'replay',
      path: 'calibration/llmbar/natural.gpt4-vanilla.verdicts.jsonl',
      source: 'real: GPT-4 (LLMBar Natural, Vanilla prompt)',
    },
    ...generalJudges,
  },
  candidates: {
    'prompt-only': {
      suites: ['support'],
      kind: 'prompt',
      description: 'No retrieval: answers from what it memorised of the most-read help pages',
      adapter: { type: 'module', path: './examples/support/candidates/prompt-only.ts' },
    },
    'rag-v1': {
      suites: ['support'],
      kind: 'rag',
      description: 'Naive keyword retrieval over the docs, no citations discipline, never refuses',
      adapter: { type: 'module', path: './examples/support/candidates/rag-v1.ts' },
    },
    'rag-v2': {
      suites: ['support'],
      kind: 'rag',
      description: 'BM25 retrieval, cites its sources, refuses when nothing relevant is found',
      adapter: { type: 'module', path: './examples/support/candidates/rag-v2.ts' },
    },
    ...generalCandidates,
  },
});
