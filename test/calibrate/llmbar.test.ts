import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATURAL, VANILLA, convertLlmbar } from '../../scripts/llmbar.js';
import { runCalibrate } from './harness.js';

const root = path.join(import.meta.dirname, '..', '..');
const shipped = path.join(root, 'calibration', 'llmbar');
const sharedData = path.resolve(root, '..', 'shared', 'data', 'llmbar');
const haveShared = existsSync(path.join(sharedData, NATURAL, 'dataset.json'));

describe('LLMBar Natural, GPT-4 Vanilla verdicts replayed', () => {
  it("prints the paper's own figures", async () => {
    const recordDir = mkdtempSync(path.join(tmpdir(), 'evals-llmbar-record-'));
    const result = await runCalibrate(
      ['--judge', 'gpt4-llmbar-vanilla', '--labels', 'calibration/llmbar/natural.labels.jsonl', '--config', 'test/fixtures/calibrate/evals.config.ts', '--reports-dir', recordDir],
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Judge gpt4-llmbar-vanilla: replay: real: GPT-4 (LLMBar Natural, Vanilla prompt)\n');
    expect(out).toContain('Labels: calibration/llmbar/natural.labels.jsonl (100 pairwise)\n');
    // statistics.json: correct_False, correct_True, correct_both, equal.
    expect(out).toMatch(/^correct without swap: +95 \/ 100 = 95\.0%$/m);
    expect(out).toMatch(/^correct with swap: +96 \/ 100 = 96\.0%$/m);
    expect(out).toMatch(/^correct in both orders: +93 \/ 100 = 93\.0%$/m);
    expect(out).toMatch(/^same verdict in both orders: +95 \/ 100 = 95\.0%$/m);
    // statistics.json kappa_agreement is 0.897708674304419.
    expect(out).toMatch(/^Cohen's kappa between orders: +0\.898$/m);
    expect(out).toMatch(/^position consistency: +95 \/ 100 = 95\.0% \(of the 5 inconsistent: 3 preferred the output shown first, 2 the one shown second\)$/m);
    expect(out).toMatch(/^judge errors: +0 \(0 without swap, 0 with swap\)$/m);
    expect(out).toContain(
      ['Confusion matrix without swap (rows: label, columns: judge)', 'label \\ judge      1     2', '1                 40     2', '2                  3    55'].join('\n'),
    );
    // The measured agreement is recorded, so runs can hold the judge to a minAgreement.
    expect(out).toMatch(/^agreement 93\.0%; recorded in /m);
    const record = JSON.parse(readFileSync(path.join(recordDir, 'calibration', 'gpt4-llmbar-vanilla.json'), 'utf8'));
    expect(record).toMatchObject({ schema: 'evals.calibration/1', judge: 'gpt4-llmbar-vanilla', kind: 'pairwise', n: 100, agreement: 0.93 });
  });
});

describe('scripts/convert-llmbar', () => {
  const reason = haveShared ? '' : ` (skipped: no LLMBar data at ${sharedData})`;
  if (!haveShared) console.warn(`convert-llmbar test skipped: no LLMBar data at ${sharedData}`);

  it.skipIf(!haveShared)(`reproduces the committed files byte for byte${reason}`, () => {
    const converted = convertLlmbar(sharedData);
    expect(converted.labels).toBe(readFileSync(path.join(shipped, 'natural.labels.jsonl'), 'utf8'));
    expect(converted.verdicts).toBe(readFileSync(path.join(shipped, 'natural.gpt4-vanilla.verdicts.jsonl'), 'utf8'));
  });

  /** A two-row LLMBar-shaped folder; `statistics` is what its statistics.json claims. */
  function fakeLlmbar(swappedWinner: '1' | '2', swappedCompletion: string, statistics: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-llmbar-'));
    const rows = [
      { input: 'q1', output_1: 'good', output_2: 'bad', label: 1 },
      { input: 'q2', output_1: 'bad', output_2: 'good', label: 2 },
    ];
    const results = rows.map((row, i) => ({
      ...row,
      results: [
        {
          'swap = False': { completion: [i === 0 ? 'Output (a)' : 'Output (b)', 'stop'], winner: String(row.label) },
          'swap = True': i === 0 ? { completion: [swappedCompletion, 'stop'], winner: swappedWinner } : { completion: ['Output (a)', 'stop'], winner: '2' },
        },
      ],
    }));
    mkdirSync(path.join(dir, NATURAL, VANILLA), { recursive: true });
    writeFileSync(path.join(dir, NATURAL, 'dataset.json'), JSON.stringify(rows));
    writeFileSync(path.join(dir, NATURAL, VANILLA, 'result.json'), JSON.stringify(results));
    writeFileSync(path.join(dir, NATURAL, VANILLA, 'statistics.json'), JSON.stringify(statistics));
    return dir;
  }
  const allRight = { correct_False: '2 / 2 = 100.0%', correct_True: '2 / 2 = 100.0%', correct_both: '2 / 2 = 100.0%', equal: '2 / 2 = 100.0%' };

  it('maps winners to positions: output_1 is A in the original order and B in the swapped one', () => {
    const { verdicts, labels } = convertLlmbar(fakeLlmbar('1', 'Output (b)', allRight));
    expect(labels.split('\n')[0]).toBe('{"id":"natural-001","input":"q1","output_1":"good","output_2":"bad","label":1}');
    expect(verdicts.split('\n').map((line) => (line ? JSON.parse(line) : line))).toEqual([
      { key: 'natural-001/pairwise/original', verdict: { winner: 'A', reasoning: 'Output (a)' } },
      { key: 'natural-001/pairwise/swapped', verdict: { winner: 'B', reasoning: 'Output (b)' } },
      { key: 'natural-002/pairwise/original', verdict: { winner: 'B', reasoning: 'Output (b)' } },
      { key: 'natural-002/pairwise/swapped', verdict: { winner: 'A', reasoning: 'Output (a)' } },
      '',
    ]);
  });

  it("refuses data whose statistics.json does not follow from result.json under that reading", () => {
    const positional = { ...allRight, correct_True: '1 / 2 = 50.0%', correct_both: '1 / 2 = 50.0%', equal: '1 / 2 = 50.0%' };
    expect(() => convertLlmbar(fakeLlmbar('1', 'Output (b)', positional))).toThrow(
      'statistics.json correct_True is "1 / 2 = 50.0%", recomputed "2 / 2 = 100.0%"',
    );
  });

  it("refuses a winner that contradicts GPT-4's own completion", () => {
    expect(() => convertLlmbar(fakeLlmbar('1', 'Output (a)', allRight))).toThrow(
      'natural-001 swapped: GPT-4 said "Output (a)" but the winner maps to position B',
    );
  });
});
