import { CandidateError, type CandidateBatch } from './adapter.js';
import type { CandidateOutput } from '../contracts/candidate-output.js';
import type { GoldenItem } from '../goldensets/item.js';
import { hashOf } from '../util/canonical.js';
import { customIdFor } from '../models/batch/ids.js';
import { runBatch } from '../models/batch/run.js';
import type { BatchJournal, BatchProgress, BatchRequest, PollSchedule } from '../models/batch/types.js';

export interface CandidateCall {
  item: GoldenItem;
  epoch: number;
}

/** Every call ends as exactly one of these. */
export type CandidateBatchOutcome = { call: CandidateCall; output: CandidateOutput } | { call: CandidateCall; error: CandidateError };

export interface CandidateBatchOptions {
  candidateId: string;
  batch: CandidateBatch;
  calls: readonly CandidateCall[];
  journal: BatchJournal;
  signal: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  schedule?: PollSchedule;
}

/**
 * The custom id of one candidate call: item, epoch, candidate, and a digest of the request body,
 * so that a resumed run reuses a batch answer only for the very same request (an edited prompt
 * template or model is a new call).
 */
export function candidateCustomId(candidateId: string, call: CandidateCall, params: object): string {
  return customIdFor(call.item.id, call.epoch, candidateId, hashOf(params));
}

/**
 * Runs a candidate's calls through its provider's batch API (runBatch: resumable, no second batch
 * for the same calls). Calls whose prompt cannot be built come first, as errors, without a
 * request; then one outcome per remaining call as results arrive: the parsed output (cost at the
 * batch price, no latencyMs: the wait says nothing about the model) or a CandidateError ('api' for
 * an errored, expired or canceled request, 'bad_output' for a body without an answer).
 * Store each outcome before asking for the next: the batch handle leaves the journal after the last.
 */
export async function* runCandidateBatch(options: CandidateBatchOptions): AsyncGenerator<CandidateBatchOutcome> {
  const { candidateId, batch } = options;
  const byId = new Map<string, CandidateCall>();
  const requests: BatchRequest[] = [];
  for (const call of options.calls) {
    let params: object;
    try {
      params = batch.request(call.item);
    } catch (err) {
      if (!(err instanceof CandidateError)) throw err;
      yield { call, error: err };
      continue;
    }
    const customId = candidateCustomId(candidateId, call, params);
    if (byId.has(customId)) throw new Error(`item ${call.item.id} epoch ${call.epoch} is planned twice`);
    byId.set(customId, call);
    requests.push({ customId, params });
  }
  const results = await runBatch({
    client: batch.client,
    requests,
    journal: options.journal,
    signal: options.signal,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  for await (const result of results) {
    const call = byId.get(result.customId);
    if (!call) continue;
    if (!result.ok) {
      yield { call, error: new CandidateError(`${batch.client.provider} batch: ${result.error}`, 'api') };
      continue;
    }
    try {
      yield { call, output: batch.parse(result.body) };
    } catch (err) {
      if (!(err instanceof CandidateError)) throw err;
      yield { call, error: err };
    }
  }
}
