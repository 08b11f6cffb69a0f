import { z } from 'zod';
import { ExitCode, UserError } from '../../errors.js';

/**
 * One provider-neutral face for the Anthropic Message Batches API and the OpenAI Batch API:
 * submit requests, poll with progress, read results back by custom id. Providers implement a
 * small driver (driver.ts); chunking, polling, result bookkeeping and resume are shared.
 */

/** A provider id (src/models/providers.ts); the batch layer only shows it and checks a saved handle against it. */
export type BatchProvider = string;

/** Anthropic allows 1-64 characters of [a-zA-Z0-9_-]; OpenAI any string. ids.ts makes ones that fit both. */
export const CustomIdSchema = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/);

/**
 * One call to make through a batch. `params` is the request body a live call would send:
 * Anthropic MessageCreateParamsNonStreaming, OpenAI ChatCompletionCreateParamsNonStreaming.
 */
export interface BatchRequest {
  customId: string;
  params: object;
}

/** What became of one request: the response body (a Message / ChatCompletion), or why there is none. */
export type BatchResult = { customId: string; ok: true; body: unknown } | { customId: string; ok: false; error: string };

/**
 * Which batches hold which requests: all a resumed run needs to pick them up (it is saved in the
 * run journal). Plain JSON, validated on load, with no secret in it.
 */
export const BatchHandleSchema = z.object({
  /** Checked against the client's own provider when a run resumes (run.ts, driver.ts). */
  provider: z.string().min(1),
  batches: z.array(z.object({ id: z.string().min(1), customIds: z.array(CustomIdSchema).min(1) })).min(1),
});
export type BatchHandle = z.infer<typeof BatchHandleSchema>;

export interface BatchProgress {
  /** Requests that have ended (succeeded or not). */
  done: number;
  /** Of those, the ones that did not succeed (errored, expired, canceled). */
  failed: number;
  total: number;
}

/** How long to wait between status checks: `initialMs`, growing by `factor` up to `maxMs`. */
export interface PollSchedule {
  initialMs: number;
  maxMs: number;
  factor: number;
}

/** Batches take minutes to hours (up to 24 h): checking every few seconds at first, then once a minute, is plenty. */
export const DEFAULT_POLL: PollSchedule = { initialMs: 5_000, maxMs: 60_000, factor: 1.5 };

export interface PollOptions {
  signal: AbortSignal;
  /** Called after every status check, with the counts summed over the handle's batches. */
  onProgress?: (progress: BatchProgress) => void;
  schedule?: PollSchedule;
}

export interface SubmitOptions {
  signal?: AbortSignal;
  /** Called after each batch is created, with a handle covering every batch created so far (save it). */
  onBatch?: (handle: BatchHandle) => void | Promise<void>;
}

/** How much one batch may hold (limits.ts). */
export interface BatchLimits {
  maxRequests: number;
  maxBytes: number;
}

export interface BatchClient {
  readonly provider: BatchProvider;
  readonly limits: BatchLimits;
  /** Creates as many batches as the limits require; throws BatchApiError if the API refuses. */
  submit(requests: readonly BatchRequest[], options?: SubmitOptions): Promise<BatchHandle>;
  /** Resolves once every batch of the handle has ended; rejects with the signal's reason on abort. */
  poll(handle: BatchHandle, options: PollOptions): Promise<void>;
  /** Exactly one result per custom id of the handle, in no particular order; a missing one is an error result. */
  results(handle: BatchHandle, options?: { signal?: AbortSignal }): AsyncIterable<BatchResult>;
  /**
   * Asks the provider to stop the handle's batches; requests already processed stay billed and
   * their results readable. Not called on Ctrl-C (see run.ts), for an explicit cancel only.
   */
  cancel(handle: BatchHandle): Promise<void>;
}

/**
 * Where a run keeps the handle of its in-flight batch (backed by the run journal). `load` returns
 * whatever was saved, unchecked; runBatch validates it.
 */
export interface BatchJournal {
  load(): unknown;
  save(handle: BatchHandle): void | Promise<void>;
  clear(): void | Promise<void>;
}

/**
 * A batch API call that failed after the SDK's retries; the message is redacted. The run cannot
 * finish (exit 3), and the message is all the user needs: no stack trace.
 */
export class BatchApiError extends UserError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message, ExitCode.runIncomplete);
    this.name = 'BatchApiError';
  }
}
