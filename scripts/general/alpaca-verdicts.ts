import type { z } from 'zod';
import { alpacaId } from './golden.js';
import type { AlpacaAnnotation, LeaderboardRow } from './sources.js';

/**
 * GPT-4's AlpacaEval 1 preferences as replayable pairwise verdicts. In the annotations output_1 is
 * text-davinci-003 and output_2 alpaca-7b; preference 1 / 2 names the preferred one, 0 a draw.
 * The harness's convention (src/scoring/judges/types.ts): `a` is the candidate (alpaca-7b), `b`
 * the other (text-davinci-003), and a verdict names the winning *position*. AlpacaEval showed the
 * pair once, in a random order it did not record, so the verdict is stored under the `original`
 * key as if a had been shown first: A = alpaca-7b won, B = text-davinci-003 won.
 */

export const VERDICT_SOURCE =
  'real: GPT-4 preference (AlpacaEval 1 annotator alpaca_eval_gpt4) from tatsu-lab/alpaca_eval @cd543a1; ' +
  'one order, randomised by AlpacaEval and not recorded, stored as if alpaca-7b (a) was shown first';
/** AlpacaEval kept only the parsed preference, not GPT-4's text. */
export const NO_REASONING = "(recorded preference only: AlpacaEval stored GPT-4's preference, not its text)";

const WINNER = { 0: 'tie', 1: 'B', 2: 'A' } as const;

export interface RecordedPairwiseVerdict {
  key: string;
  verdict: { reasoning: string; winner: 'A' | 'B' | 'tie' };
  source: string;
}

export function alpacaVerdicts(annotations: readonly z.infer<typeof AlpacaAnnotation>[]): RecordedPairwiseVerdict[] {
  return annotations.map((annotation, i) => ({
    key: `${alpacaId(i)}/pairwise/original`,
    verdict: { reasoning: NO_REASONING, winner: WINNER[annotation.preference] },
    source: VERDICT_SOURCE,
  }));
}

export interface WinRate {
  wins: number;
  losses: number;
  draws: number;
  n: number;
  /** Percent, draws counted half (AlpacaEval's win rate). */
  winRate: number;
  /** Percent: the sample standard deviation of the per-item scores (1, 0, 0.5) over sqrt(n). */
  standardError: number;
}

/** The candidate's (position A's) win rate as AlpacaEval computes it. */
export function winRate(winners: readonly ('A' | 'B' | 'tie')[]): WinRate {
  const scores = winners.map((w): number => (w === 'A' ? 1 : w === 'B' ? 0 : 0.5));
  const n = scores.length;
  if (n < 2) throw new RangeError('winRate needs at least two verdicts');
  const mean = scores.reduce((s, x) => s + x, 0) / n;
  const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return {
    wins: winners.filter((w) => w === 'A').length,
    losses: winners.filter((w) => w === 'B').length,
    draws: winners.filter((w) => w === 'tie').length,
    n,
    winRate: mean * 100,
    standardError: (Math.sqrt(variance) / Math.sqrt(n)) * 100,
  };
}

/** Stops the build unless the verdicts reproduce the published leaderboard row for alpaca-7b. */
export function checkAgainstLeaderboard(verdicts: readonly RecordedPairwiseVerdict[], leaderboard: readonly z.infer<typeof LeaderboardRow>[]): WinRate {
  const row = leaderboard.find((r) => r[''] === 'alpaca-7b');
  if (!row) throw new Error('the AlpacaEval leaderboard has no alpaca-7b row');
  const ours = winRate(verdicts.map((v) => v.verdict.winner));
  const expected = { wins: row.n_wins, losses: row.n_wins_base, draws: row.n_draws, n: row.n_total };
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  if (
    ours.wins !== expected.wins ||
    ours.losses !== expected.losses ||
    ours.draws !== expected.draws ||
    ours.n !== expected.n ||
    !close(ours.winRate, row.win_rate) ||
    !close(ours.standardError, row.standard_error)
  ) {
    throw new Error(`AlpacaEval verdicts give ${JSON.stringify(ours)}, the leaderboard ${JSON.stringify(row)}: the preference mapping is wrong`);
  }
  return ours;
}
