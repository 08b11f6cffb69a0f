import { describe, expect, it } from 'vitest';
import { buildDecision, label } from '../../src/decision/build.js';
import type { DecisionRun } from '../../src/decision/collect.js';
import { renderDecisionMarkdown } from '../../src/decision/markdown.js';
import { DecisionSchema } from '../../src/decision/schema.js';
import { renderDecisionTerminal } from '../../src/decision/terminal.js';
import type { ReportItem } from '../../src/report-schema.js';
import { item, report } from '../gate/helpers.js';

/** 40 head and 20 long-tail items; `passHead`/`passTail`: how many of each pass (the first ones). */
function reportItems(passHead: number, passTail: number): ReportItem[] {
  const head = Array.from({ length: 40 }, (_, i) => item(`head-${String(i).padStart(2, '0')}`, ['head'], i < passHead));
  const tail = Array.from({ length: 20 }, (_, i) => item(`tail-${String(i).padStart(2, '0')}`, ['long-tail'], i < passTail));
  return [...head, ...tail];
}

function run(id: string, passHead: number, passTail: number, extra: Partial<DecisionRun> = {}): DecisionRun {
  const r = report(reportItems(passHead, passTail), { candidate: id });
  return { id, kind: 'rag', report: r, calls: r.items.map((i) => ({ itemId: i.id, unpriced: false })), contexts: new Map(), ...extra };
}

const gold = new Map([...reportItems(0, 0)].map((i) => [i.id, i.id.startsWith('head') ? [`doc-${i.id}`] : []]));

describe('buildDecision', () => {
  const decision = buildDecision({ suite: 'support', alpha: 0.05, runs: [run('prompt', 0, 0), run('rag-a', 30, 10), run('rag-b', 31, 18)], goldSources: gold });

  it('gives every slice x candidate its pass rate and Wilson interval, all first, the long tail next', () => {
    expect(DecisionSchema.parse(decision)).toEqual(decision);
    expect(decision.slices.map((s) => s.slice)).toEqual(['all', 'long-tail', 'head']);
    const head = decision.slices.find((s) => s.slice === 'head');
    expect(head?.cells.map((c) => c.quality)).toEqual([0, 0.75, 0.775]);
    const [lo, hi] = head?.cells[1]?.ci ?? [0, 0];
    expect(lo).toBeLessThan(0.75);
    expect(hi).toBeGreaterThan(0.75);
    expect(decision.candidates.map((c) => c.label)).toEqual(['A', 'B', 'C']);
  });

  it('tests every pair on every slice, paired and two-sided, Holm over the whole view', () => {
    expect(decision.differences).toHaveLength(3 * 3);
    for (const d of decision.differences) expect(d.pAdjusted).toBeGreaterThanOrEqual(d.p);
    const headAB = decision.differences.find((d) => d.slice === 'head' && d.a === 'rag-a' && d.b === 'rag-b');
    // One item apart: nowhere near significant.
    expect(headAB).toMatchObject({ n: 40, diff: 0.025, test: 'mcnemar', significant: false });
    const head = decision.slices.find((s) => s.slice === 'head');
    expect(head?.cells.map((c) => c.betterThan)).toEqual([[], ['prompt'], ['prompt']]);
    // 8 of 20 long-tail items apart, all in one direction: exact McNemar p = 2^-7, still significant after Holm.
    const tail = decision.slices.find((s) => s.slice === 'long-tail');
    expect(tail?.cells[2]?.betterThan).toEqual(['prompt', 'rag-a']);
    expect(tail?.cells[1]?.betterThan).toEqual(['prompt']);
  });

  it('marks a better candidate whichever side of the pair it is on', () => {
    const flipped = buildDecision({ suite: 's', alpha: 0.05, runs: [run('good', 40, 20), run('bad', 0, 0)], goldSources: gold });
    expect(flipped.slices[0]?.cells.map((c) => c.betterThan)).toEqual([['bad'], []]);
    expect(flipped.differences[0]?.diff).toBe(-1);
  });

  it('renders the marks by label in the terminal and lists significant differences in Markdown', () => {
    const text = renderDecisionTerminal(decision);
    expect(text).toContain('Holm over 9 tests, α 0.05');
    expect(text).toMatch(/all \(60\)\s+0\.00 \[0\.00, 0\.06\]\s+0\.67 \[0\.54, 0\.77\] >A\s+0\.82 \[0\.70, 0\.89\] >A,B/);
    expect(text).not.toContain('retrieval:');
    const markdown = renderDecisionMarkdown(decision);
    expect(markdown).toContain('| long-tail | rag-b | rag-a | +40.0 |');
    expect(markdown).toMatch(/## Significant differences \(\d of 9\)/);
  });
});

describe('cost, latency and errors', () => {
  it('states cost per 1k queries from the answers that reported one, latency quantiles and the error rate', () => {
    const base = run('x', 40, 20);
    const calls = base.calls.map((c, i) => ({ ...c, latencyMs: i + 1, ...(i < 10 ? { costUsd: 0.002 } : {}), unpriced: i === 59 }));
    const errored = {
      ...base.report,
      items: base.report.items.map((it, i) => (i === 0 ? { ...it, pass: false, error: { kind: 'timeout', message: 't' } } : it)),
    };
    const withErrors = { ...errored, summary: { ...errored.summary, errors: 1 } };
    const decision = buildDecision({ suite: 's', alpha: 0.05, runs: [{ ...base, calls, report: withErrors }, run('y', 0, 0)], goldSources: gold });
    const all = decision.slices[0]?.cells[0];
    expect(all).toMatchObject({ costPer1k: 2, unpricedCalls: 1, latencyMs: { p50: 30.5, p95: 57.1 }, errors: 1, errorRate: 0.0167 });
    expect(decision.slices[0]?.cells[1]).toMatchObject({ costPer1k: null, latencyMs: null, unpricedCalls: 0 });
    expect(renderDecisionTerminal(decision)).toMatch(/\$2\.00 \+ 1 unpriced · 31 ms \/ 57 ms · 1\.7%\s+— · — · 0\.0%/);
  });
});

describe('retrieval attribution', () => {
  // rag-a retrieves every gold page but its head answers fail half the time; rag-b misses the last 20 head pages.
  const contexts = (hitUpTo: number) => new Map(reportItems(0, 0).map((i, n) => [i.id, [n < hitUpTo ? [`doc-${i.id}`, 'other', 'third'] : ['other']]]));
  const decision = buildDecision({
    suite: 's',
    alpha: 0.05,
    runs: [run('prompt', 0, 0), run('rag-a', 20, 20, { contexts: contexts(60) }), run('rag-b', 20, 20, { contexts: contexts(20) })],
    goldSources: gold,
  });

  it('gives recall@k (k: the most contexts returned) and pass on hit vs miss, for retrieving candidates only', () => {
    expect(decision.candidates.map((c) => c.retrieves)).toEqual([false, true, true]);
    expect(decision.retrieval?.k).toBe(3);
    const head = decision.retrieval?.rows.filter((r) => r.slice === 'head');
    expect(head).toEqual([
      { slice: 'head', candidate: 'rag-a', items: 40, recall: 1, hits: 40, misses: 0, passOnHit: 0.5, passOnMiss: null, failedOnHit: 20, failedOnMiss: 0 },
      { slice: 'head', candidate: 'rag-b', items: 40, recall: 0.5, hits: 20, misses: 20, passOnHit: 1, passOnMiss: 0, failedOnHit: 0, failedOnMiss: 20 },
    ]);
  });

  it('names the slices without gold sources as outside the coverage, and attributes failures', () => {
    expect(decision.retrieval?.uncovered).toEqual(['long-tail']);
    expect(decision.retrieval?.rows.some((r) => r.slice === 'long-tail')).toBe(false);
    const text = renderDecisionTerminal(decision);
    expect(text).toContain("no gold sources, outside the corpus's coverage: long-tail");
    expect(text).toContain('rag-a: of 20 failed items with gold sources, 0 followed a retrieval miss and 20 had every gold source retrieved');
    expect(text).toContain('rag-b: of 20 failed items with gold sources, 20 followed a retrieval miss and 0 had every gold source retrieved');
  });

  it('counts an item a miss when any epoch missed, with its recall the mean over epochs; errored items are left out', () => {
    const epochs = new Map([
      ['head-00', [['doc-head-00'], ['x']]],
      ['head-01', [['doc-head-01'], ['doc-head-01']]],
    ]);
    const d = buildDecision({ suite: 's', alpha: 0.05, runs: [run('a', 2, 0, { contexts: epochs }), run('b', 0, 0)], goldSources: gold });
    expect(d.retrieval?.rows.find((r) => r.slice === 'head')).toMatchObject({ items: 2, recall: 0.75, hits: 1, misses: 1 });
  });

  it('is null when no candidate returned contexts', () => {
    expect(buildDecision({ suite: 's', alpha: 0.05, runs: [run('a', 1, 1), run('b', 2, 2)], goldSources: gold }).retrieval).toBeNull();
  });
});

describe('label', () => {
  it('names candidates A to Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(label)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
