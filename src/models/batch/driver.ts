import { setTimeout as delay } from 'node:timers/promises';
import { abortable } from '../abortable.js';
import { describeApiError } from '../api-errors.js';
import type { SdkErrorClasses } from '../clients.js';
import { redact } from '../redact.js';
import { assertUniqueIds } from './ids.js';
import { chunkRequests } from './limits.js';
import {
  BatchApiError,
  DEFAULT_POLL,
  type BatchClient,
  type BatchHandle,
  type BatchLimits,
  type BatchProgress,
  type BatchProvider,
  type BatchRequest,
  type BatchResult,
} from './types.js';

/** What one provider must do; batchClient() builds the shared BatchClient on top of it. */
export interface BatchDriver {
  provider: BatchProvider;
  limits: BatchLimits;
  errors: SdkErrorClasses;
  /** Values redacted from every message that leaves the client. */
  secrets: readonly string[];
  /** Bytes one request adds to a batch body (Anthropic) or input file (OpenAI). */
  bytesOf(request: BatchRequest): number;
  /** Creates one batch holding `chunk`; returns its id. */
  create(chunk: readonly BatchRequest[], signal: AbortSignal | undefined): Promise<string>;
  status(batch: HandleBatch, signal: AbortSignal): Promise<{ ended: boolean; progress: BatchProgress }>;
  /** The batch's results as the provider reports them (possibly incomplete, possibly with lines of other ids). */
  results(batch: HandleBatch, signal: AbortSignal | undefined): AsyncIterable<BatchResult>;
  cancel(batchId: string): Promise<void>;
}

export type HandleBatch = BatchHandle['batches'][number];

/** Timeout of one upload or results download: those can be hundreds of MB, unlike a status check. */
export const TRANSFER_TIMEOUT_MS = 10 * 60_000;

/** Options of createAnthropicBatchClient / createOpenAIBatchClient. */
export interface BatchClientSettings {
  /** Timeout of one batch creation or results download (default TRANSFER_TIMEOUT_MS); status checks keep the client's. */
  transferTimeoutMs?: number;
  /** Smaller batches than the provider allows (tests; an account or gateway with lower limits). */
  limits?: BatchLimits;
}

const MAX_ERROR = 500;

export function batchClient(driver: BatchDriver): BatchClient {
  const { provider } = driver;
  const clean = (text: string) => {
    const redacted = redact(text, driver.secrets);
    return redacted.length > MAX_ERROR ? `${redacted.slice(0, MAX_ERROR)}…` : redacted;
  };
  const failure = (err: unknown, signal: AbortSignal | undefined): unknown => {
    if (signal?.aborted) return signal.reason;
    if (err instanceof BatchApiError) return err;
    const described = describeApiError(err, driver.errors, driver.secrets, signal);
    if (described.kind === 'aborted') return err;
    // A server with no batch endpoints (many OpenAI-compatible ones) answers 404.
    const hint = described.status === 404 ? ' (does this server offer the batch API? run without --batch)' : '';
    return new BatchApiError(`${provider} batch API: ${described.message}${hint}`, described.status);
  };
  async function call<T>(work: (signal: AbortSignal | undefined) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const child = scoped(signal);
    try {
      return await (signal ? abortable(work(child.signal), signal) : work(undefined));
    } catch (err) {
      throw failure(err, signal);
    } finally {
      child.dispose();
    }
  }
  const ownHandle = (handle: BatchHandle) => {
    if (handle.provider !== provider) throw new Error(`a ${handle.provider} batch handle given to the ${provider} batch client`);
  };

  return {
    provider,
    limits: driver.limits,

    async submit(requests, options = {}) {
      if (requests.length === 0) throw new Error('a batch needs at least one request');
      assertUniqueIds(requests);
      const batches: HandleBatch[] = [];
      for (const chunk of chunkRequests(requests, driver.limits, (r) => driver.bytesOf(r))) {
        const id = await call((scope) => driver.create(chunk, scope), options.signal);
        batches.push({ id, customIds: chunk.map((r) => r.customId) });
        await options.onBatch?.({ provider, batches: [...batches] });
      }
      return { provider, batches };
    },

    async poll(handle, { signal, onProgress, schedule = DEFAULT_POLL }) {
      ownHandle(handle);
      const ended = new Map<string, BatchProgress>();
      let wait = schedule.initialMs;
      for (;;) {
        const sum: BatchProgress = { done: 0, failed: 0, total: 0 };
        for (const batch of handle.batches) {
          let progress = ended.get(batch.id);
          if (!progress) {
            const status = await call((scope) => driver.status(batch, scope ?? signal), signal);
            progress = status.progress;
            if (status.ended) ended.set(batch.id, progress);
          }
          sum.done += progress.done;
          sum.failed += progress.failed;
          sum.total += progress.total;
        }
        onProgress?.(sum);
        if (ended.size === handle.batches.length) return;
        await delay(wait, undefined, { signal }).catch((err: unknown) => {
          throw signal.aborted ? signal.reason : err;
        });
        wait = Math.min(schedule.maxMs, wait * schedule.factor);
      }
    },

    async *results(handle, { signal } = {}) {
      ownHandle(handle);
      for (const batch of handle.batches) {
        const expected = new Set(batch.customIds);
        const child = scoped(signal);
        try {
          for await (const result of driver.results(batch, child.signal)) {
            // Each id once, and only ours: a result file may repeat a line or carry another batch's.
            if (!expected.delete(result.customId)) continue;
            yield result.ok ? result : { ...result, error: clean(result.error) };
          }
        } catch (err) {
          throw failure(err, signal);
        } finally {
          child.dispose();
        }
        for (const customId of expected) {
          yield { customId, ok: false, error: `the ${provider} batch ${batch.id} returned no result for this request` };
        }
      }
    },

    async cancel(handle) {
      ownHandle(handle);
      for (const batch of handle.batches) await call(() => driver.cancel(batch.id), undefined);
    },
  };
}

/**
 * A child of `signal` for one SDK call. The SDKs add an abort listener to the signal they are
 * given and never remove it (openai/client.mjs fetchWithTimeout), which over hours of polling
 * would pile up on the run's own signal; the child is dropped after the call instead.
 */
function scoped(signal: AbortSignal | undefined): { signal: AbortSignal | undefined; dispose(): void } {
  if (!signal) return { signal: undefined, dispose: () => undefined };
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, dispose: () => signal.removeEventListener('abort', abort) };
}
