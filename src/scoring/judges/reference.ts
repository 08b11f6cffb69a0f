import { z } from 'zod';
import { delimit, judgeSystem, questionSection } from './prompt.js';
import { defineJudge } from './kind.js';
import { spendOf } from './spend.js';
import type { JudgeInput, JudgeOutcome } from './types.js';
import type { VerdictSource } from '../../contracts/verdict-source.js';

export const ReferenceVerdictSchema = z.object({
  reasoning: z.string().describe('What the answer gets right and wrong compared with the reference. Written before the verdict.'),
  verdict: z.enum(['correct', 'partially_correct', 'incorrect']),
});
export type ReferenceVerdict = z.infer<typeof ReferenceVerdictSchema>;

const SCORES: Record<ReferenceVerdict['verdict'], number> = { correct: 1, partially_correct: 0.5, incorrect: 0 };

const TASK =
  'You are an impartial judge. You decide whether an answer to a question agrees with the reference answer. ' +
  'correct: it states what the reference states on every point that matters, and nothing that contradicts it. ' +
  'partially_correct: it gets some of the essential points but misses or gets wrong others. ' +
  'incorrect: it contradicts the reference, misses its main point, or does not answer. ' +
  'Wording, length and extra correct detail do not matter. Reason first, then give the verdict.';

/**
 * Correctness against the item's reference answer: correct 1, partially correct 0.5, incorrect 0;
 * passes only when correct. Null (not applicable) when the item has no reference.
 */
export async function judgeReference(input: JudgeInput, source: VerdictSource): Promise<JudgeOutcome | null> {
  const { item, output, signal } = input;
  if (item.reference === undefined) return null;
  const user = [
    questionSection(item),
    `Reference answer:\n${delimit('reference', item.reference)}`,
    `Answer to judge:\n${delimit('answer', output.text)}`,
    'Give your reasoning, then the verdict.',
  ].join('\n\n');
  const response = await source.verdict(
    { key: `${item.id}/reference`, system: judgeSystem(TASK), user, schema: ReferenceVerdictSchema, schemaName: 'reference_verdict' },
    signal,
  );
  const { verdict, reasoning } = response.value;
  return {
    score: SCORES[verdict],
    pass: verdict === 'correct',
    reason: `${verdict.replace('_', ' ')}: ${reasoning}`,
    ...spendOf([response]),
  };
}

/** `{ kind: 'reference', judge }`: one judge compares the answer with the item's reference answer. */
export const referenceKind = defineJudge({
  kind: 'reference',
  summary: "one judge compares the answer with the item's reference answer",
  options: z.strictObject({ judge: z.string().min(1) }),
  plan: (options, refs) => ({ judges: [refs.judge(options.judge, 'judge')], fingerprint: {} }),
  run: (input, { sources: [source] }) => {
    if (!source) throw new Error('a reference metric needs its judge');
    return judgeReference(input, source);
  },
});
