import { describe, expect, it } from 'vitest';
import { citedIds } from '../../src/scoring/checks/citations.js';
import { check, input, specErrors } from './helpers.js';

const contexts = [
  { id: 'billing/refunds.md', text: '...' },
  { id: 'billing/plans.md', text: '...' },
];
const sources = ['billing/refunds.md'];

describe('citedIds', () => {
  it('reads [id] markers with path-like ids, in order, without repeats', () => {
    const text = 'Refunds take 14 days [billing/refunds.md]. See also [faq_2.v1#top] and [billing/refunds.md].';
    expect(citedIds({ text })).toEqual(['billing/refunds.md', 'faq_2.v1#top']);
  });

  it('maps numeric markers to the retrieved contexts, 1-based', () => {
    expect(citedIds({ text: 'Yes [2][1].', contexts })).toEqual(['billing/plans.md', 'billing/refunds.md']);
    expect(citedIds({ text: 'Yes [1, 2].', contexts })).toEqual(['billing/refunds.md', 'billing/plans.md']);
  });

  it('keeps a numeric marker as-is without contexts or out of range', () => {
    expect(citedIds({ text: 'Yes [3].', contexts })).toEqual(['3']);
    expect(citedIds({ text: 'Yes [3].' })).toEqual(['3']);
  });

  it('skips Markdown links and brackets inside code', () => {
    expect(citedIds({ text: 'See [the docs](https://x.y) and `items[0]`.\n```js\na[i] = 1\n```' })).toEqual([]);
  });

  it('prefers structured citations, even an empty list', () => {
    expect(citedIds({ text: 'x [a.md]', citations: ['b.md', 'b.md'] })).toEqual(['b.md']);
    expect(citedIds({ text: 'x [a.md]', citations: [] })).toEqual([]);
  });
});

describe('citations check', () => {
  it('passes when every gold source is cited and every citation was retrieved', () => {
    const outcome = check({ type: 'citations' }, input('14 days [1].', { sources }, { contexts }));
    expect(outcome).toEqual({ pass: true, score: 1, details: { precision: 1, recall: 1 } });
  });

  it('fails with "no citation" when the item has sources and nothing is cited', () => {
    expect(check({ type: 'citations' }, input('14 days.', { sources }, { contexts }))).toEqual({
      pass: false,
      score: 0,
      reason: 'no citation',
      details: { recall: 0 },
    });
  });

  it('fails on a citation that was not retrieved, with precision below 1', () => {
    const outcome = check({ type: 'citations' }, input('[billing/refunds.md] [made-up.md]', { sources }, { contexts }));
    expect(outcome).toEqual({
      pass: false,
      score: 0,
      reason: 'cited but not retrieved: "made-up.md"',
      details: { precision: 0.5, recall: 1 },
    });
  });

  it('without reported contexts, a citation must be a gold source', () => {
    const outcome = check({ type: 'citations' }, input('[billing/refunds.md] [other.md]', { sources }));
    expect(outcome).toMatchObject({ pass: false, reason: 'cited but not a gold source: "other.md"', details: { precision: 0.5 } });
    expect(check({ type: 'citations' }, input('[billing/refunds.md]', { sources }))?.pass).toBe(true);
  });

  it('reports recall and fails below minRecall, naming the missing sources; the score is the pass', () => {
    const two = ['billing/refunds.md', 'billing/plans.md'];
    const outcome = check({ type: 'citations' }, input('[1]', { sources: two }, { contexts }));
    expect(outcome).toEqual({
      pass: false,
      score: 0,
      reason: 'recall 0.5 < 1, missing "billing/plans.md"',
      details: { precision: 1, recall: 0.5 },
    });
    expect(check({ type: 'citations', minRecall: 0.5 }, input('[1]', { sources: two }, { contexts }))).toEqual({
      pass: true,
      score: 1,
      details: { precision: 1, recall: 0.5 },
    });
  });

  it('with required: false and minRecall: 0, no citation is allowed (recall 0)', () => {
    expect(check({ type: 'citations', required: false, minRecall: 0 }, input('14 days.', { sources }))).toEqual({
      pass: true,
      score: 1,
      details: { recall: 0 },
    });
    expect(check({ type: 'citations', required: false }, input('14 days.', { sources }))?.pass).toBe(false);
  });

  it('with no gold sources, checks only that citations were retrieved', () => {
    expect(check({ type: 'citations' }, input('See [2].', {}, { contexts }))).toEqual({
      pass: true,
      score: 1,
      details: { precision: 1 },
    });
    expect(check({ type: 'citations' }, input('See [x.md].', {}, { contexts }))).toMatchObject({ pass: false, score: 0 });
  });

  it('does not apply with no gold sources and no citation', () => {
    expect(check({ type: 'citations' }, input('I cannot help with that.', {}, { contexts }))).toBeNull();
  });

  it('uses structured citations over text markers', () => {
    const outcome = check({ type: 'citations' }, input('no markers here', { sources }, { contexts, citations: sources }));
    expect(outcome?.pass).toBe(true);
  });

  it('validates params', () => {
    expect(specErrors({ type: 'citations', expect: 'contexts' })).not.toEqual([]);
    expect(specErrors({ type: 'citations', minRecall: 1.5 })).not.toEqual([]);
    expect(specErrors({ type: 'citations', requried: true })).not.toEqual([]);
  });
});
