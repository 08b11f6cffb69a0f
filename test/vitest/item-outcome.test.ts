import { describe, expect, it } from 'vitest';
import { itemOutcome } from '../../src/vitest/item-outcome.js';
import { groupBySlice } from '../../src/vitest/slices.js';
import type { ReportItem } from '../../src/report-schema.js';
import type { ResultSummary } from '../../src/contracts/item-result.js';

const where = { suite: 'support', candidate: 'rag-v2' };

const failedItem: ReportItem = {
  id: 'head-002',
  slices: ['head'],
  pass: false,
  scores: { pass: 0, contains: 0, 'support-answer': 0.25 },
  failures: ['contains: missing "12 characters"', 'support-answer: never states the length'],
};

const failedResult: ResultSummary = {
  itemId: 'head-002',
  epoch: 0,
  checks: [
    { name: 'contains', type: 'contains', pass: false, score: 0, reason: 'missing "12 characters"' },
    { name: 'length', type: 'length', pass: true, score: 1 },
  ],
  judgments: [
    { metric: 'support-answer', kind: 'rubric', judges: ['claude'], pass: false, score: 0.25, reason: 'never states\nthe length', calls: 1, cachedCalls: 0 },
  ],
};

describe('itemOutcome', () => {
  it('fails as the report does, listing every check and the judge with its reasoning', () => {
    const outcome = itemOutcome(where, failedItem, [failedResult]);
    expect(outcome.pass).toBe(false);
    expect(outcome.message).toBe(
      [
        'support/rag-v2 item head-002 failed:',
        '  ✗ contains 0.00: missing "12 characters"',
        '  ✓ length 1.00',
        '  ✗ support-answer (judge claude) 0.25: never states the length',
      ].join('\n'),
    );
    expect(outcome.summary).toBe('failed · pass 0.00 · contains 0.00 · support-answer 0.25');
    expect(outcome.meta).toEqual({ ...where, item: 'head-002', slices: ['head'], pass: false, scores: failedItem.scores, failures: failedItem.failures });
  });

  it('passes with no message, keeping a passing judge reasoning for the annotation', () => {
    const item: ReportItem = { id: 'head-001', slices: ['head'], pass: true, scores: { pass: 1, 'support-answer': 1 }, failures: [] };
    const result: ResultSummary = {
      itemId: 'head-001',
      epoch: 0,
      checks: [],
      judgments: [{ metric: 'support-answer', kind: 'rubric', judges: ['claude'], pass: true, score: 1, reason: 'states 24 hours', calls: 1, cachedCalls: 1 }],
    };
    const outcome = itemOutcome(where, item, [result]);
    expect(outcome.message).toBeUndefined();
    expect(outcome.lines).toEqual(['✓ support-answer (judge claude) 1.00: states 24 hours']);
  });

  it('shows an errored call and a judge error, per epoch when there are several', () => {
    const item: ReportItem = { id: 'x', slices: ['head'], pass: false, scores: { pass: 0 }, failures: ['error (timeout): no answer in 60 s'] };
    const results: ResultSummary[] = [
      { itemId: 'x', epoch: 0, checks: [], judgments: [], error: { kind: 'timeout', message: 'no answer in 60 s' } },
      {
        itemId: 'x',
        epoch: 1,
        checks: [],
        judgments: [{ metric: 'm', kind: 'rubric', judges: ['j'], pass: false, score: 0, error: 'invalid verdict twice', calls: 0, cachedCalls: 0 }],
      },
    ];
    expect(itemOutcome(where, item, results).lines).toEqual([
      'epoch 1: ✗ error (timeout): no answer in 60 s',
      'epoch 2: ✗ m (judge j) error: invalid verdict twice',
    ]);
  });

  it('falls back to the report failures when no result is recorded', () => {
    const item: ReportItem = { id: 'x', slices: ['head'], pass: false, scores: {}, failures: ['error (missing): no result recorded'] };
    expect(itemOutcome(where, item, []).message).toBe('support/rag-v2 item x failed:\n  error (missing): no result recorded');
  });
});

describe('groupBySlice', () => {
  it('puts each item once, under its first slice, slices in first-seen order', () => {
    const groups = groupBySlice([
      { id: 'a', slices: ['head'] },
      { id: 'b', slices: ['long-tail', 'format'] },
      { id: 'c', slices: [] },
      { id: 'd', slices: ['head'] },
    ]);
    expect([...groups].map(([slice, items]) => [slice, items.map((i) => i.id)])).toEqual([
      ['head', ['a', 'd']],
      ['long-tail', ['b']],
      ['(none)', ['c']],
    ]);
  });
});
