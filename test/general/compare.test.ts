import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompareReportSchema } from '../../src/reports/compare-report.js';
import { tallyPairs } from '../../src/reports/parity.js';
import type { PairwiseOutcome } from '../../src/scoring/judges/types.js';
import { runCli } from '../cli/harness.js';

const root = path.join(import.meta.dirname, '..', '..');

describe('evals compare on the real AlpacaEval pair (Alpaca 7B distilled from text-davinci-003)', () => {
  it("prints GPT-4's recorded tally, the win rate with its standard error, the per-dataset table, and fails minParity", async () => {
    const reportsDir = mkdtempSync(path.join(tmpdir(), 'evals-compare-'));
    const { code, stdout } = await runCli(
      ['compare', '--candidate', 'alpaca-7b', '--teacher', 'text-davinci-003', '--reports-dir', reportsDir, '--quiet'],
      root,
    );
    expect(code).toBe(1);
    // AlpacaEval 1 leaderboard, alpaca-7b: 205 wins, 16 draws, 584 losses; win rate 26.459627, SE 1.5357.
    expect(stdout).toMatch(/all\s+805\s+205\s+16\s+584\s+26\.46%\s+1\.54\s/);
    expect(stdout).toMatch(/single order \(recorded verdicts carry one order/);
    for (const dataset of ['helpful_base', 'koala', 'oasst', 'selfinstruct', 'vicuna']) expect(stdout).toMatch(new RegExp(`${dataset}\\s+\\d+`));
    expect(stdout).toMatch(/✗ all \/ pairwise: win rate 26\.46% is 52\.9% of parity, below 95\.0%/);
    const report = CompareReportSchema.parse(JSON.parse(readFileSync(path.join(reportsDir, 'alpaca', 'alpaca-7b.vs.text-davinci-003.json'), 'utf8')));
    const all = report.slices.find((s) => s.slice === 'all');
    expect(all?.pairwise).toMatchObject({ judged: 805, wins: 205, ties: 16, losses: 584, winRate: 0.2646, se: 0.0154 });
    expect(
      report.slices
        .map((s) => s.pairwise.judged)
        .slice(1)
        .reduce((a, b) => a + b, 0),
    ).toBe(805);
  }, 60_000);
});

describe('tallyPairs', () => {
  const outcome = (winner: 'a' | 'b' | 'tie', consistent?: boolean): PairwiseOutcome => ({
    winner,
    original: winner,
    ...(consistent === undefined ? {} : { swapped: winner, consistent }),
    reasons: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    costUsd: 0,
    calls: 1,
    cachedCalls: 0,
  });

  it('counts ties as half, gives the sample standard error, and leaves judge errors out of the rate', () => {
    const tally = tallyPairs([outcome('a'), outcome('tie'), outcome('b'), outcome('b'), { error: 'malformed twice' }]);
    expect(tally).toMatchObject({ judged: 4, wins: 1, ties: 1, losses: 2, errors: 1, winRate: 0.375, consistency: null });
    // scores 1, .5, 0, 0: mean .375, sample variance (0.390625 + 0.015625 + 0.140625 * 2) / 3
    expect(tally.se).toBeCloseTo(Math.sqrt((0.390625 + 0.015625 + 0.28125) / 3 / 4), 12);
  });

  it('reports position consistency when both orders were judged', () => {
    expect(tallyPairs([outcome('a', true), outcome('tie', false)]).consistency).toBe(0.5);
  });
});
