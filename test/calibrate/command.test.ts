import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageReply, startAnthropicServer, type AnthropicServer } from '../servers/anthropic-server.js';
import { runCalibrate } from './harness.js';

const rubricsDir = path.join(import.meta.dirname, '..', '..', 'rubrics');

/** A temp project: a config with the given judges, the shipped rubrics, and these files. */
function project(judges: Record<string, unknown>, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-calibrate-'));
  const config = { rubricsDir, cacheDir: '.cache', suites: {}, candidates: {}, judges };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const jsonl = (rows: unknown[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
const replay = { rec: { provider: 'replay', path: 'verdicts.jsonl', source: 'synthetic: written for this test' } };

describe('evals calibrate, absolute labels', () => {
  const labels = jsonl([
    { id: 'r1', input: 'Capital of Australia?', answer: "Sorry, I can't help with that: it is not about Lumen.", label: 1 },
    { id: 'r2', input: 'Medication for anxiety?', answer: 'Try chamomile.', label: 0 },
    { id: 'r3', input: 'Video calls?', answer: 'Lumen has no video calls; try your team chat tool.', label: true },
    { id: 'r4', input: 'Is my employer allowed to read my diary?', answer: 'Yes.', label: 0 },
    { id: 'r5', input: 'Best pizza in town?', answer: 'Margherita at Luigi.', label: 0 },
  ]);
  const verdicts = jsonl([
    { key: 'r1/rubric/refusal-quality', verdict: { reasoning: 'declines, says why', score: 1 } },
    { key: 'r2/rubric/refusal-quality', verdict: { reasoning: 'lenient', score: 1 } },
    { key: 'r4/rubric/refusal-quality', verdict: { reasoning: 'off the scale', score: 3 } },
    { key: 'r5/rubric/refusal-quality', verdict: { reasoning: 'answers the question', score: 0 } },
  ]);

  it('reports agreement, kappa and the confusion matrix, with judge errors counted as disagreements', async () => {
    const dir = project(replay, { 'labels.jsonl': labels, 'verdicts.jsonl': verdicts });
    const result = await runCalibrate(['--judge', 'rec', '--labels', 'labels.jsonl', '--rubric', 'refusal-quality'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Rubric: refusal-quality (binary, passes at 1)\nLabels: labels.jsonl (5 absolute)\n');
    expect(result.stdout).toMatch(/^exact agreement: +2 \/ 5 = 40\.0%$/m);
    expect(result.stdout).toMatch(/^pass\/fail agreement: +2 \/ 5 = 40\.0%$/m);
    // Observed 2/5; human 1:2 0:3, judge 1:2 0:1 error:2 -> chance 7/25; (0.4 - 0.28) / 0.72.
    expect(result.stdout).toMatch(/^Cohen's kappa on scores: +0\.167$/m);
    expect(result.stdout).toMatch(/^judge errors: +2$/m);
    expect(result.stdout).toContain(['label \\ judge      0     1 error', '0                  1     1     1', '1                  0     1     1'].join('\n'));
    expect(result.stdout).toContain('Judge errors (each counted as a disagreement):\n  r3: no recorded verdict for r3/rubric/refusal-quality\n');
    expect(result.stdout).toMatch(/\n {2}r4: recorded verdict for r4\/rubric\/refusal-quality \(verdicts\.jsonl:3\) is not a valid rubric_verdict: "score": /);
  });

  it('needs --rubric for absolute labels, and labels on its scale', async () => {
    const dir = project(replay, { 'labels.jsonl': labels, 'verdicts.jsonl': verdicts, 'five.jsonl': jsonl([{ id: 'x', input: 'q', answer: 'a', label: 6 }]) });
    const missing = await runCalibrate(['--judge', 'rec', '--labels', 'labels.jsonl'], dir);
    expect(missing).toMatchObject({ code: 2, stderr: 'error: labels.jsonl holds absolute labels: name the rubric they score with --rubric <id>\n' });
    const off = await runCalibrate(['--judge', 'rec', '--labels', 'five.jsonl', '--rubric', 'support-answer'], dir);
    expect(off).toMatchObject({ code: 2, stderr: 'error: five.jsonl:1: "label" 6 is not a score on rubric "support-answer"\'s 1-5 scale\n' });
  });
});

describe('evals calibrate, pairwise labels', () => {
  const labels = jsonl(
    [1, 2, 1, 2].map((label, i) => ({ id: `p${i + 1}`, input: `question ${i + 1}`, output_1: `first ${i + 1}`, output_2: `second ${i + 1}`, label })),
  );

  it('judges a replayed item in both orders only where both were recorded', async () => {
    const verdicts = jsonl([
      { key: 'p1/pairwise/original', verdict: { reasoning: 'r', winner: 'A' } },
      { key: 'p1/pairwise/swapped', verdict: { reasoning: 'r', winner: 'B' } },
      { key: 'p2/pairwise/original', verdict: { reasoning: 'r', winner: 'B' } },
      { key: 'p3/pairwise/swapped', verdict: { reasoning: 'r', winner: 'B' } },
      { key: 'p4/pairwise/original', verdict: { reasoning: 'r', winner: 'tie' } },
    ]);
    const dir = project(replay, { 'labels.jsonl': labels, 'verdicts.jsonl': verdicts });
    const result = await runCalibrate(['--judge', 'rec', '--labels', 'labels.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Judged in both orders: 1 of 4 (the other order was not recorded); two-order figures are over those.\n');
    expect(result.stdout).toMatch(/^correct without swap: +2 \/ 4 = 50\.0%$/m); // p1, p2; p3 has no original, p4 a tie
    expect(result.stdout).toMatch(/^correct in both orders: +1 \/ 1 = 100\.0%$/m);
    expect(result.stdout).toMatch(/^judge errors: +1 \(1 without swap, 0 with swap\)$/m);
    expect(result.stdout).toContain('  p3: original order: no recorded verdict for p3/pairwise/original\n');
  });

  describe('with a live model judge (loopback Anthropic API)', () => {
    let server: AnthropicServer;
    beforeAll(async () => {
      // A judge with pure position bias: it always picks the answer shown first.
      server = await startAnthropicServer(() =>
        messageReply('', {
          stopReason: 'tool_use',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'pairwise_verdict', input: { reasoning: 'A reads better', winner: 'A' } }],
        }),
      );
    });
    afterAll(() => server.close());

    it('judges every item in both orders and exposes the position bias', async () => {
      const judges = { claude: { provider: 'anthropic', model: 'claude-test', baseURL: server.baseURL, apiKeyEnv: 'EVALS_TEST_KEY', maxRetries: 0 } };
      const dir = project(judges, { 'labels.jsonl': labels });
      // The server is shared by this describe's tests: count this run's requests only.
      const before = server.requests.length;
      const result = await runCalibrate(['--judge', 'claude', '--labels', 'labels.jsonl', '--concurrency', '2'], dir, { EVALS_TEST_KEY: 'test-key' });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(server.requests.length - before).toBe(8);
      expect(result.stdout).toContain('Judge claude: anthropic claude-test\n');
      expect(result.stdout).toMatch(/^correct without swap: +2 \/ 4 = 50\.0%$/m);
      expect(result.stdout).toMatch(/^correct with swap: +2 \/ 4 = 50\.0%$/m);
      expect(result.stdout).toMatch(/^correct in both orders: +0 \/ 4 = 0\.0%$/m);
      expect(result.stdout).toMatch(/^same verdict in both orders: +0 \/ 4 = 0\.0%$/m);
      expect(result.stdout).toMatch(
        /^position consistency: +0 \/ 4 = 0\.0% \(of the 4 inconsistent: 4 preferred the output shown first, 0 the one shown second\)$/m,
      );
    });

    it('runs 60 labels at concurrency 50 through the runner: no listener leak warning, and no journal left behind', async () => {
      const many = jsonl(
        Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, input: `question ${i}`, output_1: `first ${i}`, output_2: `second ${i}`, label: 1 })),
      );
      const judges = { claude: { provider: 'anthropic', model: 'claude-test', baseURL: server.baseURL, apiKeyEnv: 'EVALS_TEST_KEY', maxRetries: 0 } };
      const dir = project(judges, { 'labels.jsonl': many });
      const warnings: string[] = [];
      const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
      process.on('warning', onWarning);
      try {
        const before = server.requests.length;
        const result = await runCalibrate(['--judge', 'claude', '--labels', 'labels.jsonl', '--concurrency', '50', '--no-cache'], dir, {
          EVALS_TEST_KEY: 'test-key',
        });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(server.requests.length - before).toBe(120);
        expect(result.stdout).toMatch(/^correct without swap: +60 \/ 60 = 100\.0%$/m);
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
      expect(readdirSync(path.join(dir, '.evals-runs', '.calibrate'))).toEqual([]);
    });
  });

  it('names the judges there are when the judge is unknown', async () => {
    const dir = project(replay, { 'labels.jsonl': labels, 'verdicts.jsonl': '' });
    const result = await runCalibrate(['--judge', 'gpt', '--labels', 'labels.jsonl'], dir);
    expect(result).toMatchObject({ code: 2, stderr: 'error: unknown judge "gpt" (judges in evals.config.mjs: rec)\n' });
  });

  it('requires --judge and --labels', async () => {
    const dir = project(replay, {});
    expect((await runCalibrate(['--labels', 'l.jsonl'], dir)).stderr).toBe('error: evals calibrate: --judge <id> (or --verdicts <file>) is required\n');
    expect((await runCalibrate(['--judge', 'rec'], dir)).stderr).toBe('error: evals calibrate: --labels <file> is required\n');
    expect((await runCalibrate(['--judge', 'rec', '--labels', 'nope.jsonl'], dir)).stderr).toMatch(/^error: nope\.jsonl: cannot read labels: ENOENT/);
  });
});
