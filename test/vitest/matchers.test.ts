import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../src/vitest/index.js';
import { startAnthropicServer, toolUseReply, type AnthropicServer } from '../servers/anthropic-server.js';

const root = path.join(import.meta.dirname, '..', '..');

/** The message a failed assertion throws, for asserting on it. */
function failure(assertion: () => unknown): string {
  try {
    assertion();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('toPassChecks', () => {
  it('passes when every check passes, and fails listing each check with its reason', () => {
    expect('The link expires after 24 hours.').toPassChecks([
      { type: 'contains', values: ['24 hours'] },
      { type: 'length', maxWords: 20 },
    ]);
    const message = failure(() =>
      expect('It lasts a day.').toPassChecks([
        { type: 'contains', values: ['24 hours'] },
        { type: 'length', maxWords: 20 },
      ]),
    );
    expect(message).toContain('expected the answer to pass its checks, but it did not:');
    expect(message).toContain('✗ contains 0.00: missing "24 hours"');
    expect(message).toContain('✓ length 1.00');
  });

  it('reads a reference from the item fields, and negates', () => {
    expect('Paris').toPassChecks([{ type: 'equals' }], { reference: 'Paris' });
    expect('Lyon').not.toPassChecks([{ type: 'equals' }], { reference: 'Paris' });
    expect(failure(() => expect('Paris').not.toPassChecks([{ type: 'equals' }], { reference: 'Paris' }))).toContain(
      'expected the answer not to pass its checks, but it did',
    );
  });

  it('refuses a misspelt check, a check it cannot evaluate, and a value that is not an answer', () => {
    expect(failure(() => expect('x').toPassChecks([{ type: 'contians', values: ['x'] } as never]))).toMatch(
      /toPassChecks: .*unknown check type "contians".*did you mean "contains"/,
    );
    expect(failure(() => expect('x').toPassChecks([{ type: 'equals' }]))).toMatch(/toPassChecks: check "equals" cannot be evaluated/);
    expect(failure(() => expect(42).toPassChecks([{ type: 'contains', values: ['x'] }]))).toContain(
      'toPassChecks: expected an answer (a string, or a candidate output { text, citations?, contexts? }), got number',
    );
  });

  it('does not pass an answer no check applied to', () => {
    expect(failure(() => expect('no citations here').toPassChecks([{ type: 'citations' }]))).toContain('✗ no check applied to this answer');
  });
});

describe('toCiteSources', () => {
  it('checks the citations of an output and the [id] markers of a text', () => {
    expect({ text: 'See the refunds page.', citations: ['billing/refunds.md'] }).toCiteSources(['billing/refunds.md']);
    expect('Refunds take 14 days [billing/refunds.md].').toCiteSources(['billing/refunds.md']);
    const message = failure(() => expect('Refunds take 14 days [billing/refunds.md].').toCiteSources(['billing/refunds.md', 'plans/pricing.md']));
    expect(message).toContain('expected the answer to cite billing/refunds.md, plans/pricing.md');
    expect(message).toContain('recall 0.5 < 1, missing "plans/pricing.md"');
  });

  it('fails a citation the candidate did not retrieve', () => {
    const output = { text: 'Refunds take 14 days [billing/refunds.md].', contexts: [{ id: 'plans/pricing.md', text: '...' }] };
    expect(failure(() => expect(output).toCiteSources(['billing/refunds.md']))).toContain('cited but not retrieved: "billing/refunds.md"');
  });
});

describe('toMatchJsonSchema', () => {
  const schema = { type: 'object', required: ['days'], properties: { days: { type: 'integer' } } };
  it('validates the JSON in an answer and names what is wrong', () => {
    expect('Here you go:\n```json\n{"days": 14}\n```').toMatchJsonSchema(schema);
    expect(failure(() => expect('{"days": "14"}').toMatchJsonSchema(schema))).toContain('schema: /days must be integer');
    expect(failure(() => expect('fourteen days').toMatchJsonSchema(schema))).toContain('invalid JSON');
  });
});

describe('toSatisfyRubric', () => {
  let server: AnthropicServer;
  const cwd = mkdtempSync(path.join(tmpdir(), 'evals-matchers-'));
  const rubric = path.join(root, 'rubrics', 'support-answer.md');

  beforeAll(async () => {
    // The stand-in judge gives 5 to an answer stating "24 hours", 2 otherwise.
    server = await startAnthropicServer((request) =>
      request.rawBody.includes('24 hours after')
        ? toolUseReply('rubric_verdict', { reasoning: 'states the 24-hour expiry', score: 5 })
        : toolUseReply('rubric_verdict', { reasoning: 'does not say when the link expires', score: 2 }),
    );
    vi.stubEnv('EVALS_MATCHER_TEST_KEY', 'sk-ant-matcher-test');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.close();
  });

  const judge = () => ({ provider: 'anthropic', model: 'claude-sonnet-4-6', baseURL: server.baseURL, apiKeyEnv: 'EVALS_MATCHER_TEST_KEY' });
  const input = 'How long is the email verification link valid?';

  it('passes on the judge verdict, and asks again only for a new answer (the verdict cache)', async () => {
    // The server is shared by this describe's tests: count this test's requests only.
    const before = server.requests.length;
    await expect('It expires 24 hours after it is sent [getting-started/create-account.md].').toSatisfyRubric(rubric, { judge: judge(), input, cwd });
    expect(server.requests.length - before).toBe(1);
    await expect('It expires 24 hours after it is sent [getting-started/create-account.md].').toSatisfyRubric(rubric, { judge: judge(), input, cwd });
    expect(server.requests.length - before).toBe(1);
  });

  it('fails with the score and the judge reasoning', async () => {
    const error = await expect('Check your inbox.')
      .toSatisfyRubric(rubric, { judge: judge(), input, cwd })
      .then(
        () => undefined,
        (err: Error) => err,
      );
    expect(error?.message).toContain('expected the answer to satisfy rubric support-answer, but it did not:');
    expect(error?.message).toContain('✗ support-answer 0.25 by judge anthropic:claude-sonnet-4-6: does not say when the link expires');
  });

  it('needs a judge it can find', async () => {
    await expect(expect('x').toSatisfyRubric(rubric, { judge: 'claude', input, cwd })).rejects.toThrow(
      'toSatisfyRubric: unknown judge "claude" (no evals config found)',
    );
    await expect(expect('x').toSatisfyRubric('support-answer', { judge: judge(), input, cwd })).rejects.toThrow(
      /rubric "support-answer" is an id, but there is no evals config/,
    );
  });
});
