import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/gate/compare.js';
import { evaluateGate } from '../../src/gate/decision.js';
import { escapeData, escapeProperty, githubAnnotations, MAX_ANNOTATIONS, stepSummary, type ItemOrigin } from '../../src/reports/github.js';
import { flip, gateConfig, ids, items, report } from './helpers.js';

describe('GitHub workflow commands', () => {
  it('escapes messages and properties the way the toolkit does', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('goldensets/support.jsonl: a, b%\n')).toBe('goldensets/support.jsonl%3A a%2C b%25%0A');
  });

  it('annotates at most ten regressed items at their golden-set line, failing slices’ items as errors first', () => {
    const base = [...items('head', 1000, 1000), ...items('long-tail', 40, 40)];
    // 15 long-tail items fail the gate's long-tail row; 5 head items slip within tolerance.
    const headReport = report(flip(base, new Set([...ids('long-tail', 0, 15), ...ids('head', 0, 5)])));
    const gate = gateConfig();
    const comparison = compareReports(report(base), headReport, gate);
    const verdict = evaluateGate(comparison, headReport, gate);
    const origins = new Map<string, ItemOrigin>(comparison.regressedItems.map((c, i) => [c.id, { file: 'goldensets/support, v2.jsonl', line: i + 1 }]));
    origins.delete('long-tail-003');
    const lines = githubAnnotations(comparison, verdict, origins);
    expect(comparison.regressedItems).toHaveLength(20);
    expect(lines).toHaveLength(MAX_ANNOTATIONS);
    expect(lines.every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines[0]).toBe(
      `::error file=goldensets/support%2C v2.jsonl,line=${origins.get('long-tail-000')?.line},title=Regression%3A long-tail-000 (long-tail)::long-tail-000: pass 1.00 → 0.00. Now fails: contains: missing "long-tail-000"`,
    );
    expect(lines[3]).toMatch(/^::error title=Regression%3A long-tail-003 \(long-tail\)::/);

    const passing = githubAnnotations(comparison, { passed: true, failures: [], notes: [] }, origins);
    expect(passing.every((l) => l.startsWith('::warning '))).toBe(true);
  });

  it('passes the diff markdown through as the step summary, cut only beyond GitHub’s 1 MiB limit', () => {
    expect(stepSummary('## ok\n')).toBe('## ok\n');
    const big = stepSummary('é'.repeat(600_000));
    expect(Buffer.byteLength(big, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(big).toMatch(/cut here to fit GitHub’s 1 MiB step-summary limit\.\n$/);
  });
});
