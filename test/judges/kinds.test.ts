import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeFaithfulness } from '../../src/scoring/judges/faithfulness.js';
import { judgeReference } from '../../src/scoring/judges/reference.js';
import { judgeRubric } from '../../src/scoring/judges/rubric.js';
import { JudgeError } from '../../src/contracts/verdict-source.js';
import { PROVIDERS, delimited, makeItem, makeOutput, makeRubric, rejection, signal, startJudgeServer, type JudgeServer } from './helpers.js';

const contexts = [
  { id: 'billing/refunds.md', text: 'Digital add-ons can be refunded within 14 days of purchase.' },
  { id: 'billing/plans.md', text: 'Plans renew monthly.' },
];

describe.each(PROVIDERS)('judge kinds through %s', (provider) => {
  let judge: JudgeServer;
  beforeEach(async () => {
    judge = await startJudgeServer(provider);
  });
  afterEach(async () => {
    await judge.close();
  });
  const input = (text: string, item = makeItem(), extra = {}) => ({ item, output: makeOutput(text, extra), signal: signal() });

  describe('rubric', () => {
    const cases: Array<[string, Record<string, unknown>, number, number, boolean]> = [
      ['1-5', { scale: '1-5', passThreshold: 4 }, 3, 0.5, false],
      ['1-5', { scale: '1-5', passThreshold: 4 }, 4, 0.75, true],
      ['binary', { scale: 'binary', passThreshold: 1 }, 1, 1, true],
      ['binary', { scale: 'binary', passThreshold: 1 }, 0, 0, false],
      ['0-1', { scale: '0-1', passThreshold: 0.5 }, 0.7, 0.7, true],
      ['0-1', { scale: '0-1', passThreshold: 0.5 }, 0.2, 0.2, false],
    ];
    it.each(cases)('maps a %s score to [0, 1] and passes at the threshold', async (_, rubricFields, raw, score, pass) => {
      judge.verdicts(() => ({ reasoning: 'Judged on accuracy.', score: raw }));
      const outcome = await judgeRubric(input('Within 14 days.'), await judge.source(), { rubric: makeRubric(rubricFields) });
      expect(outcome).toMatchObject({ score, pass, reason: 'Judged on accuracy.', calls: 1, cachedCalls: 0 });
      expect(outcome.usage).toEqual({ inputTokens: 1000, outputTokens: 200 });
      expect(outcome.costUsd).toBeGreaterThan(0);
      expect(judge.view(0).schemaName).toBe('rubric_verdict');
    });

    it('rejects a score the scale does not have (0.5 on binary) and fails as a JudgeError', async () => {
      judge.verdicts(() => ({ reasoning: 'Half right.', score: 0.5 }));
      const error = await rejection(judgeRubric(input('Maybe.'), await judge.source(), { rubric: makeRubric({ scale: 'binary', passThreshold: 1 }) }));
      expect(error).toBeInstanceOf(JudgeError);
      expect(judge.requests).toHaveLength(2);
    });

    it('shows criteria, levels and examples, and the reference only when the rubric says so', async () => {
      judge.verdicts(() => ({ reasoning: 'ok', score: 5 }));
      const source = await judge.source();
      const examples = [{ input: 'Refund on a plan?', answer: 'Yes, prorated.', score: 5, reasoning: 'Exact.' }];
      await judgeRubric(input('Within 14 days.'), source, { rubric: makeRubric({ examples }) });
      await judgeRubric(input('Within 14 days.'), source, { rubric: makeRubric({ showReference: true }) });
      const hidden = judge.view(0).prompt;
      expect(hidden).toContain('accuracy: States the refund policy correctly.');
      expect(hidden).toContain('5: exact');
      expect(hidden).toContain('Yes, prorated.');
      expect(delimited(hidden, 'answer')?.text).toBe('Within 14 days.');
      expect(delimited(hidden, 'question')?.text).toBe('Can I get a refund on a digital add-on?');
      expect(hidden).not.toContain('refundable within 14 days');
      expect(delimited(judge.view(1).prompt, 'reference')?.text).toBe('Digital add-ons are refundable within 14 days of purchase.');
    });
  });

  describe('reference', () => {
    const verdicts: Array<['correct' | 'partially_correct' | 'incorrect', number, boolean]> = [
      ['correct', 1, true],
      ['partially_correct', 0.5, false],
      ['incorrect', 0, false],
    ];
    it.each(verdicts)('scores %s as %s', async (verdict, score, pass) => {
      judge.verdicts(() => ({ reasoning: 'Compared with the reference.', verdict }));
      const outcome = await judgeReference(input('Within 14 days.'), await judge.source());
      expect(outcome).toMatchObject({ score, pass, calls: 1 });
      expect(outcome?.reason).toBe(`${verdict.replace('_', ' ')}: Compared with the reference.`);
      const { prompt, schemaName } = judge.view(0);
      expect(schemaName).toBe('reference_verdict');
      expect(delimited(prompt, 'reference')?.text).toBe('Digital add-ons are refundable within 14 days of purchase.');
      expect(delimited(prompt, 'answer')?.text).toBe('Within 14 days.');
    });

    it('is not applicable without a reference, and makes no call', async () => {
      const outcome = await judgeReference(input('Within 14 days.', makeItem({ reference: undefined })), await judge.source());
      expect(outcome).toBeNull();
      expect(judge.requests).toHaveLength(0);
    });
  });

  describe('faithfulness', () => {
    it('scores the supported share and lists the unsupported claims', async () => {
      judge.verdicts(() => ({
        claims: [
          { claim: 'Add-ons are refundable.', supported: true, evidence: 'billing/refunds.md: "can be refunded"' },
          { claim: 'The window is 14 days.', supported: true, evidence: null },
          { claim: 'Refunds arrive within 2 days.', supported: false, evidence: null },
        ],
      }));
      const outcome = await judgeFaithfulness(input('Yes, within 14 days; money back in 2 days.', makeItem(), { contexts }), await judge.source());
      expect(outcome).toMatchObject({ score: 2 / 3, pass: false, notes: ['Refunds arrive within 2 days.'] });
      expect(outcome?.reason).toBe('1 of 3 claims are not supported by the contexts');
      const { prompt, schemaName } = judge.view(0);
      expect(schemaName).toBe('faithfulness_verdict');
      expect(delimited(prompt, 'context-1')?.text).toBe(`[id: billing/refunds.md]\n${contexts[0]?.text}`);
      expect(delimited(prompt, 'context-2')?.text).toBe(`[id: billing/plans.md]\n${contexts[1]?.text}`);
    });

    it('passes an answer whose claims are all supported, and one that makes none', async () => {
      judge.verdicts((_, index) => ({ claims: index === 0 ? [{ claim: 'Refundable within 14 days.', supported: true }] : [] }));
      const source = await judge.source();
      const all = await judgeFaithfulness(input('Within 14 days.', makeItem(), { contexts }), source);
      expect(all).toMatchObject({ score: 1, pass: true });
      expect(all?.notes).toBeUndefined();
      const none = await judgeFaithfulness(input('Let me check that for you.', makeItem(), { contexts }), source);
      expect(none).toMatchObject({ score: 1, pass: true, reason: 'the answer makes no factual claim' });
    });

    it('is not applicable without contexts', async () => {
      const source = await judge.source();
      expect(await judgeFaithfulness(input('Within 14 days.'), source)).toBeNull();
      expect(await judgeFaithfulness(input('Within 14 days.', makeItem(), { contexts: [] }), source)).toBeNull();
      expect(judge.requests).toHaveLength(0);
    });
  });
});
