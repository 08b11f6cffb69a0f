import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { BatchQueue } from '../../src/models/batch/queue.js';
import { BatchApiError, type BatchClient, type BatchHandle, type BatchRequest } from '../../src/models/batch/types.js';
import { MemoryJournal, rejection, signal } from './helpers.js';

/** A batch API in memory: every request succeeds with its params as the body; `refuse` makes submit fail. */
function memoryClient(refuse = false) {
  const submitted: string[][] = [];
  const store = new Map<string, BatchRequest[]>();
  const client: BatchClient = {
    provider: 'anthropic',
    limits: { maxRequests: 100, maxBytes: 1_000_000 },
    async submit(requests, options = {}) {
      if (refuse) throw new BatchApiError('anthropic batch API: API error 529 overloaded', 529);
      const id = `b${store.size + 1}`;
      store.set(id, [...requests]);
      submitted.push(requests.map((r) => r.customId));
      const handle: BatchHandle = { provider: 'anthropic', batches: [{ id, customIds: requests.map((r) => r.customId) }] };
      await options.onBatch?.(handle);
      return handle;
    },
    async poll(_handle, { signal: aborted }) {
      await delay(20, undefined, { signal: aborted }).catch(() => {
        throw aborted.reason;
      });
    },
    async *results(handle) {
      for (const batch of handle.batches) for (const r of store.get(batch.id) ?? []) yield { customId: r.customId, ok: true, body: r.params };
    },
    cancel: async () => undefined,
  };
  return { client, submitted };
}

describe('BatchQueue', () => {
  it('gathers calls that arrive together into one round, and later ones into the next', async () => {
    const { client, submitted } = memoryClient();
    const journal = new MemoryJournal();
    const queue = new BatchQueue({ client, journal, signal: signal(), quietMs: 5 });
    const first = await Promise.all([queue.enqueue({ customId: 'a', params: { n: 1 } }), queue.enqueue({ customId: 'b', params: { n: 2 } })]);
    const late = queue.enqueue({ customId: 'c', params: { n: 3 } });
    expect(first).toEqual([
      { customId: 'a', ok: true, body: { n: 1 } },
      { customId: 'b', ok: true, body: { n: 2 } },
    ]);
    expect(await late).toEqual({ customId: 'c', ok: true, body: { n: 3 } });
    expect(submitted).toEqual([['a', 'b'], ['c']]);
  });

  it('waits for the round in flight: calls made during it go out together afterwards', async () => {
    const { client, submitted } = memoryClient();
    const queue = new BatchQueue({ client, journal: new MemoryJournal(), signal: signal(), quietMs: 1 });
    const first = queue.enqueue({ customId: 'a', params: {} });
    // The first round is in flight once it is submitted (its poll takes 20 ms), not after a guessed delay.
    await vi.waitFor(() => expect(submitted).toHaveLength(1), { interval: 1 });
    const during = [queue.enqueue({ customId: 'b', params: {} }), queue.enqueue({ customId: 'c', params: {} })];
    await Promise.all([first, ...during]);
    expect(submitted).toEqual([['a'], ['b', 'c']]);
  });

  it('sends one entry for calls with the same custom id, and answers each of them', async () => {
    const { client, submitted } = memoryClient();
    const queue = new BatchQueue({ client, journal: new MemoryJournal(), signal: signal(), quietMs: 5 });
    const answers = await Promise.all([queue.enqueue({ customId: 'same', params: { v: 1 } }), queue.enqueue({ customId: 'same', params: { v: 2 } })]);
    expect(submitted).toEqual([['same']]);
    expect(answers.map((a) => a.ok && a.body)).toEqual([{ v: 1 }, { v: 1 }]);
  });

  it('rejects every call of a round the API refuses, and every call once aborted', async () => {
    const queue = new BatchQueue({ client: memoryClient(true).client, journal: new MemoryJournal(), signal: signal(), quietMs: 1 });
    const errors = await Promise.all(['a', 'b'].map((customId) => rejection(queue.enqueue({ customId, params: {} }))));
    expect(errors.every((e) => e instanceof BatchApiError)).toBe(true);

    const controller = new AbortController();
    const aborted = new BatchQueue({ client: memoryClient().client, journal: new MemoryJournal(), signal: controller.signal, quietMs: 50 });
    const pending = aborted.enqueue({ customId: 'a', params: {} });
    controller.abort(new Error('ctrl-c'));
    expect(((await rejection(pending)) as Error).message).toBe('ctrl-c');
    expect(((await rejection(aborted.enqueue({ customId: 'b', params: {} }))) as Error).message).toBe('ctrl-c');
  });
});
