import { defineConfig } from './src/index.js';

// The bundled example: a support assistant for Lumen (a fictional note-taking app), three local
// deterministic candidates, and exact checks that run offline.
export default defineConfig({
  suites: {
    support: {
      description: 'Support QA over the Lumen help center, with long-tail, out-of-scope, format and multi-doc slices',
      goldenSets: ['goldensets/support/support.jsonl'],
      longTail: ['long-tail'],
      gate: { maxDrop: 0.02, maxErrors: 0 },
    },
  },
  candidates: {
    'prompt-only': {
      kind: 'prompt',
      description: 'No retrieval: answers from what it memorised of the most-read help pages',
      adapter: { type: 'module', path: './examples/support/candidates/prompt-only.ts' },
    },
    'rag-v1': {
      kind: 'rag',
      description: 'Naive keyword retrieval over the docs, no citations discipline, never refuses',
      adapter: { type: 'module', path: './examples/support/candidates/rag-v1.ts' },
    },
    'rag-v2': {
      kind: 'rag',
      description: 'BM25 retrieval, cites its sources, refuses when nothing relevant is found',
      adapter: { type: 'module', path: './examples/support/candidates/rag-v2.ts' },
    },
  },
});
