import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/reports/read-report.js';
import { ReportSchema } from '../../src/report-schema.js';

const summary = { n: 4, errors: 1, metrics: { pass: { n: 4, mean: 0.5, ci: [0.15, 0.85] } } };
const head = {
  schema: 'evals.report/1',
  suite: 's',
  candidate: { id: 'c', kind: 'rag', note: 'not in the schema' },
  fingerprint: { items: 'i', checks: 'c', rubrics: 'r', judges: 'j', epochs: 1, sample: null },
  summary,
  slices: { head: { ...summary, longTail: false } },
  skipped: [],
  // `ungated` left out: the schema's default fills it in.
  extra: 'dropped by the schema',
};
const items = [
  { id: 'a', slices: ['head', 'long-tail'], pass: true, scores: { pass: 1, contains: 1 }, failures: [] },
  { error: { kind: 'timeout', message: 'timed out', stack: 'dropped' }, id: 'b', slices: ['head'], pass: false, scores: { pass: 0 }, failures: ['error (timeout): timed out'] },
  { id: 'c', slices: ['head', 'long-tail'], pass: true, scores: { pass: 1, contains: 1 }, weights: { ifeval: 3 }, failures: [], note: 'dropped' },
  { id: 'd', slices: ['head'], pass: false, scores: { pass: 0 }, failures: ['error (timeout): timed out'] },
];

describe('parseReport', () => {
  it('gives what the whole schema gives, key order included, with equal item parts shared', () => {
    const json = JSON.parse(JSON.stringify({ ...head, items }));
    const parsed = parseReport(json);
    const whole = ReportSchema.parse(JSON.parse(JSON.stringify({ ...head, items })));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toStrictEqual(whole);
    expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(whole));
    const [a, b, c, d] = parsed.data?.items ?? [];
    expect(a?.slices).toBe(c?.slices);
    expect(a?.scores).toBe(c?.scores);
    expect(b?.failures).toBe(d?.failures);
  });

  it('refuses what the schema refuses, with the schema’s own issues and paths', () => {
    const bad = [
      { ...head, items: [...items.slice(0, 2), { ...items[2], scores: { pass: 'yes' } }] },
      { ...head, items: [{ ...items[0], slices: undefined }] },
      { ...head, items: [{ ...items[0], id: 7 }] },
      { ...head, items: ['not an item'] },
      { ...head, candidate: { id: 'c' }, items },
      { ...head, items: 'none' },
      [],
    ];
    for (const report of bad) {
      const json = JSON.parse(JSON.stringify(report));
      const parsed = parseReport(json);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual(ReportSchema.safeParse(json).error?.issues);
    }
  });
});
