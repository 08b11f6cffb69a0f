import { defineJudge, delimit, judgeSystem, questionSection, spendOf, z } from 'evals-gate';

const VerdictSchema = z.object({
  reasoning: z.string().describe('Why the answer does or does not hand the customer to a person. Written first.'),
  escalates: z.boolean().describe('True when the answer hands the case to a human agent.'),
});

const TASK =
  'You read a support answer and decide one thing: does it hand the case to a human agent ' +
  '(says a person will take over, opens an escalation, transfers the customer)? Offering help yourself is not escalating.';

/**
 * `{ kind: 'escalation', judge }`: a judge decides whether the answer escalates to a person, and
 * the metric passes when that is what the item's `escalate` field (true/false) asks for. Items
 * without the field are not judged.
 */
export const escalation = defineJudge({
  kind: 'escalation',
  summary: 'the answer escalates to a person exactly when the item says it should',
  options: z.strictObject({ judge: z.string().min(1) }),
  plan: (options, refs) => ({ judges: [refs.judge(options.judge, 'judge')] }),
  async run({ item, output, signal }, { sources: [judge] }) {
    const expected = item.metadata['escalate'];
    if (typeof expected !== 'boolean' || !judge) return null;
    const user = [questionSection(item), `Answer:\n${delimit('answer', output.text)}`, 'Does the answer escalate to a human agent?'].join('\n\n');
    const response = await judge.verdict(
      { key: `${item.id}/escalation`, system: judgeSystem(TASK), user, schema: VerdictSchema, schemaName: 'escalation_verdict' },
      signal,
    );
    const { escalates, reasoning } = response.value;
    const pass = escalates === expected;
    return {
      score: pass ? 1 : 0,
      pass,
      reason: `${escalates ? 'escalates' : 'does not escalate'} (expected ${expected ? '' : 'not '}to): ${reasoning}`,
      ...spendOf([response]),
    };
  },
});
