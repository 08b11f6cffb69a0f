import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');

/** The bundled example, run through the real CLI: the numbers are the harness's, not arranged. */
describe('the bundled support example', () => {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'evals-story-'));
  const reports = new Map<string, Report>();
  const load = (candidate: string) => ReportSchema.parse(JSON.parse(readFileSync(path.join(reportsDir, 'support', `${candidate}.json`), 'utf8')));
  const mean = (r: Report | undefined, slice: string, metric: string) => r?.slices[slice]?.metrics[metric]?.mean ?? NaN;

  it('runs all three candidates offline with no errors; prompt-only fails the long-tail floor', async () => {
    const rag = await runCli(['run', '--candidate', 'rag-v1,rag-v2', '--reports-dir', reportsDir, '--quiet'], root);
    expect(rag.code).toBe(0);
    const promptOnly = await runCli(['run', '--candidate', 'prompt-only', '--reports-dir', reportsDir, '--quiet', '-u'], root);
    expect(promptOnly.code).toBe(0);
    expect(promptOnly.stdout).toMatch(/gate: failed, accepted by --update/);
    expect(promptOnly.stdout).toMatch(/✗ long-tail \/ pass: 0\.00 is below the floor of 0\.75/);
    for (const c of ['prompt-only', 'rag-v1', 'rag-v2']) {
      reports.set(c, load(c));
      expect(reports.get(c)?.summary).toMatchObject({ n: 594, errors: 0 });
      expect(`${rag.stdout}${promptOnly.stdout}`).toContain(`support · ${c}`);
    }
  }, 120_000);

  it('tells the story: retrieval wins on the long tail', () => {
    expect(mean(reports.get('prompt-only'), 'long-tail', 'contains')).toBeLessThan(mean(reports.get('rag-v2'), 'long-tail', 'contains') - 0.5);
    expect(mean(reports.get('prompt-only'), 'long-tail', 'pass')).toBeLessThan(mean(reports.get('rag-v2'), 'long-tail', 'pass'));
    // ... while the head hides it: prompt-only knows the common facts.
    expect(mean(reports.get('prompt-only'), 'head', 'contains')).toBeGreaterThan(0.5);
  });

  it('tells the story: citations and refusals separate rag-v2 from rag-v1', () => {
    const v1 = reports.get('rag-v1');
    const v2 = reports.get('rag-v2');
    expect(v2?.summary.metrics.citations?.mean).toBeGreaterThan(v1?.summary.metrics.citations?.mean ?? 1);
    expect(mean(v2, 'multi-doc', 'citations.recall')).toBeGreaterThan(mean(v1, 'multi-doc', 'citations.recall'));
    expect(mean(v2, 'out-of-scope', 'refusal')).toBeGreaterThan(mean(v1, 'out-of-scope', 'refusal') + 0.5);
    expect(v2?.summary.metrics.pass?.mean).toBeGreaterThan(v1?.summary.metrics.pass?.mean ?? 1);
  });

  it('matches the committed baseline reports byte for byte', () => {
    for (const c of ['prompt-only', 'rag-v1', 'rag-v2']) {
      const committed = readFileSync(path.join(root, 'reports', 'support', `${c}.json`), 'utf8');
      expect(readFileSync(path.join(reportsDir, 'support', `${c}.json`), 'utf8')).toBe(committed);
    }
  });
});
