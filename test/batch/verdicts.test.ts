import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createAnthropicVerdictTransport } from '../../src/models/anthropic-verdict.js';
import { batchedVerdictTransport } from '../../src/models/batch/verdicts.js';
import type { VerdictPrompt, VerdictTransport } from '../../src/models/model-verdict-call.js';
import { createOpenAIVerdictTransport } from '../../src/models/openai-verdict.js';
import { JudgeError } from '../../src/contracts/verdict-source.js';
import { anthropicErrorReply, forcedToolName, messageReply, toolUseReply } from '../servers/anthropic-server.js';
import type { BatchAnswer, BatchLine } from '../servers/batch-script.js';
import type { Handler, RecordedRequest, Reply } from '../servers/loopback.js';
import { completionReply, jsonReply, openaiErrorReply } from '../servers/openai-server.js';
import { startAnthropicBatchServer } from '../servers/anthropic-batch-server.js';
import { startOpenAIBatchServer } from '../servers/openai-batch-server.js';
import { ENV_VARS, FAST, KEYS, MemoryJournal, PROVIDERS, env, rejection, signal, type BatchServer, type Provider } from './helpers.js';

const Verdict = z.object({ reasoning: z.string(), score: z.number().int().min(1).max(5) });

function prompt(key: string, user: string, nonce = 'a1b2c3d4e5f60718'): VerdictPrompt {
  return { system: `Grade. Tags end in ${nonce}.`, user, schemaName: 'rubric_verdict', schema: Verdict, identity: { key, digest: `digest-of-${key}` } };
}

function verdictReply(provider: Provider, request: RecordedRequest, value: unknown): Reply {
  if (provider === 'openai') return jsonReply(value, { model: 'gpt-4o-mini', promptTokens: 1000, completionTokens: 200 });
  return toolUseReply(forcedToolName(request) ?? 'missing', value, { model: 'claude-sonnet-4-6', inputTokens: 1000, outputTokens: 200 });
}

const userOf = (line: BatchLine) => {
  const messages = (line.params as { messages: Array<{ role: string; content: string }> }).messages;
  return messages.find((m) => m.role === 'user')?.content ?? '';
};

describe.each(PROVIDERS)('batched %s verdict transport', (provider) => {
  let server: BatchServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  async function setUp(answer: BatchAnswer, live: Handler = (request) => verdictReply(provider, request, { reasoning: 'live', score: 3 })) {
    const options = { apiKey: KEYS[provider], answer, live, pollsUntilEnded: 1 };
    server = provider === 'anthropic' ? await startAnthropicBatchServer(options) : await startOpenAIBatchServer(options);
    const settings = {
      model: provider === 'anthropic' ? 'claude-sonnet-4-6' : 'gpt-4o-mini',
      baseURL: server.baseURL,
      apiKeyEnv: ENV_VARS[provider],
      maxTokens: 512,
      maxRetries: 0,
      timeoutMs: 5_000,
      env: env(provider),
    };
    const transport: VerdictTransport =
      provider === 'anthropic' ? await createAnthropicVerdictTransport(settings) : await createOpenAIVerdictTransport(settings);
    const journal = new MemoryJournal();
    return { server, transport, journal, batched: batchedVerdictTransport(transport, { journal, signal: signal(), schedule: FAST, quietMs: 5 }) };
  }

  it('sends concurrent verdict calls as one batch of the live requests, sharing an entry between identical questions', async () => {
    const { server, transport, journal, batched } = await setUp((line) => verdictReply(provider, line.request, { reasoning: `on ${userOf(line)}`, score: 4 }));
    const [a, b, again] = await Promise.all([
      batched.start(prompt('item-a/rubric', 'answer A'), signal()),
      batched.start(prompt('item-b/rubric', 'answer B'), signal()),
      batched.start(prompt('item-a/rubric', 'answer A', 'ffffffffffffffff'), signal()),
    ]);
    expect(server.creates()).toHaveLength(1);
    const lines = [...server.batches.values()][0]?.lines ?? [];
    expect(lines.map(userOf).sort()).toEqual(['answer A', 'answer B']);
    // The batched request is the one a live call sends.
    await transport.start(prompt('item-b/rubric', 'answer B'), signal());
    const live = server.requests.find((r) => r.method === 'POST' && /\/(messages|chat\/completions)$/.test(r.path));
    expect(lines.find((l) => userOf(l) === 'answer B')?.params).toEqual(live?.body);
    expect(a?.reply).toEqual({ ok: true, json: { reasoning: 'on answer A', score: 4 } });
    expect(b?.reply).toEqual({ ok: true, json: { reasoning: 'on answer B', score: 4 } });
    expect(again?.reply).toEqual(a?.reply);
    expect(a).toMatchObject({ batch: true, usage: { inputTokens: 1000, outputTokens: 200 } });
    // The round's handle was saved before the wait and is cleared once its results are read.
    expect(journal.saves).toHaveLength(1);
    await vi.waitFor(() => expect(journal.text).toBeUndefined());
  });

  it('retries an invalid batched verdict live, at the standard price', async () => {
    const prose = provider === 'anthropic' ? messageReply('I think it is fine.') : completionReply('I think it is fine.');
    const { server, batched } = await setUp(() => prose);
    const first = await batched.start(prompt('item-a/rubric', 'answer A'), signal());
    expect(first.reply.ok).toBe(false);
    const second = await first.retry(first.reply.ok ? '' : first.reply.problem, signal());
    expect(second.reply).toEqual({ ok: true, json: { reasoning: 'live', score: 3 } });
    expect(second.batch).toBeUndefined();
    const live = server.requests.filter((r) => r.method === 'POST' && /\/(messages|chat\/completions)$/.test(r.path));
    expect(live).toHaveLength(1);
    expect(server.creates()).toHaveLength(1);
  });

  it('makes an errored request a JudgeError without the key', async () => {
    const errored =
      provider === 'anthropic'
        ? anthropicErrorReply(400, 'invalid_request_error', `bad ${KEYS[provider]}`)
        : openaiErrorReply(400, 'invalid', `bad ${KEYS[provider]}`);
    const { batched } = await setUp(() => errored);
    const err = await rejection(batched.start(prompt('item-a/rubric', 'answer A'), signal()));
    expect(err).toBeInstanceOf(JudgeError);
    expect((err as Error).message).toMatch(new RegExp(`^${provider} batch: the request (errored|failed).*bad \\[redacted\\]`));
  });

  it('makes a round the API refuses a JudgeError for each of its calls, without the key', async () => {
    const { server } = await setUp(() => messageReply('unused'));
    const create = provider === 'anthropic' ? createAnthropicVerdictTransport : createOpenAIVerdictTransport;
    const wrong = 'sk-wrong-but-long-key-0000000000';
    const transport = await create({ model: 'm', baseURL: server.baseURL, apiKeyEnv: 'K', maxTokens: 10, maxRetries: 0, timeoutMs: 5_000, env: { K: wrong } });
    const batched = batchedVerdictTransport(transport, { journal: new MemoryJournal(), signal: signal(), quietMs: 5 });
    const refused = await Promise.all([prompt('x', 'one'), prompt('y', 'two')].map((p) => rejection(batched.start(p, signal()))));
    for (const err of refused) {
      expect(err).toBeInstanceOf(JudgeError);
      expect((err as Error).message).toMatch(/API error 401/);
      expect((err as Error).message).not.toContain(wrong);
    }
    expect(server.batches.size).toBe(0);
  });

  it('resumes a killed round from the journal with new nonces: no second batch', async () => {
    const { server, transport, journal } = await setUp((line) => verdictReply(provider, line.request, { reasoning: 'kept', score: 5 }));
    server.script = { ...server.script, pollsUntilEnded: 3 };
    const controller = new AbortController();
    const killed = batchedVerdictTransport(transport, {
      journal,
      signal: controller.signal,
      schedule: FAST,
      quietMs: 5,
      onProgress: () => controller.abort(new Error('killed')),
    });
    expect(((await rejection(killed.start(prompt('item-a/rubric', 'answer A', '0000000000000000'), signal()))) as Error).message).toBe('killed');

    const resumed = batchedVerdictTransport(transport, { journal, signal: signal(), schedule: FAST, quietMs: 5 });
    const exchange = await resumed.start(prompt('item-a/rubric', 'answer A', '1111111111111111'), signal());
    expect(exchange.reply).toEqual({ ok: true, json: { reasoning: 'kept', score: 5 } });
    expect(server.creates()).toHaveLength(1);
  });

  it('refuses a prompt without identity: the nonce must not name a batch request', async () => {
    const { batched } = await setUp(() => messageReply('x'));
    const { identity: _, ...bare } = prompt('k', 'u');
    await expect(batched.start(bare, signal())).rejects.toThrow(/needs prompt.identity/);
  });
});
