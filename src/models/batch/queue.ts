import { runBatch } from './run.js';
import type { BatchClient, BatchJournal, BatchProgress, BatchRequest, BatchResult, PollSchedule } from './types.js';

export interface BatchQueueOptions {
  client: BatchClient;
  /** The queue's slot in the run journal: one round is in flight at a time, so one slot suffices. */
  journal: BatchJournal;
  signal: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  schedule?: PollSchedule;
  /** A round goes out once no request has arrived for this long. Default 200 ms. */
  quietMs?: number;
}

interface Waiting {
  request: BatchRequest;
  waiters: Array<{ resolve(result: BatchResult): void; reject(err: unknown): void }>;
}

/**
 * Collects calls made one at a time by code that awaits each answer (judge kinds asking for
 * verdicts) into batches: requests arriving together form a round, sent with runBatch once the
 * arrivals pause; requests arriving during a round wait for the next. Calls with the same custom
 * id in a round share one batch entry and its result. A round that fails (API error, Ctrl-C)
 * rejects all of its calls with that error.
 */
export class BatchQueue {
  private pending = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: BatchQueueOptions) {}

  enqueue(request: BatchRequest): Promise<BatchResult> {
    const { signal } = this.options;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const entry = this.pending.get(request.customId) ?? { request, waiters: [] };
      entry.waiters.push({ resolve, reject });
      this.pending.set(request.customId, entry);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.quietMs ?? 200);
  }

  private async flush(): Promise<void> {
    this.running = true;
    const round = this.pending;
    this.pending = new Map();
    const { client, journal, signal, onProgress, schedule } = this.options;
    try {
      const requests = [...round.values()].map((entry) => entry.request);
      const results = await runBatch({ client, requests, journal, signal, ...(onProgress ? { onProgress } : {}), ...(schedule ? { schedule } : {}) });
      for await (const result of results) {
        for (const waiter of round.get(result.customId)?.waiters ?? []) waiter.resolve(result);
        round.delete(result.customId);
      }
      if (round.size > 0) throw new Error(`the batch returned no result for ${round.size} requests`);
    } catch (err) {
      for (const entry of round.values()) for (const waiter of entry.waiters) waiter.reject(err);
    } finally {
      this.running = false;
      if (this.pending.size > 0) this.schedule();
    }
  }
}
