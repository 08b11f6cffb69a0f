import type { BatchLimits, BatchRequest } from './types.js';

/**
 * Anthropic: "A Message Batch is limited to either 100,000 Message requests or 256 MB in size,
 * whichever is reached first" (platform.claude.com/docs/en/build-with-claude/batch-processing,
 * "Batch limitations"; the SDK types do not state it).
 * OpenAI: the input file "can contain up to 50,000 requests, and can be up to 200 MB in size"
 * (openai/resources/batches.d.ts, BatchCreateParams.input_file_id).
 * Megabytes are read as 10^6 bytes, the smaller reading, so a chunk never exceeds either.
 */
export const ANTHROPIC_LIMITS: BatchLimits = { maxRequests: 100_000, maxBytes: 256_000_000 };
export const OPENAI_LIMITS: BatchLimits = { maxRequests: 50_000, maxBytes: 200_000_000 };

/**
 * Splits requests, in order, into as few chunks as fit the limits (greedily), given each
 * request's size on the wire. One request larger than a whole batch is an error: no chunking
 * can send it.
 */
export function chunkRequests(requests: readonly BatchRequest[], limits: BatchLimits, bytesOf: (request: BatchRequest) => number): BatchRequest[][] {
  const chunks: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  let bytes = 0;
  for (const request of requests) {
    const size = bytesOf(request);
    if (size > limits.maxBytes) {
      throw new Error(`batch request ${request.customId} is ${size} bytes, over the ${limits.maxBytes}-byte batch limit`);
    }
    if (current.length > 0 && (current.length >= limits.maxRequests || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(request);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
