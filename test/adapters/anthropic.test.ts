import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandidateError } from '../../src/candidates/adapter.js';
import { anthropicAdapter } from '../../src/candidates/adapters/anthropic.js';
import { UserError } from '../../src/errors.js';
import { anthropicEcho, anthropicErrorReply, messageReply, sentApiKey, startAnthropicServer, type AnthropicServer } from '../servers/anthropic-server.js';
import { inSequence } from '../servers/loopback.js';
import { call, makeContext, makeItem } from './helpers.js';

const KEY = 'sk-ant-test-key-0123456789abcdef';
let server: AnthropicServer;

beforeEach(async () => {
  server = await startAnthropicServer(anthropicEcho, { apiKey: KEY });
});
afterEach(async () => {
  await server.close();
});

function create(options: Record<string, unknown> = {}, context: Parameters<typeof makeContext>[0] = {}) {
  return anthropicAdapter.create(
    anthropicAdapter.options.parse({ model: 'claude-sonnet-4-6', baseURL: server.baseURL, ...options }),
    makeContext({ env: { ANTHROPIC_API_KEY: KEY }, ...context }),
  );
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

type Body = { model: string; max_tokens: number; temperature?: number; system?: string; messages: Array<{ role: string; content: string }> };
const body = (index = 0) => server.requests[index]?.body as Body;

describe('anthropic adapter', () => {
  it('sends the rendered template and system prompt, and maps text, model, usage and cost', async () => {
    server.handle(() => messageReply('Within 14 days.', { model: 'claude-sonnet-4-6', inputTokens: 1200, outputTokens: 300 }));
    const candidate = await create({ system: 'You answer support questions.', prompt: 'Question: {{input}}\nPlan: {{metadata.plan}}' });
    const output = await candidate.generate(makeItem({ input: 'Refund window?', metadata: { plan: 'pro' } }), call());

    expect(output).toEqual({
      text: 'Within 14 days.',
      model: 'claude-sonnet-4-6',
      usage: { inputTokens: 1200, outputTokens: 300 },
      // claude-sonnet-4-6: $3 in, $15 out per million tokens.
      costUsd: (1200 * 3 + 300 * 15) / 1_000_000,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/v1/messages');
    expect(body()).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 1024,
      system: 'You answer support questions.',
      messages: [{ role: 'user', content: 'Question: Refund window?\nPlan: pro' }],
    });
  });

  it('maps a transcript: system turns to system, the template on the last user turn', async () => {
    const candidate = await create({ system: 'Be brief.', prompt: '[{{input}}]', maxTokens: 64, temperature: null });
    const input = [
      { role: 'system' as const, content: 'Customer is on the pro plan.' },
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Hello! How can I help?' },
      { role: 'user' as const, content: 'Refund window?' },
    ];
    const output = await candidate.generate(makeItem({ input }), call());
    expect(output.text).toBe('echo: [Refund window?]');
    expect(body()).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      system: 'Be brief.\n\nCustomer is on the pro plan.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello! How can I help?' },
        { role: 'user', content: '[Refund window?]' },
      ],
    });
  });

  it('sends the key from the configured variable and never puts it in the output', async () => {
    const candidate = await create({ apiKeyEnv: 'TEAM_CLAUDE_KEY' }, { env: { TEAM_CLAUDE_KEY: KEY } });
    const output = await candidate.generate(makeItem(), call());
    expect(sentApiKey(server.requests[0]!)).toBe(KEY);
    expect(server.requests[0]?.headers['anthropic-version']).toBeDefined();
    expect(JSON.stringify(output)).not.toContain(KEY);
  });

  it("reports a rejected key as 'api' without repeating the key", async () => {
    const wrong = 'sk-ant-wrong-key-fedcba9876543210';
    const candidate = await create({}, { env: { ANTHROPIC_API_KEY: wrong } });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect((error as CandidateError).kind).toBe('api');
    expect(error.message).toMatch(/401/);
    expect(error.message).not.toContain(wrong);
    expect(sentApiKey(server.requests[0]!)).toBe(wrong);
  });

  it('lets the SDK retry a 429 after the retry-after delay, then returns the answer', async () => {
    server.handle(inSequence(anthropicErrorReply(429, 'rate_limit_error', 'Slow down', { 'retry-after': '0.8' }), messageReply('after the wait')));
    const candidate = await create();
    const output = await candidate.generate(makeItem(), call());
    expect(output.text).toBe('after the wait');
    expect(server.requests).toHaveLength(2);
    // 0.8 s is longer than the SDK's own first backoff (at most 0.5 s): the header was honoured.
    const [first, second] = server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(750);
  });

  it('retries a 500 and returns the answer', async () => {
    server.handle(inSequence(anthropicErrorReply(500, 'api_error', 'Internal server error'), messageReply('recovered')));
    const candidate = await create();
    await expect(candidate.generate(makeItem(), call())).resolves.toMatchObject({ text: 'recovered' });
    expect(server.requests).toHaveLength(2);
  });

  it("reports 'api' with the status once retries are exhausted", async () => {
    server.handle(() => anthropicErrorReply(529, 'overloaded_error', 'Overloaded', { 'retry-after': '0.01' }));
    const candidate = await create({ maxRetries: 1 });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as CandidateError).kind).toBe('api');
    expect(error.message).toMatch(/529/);
    expect(error.message).toMatch(/Overloaded/);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 400, and keeps the key out of the error even when the server echoes it', async () => {
    const echoed: string[] = [];
    server.handle((request) => {
      const message = `bad request from key ${sentApiKey(request)}`;
      echoed.push(message);
      return anthropicErrorReply(400, 'invalid_request_error', message);
    });
    const candidate = await create();
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(echoed[0]).toContain(KEY);
    expect((error as CandidateError).kind).toBe('api');
    expect(error.message).toMatch(/400/);
    expect(error.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a slow API as 'timeout' using the context's timeout", async () => {
    server.handle(() => messageReply('too late', { delayMs: 3_000 }));
    const candidate = await create({ maxRetries: 0 }, { timeoutMs: 200 });
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), call()));
    expect((error as CandidateError).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops when the call is aborted', async () => {
    server.handle(() => messageReply('too late', { delayMs: 3_000 }));
    const candidate = await create();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), { signal: controller.signal }));
    expect((error as CandidateError).kind).toBe('timeout');
    expect(error.message).toMatch(/aborted/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('uses ANTHROPIC_BASE_URL from the environment when no baseURL is configured', async () => {
    const candidate = await create({ baseURL: undefined }, { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.baseURL } });
    await expect(candidate.generate(makeItem({ input: 'ping' }), call())).resolves.toMatchObject({ text: 'echo: ping' });
    expect(server.requests).toHaveLength(1);
  });

  it('prices with the config override first, and leaves cost out for an unknown model', async () => {
    server.handle(() => messageReply('ok', { model: 'claude-sonnet-4-6', inputTokens: 1_000_000, outputTokens: 0 }));
    const overridden = await create({}, { prices: { 'claude-sonnet-4-6': { input: 2, output: 10 } } });
    await expect(overridden.generate(makeItem(), call())).resolves.toMatchObject({ costUsd: 2 });

    server.handle(() => messageReply('ok', { model: 'claude-experimental-x', inputTokens: 10, outputTokens: 10 }));
    const unknown = await create({ model: 'claude-experimental-x' });
    expect(await unknown.generate(makeItem(), call())).not.toHaveProperty('costUsd');
  });

  it('fails at create time, naming the variable, when the key is missing', async () => {
    const error = await failure(create({ apiKeyEnv: 'TEAM_CLAUDE_KEY' }, { env: {} }));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/TEAM_CLAUDE_KEY/);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects unknown template placeholders at create time', async () => {
    const error = await failure(create({ prompt: '{{input}} (expected: {{reference}})' }));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/unknown placeholder \{\{reference\}\}/);
  });

  it("reports an item lacking a metadata key the template needs as 'missing'", async () => {
    const candidate = await create({ prompt: '{{input}} ({{metadata.plan}})' });
    const error = await failure(candidate.generate(makeItem({ id: 'no-plan' }), call()));
    expect((error as CandidateError).kind).toBe('missing');
    expect(error.message).toMatch(/no-plan.*metadata "plan"/);
    expect(server.requests).toHaveLength(0);
  });
});
