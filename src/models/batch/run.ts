import { assertUniqueIds } from './ids.js';
import {
  BatchHandleSchema,
  type BatchClient,
  type BatchHandle,
  type BatchJournal,
  type BatchProgress,
  type BatchRequest,
  type BatchResult,
  type PollSchedule,
} from './types.js';

export interface RunBatchOptions {
  client: BatchClient;
  /** Each with its own custom id (ids.ts); the same call must get the same id in a resumed run. */
  requests: readonly BatchRequest[];
  journal: BatchJournal;
  /** Ctrl-C: stop waiting. The batch is not cancelled (see below). */
  signal: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  schedule?: PollSchedule;
}

/**
 * Sends `requests` through the client's batch API, resuming what an interrupted run left:
 *
 * 1. A handle saved in the journal (an earlier run's in-flight batches) is reused for every
 *    request it covers; only the uncovered requests are submitted, so no call is paid twice.
 *    Saved batches holding none of these requests are dropped; an unreadable or other-provider
 *    handle is ignored.
 * 2. Each created batch is saved to the journal at once, before the wait.
 * 3. Resolves once every batch has ended (progress after each status check), with one result
 *    per request. The journal is cleared after the last result has been taken from the iterable,
 *    so persist each result in the loop body: a run killed while reading resumes from the batch.
 *
 * Ctrl-C does not cancel the batch: the provider finishes it at the batch price within its
 * window, and a resumed run collects the results without paying again. Cancelling saves nothing
 * (what was processed is billed either way) and would make the resumed run submit, and wait
 * for, the rest all over again.
 * Requests are matched to saved batches by custom id alone, so ids must change when the call
 * does (customIdFor with a digest of the request, see candidates.ts).
 * A saved batch the API no longer knows (another account, deleted) fails the poll with a
 * BatchApiError 404; the run journal must then be discarded (`--fresh`).
 */
export async function runBatch(options: RunBatchOptions): Promise<AsyncIterable<BatchResult>> {
  const { client, requests, journal, signal } = options;
  signal.throwIfAborted();
  assertUniqueIds(requests);
  const wanted = new Set(requests.map((r) => r.customId));
  const saved = reusable(await journal.load(), client.provider, wanted);
  const covered = new Set(saved?.batches.flatMap((b) => b.customIds));
  const fresh = requests.filter((r) => !covered.has(r.customId));

  let handle = saved;
  if (fresh.length > 0) {
    // No abort signal here: once the provider may have accepted a batch, it must be recorded, or
    // a Ctrl-C landing mid-create would leave a paid batch that the resumed run submits again.
    const added = await client.submit(fresh, { onBatch: (partial) => journal.save(merge(saved, partial)) });
    handle = merge(saved, added);
    signal.throwIfAborted();
  }
  if (!handle) {
    await journal.clear();
    return (async function* () {})();
  }
  await client.poll(handle, {
    signal,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  return collect(client, handle, wanted, journal, signal);
}

async function* collect(client: BatchClient, handle: BatchHandle, wanted: Set<string>, journal: BatchJournal, signal: AbortSignal) {
  for await (const result of client.results(handle, { signal })) {
    if (wanted.has(result.customId)) yield result;
  }
  await journal.clear();
}

/** The saved handle's batches that hold any wanted request, or undefined when there are none. */
function reusable(saved: unknown, provider: BatchHandle['provider'], wanted: Set<string>): BatchHandle | undefined {
  const parsed = BatchHandleSchema.safeParse(saved);
  if (!parsed.success || parsed.data.provider !== provider) return undefined;
  const batches = parsed.data.batches.filter((b) => b.customIds.some((id) => wanted.has(id)));
  return batches.length > 0 ? { provider, batches } : undefined;
}

function merge(saved: BatchHandle | undefined, added: BatchHandle): BatchHandle {
  return saved ? { provider: added.provider, batches: [...saved.batches, ...added.batches] } : added;
}
