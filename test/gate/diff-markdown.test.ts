import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/gate/compare.js';
import { answerTexts, RecordedAnswers } from '../../src/reports/diff-context.js';
import { renderDiffMarkdown } from '../../src/reports/diff-markdown.js';
import { evaluateGate } from '../../src/gate/decision.js';
import { flip, gateConfig, ids, item, items, report } from './helpers.js';

const baseItems = [...items('head', 200, 200), ...items('long-tail', 40, 40)];

function diffOf(base: ReturnType<typeof report>, head: ReturnType<typeof report>, context = {}) {
  const gate = gateConfig();
  const comparison = compareReports(base, head, gate);
  return renderDiffMarkdown(comparison, evaluateGate(comparison, head, gate), context);
}

describe('renderDiffMarkdown', () => {
  it('gives the verdict, the reason and a per-slice table with a failing mark on the regressed slice', () => {
    const many = [...items('head', 1000, 1000), ...items('long-tail', 40, 40)];
    const md = diffOf(report(many, { candidate: 'v1' }), report(flip(many, ids('long-tail', 0, 12)), { candidate: 'v2' }));
    const lines = md.split('\n');
    expect(lines[0]).toBe('## support · v1 → v2: gate failed');
    expect(md).toContain('- long-tail / pass: 1.00 → 0.70 (−30.0 points');
    const tail = lines.find((l) => l.startsWith('| long-tail (long tail) | pass |'));
    expect(tail).toMatch(/^\| long-tail \(long tail\) \| pass \| 40 \| 1\.00 \| 0\.70 \| −30\.0 \[−\d+\.\d, −\d+\.\d\] \| (< )?[\d.]+ \| \d+\.\d \| ❌ \|$/);
    expect(lines.find((l) => l.startsWith('| head | pass |'))).toMatch(/✅ \|$/);
    expect(lines.find((l) => l.startsWith('| all | pass |'))).toMatch(/✅ \|$/);
  });

  it('shows the stale-baseline notice and the items that were not compared', () => {
    const base = report([...items('head', 3, 3), item('gone', ['head'], true)], { candidate: 'v1' });
    const head = report([...items('head', 3, 3), item('new', ['head'], true)], { fingerprint: { items: 'items-2' } });
    const md = diffOf(base, head);
    expect(md).toContain('> **Baseline not fully comparable.** The baseline is stale: golden-set items changed since it was made.');
    expect(md).toContain('**Added items (compared unpaired, above)** (1): `new`');
    expect(md).toContain('**Removed items (not compared)** (1): `gone`');
    expect(md).toContain('| head | 1 | 1.00 | 4 | 1.00 | 0.0 [−79.3, +49.0] | 1.000 | ✅ |');
  });

  it('lists at most ten regressed items with the input and both answers cut to about 300 characters', () => {
    const head = report(flip(baseItems, ids('head', 0, 14)));
    const long = 'x'.repeat(1000);
    const context = {
      inputs: new Map([['head-000', 'How do I get a refund?']]),
      baseAnswers: new Map([['head-000', 'Open Settings > Billing. ```not a fence```']]),
      headAnswers: new Map([['head-000', long]]),
    };
    const md = diffOf(report(baseItems, { candidate: 'v1' }), head, context);
    expect(md).toContain('### Most regressed items (10 of 14)');
    expect(md.match(/^#### /gm)).toHaveLength(10);
    expect(md).toContain('**Input**\n\n```text\nHow do I get a refund?\n```');
    expect(md).toContain('**Before (v1)**\n\n````text\nOpen Settings > Billing. ```not a fence```\n````');
    expect(md).toContain(`**After (head)**\n\n\`\`\`text\n${'x'.repeat(299)}…\n\`\`\``);
    expect(md).toContain('Now fails: contains: missing "head-000"');
  });

  it('says when there is no baseline and still renders', () => {
    const head = report(baseItems);
    const gate = gateConfig();
    const comparison = compareReports(undefined, head, gate);
    const md = renderDiffMarkdown(comparison, evaluateGate(comparison, head, gate));
    expect(md).toBe('## support · head: gate passed\n\n**Notes**\n\n- No baseline: nothing to regress against; only the floors were checked.\n');
  });
});

describe('RecordedAnswers', () => {
  it('reads the committed outputs file by id, first answer per item', () => {
    const answers = answerTexts(
      new RecordedAnswers(readFileSync(path.join(import.meta.dirname, '..', '..', 'reports', 'support', 'rag-v2.outputs.jsonl'))).all(),
    );
    expect(answers.size).toBe(594);
    expect(answers.get('fmt-001')).toMatch(/^\{"answer":"Two-factor authentication/);
    const twoEpochs = new RecordedAnswers('{"id":"a","text":"first"}\n{"id":"a","epoch":1,"text":"second"}\nnot json\n{"id":"b"}\n');
    expect([...answerTexts(twoEpochs.all())]).toEqual([['a', 'first']]);
    expect([...answerTexts(twoEpochs.only(new Set(['b', 'c'])))]).toEqual([]);
  });

  it('walks a sorted file alongside ids asked in order, and falls back to a map when the file or the asking is out of order', () => {
    const sorted = new RecordedAnswers('{"id":"a","text":"A"}\n{"id":"a","epoch":1,"text":"A1"}\n{"id":"c","text":"C"}\n{"id":"d","text":"D"}');
    const walk = sorted.inIdOrder();
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => walk.get(id)?.text)).toEqual(['A', undefined, 'C', 'D', undefined]);
    const unsorted = new RecordedAnswers('{"id":"a","text":"A"}\n{"id":"c","text":"C"}\n{"id":"b","text":"B"}\n');
    const found = unsorted.inIdOrder();
    expect(['a', 'b', 'c'].map((id) => found.get(id)?.text)).toEqual(['A', 'B', 'C']);
    const backwards = sorted.inIdOrder();
    expect(['d', 'a'].map((id) => backwards.get(id)?.text)).toEqual(['D', 'A']);
  });
});
