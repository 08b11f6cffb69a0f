// A large HTML report for load-time figures (bench/html-load.ts) and the browser test
// (test/reports/html-browser.test.ts): synthetic golden items and results of the sizes the
// bundled example has (a question, a paragraph of answer, five checks, cited and retrieved pages),
// built through the real report builder, gate comparison and page renderer.
import { GateConfigSchema } from '../src/gate/config.js';
import { evaluateGate } from '../src/gate/decision.js';
import { compareReports } from '../src/gate/compare.js';
import type { GoldenItem } from '../src/goldensets/item.js';
import { buildReport } from '../src/reports/build.js';
import { htmlAnswer } from '../src/reports/html/answers.js';
import { buildHtmlData } from '../src/reports/html/build.js';
import { renderHtmlReport } from '../src/reports/html/render.js';
import type { ItemResult } from '../src/contracts/item-result.js';

const SLICES = ['head', 'long-tail', 'format', 'multi-doc', 'out-of-scope'];
const WORDS = 'open settings billing refund workspace member invite export archive plan seat invoice password device sync folder share link'.split(' ');

/** A seeded generator, so every build of the fixture is the same page. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
}

function results(items: readonly GoldenItem[], seed: number, passRate: number): ItemResult[] {
  const next = random(seed);
  return items.map((item) => {
    const pass = next() < passRate;
    const page = item.sources[0] ?? 'docs/none.md';
    return {
      itemId: item.id,
      epoch: 0,
      output: {
        text: `${sentence(next, 60)}.`,
        citations: [page],
        contexts: [
          { id: page, text: '' },
          { id: `docs/other-${Math.floor(next() * 50)}.md`, text: '' },
        ],
      },
      checks: ['contains', 'citations', 'refusal', 'length', 'regex'].map((name, i) => {
        const ok = i > 0 || pass;
        return { name, type: name, pass: ok, score: ok ? 1 : 0, ...(ok ? {} : { reason: `missing "${sentence(next, 2)}"` }) };
      }),
      judgments: [],
    };
  });
}

/** The HTML of an n-item report of a head run against its base, as `evals run` writes it. */
export function largeHtmlReport(n: number): string {
  const next = random(7);
  const items: GoldenItem[] = Array.from({ length: n }, (_, i) => ({
    id: `item-${String(i).padStart(6, '0')}`,
    input: `How do I ${sentence(next, 12)}?`,
    reference: sentence(next, 20),
    slices: [SLICES[i % SLICES.length] as string],
    sources: [`docs/page-${i % 200}.md`],
    checks: [],
    metadata: {},
    origin: { file: 'large.jsonl', line: i + 1 },
  }));
  const build = (rows: ItemResult[], id: string) =>
    buildReport({
      suite: 'large',
      candidate: { id, kind: 'rag' },
      fingerprint: { items: 'i', checks: 'c', rubrics: 'r', judges: 'j', epochs: 1, sample: null },
      longTail: ['long-tail'],
      items,
      results: new Map(rows.map((r) => [r.itemId, [r]])),
    });
  const baseRows = results(items, 1, 0.8);
  const headRows = results(items, 2, 0.78);
  const base = build(baseRows, 'base');
  const head = build(headRows, 'head');
  const gate = GateConfigSchema.parse({});
  const comparison = compareReports(base, head, gate);
  const data = buildHtmlData({
    head,
    base,
    comparison,
    verdict: evaluateGate(comparison, head, gate),
    golden: items,
    headResults: headRows,
    baseAnswers: new Map(baseRows.map((r) => [r.itemId, htmlAnswer(r.output ?? { text: '' })])),
  });
  return [...renderHtmlReport(data)].join('');
}
