import type Anthropic from '@anthropic-ai/sdk';
import type { SdkClient } from '../clients.js';
import { TRANSFER_TIMEOUT_MS, batchClient, type BatchClientSettings } from './driver.js';
import { ANTHROPIC_LIMITS } from './limits.js';
import type { BatchClient, BatchResult } from './types.js';

type IndividualResponse = Anthropic.Messages.Batches.MessageBatchIndividualResponse;
type MessageParams = Anthropic.Messages.MessageCreateParamsNonStreaming;

/**
 * The Message Batches API through the SDK's own client (so key, base URL, retries and the
 * traffic monitor are the candidate's or judge's): `messages.batches.create`, `.retrieve` while
 * processing_status is in_progress, then `.results`, a JSONL stream of {custom_id, result}.
 */
export function createAnthropicBatchClient(sdk: SdkClient<Anthropic>, settings: BatchClientSettings = {}): BatchClient {
  const { client } = sdk;
  const timeout = settings.transferTimeoutMs ?? TRANSFER_TIMEOUT_MS;
  const entry = (customId: string, params: object) => ({ custom_id: customId, params: params as MessageParams });
  return batchClient({
    provider: 'anthropic',
    limits: settings.limits ?? ANTHROPIC_LIMITS,
    errors: sdk.errors,
    secrets: sdk.secrets,
    // The entry plus the comma between entries of the `requests` array.
    bytesOf: (request) => Buffer.byteLength(JSON.stringify(entry(request.customId, request.params))) + 1,
    async create(chunk, signal) {
      const batch = await client.messages.batches.create(
        { requests: chunk.map((request) => entry(request.customId, request.params)) },
        { timeout, ...(signal ? { signal } : {}) },
      );
      return batch.id;
    },
    async status(batch, signal) {
      const { processing_status: status, request_counts: counts } = await client.messages.batches.retrieve(batch.id, {}, { signal });
      // Counts other than `processing` stay 0 until the whole batch has ended.
      const failed = counts.errored + counts.canceled + counts.expired;
      return { ended: status === 'ended', progress: { done: counts.succeeded + failed, failed, total: batch.customIds.length } };
    },
    async *results(batch, signal) {
      const lines = await client.messages.batches.results(batch.id, {}, { timeout, ...(signal ? { signal } : {}) });
      for await (const line of lines) yield toResult(line);
    },
    async cancel(batchId) {
      await client.messages.batches.cancel(batchId);
    },
  });
}

function toResult({ custom_id: customId, result }: IndividualResponse): BatchResult {
  switch (result.type) {
    case 'succeeded':
      return { customId, ok: true, body: result.message };
    case 'errored':
      return { customId, ok: false, error: `the request errored: ${result.error.error.type}: ${result.error.error.message}` };
    case 'expired':
      return { customId, ok: false, error: 'the batch expired (24 hours) before this request was processed' };
    case 'canceled':
      return { customId, ok: false, error: 'the batch was canceled before this request was processed' };
  }
}
