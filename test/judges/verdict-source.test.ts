import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../src/errors.js';
import { JudgeError, type VerdictRequest } from '../../src/contracts/verdict-source.js';
import { anthropicErrorReply } from '../servers/anthropic-server.js';
import { inSequence } from '../servers/loopback.js';
import { openaiErrorReply } from '../servers/openai-server.js';
import { ENV_VARS, KEYS, MODELS, PRICES, PROVIDERS, raw, rejection, signal, startJudgeServer, type JudgeServer } from './helpers.js';

const Verdict = z.object({ reasoning: z.string(), score: z.number().int().min(1).max(5) });
const request: VerdictRequest<z.infer<typeof Verdict>> = {
  key: 'refund-007/rubric/support-answer',
  system: 'You grade answers. Tags end in {{nonce}}.',
  user: 'Answer:\n<answer-{{nonce}}>\nWithin 14 days.\n</answer-{{nonce}}>',
  schema: Verdict,
  schemaName: 'rubric_verdict',
};
const good = { reasoning: 'States the window.', score: 4 };

describe.each(PROVIDERS)('model verdict source (%s)', (provider) => {
  let judge: JudgeServer;
  const key = KEYS[provider];
  const errorReply = (status: number, message: string, headers: Record<string, string> = {}) =>
    provider === 'anthropic' ? anthropicErrorReply(status, 'invalid_request_error', message, headers) : openaiErrorReply(status, 'bad', message, headers);

  beforeEach(async () => {
    judge = await startJudgeServer(provider);
  });
  afterEach(async () => {
    await judge.close();
  });

  it('asks for a forced structured verdict and returns it validated, with usage and cost', async () => {
    judge.verdicts(() => good);
    const source = await judge.source();
    const response = await source.verdict(request, signal());
    const [inPrice, outPrice] = PRICES[provider];
    expect(response).toEqual({
      value: good,
      usage: { inputTokens: 1000, outputTokens: 200 },
      costUsd: (1000 * inPrice + 200 * outPrice) / 1_000_000,
      cached: false,
    });
    expect(source.description).toBe(`${provider} ${MODELS[provider]}`);
    const body = judge.view(0).body as unknown as Record<string, unknown>;
    if (provider === 'anthropic') {
      expect(body['tool_choice']).toEqual({ type: 'tool', name: 'rubric_verdict' });
      expect(body['tools']).toEqual([{ name: 'rubric_verdict', description: expect.any(String), input_schema: z.toJSONSchema(Verdict) }]);
      expect(body['max_tokens']).toBe(1024);
      // API version 2026-10-21 rejects sampling parameters, temperature 0 included.
      expect(body).not.toHaveProperty('temperature');
    } else {
      expect(body['response_format']).toEqual({
        type: 'json_schema',
        json_schema: {
          name: 'rubric_verdict',
          strict: true,
          schema: expect.objectContaining({ type: 'object', required: ['reasoning', 'score'], additionalProperties: false }),
        },
      });
      expect(body['temperature']).toBe(0);
      expect(body['max_completion_tokens']).toBe(1024);
    }
    expect(JSON.stringify(response)).not.toContain(key);
  });

  it('fills one fresh 16-hex nonce into system and user, a different one on every call', async () => {
    judge.verdicts(() => good);
    const source = await judge.source();
    await source.verdict(request, signal());
    await source.verdict(request, signal());
    const nonces = [0, 1].map((i) => {
      const { system, prompt } = judge.view(i);
      expect(system).not.toContain('{{nonce}}');
      expect(prompt).not.toContain('{{nonce}}');
      const nonce = /<answer-([0-9a-f]+)>/.exec(prompt)?.[1] ?? '';
      expect(nonce).toMatch(/^[0-9a-f]{16}$/);
      expect(prompt).toContain(`</answer-${nonce}>`);
      expect(system).toContain(`Tags end in ${nonce}.`);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  const garbage: Array<[string, () => unknown, RegExp]> = [
    ['no verdict at all', () => raw(judge.proseReply('I would give it a 5.')), provider === 'anthropic' ? /no rubric_verdict tool call/ : /not JSON/],
    ['a verdict of the wrong shape', () => ({ verdict: 'great' }), /reasoning[\s\S]*score|score[\s\S]*reasoning/],
    ['score 7 on a 1-5 scale', () => ({ reasoning: 'Excellent.', score: 7 }), /Too big: expected number to be <=5[\s\S]*at score/],
  ];

  it.each(garbage)('retries %s once, quoting the problem, and takes the corrected verdict', async (_, bad, problem) => {
    judge.verdicts((_view, index) => (index === 0 ? bad() : good));
    const source = await judge.source();
    const response = await source.verdict(request, signal());
    expect(response.value).toEqual(good);
    // Both attempts are paid for (prose replies report 10 input tokens).
    expect(response.usage?.inputTokens).toBe(_ === 'no verdict at all' ? 1010 : 2000);
    expect(judge.requests).toHaveLength(2);
    const retry = judge.view(1);
    expect(retry.prompt).toBe(judge.view(0).prompt);
    expect(retry.lastUser).toMatch(/Your verdict was not valid/);
    expect(retry.lastUser).toMatch(problem);
    // The bad reply is in the conversation, answered as the wire format requires.
    const messages = retry.body.messages.filter((m) => m.role !== 'system');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    if (provider === 'anthropic' && _ !== 'no verdict at all') {
      const toolUse = (messages[1]?.content as Array<{ type: string; id?: string }>).find((b) => b.type === 'tool_use');
      const result = (messages[2]?.content as Array<{ type: string; tool_use_id?: string; is_error?: boolean }>)[0];
      expect(result).toMatchObject({ type: 'tool_result', tool_use_id: toolUse?.id, is_error: true });
    }
  });

  it.each(garbage)('records %s twice as a JudgeError, never a verdict', async (_, bad, problem) => {
    judge.verdicts(() => bad());
    const source = await judge.source();
    const error = await rejection(source.verdict(request, signal()));
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as Error).message).toMatch(/invalid verdict twice for refund-007\/rubric\/support-answer/);
    expect((error as Error).message).toMatch(problem);
    expect(judge.requests).toHaveLength(2);
  });

  it('lets the SDK wait out a 429 with retry-after, then takes the verdict', async () => {
    judge.handle(inSequence(errorReply(429, 'Slow down', { 'retry-after': '0.3' }), (req) => judge.verdictReply(req, good)));
    const source = await judge.source({ config: { maxRetries: 2 } });
    const response = await source.verdict(request, signal());
    expect(response.value).toEqual(good);
    expect(judge.requests).toHaveLength(2);
    const [first, second] = judge.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('turns an API failure after the retries into a JudgeError without the key', async () => {
    judge.handle(() => errorReply(400, `key ${key} may not use this model`));
    const source = await judge.source({ config: { maxRetries: 1 } });
    const error = await rejection(source.verdict(request, signal()));
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as Error).message).toMatch(/judge "\w+-judge" \(\w+ [\w.-]+\): API error 400/);
    expect((error as Error).message).toContain('[redacted]');
    expect((error as Error).message).not.toContain(key);
  });

  it('turns a judge that does not answer in time into a JudgeError', async () => {
    judge.handle((req) => ({ ...judge.verdictReply(req, good), delayMs: 2_000 }));
    const source = await judge.source({ timeoutMs: 100 });
    const error = await rejection(source.verdict(request, signal()));
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as Error).message).toMatch(/did not answer in time/);
  });

  it('lets an abort propagate as the abort, not as a JudgeError', async () => {
    judge.handle((req) => ({ ...judge.verdictReply(req, good), delayMs: 5_000 }));
    const source = await judge.source();
    const controller = new AbortController();
    const reason = new Error('run interrupted');
    setTimeout(() => controller.abort(reason), 50);
    const error = await rejection(source.verdict(request, controller.signal));
    expect(error).toBe(reason);
  });

  it('refuses to start without a key, naming the environment variable', async () => {
    const error = await rejection(judge.source({ env: {}, config: { baseURL: undefined } }));
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(ENV_VARS[provider]);
  });
});
