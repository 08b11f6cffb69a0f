import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandidateError } from '../../src/candidates/adapter.js';
import { openaiAdapter } from '../../src/candidates/adapters/openai.js';
import { UserError } from '../../src/errors.js';
import { PLACEHOLDER_API_KEY } from '../../src/models/clients.js';
import { inSequence } from '../servers/loopback.js';
import { completionReply, openaiEcho, openaiErrorReply, sentApiKey, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';
import { call, makeContext, makeItem } from './helpers.js';

const KEY = 'sk-proj-test-key-0123456789abcdef';
let server: OpenAIServer;

beforeEach(async () => {
  server = await startOpenAIServer(openaiEcho, { apiKey: KEY });
});
afterEach(async () => {
  await server.close();
});

function create(options: Record<string, unknown> = {}, context: Parameters<typeof makeContext>[0] = {}) {
  return openaiAdapter.create(
    openaiAdapter.options.parse({ model: 'gpt-4o-mini', baseURL: server.baseURL, ...options }),
    makeContext({ env: { OPENAI_API_KEY: KEY }, ...context }),
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

const body = (index = 0) => server.requests[index]?.body as Record<string, unknown>;

describe('openai adapter', () => {
  it('sends system prompt and rendered template, and maps text, model, usage and cost', async () => {
    server.handle(() => completionReply('Within 14 days.', { model: 'gpt-4o-mini-2024-07-18', promptTokens: 2000, completionTokens: 500 }));
    const candidate = await create({ system: 'You answer support questions.', prompt: 'Q: {{input}} [{{metadata.locale}}]' });
    const output = await candidate.generate(makeItem({ input: 'Refund window?', metadata: { locale: 'en-GB' } }), call());

    expect(output).toEqual({
      text: 'Within 14 days.',
      model: 'gpt-4o-mini-2024-07-18',
      usage: { inputTokens: 2000, outputTokens: 500 },
      // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
      costUsd: (2000 * 0.15 + 500 * 0.6) / 1_000_000,
    });
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
    expect(body()).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You answer support questions.' },
        { role: 'user', content: 'Q: Refund window? [en-GB]' },
      ],
      max_completion_tokens: 1024,
      temperature: 0,
    });
  });

  it('maps a transcript, and can send max_tokens and no temperature for servers that need it', async () => {
    const candidate = await create({ prompt: '{{input}}!', maxTokensParam: 'max_tokens', maxTokens: 32, temperature: null });
    const input = [
      { role: 'system' as const, content: 'Reply in French.' },
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Bonjour' },
      { role: 'user' as const, content: 'Refund window?' },
    ];
    const output = await candidate.generate(makeItem({ input }), call());
    expect(output.text).toBe('echo: Refund window?!');
    expect(body()).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Reply in French.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Bonjour' },
        { role: 'user', content: 'Refund window?!' },
      ],
      max_tokens: 32,
    });
  });

  it('sends the key as a bearer token and never puts it in the output', async () => {
    const candidate = await create();
    const output = await candidate.generate(makeItem(), call());
    expect(sentApiKey(server.requests[0]!)).toBe(KEY);
    expect(JSON.stringify(output)).not.toContain(KEY);
  });

  it('lets the SDK retry a 429 after the retry-after delay, then returns the answer', async () => {
    server.handle(inSequence(openaiErrorReply(429, 'rate_limit_exceeded', 'Rate limit reached', { 'retry-after': '0.8' }), completionReply('after the wait')));
    const candidate = await create();
    const output = await candidate.generate(makeItem(), call());
    expect(output.text).toBe('after the wait');
    expect(server.requests).toHaveLength(2);
    // 0.8 s is longer than the SDK's own first backoff (at most 0.5 s): the header was honoured.
    const [first, second] = server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(750);
  });

  it('retries a 500 and returns the answer', async () => {
    server.handle(inSequence(openaiErrorReply(500, 'server_error', 'The server had an error'), completionReply('recovered')));
    const candidate = await create();
    await expect(candidate.generate(makeItem(), call())).resolves.toMatchObject({ text: 'recovered' });
    expect(server.requests).toHaveLength(2);
  });

  it("reports 'api' with the status once retries are exhausted", async () => {
    server.handle(() => openaiErrorReply(503, 'overloaded', 'The engine is currently overloaded', { 'retry-after': '0' }));
    const candidate = await create({ maxRetries: 2 });
    const error = await failure(candidate.generate(makeItem(), call()));
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as CandidateError).kind).toBe('api');
    expect(error.message).toMatch(/503/);
    expect(error.message).toMatch(/overloaded/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 400, and keeps the key out of the error even when the server echoes it', async () => {
    const echoed: string[] = [];
    server.handle((request) => {
      const message = `invalid request with key ${sentApiKey(request)}`;
      echoed.push(message);
      return openaiErrorReply(400, 'invalid_request', message);
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
    server.handle(() => completionReply('too late', { delayMs: 3_000 }));
    const candidate = await create({ maxRetries: 0 }, { timeoutMs: 200 });
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), call()));
    expect((error as CandidateError).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops at once when aborted while the SDK waits out a long retry-after', async () => {
    server.handle(() => openaiErrorReply(429, 'rate_limit_exceeded', 'Rate limit reached', { 'retry-after': '30' }));
    const candidate = await create();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const error = await failure(candidate.generate(makeItem(), { signal: controller.signal }));
    expect((error as CandidateError).kind).toBe('timeout');
    expect(error.message).toMatch(/aborted/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('returns a refusal as the answer text, and no usage or cost when the server reports none', async () => {
    server.handle(() => completionReply(null, { refusal: "I can't help with that.", noUsage: true }));
    const candidate = await create();
    await expect(candidate.generate(makeItem(), call())).resolves.toEqual({ text: "I can't help with that.", model: 'gpt-4o-mini-2024-07-18' });
  });

  it('prices fine-tuned ids only through the config override', async () => {
    const model = 'ft:gpt-4o-mini-2024-07-18:acme::abc123';
    server.handle(() => completionReply('ok', { model, promptTokens: 1_000_000, completionTokens: 1_000_000 }));
    const unpriced = await create({ model });
    expect(await unpriced.generate(makeItem(), call())).not.toHaveProperty('costUsd');
    const priced = await create({ model }, { prices: { [model]: { input: 0.3, output: 1.2 } } });
    expect((await priced.generate(makeItem(), call())).costUsd).toBeCloseTo(1.5, 10);
  });

  it('uses a placeholder key for a local server when no key is set', async () => {
    const local = await startOpenAIServer();
    try {
      const candidate = await openaiAdapter.create(openaiAdapter.options.parse({ model: 'my-lora-adapter', baseURL: local.baseURL }), makeContext({ env: {} }));
      await expect(candidate.generate(makeItem({ input: 'ping' }), call())).resolves.toMatchObject({ text: 'echo: ping', model: 'my-lora-adapter' });
      expect(sentApiKey(local.requests[0]!)).toBe(PLACEHOLDER_API_KEY);
    } finally {
      await local.close();
    }
  });

  it('uses OPENAI_BASE_URL from the environment when no baseURL is configured', async () => {
    const candidate = await create({ baseURL: undefined }, { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL } });
    await expect(candidate.generate(makeItem({ input: 'ping' }), call())).resolves.toMatchObject({ text: 'echo: ping' });
    expect(server.requests).toHaveLength(1);
  });

  it('fails at create time, naming the variable, when there is neither a key nor a base URL', async () => {
    const error = await failure(openaiAdapter.create(openaiAdapter.options.parse({ model: 'gpt-4o-mini' }), makeContext({ env: {} })));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/OPENAI_API_KEY/);
  });
});
