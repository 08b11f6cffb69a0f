import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/gate/compare.js';
import { evaluateGate } from '../../src/gate/decision.js';
import { staleNotice } from '../../src/gate/pairing.js';
import { renderDiffMarkdown } from '../../src/reports/diff-markdown.js';
import { htmlGate } from '../../src/reports/html/build.js';
import { gateConfig, item, items, report } from './helpers.js';

const gate = gateConfig({ maxDrop: 0.02 });

/** Issue 14's example: 30 new long-tail items, all failing, move the slice from 0.66 to 0.46; the paired items are unchanged. */
function scenario(newPassing: number) {
  const old = [...items('head', 400, 320), ...items('long-tail', 70, 46)];
  const added = Array.from({ length: 30 }, (_, i) => item(`long-tail-new-${String(i).padStart(2, '0')}`, ['long-tail'], i < newPassing));
  const base = report(old, { candidate: 'base' });
  const head = report([...old, ...added]);
  return { base, head, comparison: compareReports(base, head, gate) };
}

describe('new items are gated', () => {
  it("30 failing new long-tail items fail the gate, named as the new items' comparison", () => {
    const { head, comparison } = scenario(0);
    expect(head.slices['long-tail']?.metrics.pass?.mean).toBeCloseTo(0.46, 12);
    // The paired rows see nothing: every paired item is unchanged.
    expect(comparison.rows.every((row) => row.diff === 0)).toBe(true);
    const [row] = comparison.newItems;
    expect(comparison.newItems).toHaveLength(1);
    expect(row).toMatchObject({ slice: 'long-tail', n: 30, passes: 0, baseN: 70, basePasses: 46, gated: true });
    expect(row?.pAdjusted).toBeLessThan(0.05);
    const verdict = evaluateGate(comparison, head, gate);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual([
      expect.objectContaining({
        slice: 'long-tail',
        metric: 'pass',
        rule: 'new-items',
        message: expect.stringMatching(
          /^long-tail \/ pass on 30 new items: 0\.00 against the baseline's 0\.66 on 70 items \(−65\.7 points, .* adjusted; unpaired, Fisher's exact test\) exceeds the 2-point tolerance$/,
        ),
      }),
    ]);
    // The HTML page's gate data keeps the failure with its rule and leaves the unchanged paired row passing.
    const html = htmlGate(comparison, verdict);
    expect(html.failures.map((f) => f.rule)).toEqual(['new-items']);
    expect(html.rows.find((r) => r.slice === 'long-tail' && r.metric === 'pass')?.verdict).toBe('pass');
    const md = renderDiffMarkdown(comparison, verdict);
    expect(md).toMatch(/\| long-tail \(long tail\) \| 30 \| 0\.00 \| 70 \| 0\.66 \| −65\.7 \[.*\] \| < 0\.001 \| ❌ \|/);
  });

  it('count in the family, and new items like the old ones pass', () => {
    const { head, comparison } = scenario(20);
    expect(comparison.family).toBe(comparison.rows.filter((r) => r.gated && r.excluded === undefined).length + 1);
    const verdict = evaluateGate(comparison, head, gate);
    expect(verdict.failures).toEqual([]);
    expect(verdict.notes.join('\n')).toContain("30 new items unpaired, with their slice's baseline pass rate");
  });

  it('the stale note says what was compared and lists what was not: removed items, new items in a slice the baseline lacks', () => {
    const base = report([...items('head', 20, 15), item('gone-1', ['head'], true)], { candidate: 'base' });
    const head = report([...items('head', 20, 15), item('head-new', ['head'], true), item('fresh-1', ['brand-new'], false)]);
    const comparison = compareReports(base, head, gate);
    expect(comparison.newItems.map((r) => r.slice)).toEqual(['head']);
    expect(comparison.comparability?.addedUncompared).toEqual(['fresh-1']);
    expect(staleNotice(comparison.comparability!)).toBe(
      "The item lists differ. The 20 items present in both with the same slices are compared in pairs; 1 new item unpaired, with its slice's baseline pass rate. Not compared: 1 new item in slices the baseline lacks (only floors apply: fresh-1) and 1 removed item (gone-1).",
    );
  });
});
