// The support suite of the bundled example (evals.config.ts at the repository root) on 20 of its
// items, 4 per slice, for `npx vitest run` here: support.test.ts runs it as vitest tests through
// evals-gate/vitest. The candidate is the bundled rag-v2 (local, deterministic); the Claude judges
// score only with ANTHROPIC_API_KEY set, and offline the exact checks gate alone, as in the bundle.
import { defineConfig } from 'evals-gate';

export default defineConfig({
  rubricsDir: '../../rubrics',
  suites: {
    support: {
      description: 'Support QA over the Lumen help center: 20 items of goldensets/support/support.jsonl, 4 per slice',
      goldenSets: ['support.sample.jsonl'],
      longTail: ['long-tail'],
      judge: 'claude',
      rubrics: ['support-answer'],
      gate: { maxDrop: 0.02, maxErrors: 0, slices: { 'long-tail': { minScore: 0.75 } } },
    },
  },
  judges: {
    claude: { provider: 'anthropic', model: 'claude-sonnet-4-6' },
  },
  candidates: {
    'rag-v2': {
      kind: 'rag',
      description: 'BM25 retrieval, cites its sources, refuses when nothing relevant is found',
      adapter: { type: 'module', path: '../support/candidates/rag-v2.ts' },
    },
  },
});
