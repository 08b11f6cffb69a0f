import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');

describe("evals run --suite ifeval --candidate gpt4-ifeval (GPT-4's recorded responses)", () => {
  it('prints the four IFEval figures, each within one point of the paper', async () => {
    const reportsDir = mkdtempSync(path.join(tmpdir(), 'evals-ifeval-'));
    const { code, stdout } = await runCli(['run', '--suite', 'ifeval', '--candidate', 'gpt4-ifeval', '--reports-dir', reportsDir, '--quiet'], root);
    expect(code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(reportsDir, 'ifeval', 'gpt4-ifeval.json'), 'utf8')));
    const m = report.summary.metrics;
    // arXiv 2311.07911, GPT-4: prompt strict 76.89, instruction strict 83.57, prompt loose 79.30, instruction loose 85.37.
    const figures: Array<[string, number]> = [
      ['ifeval', 76.89],
      ['ifeval.instructions', 83.57],
      ['ifeval-loose', 79.3],
      ['ifeval-loose.instructions', 85.37],
    ];
    for (const [metric, paper] of figures) {
      const ours = (m[metric]?.mean ?? NaN) * 100;
      expect(Math.abs(ours - paper)).toBeLessThanOrEqual(1);
      expect(stdout).toContain((ours / 100).toFixed(3));
    }
    expect(m['ifeval.instructions']?.n).toBe(541);
  }, 60_000);
});
