import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { UserError } from '../errors.js';
import { keepAliveFetch } from './http-fetch.js';
import { observedFetch, type TrafficMonitor } from './traffic.js';

/** How to reach a provider; shared by candidate adapters and judges. */
export interface ClientSettings {
  /** Explicit base URL; otherwise ANTHROPIC_BASE_URL / OPENAI_BASE_URL from `env`; otherwise the SDK's default. */
  baseURL?: string | undefined;
  /** Name of the environment variable holding the key; the key itself is never stored in config. */
  apiKeyEnv: string;
  /** Retries of 408/409/429/5xx and connection errors, done by the SDK (it honours retry-after). */
  maxRetries: number;
  /** Per-attempt timeout, enforced by the SDK. */
  timeoutMs: number;
  /** Told every response status, 429s included (the SDK retries those without telling anyone). */
  traffic?: TrafficMonitor | undefined;
}

/** The SDK error classes a caller needs to tell aborts, timeouts and API errors apart. */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
}

export interface SdkClient<C> {
  client: C;
  errors: SdkErrorClasses;
  /** Values to redact from any message that leaves the adapter. */
  secrets: string[];
}

/**
 * Key for OpenAI-compatible servers that need none (vLLM, Ollama, llama.cpp): the SDK refuses to
 * start without some key, and these servers ignore the Authorization header.
 */
export const PLACEHOLDER_API_KEY = 'no-key-needed';

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function missingKey(provider: string, apiKeyEnv: string): UserError {
  return new UserError(`${provider} API key missing: set the environment variable ${apiKeyEnv}`);
}

/** The SDK's transport: node:http with keep-alive (see src/models/http-fetch.ts), observed when the run paces itself. */
function clientFetch(settings: ClientSettings): typeof globalThis.fetch {
  const fetch = keepAliveFetch();
  return settings.traffic ? observedFetch(settings.traffic, fetch) : fetch;
}

// SDKs are imported here, inside the factories, so that loading the CLI (`evals --help`) never pays for them.

/**
 * An Anthropic client. Base URL and key are resolved from `env` (not the SDK's own process.env
 * lookup) so callers and tests control them; `null` makes the SDK use its default URL without
 * reading ANTHROPIC_BASE_URL itself.
 */
export function createAnthropicClient(settings: ClientSettings, env: NodeJS.ProcessEnv): Promise<SdkClient<Anthropic>> {
  return anthropicClientLoader(settings, env)();
}

/**
 * Checks the key now (a missing one is a config error before anything runs) and loads the SDK at
 * the first call of the returned function, once: a run served wholly from the output cache never
 * loads it (a few hundred milliseconds of module loading).
 */
export function anthropicClientLoader(settings: ClientSettings, env: NodeJS.ProcessEnv): () => Promise<SdkClient<Anthropic>> {
  const apiKey = nonEmpty(env[settings.apiKeyEnv]);
  if (!apiKey) throw missingKey('Anthropic', settings.apiKeyEnv);
  return once(async () => {
    const sdk = await import('@anthropic-ai/sdk');
    const client = new sdk.Anthropic({
      apiKey,
      baseURL: settings.baseURL ?? nonEmpty(env['ANTHROPIC_BASE_URL']) ?? null,
      maxRetries: settings.maxRetries,
      timeout: Math.max(1, Math.round(settings.timeoutMs)),
      fetch: clientFetch(settings),
    });
    return { client, errors: sdk, secrets: [apiKey] };
  });
}

/**
 * An OpenAI (or OpenAI-compatible) client. When a base URL is set (option or OPENAI_BASE_URL)
 * and the key variable is empty, a placeholder key is used, because local servers need none;
 * against api.openai.com a missing key is an error.
 */
export function createOpenAIClient(settings: ClientSettings, env: NodeJS.ProcessEnv): Promise<SdkClient<OpenAI>> {
  return openAIClientLoader(settings, env)();
}

/** As anthropicClientLoader: the key is checked now, the SDK loaded at the first call. */
export function openAIClientLoader(settings: ClientSettings, env: NodeJS.ProcessEnv): () => Promise<SdkClient<OpenAI>> {
  const baseURL = settings.baseURL ?? nonEmpty(env['OPENAI_BASE_URL']);
  const apiKey = nonEmpty(env[settings.apiKeyEnv]) ?? (baseURL ? PLACEHOLDER_API_KEY : undefined);
  if (!apiKey) throw missingKey('OpenAI', settings.apiKeyEnv);
  return once(async () => {
    const sdk = await import('openai');
    const client = new sdk.OpenAI({
      apiKey,
      baseURL: baseURL ?? null,
      // Organization and project are account headers for api.openai.com; read from `env` like the rest.
      organization: nonEmpty(env['OPENAI_ORG_ID']) ?? null,
      project: nonEmpty(env['OPENAI_PROJECT_ID']) ?? null,
      maxRetries: settings.maxRetries,
      timeout: Math.max(1, Math.round(settings.timeoutMs)),
      fetch: clientFetch(settings),
    });
    return { client, errors: sdk, secrets: apiKey === PLACEHOLDER_API_KEY ? [] : [apiKey] };
  });
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
