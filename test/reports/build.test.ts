import { describe, expect, it } from 'vitest';
import type { GoldenItem } from '../../src/goldensets/item.js';
import { buildReport } from '../../src/reports/build.js';
import { renderMarkdown } from '../../src/reports/markdown.js';
import { ReportSchema, type ReportItem } from '../../src/report-schema.js';
import { renderReportJson } from '../../src/reports/render-json.js';
import type { ItemResult } from '../../src/contracts/item-result.js';

const item = (id: string, slices: string[]): GoldenItem => ({ id, input: 'q', slices, sources: [], checks: [], metadata: {}, origin: { file: 'g.jsonl', line: 1 } });
const scored = (itemId: string, pass: boolean, recall = pass ? 1 : 0.5, epoch = 0): ItemResult => ({
  itemId,
  epoch,
  output: { text: 'a', latencyMs: 3 },
  checks: [
    { name: 'contains', type: 'contains', pass, score: pass ? 1 : 0, ...(pass ? {} : { reason: 'missing "14 days"' }) },
    { name: 'citations', type: 'citations', pass: true, score: recall, details: { precision: 1, recall } },
  ],
  judgments: [],
  latencyMs: 3,
});
const failed = (itemId: string): ItemResult => ({ itemId, epoch: 0, checks: [], judgments: [], error: { kind: 'timeout', message: 'timed out after 100 ms' }, latencyMs: 100 });

const fingerprint = { items: 'i', checks: 'c', rubrics: 'r', judges: 'j', epochs: 1, sample: null };
function build(results: ItemResult[], items: GoldenItem[]) {
  const byItem = new Map<string, ItemResult[]>();
  for (const r of results) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  return buildReport({ suite: 's', candidate: { id: 'c', kind: 'rag' }, fingerprint, longTail: ['long-tail'], items, results: byItem });
}

describe('buildReport', () => {
  const items = [item('b', ['head']), item('a', ['head', 'long-tail']), item('c', ['long-tail']), item('d', [])];
  const results = [scored('a', true), scored('b', false), failed('c'), scored('d', true)];

  it('summarises overall and per slice, counting errors as failures of pass only', () => {
    const report = build(results, items);
    expect(report.summary.n).toBe(4);
    expect(report.summary.errors).toBe(1);
    expect(report.summary.metrics.pass).toMatchObject({ n: 4, mean: 0.5 });
    expect(report.summary.metrics.contains).toMatchObject({ n: 3, mean: 0.6667 });
    expect(report.summary.metrics['citations.recall']).toMatchObject({ n: 3, mean: 0.8333 });
    expect(Object.keys(report.summary.metrics)).toEqual(['pass', 'citations', 'citations.precision', 'citations.recall', 'contains']);
    expect(Object.keys(report.slices)).toEqual(['(none)', 'head', 'long-tail']);
    expect(report.slices['long-tail']).toMatchObject({ n: 2, errors: 1, longTail: true, metrics: { pass: { n: 2, mean: 0.5 } } });
    expect(report.slices.head?.longTail).toBe(false);
  });

  it('keeps items sorted by id with their pass, scores and failure reasons', () => {
    const report = build(results, items);
    expect(report.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(report.items[1]).toEqual({
      id: 'b',
      slices: ['head'],
      pass: false,
      scores: { pass: 0, citations: 0.5, 'citations.precision': 1, 'citations.recall': 0.5, contains: 0 },
      failures: ['contains: missing "14 days"'],
    });
    expect(report.items[2]).toMatchObject({ pass: false, error: { kind: 'timeout' }, failures: ['error (timeout): timed out after 100 ms'] });
  });

  it('gives a pass-rate interval that is Wilson (never outside [0, 1])', () => {
    const report = build(results, items);
    const [lo, hi] = report.summary.metrics.pass?.ci ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.15, 2);
    expect(hi).toBeCloseTo(0.85, 2);
  });

  it('is byte-identical whatever order results arrive in', () => {
    const a = [...renderReportJson(build(results, items))].join('');
    const b = [...renderReportJson(build([...results].reverse(), [...items].reverse()))].join('');
    expect(a).toBe(b);
  });

  it('averages epochs per item and passes an item only when every epoch passed', () => {
    const report = build([scored('a', true, 1, 0), scored('a', false, 0.5, 1)], [item('a', ['head'])]);
    expect(report.items[0]?.scores.pass).toBe(0.5);
    expect(report.items[0]?.pass).toBe(false);
  });

  it('renders Markdown with the overall column, long-tail first, and the failed items', () => {
    const md = renderMarkdown(build(results, items));
    expect(md).toMatch(/\| metric \| all \(n=4\) \| long-tail \(long tail\) \(n=2\) \| \(none\) \(n=1\) \| head \(n=2\) \|/);
    expect(md).toMatch(/\| pass \| 0\.50 \[0\.15, 0\.85\] \|/);
    expect(md).toContain('## Failed items (2)');
    expect(md).toContain('| c | long-tail | error (timeout): timed out after 100 ms |');
  });

  it('streams exactly the JSON of the report in schema key order', () => {
    const report = build(results, items);
    expect([...renderReportJson(report)].join('')).toBe(`${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`);
    const empty = { ...report, items: [] };
    expect([...renderReportJson(empty)].join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
    // Items are serialized in runs of a few hundred: the joins between runs read as the whole.
    const many = { ...report, items: Array.from({ length: 601 }, (_, i) => ({ ...(report.items[i % 4] as ReportItem), id: `item-${String(i).padStart(3, '0')}` })) };
    expect([...renderReportJson(many)].join('')).toBe(`${JSON.stringify(many, null, 2)}\n`);
  });
});
