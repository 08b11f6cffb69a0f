import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandidateError, type Candidate, type CandidateBatch } from '../../src/candidates/adapter.js';
import { anthropicAdapter } from '../../src/candidates/adapters/anthropic.js';
import { openaiAdapter } from '../../src/candidates/adapters/openai.js';
import { runCandidateBatch, type CandidateBatchOutcome, type CandidateCall } from '../../src/candidates/batch.js';
import { BUILT_IN_PRICES } from '../../src/models/prices.js';
import { anthropicErrorReply, lastUserText, messageReply } from '../servers/anthropic-server.js';
import { completionReply, lastUserContent, openaiErrorReply } from '../servers/openai-server.js';
import type { BatchAnswer } from '../servers/batch-script.js';
import { call, makeContext, makeItem } from '../adapters/helpers.js';
import { ENV_VARS, FAST, KEYS, MemoryJournal, PROVIDERS, env, rejection, signal, startBatchServer, type BatchServer } from './helpers.js';

const MODELS = { anthropic: 'claude-sonnet-4-6', openai: 'gpt-4o-mini' } as const;

describe.each(PROVIDERS)('%s candidate through the batch API', (provider) => {
  let server: BatchServer;
  const userText = provider === 'anthropic' ? lastUserText : lastUserContent;

  beforeEach(async () => {
    server = await startBatchServer(provider);
  });
  afterEach(async () => {
    await server.close();
  });

  async function create(options: Record<string, unknown> = {}): Promise<Candidate & { batch: CandidateBatch }> {
    const adapter = provider === 'anthropic' ? anthropicAdapter : openaiAdapter;
    const parsed = adapter.options.parse({ model: MODELS[provider], baseURL: server.baseURL, apiKeyEnv: ENV_VARS[provider], maxRetries: 0, ...options });
    const candidate = await (adapter.create as (o: unknown, c: ReturnType<typeof makeContext>) => Promise<Candidate>)(
      parsed,
      makeContext({ env: env(provider) }),
    );
    if (!candidate.batch) throw new Error('model adapters offer a batch path');
    return candidate as Candidate & { batch: CandidateBatch };
  }

  async function outcomes(candidate: Candidate & { batch: CandidateBatch }, calls: CandidateCall[], journal = new MemoryJournal()) {
    const list: CandidateBatchOutcome[] = [];
    for await (const outcome of runCandidateBatch({ candidateId: 'rag-v2', batch: candidate.batch, calls, journal, signal: signal(), schedule: FAST }))
      list.push(outcome);
    return list;
  }

  it('builds exactly the request a live call sends', async () => {
    const candidate = await create({ system: 'Answer briefly.', prompt: 'Q: {{input}} ({{metadata.plan}})', maxTokens: 77 });
    const item = makeItem({ input: 'Refund window?', metadata: { plan: 'pro' } });
    await candidate.generate(item, call());
    const live = server.requests.find((r) => r.method === 'POST' && /\/(messages|chat\/completions)$/.test(r.path));
    expect(live?.body).toEqual(candidate.batch.request(item));
  });

  it('maps every call back to its item and epoch, priced at half the standard rate', async () => {
    const usage = { inputTokens: 1200, outputTokens: 300 };
    const answer: BatchAnswer = (line) =>
      provider === 'anthropic'
        ? messageReply(`answer to ${userText(line.request)}`, { model: 'claude-sonnet-4-6', ...usage })
        : completionReply(`answer to ${userText(line.request)}`, { model: 'gpt-4o-mini-2024-07-18', promptTokens: 1200, completionTokens: 300 });
    server.script = { ...server.script, answer };
    const candidate = await create({ prompt: '{{input}} #{{metadata.n}}' });
    const calls: CandidateCall[] = [
      { item: makeItem({ id: 'a', input: 'alpha', metadata: { n: 1 } }), epoch: 0 },
      { item: makeItem({ id: 'a', input: 'alpha', metadata: { n: 1 } }), epoch: 1 },
      { item: makeItem({ id: 'b', input: 'beta', metadata: { n: 2 } }), epoch: 0 },
      { item: makeItem({ id: 'c', input: 'gamma', metadata: {} }), epoch: 0 },
    ];
    const list = await outcomes(candidate, calls);

    // The item the template cannot fill fails first, without a request; the batch holds the other three.
    expect(list[0]).toEqual({ call: calls[3], error: expect.any(CandidateError) });
    expect(list[0] && 'error' in list[0] && list[0].error.kind).toBe('missing');
    expect(server.creates()).toHaveLength(1);
    expect([...server.batches.values()][0]?.lines).toHaveLength(3);
    const price = BUILT_IN_PRICES[MODELS[provider]];
    const batchCost = ((1200 * (price?.input ?? NaN) + 300 * (price?.output ?? NaN)) / 1_000_000) * 0.5;
    const answered = list.slice(1).map((o) => ['output' in o ? o.output : o.error, o.call.item.id, o.call.epoch] as const);
    expect(answered).toHaveLength(3);
    for (const [output, id, epoch] of answered) {
      expect(output).toEqual({
        text: `answer to ${id === 'a' ? 'alpha #1' : 'beta #2'}`,
        model: expect.any(String),
        usage,
        costUsd: expect.closeTo(batchCost, 12),
      });
      expect(output).not.toHaveProperty('latencyMs');
      expect([
        ['a', 0],
        ['a', 1],
        ['b', 0],
      ]).toContainEqual([id, epoch]);
    }
    expect(new Set(answered.map(([, id, epoch]) => `${id}#${epoch}`)).size).toBe(3);
  });

  it("records an errored request as 'api' and a body without an answer as 'bad_output', never as output", async () => {
    const answer: BatchAnswer = (line) => {
      if (userText(line.request) === 'alpha') {
        return provider === 'anthropic'
          ? anthropicErrorReply(400, 'invalid_request_error', `nope ${KEYS[provider]}`)
          : openaiErrorReply(400, 'invalid', `nope ${KEYS[provider]}`);
      }
      return { status: 200, json: { model: 'x', broken: true } };
    };
    server.script = { ...server.script, answer };
    const candidate = await create();
    const list = await outcomes(candidate, [
      { item: makeItem({ id: 'a', input: 'alpha' }), epoch: 0 },
      { item: makeItem({ id: 'b', input: 'beta' }), epoch: 0 },
    ]);
    const errors = new Map(list.map((o) => [o.call.item.id, 'error' in o ? o.error : undefined]));
    expect(errors.get('a')?.kind).toBe('api');
    expect(errors.get('a')?.message).toMatch(new RegExp(`^${provider} batch: the request (errored|failed).*nope \\[redacted\\]`));
    expect(errors.get('b')?.kind).toBe('bad_output');
    expect(errors.get('b')?.message).toMatch(/the batch result is not a (Message|ChatCompletion)/);
  });

  it('resumes a killed run from the saved batch: same custom ids from a fresh adapter, no second batch', async () => {
    server.script = { ...server.script, pollsUntilEnded: 3 };
    const calls = [{ item: makeItem({ id: 'a', input: 'alpha' }), epoch: 0 }];
    const journal = new MemoryJournal();
    const controller = new AbortController();
    const first = await create();
    const killed = (async () => {
      for await (const outcome of runCandidateBatch({
        candidateId: 'rag-v2',
        batch: first.batch,
        calls,
        journal,
        signal: controller.signal,
        schedule: FAST,
        onProgress: () => controller.abort(new Error('killed')),
      }))
        void outcome;
    })();
    expect(((await rejection(killed)) as Error).message).toBe('killed');
    const list = await outcomes(await create(), calls, journal);
    expect(list.map((o) => ('output' in o ? o.output.text : o.error.message))).toEqual(['echo: alpha']);
    expect(server.creates()).toHaveLength(1);
  });
});
