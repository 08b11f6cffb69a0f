import { z } from 'zod';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import { failed, passed } from './outcome.js';
import { quoteList } from './text.js';
import { defineCheck } from './types.js';

/** One cited id inside brackets: path-like ids such as billing/refunds.md, faq#2, doc_3. */
const ID = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_./#:-]*`;
/**
 * `[id]` or `[id, id]` markers. Not followed by `(`, so a Markdown link `[text](url)` is not a citation.
 */
const MARKER = new RegExp(String.raw`\[\s*(${ID}(?:\s*[,;]\s*${ID})*)\s*\](?!\()`, 'gu');
/** Fenced and inline code, whose brackets (`items[0]`) are indexing, not citations. */
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

/**
 * The ids an answer cites, in order, without repeats: the adapter's structured `citations` when it
 * reports them (even an empty list), else the `[id]` markers in the text outside code. A numeric marker `[n]`
 * means the n-th retrieved context (1-based) when the candidate reported contexts and n is in range.
 */
export function citedIds(output: CandidateOutput): string[] {
  if (output.citations) return [...new Set(output.citations.map((c) => c.trim()))];
  const ids: string[] = [];
  for (const match of output.text.replace(CODE, ' ').matchAll(MARKER)) {
    for (const raw of (match[1] ?? '').split(/\s*[,;]\s*/u)) {
      const index = /^\d+$/.test(raw) ? Number(raw) - 1 : -1;
      ids.push(output.contexts?.[index]?.id ?? raw);
    }
  }
  return [...new Set(ids)];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Citations are present, verified and cover the item's gold sources.
 *
 * - recall: share of `item.sources` cited (sub-metric `citations.recall`).
 * - precision: share of cited ids the candidate actually retrieved (`output.contexts`). When the
 *   candidate reports no contexts, retrieval cannot be checked, so a cited id must be a gold
 *   source instead: an unverifiable citation counts against precision rather than being trusted.
 * - pass: a citation exists (when `required` and the item has sources), every cited id is
 *   verified as above, and recall >= minRecall.
 * The score is the pass (1 or 0): recall and precision are reported as their own sub-metrics, so
 * the check's own metric says something they do not — how many answers cite right.
 * Not applicable when the item has no gold sources and nothing was cited. With no gold sources
 * but citations, recall is not reported.
 */
export const citations = defineCheck({
  type: 'citations',
  summary: 'cited sources were retrieved and cover the expected sources',
  params: z.strictObject({
    expect: z.literal('sources').default('sources'),
    required: z.boolean().default(true),
    minRecall: z.number().min(0).max(1).default(1),
  }),
  run({ output, item }, { required, minRecall }) {
    const gold = new Set(item.sources);
    const cited = citedIds(output);
    if (gold.size === 0 && cited.length === 0) return null;

    const recall = gold.size === 0 ? undefined : share(item.sources.filter((s) => cited.includes(s)).length, gold.size);
    if (cited.length === 0) {
      // The item has gold sources here, so recall is 0: only an optional citation with minRecall 0 passes.
      return required || minRecall > 0 ? failed('no citation', 0, { recall: 0 }) : passed(1, { recall: 0 });
    }

    const verifiedBy = output.contexts ? new Set(output.contexts.map((c) => c.id)) : gold;
    const unverified = cited.filter((id) => !verifiedBy.has(id));
    const precision = share(cited.length - unverified.length, cited.length);
    const details: Record<string, number> = { precision, ...(recall !== undefined ? { recall } : {}) };

    const problems: string[] = [];
    if (unverified.length > 0) {
      problems.push(`cited ${output.contexts ? 'but not retrieved' : 'but not a gold source'}: ${quoteList(unverified, 30)}`);
    }
    if (recall !== undefined && recall < minRecall) {
      const missing = item.sources.filter((s) => !cited.includes(s));
      problems.push(`recall ${round(recall)} < ${minRecall}, missing ${quoteList(missing, 30)}`);
    }
    return problems.length === 0 ? passed(1, details) : failed(problems.join('; '), 0, details);
  },
});

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
