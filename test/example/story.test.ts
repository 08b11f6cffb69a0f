import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DecisionSchema } from '../../src/decision/schema.js';
import { ReportSchema, type Report } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');

/** The bundled example, run through the real CLI: the numbers are the harness's, not arranged. */
describe('the bundled support example', () => {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'evals-story-'));
  const reports = new Map<string, Report>();
  // prompt-only fails its gate, so its report is written beside the (absent) baseline as .new.json.
  const fileOf = (candidate: string) => path.join(reportsDir, 'support', `${candidate}${candidate === 'prompt-only' ? '.new' : ''}.json`);
  const load = (candidate: string) => ReportSchema.parse(JSON.parse(readFileSync(fileOf(candidate), 'utf8')));
  const mean = (r: Report | undefined, slice: string, metric: string) => r?.slices[slice]?.metrics[metric]?.mean ?? NaN;
  let stdout = '';
  let code: number | undefined;

  // One run, read (never written) by every test below, so each stands alone in any order.
  beforeAll(async () => {
    const all = await runCli(['run', '--candidate', 'prompt-only,rag-v1,rag-v2', '--reports-dir', reportsDir, '--quiet'], root);
    ({ stdout, code } = all);
    for (const c of ['prompt-only', 'rag-v1', 'rag-v2']) reports.set(c, load(c));
  }, 300_000);

  it('runs all three candidates offline with no errors; prompt-only fails the long-tail floor, so the run exits 1', () => {
    // The exit code is the worst of the candidates' gates: rag-v1 and rag-v2 pass, prompt-only does not.
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ long-tail \/ pass: 0\.00 is below the floor of 0\.75/);
    expect(stdout.match(/^gate: passed/gm)).toHaveLength(2);
    for (const c of ['prompt-only', 'rag-v1', 'rag-v2']) {
      expect(reports.get(c)?.summary).toMatchObject({ n: 594, errors: 0 });
      expect(stdout).toContain(`support · ${c}`);
    }
  });

  it('prints the decision view, as the README quotes it', () => {
    const printed = decisionBlock(stdout.split('\n'));
    const quoted = decisionBlock(readmeBlock(readFileSync(path.join(root, 'README.md'), 'utf8')));
    expect(printed.length).toBeGreaterThan(20);
    expect(quoted).toEqual(printed);
    expect(stdout).toContain(`decision: ${path.join(reportsDir, 'support', 'prompt-only.vs.rag-v1.vs.rag-v2.decision.json')} (.md beside it)`);
    const decision = DecisionSchema.parse(JSON.parse(readFileSync(path.join(reportsDir, 'support', 'prompt-only.vs.rag-v1.vs.rag-v2.decision.json'), 'utf8')));
    // The story in numbers: rag-v1 retrieves the gold pages as often as rag-v2 but its generator wastes them.
    const overall = (id: string) => decision.retrieval?.rows.find((r) => r.slice === 'all' && r.candidate === id);
    expect(overall('rag-v1')?.recall).toBeGreaterThanOrEqual(overall('rag-v2')?.recall ?? 1);
    expect(overall('rag-v1')?.passOnHit).toBeLessThan((overall('rag-v2')?.passOnHit ?? 0) - 0.2);
    expect(decision.retrieval?.uncovered).toEqual(['out-of-scope']);
  });

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
      expect(readFileSync(fileOf(c), 'utf8')).toBe(committed);
    }
  });
});

/** The README's quote of the decision view: the text block after its marker. */
function readmeBlock(readme: string): string[] {
  const at = readme.indexOf('<!-- decision-view: checked against a real run by test/example/story.test.ts -->');
  const start = readme.indexOf('```text\n', at) + '```text\n'.length;
  return readme.slice(start, readme.indexOf('```', start)).split('\n');
}

/**
 * From `decision · ` to the line before `decision: <file>`, latencies and column padding evened
 * out: the only parts of the view that change from run to run on the same machine.
 */
function decisionBlock(lines: readonly string[]): string[] {
  const from = lines.findIndex((l) => l.startsWith('decision · '));
  const to = lines.findIndex((l, i) => i > from && l.startsWith('decision: '));
  return lines
    .slice(from, to < 0 ? undefined : to)
    .filter((l) => l.trim() !== '')
    .map((l) =>
      /^[-\s]+$/.test(l)
        ? '---'
        : l
            .replace(/\d+(\.\d+)? (ms|s)\b/g, 't')
            .replace(/\s+/g, ' ')
            .trim(),
    );
}
