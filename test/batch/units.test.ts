import { describe, expect, it } from 'vitest';
import { batchClient, type BatchDriver, type HandleBatch } from '../../src/models/batch/driver.js';
import { assertUniqueIds, customIdFor } from '../../src/models/batch/ids.js';
import { ANTHROPIC_LIMITS, OPENAI_LIMITS, chunkRequests } from '../../src/models/batch/limits.js';
import { CustomIdSchema, type BatchProgress, type BatchRequest, type BatchResult } from '../../src/models/batch/types.js';
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { BATCH_PRICE_FACTOR, costUsd } from '../../src/models/prices.js';
import { collect, signal } from './helpers.js';

describe('customIdFor', () => {
  it('is deterministic, fits both providers, and differs when any part differs', () => {
    const id = customIdFor('refund-007', 0, 'rag-v2');
    expect(id).toBe(customIdFor('refund-007', 0, 'rag-v2'));
    expect(id).toMatch(/^refund-007-[0-9a-f]{24}$/);
    const variants = [customIdFor('refund-007', 1, 'rag-v2'), customIdFor('refund-007', 0, 'rag-v3'), customIdFor('refund-008', 0, 'rag-v2')];
    expect(new Set([id, ...variants]).size).toBe(4);
  });

  it('makes ids of any label that Anthropic accepts (1-64 of [a-zA-Z0-9_-])', () => {
    for (const label of ['', 'billing/refunds.md#3', 'ünïcödé ✓', 'x'.repeat(500)]) {
      const id = customIdFor(label, 0);
      expect(CustomIdSchema.safeParse(id).success, id).toBe(true);
    }
    // Labels that slug alike still get different ids: the hash covers the raw label.
    expect(customIdFor('a/b', 0)).not.toBe(customIdFor('a_b', 0));
  });

  it('refuses two requests with one id', () => {
    expect(() =>
      assertUniqueIds([
        { customId: 'a', params: {} },
        { customId: 'a', params: { x: 1 } },
      ]),
    ).toThrow(/duplicate batch custom id a/);
  });
});

describe('chunkRequests', () => {
  const requests = (n: number): BatchRequest[] => Array.from({ length: n }, (_, i) => ({ customId: `r${i}`, params: {} }));
  const ids = (chunks: BatchRequest[][]) => chunks.map((chunk) => chunk.map((r) => r.customId));

  it('splits by request count and by bytes, keeping order', () => {
    expect(ids(chunkRequests(requests(5), { maxRequests: 2, maxBytes: 1_000 }, () => 10))).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4']]);
    const sizes: Record<string, number> = { r0: 60, r1: 50, r2: 40, r3: 100 };
    expect(ids(chunkRequests(requests(4), { maxRequests: 10, maxBytes: 100 }, (r) => sizes[r.customId] ?? 0))).toEqual([['r0'], ['r1', 'r2'], ['r3']]);
  });

  it('refuses a request larger than a whole batch', () => {
    expect(() => chunkRequests(requests(1), { maxRequests: 10, maxBytes: 100 }, () => 101)).toThrow(/r0 is 101 bytes, over the 100-byte/);
  });

  it('uses the documented provider limits', () => {
    expect(ANTHROPIC_LIMITS).toEqual({ maxRequests: 100_000, maxBytes: 256_000_000 });
    expect(OPENAI_LIMITS).toEqual({ maxRequests: 50_000, maxBytes: 200_000_000 });
  });
});

describe('batch pricing', () => {
  it('charges half the standard price for batched calls', () => {
    const usage = { inputTokens: 2_000_000, outputTokens: 500_000 };
    expect(BATCH_PRICE_FACTOR).toBe(0.5);
    expect(costUsd(usage, { input: 3, output: 15 }, { batch: true })).toBeCloseTo(6.75, 10);
    expect(costUsd(usage, { input: 3, output: 15 }, { batch: false })).toBeCloseTo(13.5, 10);
  });
});

/** A provider whose batches end after `checks` status checks and answer with the scripted results. */
function fakeDriver(answers: Record<string, BatchResult[]>, checks = 2) {
  const polled = new Map<string, number>();
  const statusCalls: number[] = [];
  let created = 0;
  const driver: BatchDriver = {
    provider: 'openai',
    limits: { maxRequests: 2, maxBytes: 1_000 },
    errors: { APIError, APIConnectionTimeoutError, APIUserAbortError },
    secrets: ['sk-secret-value-123456'],
    bytesOf: () => 1,
    create: async () => `b${++created}`,
    async status(batch: HandleBatch) {
      statusCalls.push(Date.now());
      const n = (polled.get(batch.id) ?? 0) + 1;
      polled.set(batch.id, n);
      const total = batch.customIds.length;
      return { ended: n >= checks, progress: { done: n >= checks ? total : 0, failed: 0, total } };
    },
    async *results(batch: HandleBatch) {
      yield* answers[batch.id] ?? [];
    },
    cancel: async () => undefined,
  };
  return { driver, polled, statusCalls };
}

describe('batchClient (shared client logic)', () => {
  const three: BatchRequest[] = ['x', 'y', 'z'].map((customId) => ({ customId, params: {} }));

  it('polls every batch until all have ended, summing progress, with a growing interval', async () => {
    const { driver, polled, statusCalls } = fakeDriver({}, 3);
    const client = batchClient(driver);
    const handle = await client.submit(three);
    const log: BatchProgress[] = [];
    await client.poll(handle, { signal: signal(), onProgress: (p) => log.push(p), schedule: { initialMs: 20, maxMs: 80, factor: 4 } });
    expect(Object.fromEntries(polled)).toEqual({ b1: 3, b2: 3 });
    expect(log).toEqual([
      { done: 0, failed: 0, total: 3 },
      { done: 0, failed: 0, total: 3 },
      { done: 3, failed: 0, total: 3 },
    ]);
    // Two checks per round (one per batch); the wait between rounds grows from 20 to 80 ms.
    const first = (statusCalls[2] ?? 0) - (statusCalls[1] ?? 0);
    const second = (statusCalls[4] ?? 0) - (statusCalls[3] ?? 0);
    expect(first).toBeGreaterThanOrEqual(15);
    expect(second).toBeGreaterThanOrEqual(70);
  });

  it('gives one result per custom id: drops repeats and strangers, fills gaps with errors, redacts secrets', async () => {
    const { driver } = fakeDriver({
      b1: [
        { customId: 'y', ok: false, error: 'failed with key sk-secret-value-123456' },
        { customId: 'x', ok: true, body: { n: 1 } },
        { customId: 'x', ok: true, body: { n: 2 } },
        { customId: 'someone-else', ok: true, body: {} },
      ],
    });
    const client = batchClient(driver);
    const handle = await client.submit(three);
    const results = await collect(client.results(handle));
    expect(results.get('x')).toEqual({ customId: 'x', ok: true, body: { n: 1 } });
    expect(results.get('y')).toEqual({ customId: 'y', ok: false, error: 'failed with key [redacted]' });
    expect(results.get('z')).toEqual({ customId: 'z', ok: false, error: 'the openai batch b2 returned no result for this request' });
    expect(results.has('someone-else')).toBe(false);
  });

  it('refuses a handle of the other provider', async () => {
    const client = batchClient(fakeDriver({}).driver);
    await expect(client.poll({ provider: 'anthropic', batches: [{ id: 'b', customIds: ['x'] }] }, { signal: signal() })).rejects.toThrow(
      /anthropic batch handle given to the openai batch client/,
    );
  });
});
