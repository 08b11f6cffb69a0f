import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { degradedProject } from '../example/degraded.js';
import { runCli } from './harness.js';

const root = path.join(import.meta.dirname, '..', '..');
const xsd = path.join(root, 'test', 'gate', 'fixtures', 'JUnit.xsd');
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the gate on the example', () => {
  it('fails a tenth of the long tail degraded, names the slice though the overall barely moves; -u accepts it', async () => {
    const { dir, config, degraded } = degradedProject();
    const baselineJson = readFileSync(path.join(dir, 'reports/support/rag-v2.json'), 'utf8');
    const failed = await runCli(['run', '--candidate', 'rag-v2', '--config', config, '--quiet', '--junit', 'junit.xml', '--summary', 'diff.md'], dir);
    expect(degraded.length).toBe(11);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/gate: FAILED/);
    expect(failed.stdout).toMatch(/✗ long-tail \/ pass: 0\.92 → 0\.82 \(−10\.0 points, 95% CI .* adjusted\) exceeds the 2-point tolerance/);
    expect(failed.stdout).not.toMatch(/✗ all \//);
    // The baseline is kept; the new report waits beside it.
    expect(readFileSync(path.join(dir, 'reports/support/rag-v2.json'), 'utf8')).toBe(baselineJson);
    const head = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/support/rag-v2.new.json'), 'utf8')));
    const base = ReportSchema.parse(JSON.parse(baselineJson));
    const overallDrop = (base.summary.metrics.pass?.mean ?? 0) - (head.summary.metrics.pass?.mean ?? 0);
    expect(overallDrop).toBeGreaterThan(0.01);
    expect(overallDrop).toBeLessThanOrEqual(0.02);
    const diffMd = readFileSync(path.join(dir, 'diff.md'), 'utf8');
    expect(diffMd).toContain('long-tail');
    for (const id of degraded.slice(0, 10)) expect(diffMd).toContain(id);

    const diffed = await runCli(['diff', 'reports/support/rag-v2.json', 'reports/support/rag-v2.new.json', '--config', config], dir);
    expect(diffed.code).toBe(1);
    expect(diffed.stdout).toMatch(/✗ long-tail \/ pass: 0\.92 → 0\.82/);

    // Accepting writes the baseline and removes the stale .new.* beside it.
    const rejected = readFileSync(path.join(dir, 'reports/support/rag-v2.new.json'), 'utf8');
    const accepted = await runCli(['run', '--candidate', 'rag-v2', '--config', config, '--quiet', '-u'], dir);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/gate: failed, accepted by --update/);
    expect(readFileSync(path.join(dir, 'reports/support/rag-v2.json'), 'utf8')).toBe(rejected);
    expect(existsSync(path.join(dir, 'reports/support/rag-v2.new.json'))).toBe(false);

    const next = await runCli(['run', '--candidate', 'rag-v2', '--config', config, '--quiet'], dir);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/gate: passed/);
  });

  it.skipIf(!hasXmllint)('writes JUnit that validates against the Ant JUnit schema (xmllint)', async () => {
    const { dir, config } = degradedProject();
    await runCli(['run', '--candidate', 'rag-v2', '--config', config, '--quiet', '--junit', 'junit.xml'], dir);
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, path.join(dir, 'junit.xml')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toMatch(/<failure message="long-tail \/ pass: 0\.92 → 0\.82/);
  });

  it('under GitHub Actions writes the step summary and annotates regressed items at their golden-set line', async () => {
    const { dir, config } = degradedProject();
    const summary = path.join(dir, 'step-summary.md');
    const result = await runCli(['run', '--candidate', 'rag-v2', '--config', config, '--quiet'], dir, new AbortController().signal, {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: root,
    });
    expect(existsSync(summary)).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('long-tail');
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.length).toBeLessThanOrEqual(10);
    expect(annotations[0]).toMatch(/^::(error|warning) file=goldensets\/support\/support\.jsonl,line=\d+/);
  });
});
