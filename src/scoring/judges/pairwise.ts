import { z } from 'zod';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import type { Rubric } from '../../config/rubric.js';
import type { GoldenItem } from '../../goldensets/item.js';
import { judgeManipulation } from './manipulation-guard.js';
import { delimit, escapeNonce, judgeSystem, questionSection } from './prompt.js';
import { spendOf } from './spend.js';
import type { PairwiseInput, PairwiseOutcome, PairwiseWinner } from './types.js';
import type { VerdictRequest, VerdictSource } from '../../contracts/verdict-source.js';

/** The winner names a *position* (A shown first); the caller maps it back to a/b. */
export const PairwiseVerdictSchema = z.object({
  reasoning: z.string().describe('How the two answers compare on the criteria. Written before the winner.'),
  winner: z.enum(['A', 'B', 'tie']),
});
export type PairwiseVerdict = z.infer<typeof PairwiseVerdictSchema>;

const TASK =
  'You are an impartial judge comparing two answers, A and B, to the same question. Decide which answer is better, ' +
  'or "tie" when neither is clearly better. The order in which they are shown says nothing about their quality, and ' +
  'neither does their length. Reason first, then name the winner.';

export interface PairwiseJudgeOptions {
  /** Criteria (and, when the rubric shows it, the reference answer) to compare on; otherwise overall quality. */
  rubric?: Rubric;
}

type Order = 'original' | 'swapped';

function pairwiseRequest(item: GoldenItem, first: CandidateOutput, second: CandidateOutput, order: Order, rubric?: Rubric): VerdictRequest<PairwiseVerdict> {
  const criteria = rubric
    ? `Compare them on these criteria:\n${escapeNonce(rubric.criteria.map((c) => `- ${c.name}: ${c.description}`).join('\n'))}`
    : 'Compare them on correctness, helpfulness and how directly they answer the question.';
  const reference = rubric?.showReference && item.reference !== undefined ? [`Reference answer:\n${delimit('reference', item.reference)}`] : [];
  const user = [
    criteria,
    questionSection(item),
    ...reference,
    `Answer A:\n${delimit('answer-a', first.text)}`,
    `Answer B:\n${delimit('answer-b', second.text)}`,
    'Give your reasoning, then the winner: "A", "B" or "tie".',
  ].join('\n\n');
  return {
    key: `${item.id}/pairwise/${order}`,
    system: judgeSystem(TASK),
    user,
    schema: PairwiseVerdictSchema,
    schemaName: 'pairwise_verdict',
    ...(rubric ? { rubricHash: rubric.hash } : {}),
  };
}

/** Position verdict -> a/b: in the original order A is `a`, in the swapped order A is `b`. */
export function mapWinner(winner: PairwiseVerdict['winner'], order: Order): PairwiseWinner {
  if (winner === 'tie') return 'tie';
  const aShownFirst = order === 'original';
  return (winner === 'A') === aShownFirst ? 'a' : 'b';
}

/**
 * Compares `a` (the candidate) with `b` (teacher, base). With both orders, a win counts only when
 * both agree, which cancels the judge's position bias; a disagreement is a tie and `consistent`
 * is false. The two orders are judged concurrently.
 */
export async function judgePairwise(input: PairwiseInput, source: VerdictSource, options: PairwiseJudgeOptions = {}): Promise<PairwiseOutcome> {
  const { item, a, b, signal } = input;
  const originalCall = source.verdict(pairwiseRequest(item, a, b, 'original', options.rubric), signal);
  const swappedCall = input.bothOrders ? source.verdict(pairwiseRequest(item, b, a, 'swapped', options.rubric), signal) : undefined;
  const [original, swapped] = await Promise.all([originalCall, swappedCall]);
  const originalWinner = mapWinner(original.value.winner, 'original');
  const spend = spendOf(swapped ? [original, swapped] : [original]);
  if (!swapped) {
    return { winner: originalWinner, original: originalWinner, reasons: [original.value.reasoning], ...spend };
  }
  const swappedWinner = mapWinner(swapped.value.winner, 'swapped');
  const consistent = originalWinner === swappedWinner;
  return {
    winner: consistent ? originalWinner : 'tie',
    original: originalWinner,
    swapped: swappedWinner,
    consistent,
    reasons: [`a shown first: ${original.value.reasoning}`, `b shown first: ${swapped.value.reasoning}`],
    ...spend,
  };
}

/**
 * Pairwise judging of candidates (evals compare), guarded like every judged metric
 * (manipulation-guard.ts): an answer that addresses the judge is not shown to it and loses; two
 * such answers tie. Calibration calls judgePairwise directly, since it measures the judge on
 * human-labelled outputs, which must reach it as they are.
 */
export async function judgeCandidatesPairwise(input: PairwiseInput, source: VerdictSource, options: PairwiseJudgeOptions = {}): Promise<PairwiseOutcome> {
  const flags = { a: judgeManipulation(input.a.text), b: judgeManipulation(input.b.text) };
  if (!flags.a && !flags.b) return judgePairwise(input, source, options);
  const winner: PairwiseWinner = flags.a && flags.b ? 'tie' : flags.a ? 'b' : 'a';
  const reasons = (['a', 'b'] as const).flatMap((side) => {
    const flag = flags[side];
    return flag ? [`judge-manipulation in ${side}: ${flag.what} ("${flag.excerpt}")`] : [];
  });
  return { winner, original: winner, reasons, ...spendOf([]) };
}
