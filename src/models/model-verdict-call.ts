import type { z } from 'zod';
import type { Usage } from '../candidates/output.js';
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
}

/** The verdict a reply carries, as parsed JSON (not yet validated), or why there is none. */
export type VerdictReply = { ok: true; json: unknown } | { ok: false; problem: string };

export interface VerdictExchange {
  reply: VerdictReply;
  usage?: Usage;
  /** The model id the API echoed. */
  model: string;
  /** Sends the conversation again with this reply and a user turn quoting `problem`. */
  retry(problem: string, signal: AbortSignal): Promise<VerdictExchange>;
}

export interface VerdictTransport {
  provider: 'anthropic' | 'openai';
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
}

export interface TransportSettings {
  model: string;
  baseURL?: string | undefined;
  apiKeyEnv?: string | undefined;
  maxTokens: number;
  maxRetries: number;
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
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
