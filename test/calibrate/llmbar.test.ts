import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { convertLlmbar } from '../../src/labels/llmbar.js';
import { runCli } from '../cli/harness.js';
import { runCalibrate } from './harness.js';

const root = path.join(import.meta.dirname, '..', '..');
const shipped = path.join(root, 'calibration', 'llmbar');
const sharedData = path.resolve(root, '..', 'shared', 'data', 'llmbar', 'LLMBar');
const haveShared = existsSync(path.join(sharedData, 'Natural', 'dataset.json'));

/**
 * LLMBar's own figures for GPT-4 under the Vanilla prompt, from each set's
 * evaluators/GPT-4/Vanilla/statistics.json (correct_False, correct_True, correct_both, equal).
 */
const SETS = [
  { name: 'natural', folder: 'Natural', n: 100, figures: [95, 96, 93, 95] },
  { name: 'neighbor', folder: 'Adversarial/Neighbor', n: 134, figures: [104, 107, 101, 125] },
  { name: 'gptinst', folder: 'Adversarial/GPTInst', n: 92, figures: [78, 81, 77, 87] },
  { name: 'gptout', folder: 'Adversarial/GPTOut', n: 47, figures: [35, 38, 35, 44] },
  { name: 'manual', folder: 'Adversarial/Manual', n: 46, figures: [35, 39, 33, 38] },
] as const;

const ratio = (count: number, n: number) => `${count} / ${n} = ${((count / n) * 100).toFixed(1)}%`.replace(/[./]/g, (c) => `\\${c}`);

describe("LLMBar, GPT-4's recorded Vanilla verdicts replayed with no config", () => {
  for (const set of SETS) {
    it(`${set.folder}: prints LLMBar's four figures`, async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), 'evals-llmbar-'));
      const result = await runCalibrate(
        ['--verdicts', `gpt4=${path.join(shipped, `${set.name}.gpt4-vanilla.verdicts.jsonl`)}`, '--labels', path.join(shipped, `${set.name}.labels.jsonl`)],
        cwd,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const [original, swapped, both, same] = set.figures;
      expect(result.stdout).toContain(`(${set.n} pairwise)\n`);
      expect(result.stdout).toMatch(new RegExp(`^correct without swap: +${ratio(original, set.n)}$`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^correct with swap: +${ratio(swapped, set.n)}$`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^correct in both orders: +${ratio(both, set.n)}$`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`^same verdict in both orders: +${ratio(same, set.n)}$`, 'm'));
      expect(result.stdout).toMatch(/^judge errors: +0 \(0 without swap, 0 with swap\)$/m);
      // No config: the record goes to ./reports, where a run's judge qualification reads it.
      const record = JSON.parse(readFileSync(path.join(cwd, 'reports', 'calibration', 'gpt4.json'), 'utf8'));
      expect(record).toMatchObject({ judge: 'gpt4', kind: 'pairwise', n: set.n, agreement: both / set.n });
    });
  }

  it('Natural through a config judge: the kappas and the confusion matrix too', async () => {
    const recordDir = mkdtempSync(path.join(tmpdir(), 'evals-llmbar-record-'));
    const result = await runCalibrate(
      [
        '--judge',
        'gpt4-llmbar-vanilla',
        '--labels',
        'calibration/llmbar/natural.labels.jsonl',
        '--config',
        'test/fixtures/calibrate/evals.config.ts',
        '--reports-dir',
        recordDir,
      ],
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Judge gpt4-llmbar-vanilla: replay: real: GPT-4 (LLMBar Natural, Vanilla prompt)\n');
    // statistics.json kappa_agreement is 0.897708674304419.
    expect(out).toMatch(/^Cohen's kappa between orders: +0\.898$/m);
    expect(out).toMatch(/^position consistency: +95 \/ 100 = 95\.0% \(of the 5 inconsistent: 3 preferred the output shown first, 2 the one shown second\)$/m);
    expect(out).toContain(
      [
        'Confusion matrix without swap (rows: label, columns: judge)',
        'label \\ judge      1     2',
        '1                 40     2',
        '2                  3    55',
      ].join('\n'),
    );
    expect(out).toMatch(/^agreement 93\.0%; recorded in /m);
    const record = JSON.parse(readFileSync(path.join(recordDir, 'calibration', 'gpt4-llmbar-vanilla.json'), 'utf8'));
    expect(record).toMatchObject({ schema: 'evals.calibration/1', judge: 'gpt4-llmbar-vanilla', kind: 'pairwise', n: 100, agreement: 0.93 });
  });
});

describe('evals labels import llmbar', () => {
  const reason = haveShared ? '' : ` (skipped: no LLMBar data at ${sharedData})`;
  if (!haveShared) console.warn(`LLMBar import test skipped: no LLMBar data at ${sharedData}`);

  it.skipIf(!haveShared)(`converts each of the five sets with one command, reproducing the committed files byte for byte${reason}`, async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'evals-llmbar-import-'));
    for (const set of SETS) {
      const labels = path.join(out, `${set.name}.labels.jsonl`);
      const verdicts = path.join(out, `${set.name}.verdicts.jsonl`);
      const result = await runCli(['labels', 'import', 'llmbar', path.join(sharedData, set.folder), '--out', labels, '--out-verdicts', verdicts], out);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`wrote ${set.n} pairwise labels to ${set.name}.labels.jsonl\n`);
      expect(result.stdout).toContain(
        `wrote ${set.n * 2} recorded verdicts of GPT-4/Vanilla (its statistics.json reproduced: correct_False ${set.figures[0]} / ${set.n} = `,
      );
      expect(readFileSync(labels, 'utf8')).toBe(readFileSync(path.join(shipped, `${set.name}.labels.jsonl`), 'utf8'));
      expect(readFileSync(verdicts, 'utf8')).toBe(readFileSync(path.join(shipped, `${set.name}.gpt4-vanilla.verdicts.jsonl`), 'utf8'));
    }
  });

  /** A two-row LLMBar-shaped set folder; `statistics` is what its statistics.json claims. */
  function fakeLlmbar(swappedWinner: '1' | '2', swappedCompletion: string, statistics: Record<string, string>): string {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'evals-llmbar-')), 'Natural');
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
    const vanilla = path.join(dir, 'evaluators', 'GPT-4', 'Vanilla');
    mkdirSync(vanilla, { recursive: true });
    writeFileSync(path.join(dir, 'dataset.json'), JSON.stringify(rows));
    writeFileSync(path.join(vanilla, 'result.json'), JSON.stringify(results));
    writeFileSync(path.join(vanilla, 'statistics.json'), JSON.stringify(statistics));
    return dir;
  }
  const allRight = { correct_False: '2 / 2 = 100.0%', correct_True: '2 / 2 = 100.0%', correct_both: '2 / 2 = 100.0%', equal: '2 / 2 = 100.0%' };

  it('maps winners to positions: output_1 is A in the original order and B in the swapped one', () => {
    const { recorded, labels } = convertLlmbar(fakeLlmbar('1', 'Output (b)', allRight));
    expect(labels.split('\n')[0]).toBe('{"id":"natural-001","input":"q1","output_1":"good","output_2":"bad","label":1}');
    expect(recorded?.verdicts.split('\n').map((line) => (line ? JSON.parse(line) : line))).toEqual([
      { key: 'natural-001/pairwise/original', verdict: { winner: 'A', reasoning: 'Output (a)' } },
      { key: 'natural-001/pairwise/swapped', verdict: { winner: 'B', reasoning: 'Output (b)' } },
      { key: 'natural-002/pairwise/original', verdict: { winner: 'B', reasoning: 'Output (b)' } },
      { key: 'natural-002/pairwise/swapped', verdict: { winner: 'A', reasoning: 'Output (a)' } },
      '',
    ]);
  });

  it('refuses data whose statistics.json does not follow from result.json under that reading', () => {
    const positional = { ...allRight, correct_True: '1 / 2 = 50.0%', correct_both: '1 / 2 = 50.0%', equal: '1 / 2 = 50.0%' };
    expect(() => convertLlmbar(fakeLlmbar('1', 'Output (b)', positional))).toThrow(
      /statistics\.json: correct_True is "1 \/ 2 = 50\.0%", recomputed "2 \/ 2 = 100\.0%"/,
    );
  });

  it("refuses a winner that contradicts the evaluator's own completion", () => {
    expect(() => convertLlmbar(fakeLlmbar('1', 'Output (a)', allRight))).toThrow(
      /natural-001 swapped: the evaluator said "Output \(a\)" but the winner maps to position B/,
    );
  });

  it('is exit 2, writing nothing, for a folder that is not an LLMBar set', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-llmbar-bad-'));
    expect(() => convertLlmbar(dir)).toThrow(UserError);
    const result = await runCli(['labels', 'import', 'llmbar', '.', '--out', 'l.jsonl'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not an LLMBar set folder \(no dataset\.json\)/);
    expect(existsSync(path.join(dir, 'l.jsonl'))).toBe(false);
  });
});
