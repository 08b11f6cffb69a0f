import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleNotice } from '../../src/gate/pairing.js';
import { compareReports } from '../../src/gate/compare.js';
import { evaluateGate } from '../../src/gate/decision.js';
import { ReportSchema } from '../../src/report-schema.js';
import { detectableDropFromDiscordance } from '../../src/stats/mcnemar-power.js';
import { minDetectableDrop } from '../../src/stats/power.js';
import { flip, gateConfig, ids, item, items, report } from './helpers.js';

const reports = path.join(import.meta.dirname, '..', '..', 'reports', 'support');
const committed = (candidate: string) => ReportSchema.parse(JSON.parse(readFileSync(path.join(reports, `${candidate}.json`), 'utf8')));

describe('comparability', () => {
  it('names what changed, pairs only items with the same id and slices, and lists the rest', () => {
    const base = report([item('a', ['head'], true), item('b', ['head'], true), item('c', ['head'], true)], { candidate: 'base' });
    const head = report([item('b', ['head'], false), item('c', ['long-tail'], true), item('d', ['head'], true)], {
      fingerprint: { rubrics: 'rubrics-2', epochs: 3 },
    });
    const comparison = compareReports(base, head, gateConfig());
    expect(comparison.comparability).toEqual({
      stale: true,
      changed: [
        { part: 'rubrics', base: 'rubrics-1', head: 'rubrics-2' },
        { part: 'epochs', base: '1', head: '3' },
      ],
      paired: 1,
      added: ['d'],
      removed: ['a'],
      resliced: ['c'],
      missingMetrics: [],
      addedUncompared: [],
    });
    expect(comparison.rows.map((r) => [r.slice, r.n])).toEqual([
      ['all', 1],
      ['head', 1],
    ]);
    expect(staleNotice(comparison.comparability!)).toBe(
      "The baseline is stale: rubrics and epochs (1 → 3) changed since it was made. The 1 item present in both with the same slices are compared in pairs; 1 new item unpaired, with its slice's baseline pass rate. Not compared: 1 removed item (a) and 1 item moved to other slices (c). Re-run the baseline on the current items to compare everything.",
    );
    const verdict = evaluateGate(comparison, head, gateConfig());
    expect(verdict.notes).toContain(staleNotice(comparison.comparability!));
  });

  it('has no notice when nothing changed', () => {
    const same = report(items('head', 5, 5));
    expect(staleNotice(compareReports(same, same, gateConfig()).comparability!)).toBeNull();
  });
});

describe('what a comparison could have caught', () => {
  it("states the detectable drop at the row's share of alpha from its own paired data, none when n is too small", () => {
    const base = report([...items('head', 200, 180), ...items('long-tail', 4, 4)]);
    const head = report(flip([...items('head', 200, 180), ...items('long-tail', 4, 4)], new Set([...ids('head', 0, 3), ...ids('head', 180, 183)])));
    const comparison = compareReports(base, head, gateConfig());
    const headRow = comparison.rows.find((r) => r.slice === 'head');
    const level = (headRow?.weight ?? 0) * 0.05;
    expect(level).toBeGreaterThan(0);
    // 6 of 200 items differ: the exact McNemar power at that discordance, not the independent-runs formula.
    expect(headRow?.minDetectableDrop).toBeCloseTo(detectableDropFromDiscordance(200, 6 / 200, 0.9, level)!, 9);
    expect(headRow?.minDetectableDrop).toBeLessThan(minDetectableDrop({ kind: 'binary', baseline: 0.9, alpha: 2 * level, n: 200 })!);
    // Four pairs: an exact one-sided test cannot reach p < 2^-4 = 0.0625 (> 0.05), so nothing is detectable.
    expect(comparison.rows.find((r) => r.slice === 'long-tail')?.minDetectableDrop).toBeNull();
  });
});

describe('regressed items', () => {
  it('lists items that lost a pass first, then by the size of the drop, ignoring improvements', () => {
    const base = report([
      item('lost', ['head'], true, { contains: 1 }),
      item('slipped', ['head'], false, { contains: 0.9 }),
      item('slipped-more', ['head'], false, { contains: 0.8 }),
      item('fixed', ['head'], false, { contains: 0 }),
      item('sub-only', ['head'], true, { 'citations.recall': 1 }),
    ]);
    const head = report([
      item('lost', ['head'], false, { contains: 1 }),
      item('slipped', ['head'], false, { contains: 0.7 }),
      item('slipped-more', ['head'], false, { contains: 0.2 }),
      item('fixed', ['head'], true, { contains: 1 }),
      item('sub-only', ['head'], true, { 'citations.recall': 0 }),
    ]);
    const changes = compareReports(base, head, gateConfig()).regressedItems;
    expect(changes.map((c) => c.id)).toEqual(['lost', 'slipped-more', 'slipped']);
    expect(changes[0]).toMatchObject({ passBase: true, passHead: false, worst: 1, drops: [{ metric: 'pass', base: 1, head: 0 }] });
    expect(changes[1]?.worst).toBeCloseTo(0.6, 12);
  });
});

describe('the committed example reports', () => {
  it('flags the one thing rag-v2 does worse than rag-v1 (refusing head questions), and the many things the reverse loses', () => {
    const [v1, v2] = [committed('rag-v1'), committed('rag-v2')];
    const gate = gateConfig();
    const forward = compareReports(v1, v2, gate);
    expect(forward.comparability).toMatchObject({ stale: false, paired: 594, added: [], removed: [] });
    // rag-v2 refuses when retrieval finds nothing relevant; on differently worded head questions
    // that is over-refusal, which rag-v1 (never refusing) did not have.
    // Components share a fifth of their slice's budget (pass comes first), so the overall refusal drop
    // (p = 5e-4 raw) is noted, not failed; the head slice's is caught.
    const verdict = evaluateGate(forward, v2, gate);
    expect(verdict.failures.map((f) => `${f.slice} / ${f.metric}`)).toEqual(['head / refusal']);
    expect(verdict.notes.some((n) => n.startsWith('all / refusal fell 5.6 points'))).toBe(true);

    const backward = evaluateGate(compareReports(v2, v1, gate), v1, gate);
    expect(backward.passed).toBe(false);
    const failed = backward.failures.map((f) => `${f.slice} / ${f.metric}`);
    expect(failed).toContain('all / pass');
    expect(failed).toContain('out-of-scope / pass');
    expect(backward.failures.every((f) => f.rule === 'regression')).toBe(true);
  });

  it('keeps regressions in one slice visible when another slice improves enough to hide them overall', () => {
    const base = report([...items('head', 100, 60), ...items('long-tail', 60, 60)]);
    const head = report(flip([...items('head', 100, 60), ...items('long-tail', 60, 60)], new Set([...ids('head', 60, 100), ...ids('long-tail', 0, 20)])));
    const comparison = compareReports(base, head, gateConfig());
    expect(comparison.rows.find((r) => r.slice === 'all')?.diff).toBeGreaterThan(0);
    expect(evaluateGate(comparison, head, gateConfig()).failures.map((f) => f.slice)).toEqual(['long-tail']);
  });
});
