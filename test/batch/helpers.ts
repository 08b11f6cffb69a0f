import { createAnthropicBatchClient } from '../../src/models/batch/anthropic.js';
import { createOpenAIBatchClient } from '../../src/models/batch/openai.js';
import type { BatchClient, BatchHandle, BatchJournal, BatchProgress, BatchResult, PollSchedule } from '../../src/models/batch/types.js';
import { createAnthropicClient, createOpenAIClient } from '../../src/models/clients.js';
import { startAnthropicBatchServer, type AnthropicBatchServer } from '../servers/anthropic-batch-server.js';
import type { BatchScript } from '../servers/batch-script.js';
import { startOpenAIBatchServer, type OpenAIBatchServer } from '../servers/openai-batch-server.js';

/** Fake keys: tests assert they never show up in results, errors or journals. */
export const KEYS = { anthropic: 'sk-ant-batch-test-key-0123456789abcdef', openai: 'sk-proj-batch-test-key-abcdef0123456789' } as const;
export const ENV_VARS = { anthropic: 'BATCH_TEST_ANTHROPIC_KEY', openai: 'BATCH_TEST_OPENAI_KEY' } as const;

export type Provider = 'anthropic' | 'openai';
export const PROVIDERS: Provider[] = ['anthropic', 'openai'];

/** Polls every few milliseconds, so tests take no time. */
export const FAST: PollSchedule = { initialMs: 2, maxMs: 8, factor: 2 };

export type BatchServer = AnthropicBatchServer | OpenAIBatchServer;

export function startBatchServer(provider: Provider, script: Partial<BatchScript> = {}): Promise<BatchServer> {
  const options = { apiKey: KEYS[provider], ...script };
  return provider === 'anthropic' ? startAnthropicBatchServer(options) : startOpenAIBatchServer(options);
}

export function env(provider: Provider): NodeJS.ProcessEnv {
  return { [ENV_VARS[provider]]: KEYS[provider] };
}

export async function batchClientFor(provider: Provider, server: BatchServer): Promise<BatchClient> {
  const settings = { baseURL: server.baseURL, apiKeyEnv: ENV_VARS[provider], maxRetries: 0, timeoutMs: 5_000 };
  if (provider === 'anthropic') return createAnthropicBatchClient(await createAnthropicClient(settings, env(provider)));
  return createOpenAIBatchClient(await createOpenAIClient(settings, env(provider)));
}

/** A journal slot in memory, serialised as JSON like the run journal would, recording every save. */
export class MemoryJournal implements BatchJournal {
  text: string | undefined;
  saves: BatchHandle[] = [];
  clears = 0;
  load(): unknown {
    return this.text === undefined ? undefined : JSON.parse(this.text);
  }
  save(handle: BatchHandle): void {
    this.saves.push(handle);
    this.text = JSON.stringify(handle);
  }
  clear(): void {
    this.clears += 1;
    this.text = undefined;
  }
}

export async function collect(results: AsyncIterable<BatchResult>): Promise<Map<string, BatchResult>> {
  const byId = new Map<string, BatchResult>();
  for await (const result of results) {
    if (byId.has(result.customId)) throw new Error(`two results for ${result.customId}`);
    byId.set(result.customId, result);
  }
  return byId;
}

export function progressLog(): { log: BatchProgress[]; onProgress: (p: BatchProgress) => void } {
  const log: BatchProgress[] = [];
  return { log, onProgress: (p) => log.push({ ...p }) };
}

export function signal(): AbortSignal {
  return new AbortController().signal;
}

/** A Messages / Chat Completions request body asking for `text`. */
export function paramsFor(provider: Provider, text: string): object {
  const messages = [{ role: 'user', content: text }];
  return provider === 'anthropic' ? { model: 'claude-sonnet-4-6', max_tokens: 64, messages } : { model: 'gpt-4o-mini', messages };
}

/** The text a succeeded body answers with, in either wire format. */
export function answerText(provider: Provider, body: unknown): string {
  if (provider === 'anthropic') return ((body as { content: Array<{ text?: string }> }).content[0]?.text ?? '') as string;
  return (body as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content ?? '';
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}
