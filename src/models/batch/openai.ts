import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { createInterface } from 'node:readline';
import type OpenAI from 'openai';
import { z } from 'zod';
import type { SdkClient } from '../clients.js';
import { TRANSFER_TIMEOUT_MS, batchClient, type BatchClientSettings } from './driver.js';
import { OPENAI_LIMITS } from './limits.js';
import type { BatchClient, BatchRequest, BatchResult } from './types.js';

const ENDPOINT = '/v1/chat/completions';
const ENDED = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** One line of an output or error file (platform.openai.com/docs/api-reference/batch/request-output). */
const OutputLine = z.looseObject({
  custom_id: z.string(),
  response: z.looseObject({ status_code: z.number(), body: z.unknown() }).nullable().optional(),
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullable().optional(),
});

const jsonlLine = (request: BatchRequest) => JSON.stringify({ custom_id: request.customId, method: 'POST', url: ENDPOINT, body: request.params });

/**
 * The Batch API through the SDK's own client: the requests go up as a JSONL file
 * (`files.create`, purpose batch), `batches.create` runs them against /v1/chat/completions in
 * the 24 h window, `batches.retrieve` reports status and request_counts, and the results come
 * back in an output file (2xx responses) and an error file (the rest), read with `files.content`.
 */
export function createOpenAIBatchClient(sdk: SdkClient<OpenAI>, settings: BatchClientSettings = {}): BatchClient {
  const { client } = sdk;
  const timeout = settings.transferTimeoutMs ?? TRANSFER_TIMEOUT_MS;
  return batchClient({
    provider: 'openai',
    limits: settings.limits ?? OPENAI_LIMITS,
    errors: sdk.errors,
    secrets: sdk.secrets,
    bytesOf: (request) => Buffer.byteLength(jsonlLine(request)) + 1,
    async create(chunk, signal) {
      const { toFile } = await import('openai');
      const jsonl = `${chunk.map(jsonlLine).join('\n')}\n`;
      const file = await client.files.create(
        { file: await toFile(Buffer.from(jsonl), 'evals-batch.jsonl', { type: 'application/jsonl' }), purpose: 'batch' },
        { timeout, ...(signal ? { signal } : {}) },
      );
      const batch = await client.batches.create({ input_file_id: file.id, endpoint: ENDPOINT, completion_window: '24h' }, signal ? { signal } : {});
      return batch.id;
    },
    async status(batch, signal) {
      const { status, request_counts: counts } = await client.batches.retrieve(batch.id, { signal });
      const total = batch.customIds.length;
      const ended = ENDED.has(status);
      // Ended means every request has an outcome, even those the counts leave out (expired, never run).
      const succeeded = counts?.completed ?? 0;
      const failed = ended ? total - succeeded : (counts?.failed ?? 0);
      return { ended, progress: { done: ended ? total : succeeded + failed, failed, total } };
    },
    async *results(batch, signal) {
      const found = await client.batches.retrieve(batch.id, signal ? { signal } : {});
      if (found.status === 'failed') {
        const why = found.errors?.data?.map((e) => e.message ?? e.code).join('; ') || 'no reason given';
        for (const customId of batch.customIds) yield { customId, ok: false, error: `the batch failed: ${why}` };
        return;
      }
      for (const fileId of [found.output_file_id, found.error_file_id]) {
        if (!fileId) continue;
        const response = await client.files.content(fileId, { timeout, ...(signal ? { signal } : {}) });
        if (!response.body) continue;
        const lines = createInterface({ input: Readable.fromWeb(response.body as WebStream<Uint8Array>), crlfDelay: Infinity });
        for await (const line of lines) {
          const result = line.trim() === '' ? undefined : toResult(line);
          if (result) yield result;
        }
      }
    },
    async cancel(batchId) {
      await client.batches.cancel(batchId);
    },
  });
}

/** A line that cannot be read is skipped: its request then ends as "no result", never as a pass. */
function toResult(line: string): BatchResult | undefined {
  let parsed: z.infer<typeof OutputLine>;
  try {
    parsed = OutputLine.parse(JSON.parse(line));
  } catch {
    return undefined;
  }
  const { custom_id: customId, response, error } = parsed;
  if (error) return { customId, ok: false, error: `the request failed: ${error.code ?? 'error'}: ${error.message ?? 'no message'}` };
  if (!response) return { customId, ok: false, error: 'the request has neither a response nor an error' };
  if (response.status_code >= 200 && response.status_code < 300) return { customId, ok: true, body: response.body };
  const message = (response.body as { error?: { message?: unknown } } | null)?.error?.message;
  const detail = typeof message === 'string' ? message : JSON.stringify(response.body);
  return { customId, ok: false, error: `the request failed: HTTP ${response.status_code}: ${detail}` };
}
