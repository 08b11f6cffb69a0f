import { packagePath } from '../util/package-path.js';

/**
 * What `evals init` writes. The templates are real files under templates/init/ at the package
 * root (shipped through package.json "files").
 * Dot-named targets are stored without the dot: npm pack leaves out files named .gitignore.
 */
export const TEMPLATES_DIR = packagePath('templates/init/');

export const INIT_FILES: ReadonlyArray<{ template: string; target: string }> = [
  { template: 'evals.config.ts', target: 'evals.config.ts' },
  { template: 'goldensets/faq.jsonl', target: 'goldensets/faq.jsonl' },
  { template: 'rubrics/answer-quality.md', target: 'rubrics/answer-quality.md' },
  { template: 'candidates/my-candidate.ts', target: 'candidates/my-candidate.ts' },
  { template: 'github/workflows/evals.yml', target: '.github/workflows/evals.yml' },
];

/** Caches, journals and shard results are local; per-run info, HTML pages, decision views (they hold latencies) and rejected reports are not baselines. */
export const GITIGNORE_LINES: readonly string[] = [
  'node_modules/',
  '.evals-cache/',
  '.evals-runs/',
  '.evals-shards/',
  'reports/**/*.run.json',
  'reports/**/*.html',
  'reports/**/*.new.*',
  'reports/**/*.decision.*',
];
