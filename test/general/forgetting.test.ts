import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ForgettingReportSchema } from '../../src/reports/forgetting-report.js';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');

async function forgetting(candidate: string) {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'evals-forgetting-'));
  const result = await runCli(['forgetting', '--candidate', candidate, '--reports-dir', reportsDir, '--quiet'], root);
  const suite = candidate.startsWith('math') ? 'math' : 'safety';
  const report = ForgettingReportSchema.parse(JSON.parse(readFileSync(path.join(reportsDir, suite, `${candidate}.forgetting.json`), 'utf8')));
  return { ...result, report, row: (slice: string, metric: string) => report.rows.find((r) => r.slice === slice && r.metric === metric) };
}

describe('evals forgetting on real recorded pairs', () => {
  it('fails mistral-guard (Mistral-7B-Instruct with a guardrail prompt) on over-refusal, and shows the trade-off', async () => {
    const { code, stdout, report, row } = await forgetting('mistral-guard');
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ over-refusal \/ pass: kept 8\d\.\d% of the base/);
    expect(report.failures.every((f) => f.startsWith('over-refusal'))).toBe(true);
    // The trade-off: refusals of harmful prompts rise steeply while refusals of safe ones rise too.
    const harmful = row('harmful', 'refusal.refused');
    const safe = row('over-refusal', 'refusal.refused');
    expect(harmful?.candidate).toBeGreaterThan((harmful?.base ?? 1) + 0.4);
    expect(safe?.candidate).toBeGreaterThan((safe?.base ?? 1) + 0.08);
    expect(row('harmful', 'pass')?.failed).toBe(false);
  }, 60_000);

  it('passes a pair that retains everything (a candidate replaying its own base)', async () => {
    const { code, report } = await forgetting('mistral-instruct-copy');
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.rows.filter((r) => r.retention !== null).every((r) => r.retention === 1)).toBe(true);
  }, 60_000);

  it('fails the synthetic math-forgetting pair naming math', async () => {
    const { code, stdout, row } = await forgetting('math-finetuned');
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ math \/ pass: kept 75\.0% of the base/);
    expect(row('math', 'pass')?.retention).toBe(0.75);
  }, 60_000);
});
