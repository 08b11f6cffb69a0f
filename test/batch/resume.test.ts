import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/models/batch/run.js';
import type { BatchClient, BatchRequest } from '../../src/models/batch/types.js';
import {
  FAST,
  KEYS,
  MemoryJournal,
  PROVIDERS,
  answerText,
  batchClientFor,
  collect,
  paramsFor,
  progressLog,
  rejection,
  signal,
  startBatchServer,
  type BatchServer,
} from './helpers.js';

describe.each(PROVIDERS)('runBatch with %s: resume without paying twice', (provider) => {
  let server: BatchServer;
  let client: BatchClient;
  const request = (word: string): BatchRequest => ({ customId: `call-${word}`, params: paramsFor(provider, word) });
  const words = ['one', 'two', 'three'];

  beforeEach(async () => {
    server = await startBatchServer(provider, { pollsUntilEnded: 3 });
    client = await batchClientFor(provider, server);
  });
  afterEach(async () => {
    await server.close();
  });

  it('picks up the in-flight batch after a kill: exactly one batch is created, and every result arrives', async () => {
    const journal = new MemoryJournal();
    const controller = new AbortController();
    const killed = runBatch({
      client,
      requests: words.map(request),
      journal,
      signal: controller.signal,
      schedule: FAST,
      onProgress: () => controller.abort(new Error('killed')),
    });
    expect(((await rejection(killed)) as Error).message).toBe('killed');
    expect(server.creates()).toHaveLength(1);
    // The handle was saved before the wait, and holds nothing secret.
    expect(journal.text).toBeDefined();
    expect(journal.text).not.toContain(KEYS[provider]);
    expect(JSON.parse(journal.text ?? '{}')).toEqual({ provider, batches: [{ id: expect.any(String), customIds: words.map((w) => `call-${w}`) }] });

    // A new process: same calls, the journal file read back.
    const resumedClient = await batchClientFor(provider, server);
    const { log, onProgress } = progressLog();
    const results = await collect(
      await runBatch({ client: resumedClient, requests: words.map(request), journal, signal: signal(), schedule: FAST, onProgress }),
    );

    expect(server.creates()).toHaveLength(1);
    expect([...results.values()].map((r) => r.ok && answerText(provider, r.body)).sort()).toEqual(['echo: one', 'echo: three', 'echo: two']);
    expect(log.at(-1)).toEqual({ done: 3, failed: 0, total: 3 });
    expect(journal.text).toBeUndefined();
    expect(journal.clears).toBe(1);
  });

  it('submits only the calls the saved batch does not cover, and saves the combined handle', async () => {
    const journal = new MemoryJournal();
    const first = await client.submit([request('one'), request('two')]);
    journal.save(first);

    const results = await collect(await runBatch({ client, requests: words.map(request), journal, signal: signal(), schedule: FAST }));
    expect(server.creates()).toHaveLength(2);
    const second = journal.saves.at(-1);
    expect(second?.batches.map((b) => b.customIds)).toEqual([['call-one', 'call-two'], ['call-three']]);
    const newest = server.batches.get(second?.batches[1]?.id ?? '');
    expect(newest?.lines.map((l) => l.customId)).toEqual(['call-three']);
    expect([...results.keys()].sort()).toEqual(['call-one', 'call-three', 'call-two']);
    expect([...results.values()].every((r) => r.ok)).toBe(true);
  });

  it('ignores a saved handle that is unreadable or of the other provider, and drops saved batches it no longer needs', async () => {
    for (const saved of [
      '{"provider":"nope"}',
      JSON.stringify({ provider: provider === 'anthropic' ? 'openai' : 'anthropic', batches: [{ id: 'b1', customIds: ['call-one'] }] }),
    ]) {
      const journal = new MemoryJournal();
      journal.text = saved;
      const results = await collect(await runBatch({ client, requests: [request('one')], journal, signal: signal(), schedule: FAST }));
      expect(results.get('call-one')?.ok).toBe(true);
    }
    expect(server.creates()).toHaveLength(2);

    const unrelated = await client.submit([request('other')]);
    const journal = new MemoryJournal();
    journal.save(unrelated);
    const checksBefore = server.requests.filter((r) => r.method === 'GET').length;
    await collect(await runBatch({ client, requests: [request('one')], journal, signal: signal(), schedule: FAST }));
    const unrelatedId = unrelated.batches[0]?.id ?? '';
    const checked = server.requests.slice(checksBefore).filter((r) => r.method === 'GET' && r.path.includes(unrelatedId));
    expect(checked).toHaveLength(0);
  });

  it('keeps the handle until every result has been taken, and clears it with nothing to do', async () => {
    const journal = new MemoryJournal();
    const results = await runBatch({ client, requests: words.map(request), journal, signal: signal(), schedule: FAST });
    for await (const result of results) {
      expect(result.ok).toBe(true);
      break;
    }
    expect(journal.text).toBeDefined();

    const empty = new MemoryJournal();
    empty.text = journal.text;
    expect((await collect(await runBatch({ client, requests: [], journal: empty, signal: signal() }))).size).toBe(0);
    expect(empty.text).toBeUndefined();
    expect(server.creates()).toHaveLength(1);
  });
});
