import { describe, expect, it } from 'vitest';
import { describeEval } from 'evals-gate/vitest';

// Every item of the support suite as a test, grouped by slice, and a `gate` test: the same run,
// report (reports/support/rag-v2.json here) and gate as `npx evals run --candidate rag-v2`.
describeEval('support', { candidate: 'rag-v2' });

// Evals written as unit tests: the same checks a golden set uses, on one answer.
describe('a refund answer', () => {
  const answer = {
    text: 'Refunds go back to the original payment method within 14 days [billing/refunds.md].',
    citations: ['billing/refunds.md'],
  };

  it('states the window and cites the refunds page', () => {
    expect(answer).toPassChecks([
      { type: 'contains', values: ['14 days'] },
      { type: 'refusal', expected: false },
    ]);
    expect(answer).toCiteSources(['billing/refunds.md']);
  });

  it('as JSON, matches the schema the format slice asks for', () => {
    expect('{"refundDays": 14, "source": "billing/refunds.md"}').toMatchJsonSchema({
      type: 'object',
      required: ['refundDays', 'source'],
      properties: { refundDays: { type: 'integer' }, source: { type: 'string' } },
    });
  });
});
