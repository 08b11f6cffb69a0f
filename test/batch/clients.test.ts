import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicBatchClient } from '../../src/models/batch/anthropic.js';
import { createOpenAIBatchClient } from '../../src/models/batch/openai.js';
import { BatchApiError, type BatchClient, type BatchHandle, type BatchRequest } from '../../src/models/batch/types.js';
import { createAnthropicClient, createOpenAIClient } from '../../src/models/clients.js';
import { anthropicErrorReply, lastUserText, messageReply } from '../servers/anthropic-server.js';
import { expired, type BatchAnswer } from '../servers/batch-script.js';
import { completionReply, lastUserContent, openaiErrorReply } from '../servers/openai-server.js';
import {
  ENV_VARS,
  FAST,
  KEYS,
  PROVIDERS,
  answerText,
  batchClientFor,
  collect,
  env,
  paramsFor,
  progressLog,
  rejection,
  signal,
  startBatchServer,
  type BatchServer,
} from './helpers.js';

describe.each(PROVIDERS)('%s batch client against the loopback batch API', (provider) => {
  let server: BatchServer;
  let client: BatchClient;
  const requests: BatchRequest[] = ['alpha', 'beta', 'gamma'].map((word) => ({ customId: `item-${word}`, params: paramsFor(provider, word) }));
  const userText = provider === 'anthropic' ? lastUserText : lastUserContent;
  const errorReply = (status: number, message: string) =>
    provider === 'anthropic' ? anthropicErrorReply(status, 'invalid_request_error', message) : openaiErrorReply(status, 'invalid_request', message);
  const reply = (text: string) => (provider === 'anthropic' ? messageReply(text) : completionReply(text));

  beforeEach(async () => {
    server = await startBatchServer(provider);
    client = await batchClientFor(provider, server);
  });
  afterEach(async () => {
    await server.close();
  });

  it('submits one batch, polls with progress until it ends, and maps results back by custom id', async () => {
    const { log, onProgress } = progressLog();
    const handle = await client.submit(requests);
    expect(handle).toEqual({ provider, batches: [{ id: expect.any(String), customIds: requests.map((r) => r.customId) }] });
    await client.poll(handle, { signal: signal(), onProgress, schedule: FAST });
    const results = await collect(client.results(handle));

    expect(server.creates()).toHaveLength(1);
    for (const word of ['alpha', 'beta', 'gamma']) {
      const result = results.get(`item-${word}`);
      expect(result?.ok).toBe(true);
      // The server lists results in reverse order; each still lands on its own id.
      expect(result?.ok && answerText(provider, result.body)).toBe(`echo: ${word}`);
    }
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(log.at(0)).toEqual({ done: 0, failed: 0, total: 3 });
    expect(log.at(-1)).toEqual({ done: 3, failed: 0, total: 3 });
    expect(log.map((p) => p.done)).toEqual([...log.map((p) => p.done)].sort((a, b) => a - b));
    // Every request carried the same params a live call would have sent.
    const batch = server.batches.get(handle.batches[0]?.id ?? '');
    expect(batch?.lines.map((line) => [line.customId, line.params])).toEqual(requests.map((r) => [r.customId, r.params]));
    expect(batch?.lines.map((line) => userText(line.request))).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('turns errored, expired and canceled requests into per-request errors, never results', async () => {
    const answer: BatchAnswer = (line) => {
      const word = userText(line.request);
      if (word === 'beta') return errorReply(400, `bad request for ${KEYS[provider]}`);
      if (word === 'gamma') return expired;
      return reply('fine');
    };
    server.script = { ...server.script, answer };
    const handle = await client.submit(requests);
    await client.poll(handle, { signal: signal(), schedule: FAST });
    const results = await collect(client.results(handle));

    expect(results.get('item-alpha')?.ok).toBe(true);
    const beta = results.get('item-beta');
    expect(beta).toEqual({ customId: 'item-beta', ok: false, error: expect.stringContaining('bad request for [redacted]') });
    const gamma = results.get('item-gamma');
    expect(gamma?.ok).toBe(false);
    expect(!gamma?.ok && gamma?.error).toMatch(/expired/);
    expect(JSON.stringify([...results.values()])).not.toContain(KEYS[provider]);
  });

  it('chunks by the request limit, reporting each created batch, and reads all of them back', async () => {
    const sdkSettings = { baseURL: server.baseURL, apiKeyEnv: ENV_VARS[provider], maxRetries: 0, timeoutMs: 5_000 };
    const limits = { maxRequests: 2, maxBytes: 1_000_000 };
    const small =
      provider === 'anthropic'
        ? createAnthropicBatchClient(await createAnthropicClient(sdkSettings, env(provider)), { limits })
        : createOpenAIBatchClient(await createOpenAIClient(sdkSettings, env(provider)), { limits });
    const five = [...requests, ...['delta', 'epsilon'].map((word) => ({ customId: `item-${word}`, params: paramsFor(provider, word) }))];
    const seen: BatchHandle[] = [];
    const handle = await small.submit(five, { onBatch: (partial) => void seen.push(partial) });

    expect(handle.batches.map((b) => b.customIds.length)).toEqual([2, 2, 1]);
    expect(seen.map((h) => h.batches.length)).toEqual([1, 2, 3]);
    expect(server.creates()).toHaveLength(3);
    await small.poll(handle, { signal: signal(), schedule: FAST });
    const results = await collect(small.results(handle));
    expect([...results.keys()].sort()).toEqual(five.map((r) => r.customId).sort());
    expect([...results.values()].every((r) => r.ok)).toBe(true);
  });

  it('reports a refused submission as a BatchApiError with the status and without the key', async () => {
    const wrong = 'sk-wrong-key-but-long-enough-123456';
    const settings = { baseURL: server.baseURL, apiKeyEnv: 'WRONG_KEY', maxRetries: 0, timeoutMs: 5_000 };
    const bad =
      provider === 'anthropic'
        ? createAnthropicBatchClient(await createAnthropicClient(settings, { WRONG_KEY: wrong }))
        : createOpenAIBatchClient(await createOpenAIClient(settings, { WRONG_KEY: wrong }));
    const err = await rejection(bad.submit(requests));
    expect(err).toBeInstanceOf(BatchApiError);
    expect((err as BatchApiError).status).toBe(401);
    expect((err as Error).message).toMatch(new RegExp(`^${provider} batch API: API error 401`));
    expect((err as Error).message).not.toContain(wrong);
    expect(server.batches.size).toBe(0);
  });

  it('stops polling on abort with the signal reason, without cancelling the batch', async () => {
    server.script = { ...server.script, pollsUntilEnded: 1_000 };
    const handle = await client.submit(requests);
    const controller = new AbortController();
    const reason = new Error('interrupted');
    const polling = client.poll(handle, {
      signal: controller.signal,
      onProgress: () => controller.abort(reason),
      schedule: { initialMs: 5_000, maxMs: 5_000, factor: 1 },
    });
    const started = Date.now();
    expect(await rejection(polling)).toBe(reason);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests.some((r) => r.path.endsWith('/cancel'))).toBe(false);
  });

  it('cancels on request: unprocessed requests end as canceled errors', async () => {
    server.script = { ...server.script, pollsUntilEnded: 1_000 };
    const handle = await client.submit(requests);
    await client.cancel(handle);
    await client.poll(handle, { signal: signal(), schedule: FAST });
    const results = await collect(client.results(handle));
    expect(results.size).toBe(3);
    for (const result of results.values()) expect(!result.ok && result.error).toMatch(/cancel/);
  });
});

describe('openai batch client specifics', () => {
  it('uploads a JSONL file for /v1/chat/completions and reads a failed batch as errors for every request', async () => {
    const server = await startBatchServer('openai');
    try {
      const client = await batchClientFor('openai', server);
      const requests = [{ customId: 'a-1', params: paramsFor('openai', 'one') }];
      const upload = server as BatchServer & { files: Map<string, { purpose: string; content: string }>; failValidation: string | undefined };
      upload.failValidation = 'line 1: model not found';
      const handle = await client.submit(requests);
      const file = [...upload.files.values()][0];
      expect(file?.purpose).toBe('batch');
      expect(file?.content).toBe(`${JSON.stringify({ custom_id: 'a-1', method: 'POST', url: '/v1/chat/completions', body: requests[0]?.params })}\n`);
      expect(server.creates()[0]?.body).toEqual({ input_file_id: expect.any(String), endpoint: '/v1/chat/completions', completion_window: '24h' });

      await client.poll(handle, { signal: signal(), schedule: FAST });
      const results = await collect(client.results(handle));
      expect(results.get('a-1')).toEqual({ customId: 'a-1', ok: false, error: 'the batch failed: line 1: model not found' });
    } finally {
      await server.close();
    }
  });
});
