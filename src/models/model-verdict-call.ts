import type { TrafficMonitor } from './traffic.js';
import type { z } from 'zod';
import type { Usage } from '../contracts/candidate-output.js';
import type { BatchClient } from './batch/types.js';
import type { SdkErrorClasses } from './clients.js';

/**
 * What a provider (Anthropic tool use, OpenAI json_schema) must do for a model verdict source.
 * The shared part — cache, nonce, validation, the one retry, errors, cost — lives in
 * verdict-source.ts; a provider only speaks its wire format.
 */

/** A prompt with the nonce already filled in. */
export interface VerdictPrompt {
  system: string;
  user: string;
  schemaName: string;
  schema: z.ZodType<unknown>;
  /**
   * Names the call across runs, without the nonce: the request's key and the verdict cache key.
   * Batched verdicts derive their batch custom id from it (src/models/batch/verdicts.ts).
   */
  identity?: { key: string; digest: string };
}

/** The verdict a reply carries, as parsed JSON (not yet validated), or why there is none. */
export type VerdictReply = { ok: true; json: unknown } | { ok: false; problem: string };

export interface VerdictExchange {
  reply: VerdictReply;
  usage?: Usage;
  /** The model id the API echoed. */
  model: string;
  /** Answered through a batch API, so billed at the batch price (prices.ts); retries are live calls. */
  batch?: boolean;
  /** Sends the conversation again with this reply and a user turn quoting `problem`. */
  retry(problem: string, signal: AbortSignal): Promise<VerdictExchange>;
}

export interface VerdictTransport {
  /** The provider's id (src/models/providers.ts), for messages and the cache key. */
  provider: string;
  /** Sent with every call; null when the API takes none (Anthropic since API version 2026-10-21). */
  temperature: number | null;
  /** The effective base URL's host and path (never a query string): part of the cache key. */
  endpoint: string;
  errors: SdkErrorClasses;
  /** Values redacted from any message that leaves the source. */
  secrets: string[];
  /** The JSON schema the provider receives for a verdict schema: part of the cache key. */
  wireSchema(schema: z.ZodType<unknown>, schemaName: string): unknown;
  start(prompt: VerdictPrompt, signal: AbortSignal): Promise<VerdictExchange>;
  /** The same first call, split so that it can go through the provider's batch API instead. */
  batch: VerdictBatch;
}

/**
 * `start` = send `request(prompt)` and read the reply; a batch sends `request(prompt)` for many
 * prompts at once and reads each reply with `exchange`. Its `retry()` is a live call.
 */
export interface VerdictBatch {
  client: BatchClient;
  /** The request body `start` sends for this prompt (Messages / Chat Completions create params). */
  request(prompt: VerdictPrompt): object;
  /** The exchange a succeeded batch response body holds; throws BatchBodyError when it is not a reply at all. */
  exchange(prompt: VerdictPrompt, body: unknown): VerdictExchange;
}

export interface TransportSettings {
  model: string;
  baseURL?: string | undefined;
  apiKeyEnv?: string | undefined;
  maxTokens: number;
  maxRetries: number;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  /** Told every response status (429s included), to pace the run. */
  traffic?: TrafficMonitor | undefined;
}

/** Judges run at temperature 0 where the API takes one, so that a rerun asks the same question the same way. */
export const JUDGE_TEMPERATURE = 0;

/** Host and path of a base URL: a query string or user info may carry a token, and neither names the server. */
export function endpointOf(baseURL: string): string {
  const url = new URL(baseURL);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function parseJsonReply(text: string): VerdictReply {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, problem: `the reply is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}
