import type { VerdictTransport } from '../model-verdict-call.js';
import { abortable } from '../abortable.js';
import { JudgeError } from '../../contracts/verdict-source.js';
import { BatchBodyError } from './bodies.js';
import { customIdFor } from './ids.js';
import { BatchQueue, type BatchQueueOptions } from './queue.js';
import { BatchApiError } from './types.js';

export type BatchedVerdictOptions = Omit<BatchQueueOptions, 'client'>;

/**
 * A verdict transport whose first attempts go through the provider's batch API: the verdict
 * calls a run makes together (every judge kind asks its questions concurrently) become one batch
 * per round (BatchQueue), billed at the batch price. The one corrective retry after an invalid
 * verdict stays a live call at the standard price: it is rare, and a second round would add up
 * to a day. Identical questions (same cache key) in a round share one batch entry.
 * The custom id derives from prompt.identity (set by the verdict source), never from the nonce,
 * so a resumed run finds its questions in the saved batch. A request that errored or expired, or
 * a round the API refused, is a JudgeError, never a verdict.
 */
export function batchedVerdictTransport(transport: VerdictTransport, options: BatchedVerdictOptions): VerdictTransport {
  const { batch } = transport;
  const queue = new BatchQueue({ ...options, client: batch.client });
  return {
    ...transport,
    async start(prompt, signal) {
      if (!prompt.identity) throw new Error('a batched verdict needs prompt.identity (the request key and cache key)');
      const customId = customIdFor(prompt.identity.key, prompt.identity.digest);
      const queued = queue.enqueue({ customId, params: batch.request(prompt) });
      // Under --batch every answer is scored at once with the run-wide signal (runner/execute-batch.ts),
      // which the queue watches itself (a round in flight and the calls waiting end on Ctrl-C): a
      // listener per call on it would only pile up (Node warns at 11). Another signal is watched here.
      const result = await (signal === options.signal ? queued : abortable(queued, signal)).catch((err: unknown) => {
        // The round failed at the API (after the SDK's retries): this judge call failed, like a live one would.
        throw err instanceof BatchApiError ? new JudgeError(err.message) : err;
      });
      if (!result.ok) throw new JudgeError(`${transport.provider} batch: ${result.error}`);
      try {
        return batch.exchange(prompt, result.body);
      } catch (err) {
        if (err instanceof BatchBodyError) throw new JudgeError(`${transport.provider} batch: ${err.message}`);
        throw err;
      }
    },
  };
}
