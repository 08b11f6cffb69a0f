import { z } from 'zod';
import type { Context } from '../../contracts/candidate-output.js';
import { delimit, judgeSystem, questionSection } from './prompt.js';
import { defineJudge } from './kind.js';
import { spendOf } from './spend.js';
import type { JudgeInput, JudgeOutcome } from './types.js';
import type { VerdictSource } from '../../contracts/verdict-source.js';

export const FaithfulnessVerdictSchema = z.object({
  claims: z.array(
    z.object({
      claim: z.string().describe('One factual claim the answer makes, in a short sentence.'),
      supported: z.boolean().describe('True only if a context states or directly implies it.'),
      // Nullable as well as optional: OpenAI strict mode requires every property, allowing null.
      evidence: z.string().nullish().describe('For a supported claim: the context id and the words that support it.'),
    }),
  ),
});
export type FaithfulnessVerdict = z.infer<typeof FaithfulnessVerdictSchema>;

const TASK =
  'You are an impartial judge of faithfulness. You list every factual claim an answer makes and decide, for each, ' +
  'whether the retrieved contexts support it. A claim is supported only if a context states it or directly implies it; ' +
  'your own knowledge does not count, and neither does a claim that is merely plausible. Greetings, questions and ' +
  'statements that the answer cannot help (such as "I do not know") are not claims.';

/** Each context in its own nonce-tagged block; the id goes inside too, since the candidate chose it. */
function contextsSection(contexts: ReadonlyArray<Context>): string {
  return contexts.map((context, i) => delimit(`context-${i + 1}`, `[id: ${context.id}]\n${context.text}`)).join('\n\n');
}

/**
 * Whether the answer's claims are supported by the contexts the candidate retrieved: the score is
 * the supported share (1 when the answer makes no claim), a pass needs every claim supported,
 * and the unsupported claims become notes. Null (not applicable) when the output has no contexts.
 */
export async function judgeFaithfulness(input: JudgeInput, source: VerdictSource): Promise<JudgeOutcome | null> {
  const { item, output, signal } = input;
  const contexts = output.contexts ?? [];
  if (contexts.length === 0) return null;
  const user = [
    questionSection(item),
    `Retrieved contexts:\n${contextsSection(contexts)}`,
    `Answer to check:\n${delimit('answer', output.text)}`,
    'List the claims of the answer, each with whether the contexts support it.',
  ].join('\n\n');
  const response = await source.verdict(
    { key: `${item.id}/faithfulness`, system: judgeSystem(TASK), user, schema: FaithfulnessVerdictSchema, schemaName: 'faithfulness_verdict' },
    signal,
  );
  const { claims } = response.value;
  const unsupported = claims.filter((claim) => !claim.supported).map((claim) => claim.claim);
  const supported = claims.length - unsupported.length;
  return {
    score: claims.length === 0 ? 1 : supported / claims.length,
    pass: unsupported.length === 0,
    reason:
      claims.length === 0
        ? 'the answer makes no factual claim'
        : unsupported.length === 0
          ? `all ${claims.length} claims are supported by the contexts`
          : `${unsupported.length} of ${claims.length} claims are not supported by the contexts`,
    ...(unsupported.length > 0 ? { notes: unsupported } : {}),
    ...spendOf([response]),
  };
}

/** `{ kind: 'faithfulness', judge }`: one judge checks that the claims of the answer are supported by the contexts it retrieved. */
export const faithfulnessKind = defineJudge({
  kind: 'faithfulness',
  summary: 'one judge checks that the claims of the answer are supported by the contexts it retrieved',
  options: z.strictObject({ judge: z.string().min(1) }),
  plan: (options, refs) => ({ judges: [refs.judge(options.judge, 'judge')], fingerprint: {} }),
  run: (input, { sources: [source] }) => {
    if (!source) throw new Error('a faithfulness metric needs its judge');
    return judgeFaithfulness(input, source);
  },
});
