import { z } from 'zod';
import { normaliseScore, type Rubric, type RubricScale } from '../../config/rubric.js';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import type { GoldenItem } from '../../goldensets/item.js';
import { delimit, escapeNonce, judgeSystem, questionSection } from './prompt.js';
import { defineJudge } from './kind.js';
import { spendOf } from './spend.js';
import type { JudgeInput, JudgeOutcome } from './types.js';
import type { VerdictRequest, VerdictSource } from '../../contracts/verdict-source.js';

/** Only scores the scale allows: 0 or 1, an integer 1-5, or a number in [0, 1]. */
export function rubricScoreSchema(scale: RubricScale) {
  if (scale === 'binary') return z.literal([0, 1]);
  if (scale === '1-5') return z.number().int().min(1).max(5);
  return z.number().min(0).max(1);
}

export function rubricVerdictSchema(scale: RubricScale) {
  return z.object({
    reasoning: z.string().describe('Why the answer earns this score, citing the criteria. Written before the score.'),
    score: rubricScoreSchema(scale).describe(`The score on the ${scale} scale.`),
  });
}
export type RubricVerdict = z.infer<ReturnType<typeof rubricVerdictSchema>>;

const SCALE_WORDS: Record<RubricScale, string> = {
  binary: 'score 1 if the answer passes, 0 if it fails',
  '1-5': 'an integer from 1 (worst) to 5 (best)',
  '0-1': 'a number from 0 (worst) to 1 (best)',
};

function criteriaSection(rubric: Rubric): string {
  return rubric.criteria
    .map((criterion) => {
      const levels = Object.entries(criterion.levels ?? {}).map(([level, text]) => `\n    ${level}: ${text}`);
      return `- ${criterion.name}: ${criterion.description}${levels.length > 0 ? `\n  Levels:${levels.join('')}` : ''}`;
    })
    .join('\n');
}

function examplesSection(rubric: Rubric): string {
  if (rubric.examples.length === 0) return '';
  const examples = rubric.examples.map((example, i) =>
    [
      `Example ${i + 1}`,
      `Question: ${example.input}`,
      `Answer: ${example.answer}`,
      ...(example.reference === undefined || !rubric.showReference ? [] : [`Reference answer: ${example.reference}`]),
      `Reasoning: ${example.reasoning}`,
      `Score: ${example.score}`,
    ].join('\n'),
  );
  return `\n\nGraded examples:\n\n${examples.join('\n\n')}`;
}

/** The verdict request for one answer on a rubric; the panel sends the same one to every judge. */
export function rubricRequest(item: GoldenItem, output: CandidateOutput, rubric: Rubric): VerdictRequest<RubricVerdict> {
  const system = judgeSystem(
    'You are an impartial judge. You grade one answer to a question against the rubric you are given, ' +
      'judging only what the answer says. Reason step by step first, then give the score.',
  );
  const reference = rubric.showReference && item.reference !== undefined ? `\n\nReference answer:\n${delimit('reference', item.reference)}` : '';
  const user = [
    `Rubric: ${escapeNonce(rubric.title ?? rubric.id)}`,
    escapeNonce(rubric.instructions.trim()),
    `Criteria:\n${escapeNonce(criteriaSection(rubric))}`,
    `Scale: ${SCALE_WORDS[rubric.scale]}. An answer passes at ${rubric.passThreshold} or above.${escapeNonce(examplesSection(rubric))}`,
    `${questionSection(item)}${reference}`,
    `Answer to grade:\n${delimit('answer', output.text)}`,
    'Give your reasoning, then the score.',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  return {
    key: `${item.id}/rubric/${rubric.id}`,
    system,
    user,
    schema: rubricVerdictSchema(rubric.scale),
    schemaName: 'rubric_verdict',
    rubricHash: rubric.hash,
  };
}

export interface RubricJudgeOptions {
  rubric: Rubric;
}

/** An absolute score on a rubric: normalised to [0, 1]; passes when the raw score reaches the threshold. */
export async function judgeRubric(input: JudgeInput, source: VerdictSource, options: RubricJudgeOptions): Promise<JudgeOutcome> {
  const { rubric } = options;
  const response = await source.verdict(rubricRequest(input.item, input.output, rubric), input.signal);
  const { score, reasoning } = response.value;
  return {
    score: normaliseScore(rubric.scale, score),
    pass: score >= rubric.passThreshold,
    reason: reasoning,
    ...spendOf([response]),
  };
}

/** `{ kind: 'rubric', judge, rubric }`: one judge scores the answer on a rubric (the metric is named after the rubric). */
export const rubricKind = defineJudge({
  kind: 'rubric',
  summary: 'one judge scores the answer on a rubric',
  options: z.strictObject({ judge: z.string().min(1), rubric: z.string().min(1) }),
  plan: (options, refs) => ({
    judges: [refs.judge(options.judge, 'judge')],
    rubric: refs.rubric(options.rubric, 'rubric'),
    metric: options.rubric,
    fingerprint: {},
  }),
  run: (input, { sources: [source], rubric }) => {
    if (!source || !rubric) throw new Error('a rubric metric needs its judge and rubric');
    return judgeRubric(input, source, { rubric });
  },
});
