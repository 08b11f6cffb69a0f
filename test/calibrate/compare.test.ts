import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicServer, toolUseReply, lastUserText, type AnthropicServer } from '../servers/anthropic-server.js';
import type { RecordedRequest } from '../servers/loopback.js';
import { jsonReply, lastUserContent, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';
import { runCalibrate } from './harness.js';

/**
 * Three judges on the same 40 pairwise labels, each the output marked GOOD:
 *   premium   (loopback Anthropic, priced high)  picks the GOOD answer: right on all 40
 *   budget    (loopback OpenAI, priced low)      picks the answer shown first on the 4 "tricky" questions: 36
 *   recorded  (replayed verdicts)                right on the first 20, the answer shown first on the rest: 20
 */
const N = 40;
const tricky = (i: number) => i % 10 === 0;
const labels = Array.from({ length: N }, (_, i) => {
  const label = i % 2 === 0 ? 1 : 2;
  const good = `GOOD answer ${i}`;
  const poor = `a poor but much longer answer to question ${i}`;
  return {
    id: `q${i}`,
    input: `Question ${i}${tricky(i) ? ' (tricky)' : ''}?`,
    output_1: label === 1 ? good : poor,
    output_2: label === 1 ? poor : good,
    label,
  };
});
const jsonl = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
const recorded = labels.flatMap(({ id, label }, i) => {
  const right = i < 20;
  // Original order shows output_1 first, so output 1 is position A; swapped shows output_2 first.
  return [
    { key: `${id}/pairwise/original`, verdict: { reasoning: 'r', winner: right ? (label === 1 ? 'A' : 'B') : 'A' } },
    { key: `${id}/pairwise/swapped`, verdict: { reasoning: 'r', winner: right ? (label === 1 ? 'B' : 'A') : 'A' } },
  ];
});

/** Which position holds the answer marked GOOD, read from the judge prompt. */
function goodPosition(prompt: string): 'A' | 'B' {
  const a = prompt.slice(prompt.indexOf('Answer A:'), prompt.indexOf('Answer B:'));
  return a.includes('GOOD') ? 'A' : 'B';
}

/** The longer answer's position: what a judge told to prefer thorough answers picks. */
function longerPosition(prompt: string): 'A' | 'B' {
  const a = prompt.slice(prompt.indexOf('Answer A:'), prompt.indexOf('Answer B:'));
  const b = prompt.slice(prompt.indexOf('Answer B:'));
  return a.length > b.length ? 'A' : 'B';
}

function project(files: Record<string, string>, judges: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-calcompare-'));
  const config = {
    judges,
    // USD per million tokens: what makes one judge cheaper than another.
    prices: { 'claude-premium': { input: 15, output: 75 }, 'gpt-budget': { input: 0.1, output: 0.4 } },
  };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const ENV = { EVALS_TEST_KEY: 'test-key' };

describe('evals calibrate, several judges compared', () => {
  let anthropic: AnthropicServer;
  let openai: OpenAIServer;
  const premiumPrompts = new Map<string, number>();
  beforeAll(async () => {
    anthropic = await startAnthropicServer((request: RecordedRequest) => {
      const prompt = lastUserText(request);
      // Rubric v2 asks for the most thorough answer: this judge then prefers the longer one.
      const winner = prompt.includes('most thorough') ? longerPosition(prompt) : goodPosition(prompt);
      const seen = premiumPrompts.get(prompt.replace(/[0-9a-f]{16}/g, '')) ?? 0;
      premiumPrompts.set(prompt.replace(/[0-9a-f]{16}/g, ''), seen + 1);
      // Asked again (a second epoch), it changes its mind on the tricky questions.
      const flipped = seen > 0 && prompt.includes('(tricky)') ? (winner === 'A' ? 'B' : 'A') : winner;
      return toolUseReply('pairwise_verdict', { reasoning: 'compared', winner: flipped }, { model: 'claude-premium', inputTokens: 1000, outputTokens: 100 });
    });
    openai = await startOpenAIServer((request: RecordedRequest) => {
      const prompt = lastUserContent(request);
      const winner = prompt.includes('(tricky)') ? 'A' : goodPosition(prompt);
      return jsonReply({ reasoning: 'compared', winner }, { model: 'gpt-budget', promptTokens: 1000, completionTokens: 100 });
    });
  });
  afterAll(async () => {
    await anthropic.close();
    await openai.close();
  });
  // The premium judge remembers what it was asked (to flip on a second epoch): each test starts it afresh.
  beforeEach(() => premiumPrompts.clear());

  const judges = () => ({
    premium: { provider: 'anthropic', model: 'claude-premium', baseURL: anthropic.baseURL, apiKeyEnv: 'EVALS_TEST_KEY', maxRetries: 0 },
    budget: { provider: 'openai', model: 'gpt-budget', baseURL: openai.baseURL, apiKeyEnv: 'EVALS_TEST_KEY', maxRetries: 0 },
  });

  it('prints one table, the significant differences, who qualifies and the cheapest that does', async () => {
    const dir = project({ 'labels.jsonl': jsonl(labels), 'recorded.jsonl': jsonl(recorded) }, judges());
    // The servers are shared by this describe's tests: count this run's requests only.
    const sent = { anthropic: anthropic.requests.length, openai: openai.requests.length };
    const result = await runCalibrate(
      ['--judge', 'premium,budget', '--verdicts', 'recorded=recorded.jsonl', '--labels', 'labels.jsonl', '--min-agreement', '0.85'],
      dir,
      ENV,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(
      'Judges compared on labels.jsonl (40 pairwise labels; agreement: correct in both orders where both were judged, else in the one judged)\n',
    );
    const row = (name: string) =>
      out
        .split('\n')
        .find((line) => line.startsWith(`${name} `))
        ?.trim()
        .split(/ {2,}/);
    // Wilson 95% intervals: 40/40 -> [91.2, 100.0], 36/40 -> [76.9, 96.0], 20/40 -> [35.2, 64.8].
    expect(row('premium')).toEqual([
      'premium',
      '100.0% (40/40) [91.2, 100.0]',
      '1.000',
      '100.0%',
      '—',
      '0',
      '$22.50',
      expect.stringMatching(/^\d+\.\d$/),
      'yes',
    ]);
    expect(row('budget')).toEqual(['budget', '90.0% (36/40) [76.9, 96.0]', '1.000', '90.0%', '—', '0', '$0.14', expect.stringMatching(/^\d+\.\d$/), 'yes']);
    // Recorded verdicts carry no cost and took no time here.
    expect(row('recorded')).toEqual(['recorded', '50.0% (20/40) [35.2, 64.8]', '0.500', '50.0%', '—', '0', 'n/a', '—', 'no']);
    expect(out).toContain('Differences in agreement, paired on the same labels (exact McNemar, Holm-adjusted over 3 pairs, alpha 0.05):\n');
    // premium vs budget: 4 discordant labels, all premium's: p = 2 * 0.5^4 = 0.125, Holm x1 (largest p).
    expect(out).toContain('  premium vs budget: premium alone right on 4, budget alone on 0; p = 0.125, adjusted 0.125: not significant\n');
    // premium vs recorded: 20 discordant, p = 2 * 0.5^20 = 1.9e-6, Holm x3 = 5.7e-6.
    expect(out).toContain('  premium vs recorded: premium alone right on 20, recorded alone on 0; p = 1.9e-6, adjusted 5.7e-6: significant\n');
    expect(out).toContain('  budget vs recorded: budget alone right on 18, recorded alone on 2; p = 4.0e-4, adjusted 8.0e-4: significant\n');
    expect(out).toContain('Qualify: premium (≥ 85.0%), budget (≥ 85.0%); below: recorded (≥ 85.0%)\n');
    expect(out).toContain('Cheapest that qualifies: budget ($0.14 / 1k verdicts)\n');
    // Every judge's agreement is recorded where runs hold a judge to its minAgreement.
    for (const [judge, agreement] of [
      ['premium', 1],
      ['budget', 0.9],
      ['recorded', 0.5],
    ] as const) {
      const record = JSON.parse(readFileSync(path.join(dir, 'reports', 'calibration', `${judge}.json`), 'utf8'));
      expect(record).toMatchObject({ judge, n: 40, agreement, labels: 'labels.jsonl' });
    }
    expect(out).toMatch(/^budget: agreement 90\.0% \(≥ minAgreement 0\.85: it gates\); recorded in reports\/calibration\/budget\.json$/m);
    expect(anthropic.requests.length - sent.anthropic).toBe(80);
    expect(openai.requests.length - sent.openai).toBe(80);
  });

  it('exits 1 when no judge reaches --min-agreement, and a rerun is served from the verdict cache', async () => {
    const dir = project({ 'labels.jsonl': jsonl(labels) }, judges());
    const before = openai.requests.length;
    const first = await runCalibrate(['--judge', 'budget', '--labels', 'labels.jsonl', '--min-agreement', '0.95'], dir, ENV);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^agreement 90\.0% \(below minAgreement 0\.95: its metrics are reported but do not gate\); recorded in /m);
    expect(openai.requests.length - before).toBe(80);
    const again = await runCalibrate(['--judge', 'budget', '--labels', 'labels.jsonl'], dir, ENV);
    expect(again.code).toBe(0);
    expect(openai.requests.length - before).toBe(80);
  });

  it('measures flips over epochs: each repeat is a fresh verdict, past the cache', async () => {
    const dir = project({ 'labels.jsonl': jsonl(labels) }, judges());
    const result = await runCalibrate(['--judge', 'premium,budget', '--labels', 'labels.jsonl', '--epochs', '2'], dir, ENV);
    expect(result.code).toBe(0);
    const header = result.stdout.split('\n').find((line) => line.startsWith('judge '));
    expect(header).toContain('flips over 2 epochs');
    // premium flips both orders of the 4 tricky labels on its second look: 8 of 80 judgments.
    expect(result.stdout).toMatch(/^premium +100\.0% \(40\/40\).* {2}10\.0% \(8\/80\) {2}/m);
    expect(result.stdout).toMatch(/^budget +90\.0% \(36\/40\).* {2}0\.0% \(0\/80\) {2}/m);
  });

  it('one judge alone: the flip rate beside its agreement', async () => {
    const dir = project({ 'labels.jsonl': jsonl(labels) }, judges());
    const result = await runCalibrate(['--judge', 'premium', '--labels', 'labels.jsonl', '--epochs', '2'], dir, ENV);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^flips over 2 epochs: 8 of 80 judgments \(10%\)$/m);
  });
});

describe('evals calibrate, rubric versions compared', () => {
  let anthropic: AnthropicServer;
  beforeAll(async () => {
    anthropic = await startAnthropicServer((request: RecordedRequest) => {
      const prompt = lastUserText(request);
      const winner = prompt.includes('most thorough') ? longerPosition(prompt) : goodPosition(prompt);
      return toolUseReply('pairwise_verdict', { reasoning: 'compared', winner }, { model: 'claude-premium' });
    });
  });
  afterAll(() => anthropic.close());

  const rubric = (description: string) =>
    `---\nid: helpful\nscale: binary\ncriteria:\n  - name: helpful\n    description: ${description}\n---\nJudge which answer is better.\n`;

  it('gates a rubric edit on agreement with people: the same judge under two versions, paired', async () => {
    const dir = project(
      {
        'labels.jsonl': jsonl(labels),
        'helpful.v1.md': rubric('The answer marked as the good one.'),
        'helpful.v2.md': rubric('The most thorough answer, whatever else it says.'),
      },
      { premium: { provider: 'anthropic', model: 'claude-premium', baseURL: anthropic.baseURL, apiKeyEnv: 'EVALS_TEST_KEY', maxRetries: 0 } },
    );
    const result = await runCalibrate(
      ['--judge', 'premium', '--rubric', 'helpful.v1.md,helpful.v2.md', '--labels', 'labels.jsonl', '--min-agreement', '0.8'],
      dir,
      ENV,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The two versions share the id "helpful", so they are named by file.
    expect(result.stdout).toMatch(/^premium@helpful\.v1 +100\.0% \(40\/40\)/m);
    expect(result.stdout).toMatch(/^premium@helpful\.v2 +0\.0% \(0\/40\)/m);
    expect(result.stdout).toContain(
      '  premium@helpful.v1 vs premium@helpful.v2: premium@helpful.v1 alone right on 40, premium@helpful.v2 alone on 0; p = 1.8e-12, adjusted 1.8e-12: significant\n',
    );
    expect(result.stdout).toContain('Qualify: premium@helpful.v1 (≥ 80.0%); below: premium@helpful.v2 (≥ 80.0%)\n');
    expect(result.stdout).toContain(
      'premium@helpful.v2: agreement 0.0% (below minAgreement 0.8: its metrics are reported but do not gate); not recorded (rubric versions compared: calibrate the chosen one alone to record it)\n',
    );

    // The edit alone, as CI would run it: below the bar, exit 1.
    const edited = await runCalibrate(['--judge', 'premium', '--rubric', 'helpful.v2.md', '--labels', 'labels.jsonl', '--min-agreement', '0.8'], dir, ENV);
    expect(edited.code).toBe(1);
    const record = JSON.parse(readFileSync(path.join(dir, 'reports', 'calibration', 'premium.json'), 'utf8'));
    expect(record).toMatchObject({ judge: 'premium', agreement: 0, rubric: { id: 'helpful' } });
  });
});

describe('evals calibrate, labels and recorded verdicts that do not match', () => {
  const few = labels.slice(0, 4);

  it('is exit 2, naming both files, when no label has a verdict', async () => {
    const other = recorded.map((row) => ({ ...row, key: row.key.replace(/^q/, 'item-') }));
    const dir = project({ 'labels.jsonl': jsonl(few), 'other.jsonl': jsonl(other) }, {});
    const result = await runCalibrate(['--verdicts', 'other.jsonl', '--labels', 'labels.jsonl'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: no label in labels.jsonl has a recorded verdict in other.jsonl: their ids do not overlap (labels: "q0", "q1", ...; verdicts: "item-0", "item-1", ...)\n',
    );
    expect(result.stdout).toBe('');
  });

  it('reports a partial overlap with the count, the missing labels as judge errors', async () => {
    const dir = project({ 'labels.jsonl': jsonl(few), 'recorded.jsonl': jsonl(recorded.slice(0, 6)) }, {});
    const result = await runCalibrate(['--verdicts', 'recorded.jsonl', '--labels', 'labels.jsonl'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('recorded.jsonl has verdicts for 3 of the 4 labels in labels.jsonl; the other 1 count as judge errors\n');
    expect(result.stdout).toMatch(/^judge errors: +1 \(1 without swap, 0 with swap\)$/m);
  });
});
