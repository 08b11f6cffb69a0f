import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Usage } from '../contracts/candidate-output.js';
import type { ModelJudgeConfig } from './judge-config.js';
import { JudgeError, NONCE, type VerdictRequest, type VerdictResponse, type VerdictSource } from '../contracts/verdict-source.js';
import { describeApiError } from './api-errors.js';
import { verdictCacheKey, type VerdictCache } from './cache.js';
import type { VerdictExchange, VerdictReply, VerdictTransport } from './model-verdict-call.js';
import { providerOf } from './providers.js';
import { costUsd, findPrice, type ModelPrice } from './prices.js';
import { redact } from './redact.js';
import type { TrafficMonitor } from './traffic.js';

export interface ModelVerdictOptions {
  env: NodeJS.ProcessEnv;
  /** Per-attempt timeout, enforced by the SDK. */
  timeoutMs: number;
  /** Model id -> price, overriding the built-in table. */
  prices?: Readonly<Record<string, ModelPrice>>;
  cache?: VerdictCache;
  /** Told every response status of the judge's calls (429s included), to pace the run. */
  traffic?: TrafficMonitor;
  /** `--batch`: first attempts go through the provider's batch API (batchedVerdictTransport), retries stay live. */
  batch?: (transport: VerdictTransport) => VerdictTransport;
}

const MAX_PROBLEM = 1000;

/** 16 hex characters from the CSPRNG: a candidate cannot guess it, so it cannot forge a closing delimiter. */
export function freshNonce(): string {
  return randomBytes(8).toString('hex');
}

export function fillNonce(text: string, nonce: string): string {
  return text.split(NONCE).join(nonce);
}

/** Why a reply is not a valid verdict, or the verdict. */
function validate<T>(reply: VerdictReply, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; problem: string } {
  if (!reply.ok) return reply;
  const parsed = schema.safeParse(reply.json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problem = `the verdict does not match the schema:\n${z.prettifyError(parsed.error)}`;
  return { ok: false, problem: problem.length > MAX_PROBLEM ? `${problem.slice(0, MAX_PROBLEM)}…` : problem };
}

function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a || !b) return a ?? b;
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}

/**
 * A judge backed by a live model. Checks the cache first; otherwise fills a fresh nonce into the
 * prompt, asks for a structured verdict (temperature 0 where the API takes one), validates it with the request's schema,
 * and on an invalid reply asks once more, quoting the problem. A second invalid reply, or an API
 * failure after the SDK's own retries, is a JudgeError; an abort stays an abort.
 * Throws UserError (naming the env var) when the key is missing.
 */
export async function createModelVerdictSource(id: string, config: ModelJudgeConfig, options: ModelVerdictOptions): Promise<VerdictSource> {
  const settings = {
    model: config.model,
    baseURL: config.baseURL,
    apiKeyEnv: config.apiKeyEnv,
    maxTokens: config.maxTokens,
    maxRetries: config.maxRetries,
    timeoutMs: options.timeoutMs,
    env: options.env,
    traffic: options.traffic,
  };
  const live: VerdictTransport = await providerOf(config.provider).verdictTransport(settings);
  const transport = options.batch ? options.batch(live) : live;
  const clean = (text: string) => redact(text, transport.secrets);
  const label = `judge "${id}" (${config.provider} ${config.model})`;

  function failure(err: unknown, signal: AbortSignal): unknown {
    if (err instanceof JudgeError) return err;
    if (signal.aborted) return signal.reason ?? err;
    // Anything but an SDK error is a bug of ours, not the judge's: let it surface as it is.
    if (!(err instanceof transport.errors.APIError)) return err;
    const described = describeApiError(err, transport.errors, transport.secrets, signal);
    if (described.kind === 'aborted') return err;
    return new JudgeError(`${label}: ${described.message}`);
  }

  async function ask<T>(request: VerdictRequest<T>, signal: AbortSignal) {
    const nonce = freshNonce();
    const prompt = {
      system: fillNonce(request.system, nonce),
      user: fillNonce(request.user, nonce),
      schemaName: request.schemaName,
      schema: request.schema,
      identity: { key: request.key, digest: cacheKey(request) },
    };
    const first = await transport.start(prompt, signal);
    const checked = validate(first.reply, request.schema);
    if (checked.ok) return { value: checked.value, usage: first.usage, model: first.model, exchanges: [first] };
    const second = await first.retry(checked.problem, signal);
    const usage = addUsage(first.usage, second.usage);
    const rechecked = validate(second.reply, request.schema);
    if (!rechecked.ok) {
      throw new JudgeError(`${label} gave an invalid verdict twice for ${request.key}: ${clean(rechecked.problem)}`);
    }
    return { value: rechecked.value, usage, model: second.model, exchanges: [first, second] };
  }

  const cacheKey = (request: VerdictRequest<unknown>) =>
    verdictCacheKey({
      provider: transport.provider,
      model: config.model,
      endpoint: transport.endpoint,
      maxTokens: config.maxTokens,
      temperature: transport.temperature,
      schemaName: request.schemaName,
      jsonSchema: transport.wireSchema(request.schema, request.schemaName),
      system: request.system,
      user: request.user,
      rubricHash: request.rubricHash,
      ...(request.sample ? { sample: request.sample } : {}),
    });

  return {
    id,
    description: `${config.provider} ${config.model}`,
    async verdict<T>(request: VerdictRequest<T>, signal: AbortSignal): Promise<VerdictResponse<T>> {
      const { cache } = options;
      const key = cache ? cacheKey(request) : undefined;
      const hit = cache && key ? cache.get(key) : undefined;
      // Re-validated: a hand-edited or stale entry must not slip an invalid verdict through.
      const cached = hit && request.schema.safeParse(hit.value);
      if (hit && cached?.success) return { ...spent(hit.usage, hit.costUsd), value: cached.data, cached: true };

      let answer: Awaited<ReturnType<typeof ask<T>>>;
      try {
        answer = await ask(request, signal);
      } catch (err) {
        throw failure(err, signal);
      }
      const price = findPrice([answer.model, config.model], options.prices);
      const spend = spent(answer.usage, price ? exchangesCost(answer.exchanges, price) : undefined);
      if (cache && key) await cache.set(key, { value: answer.value, ...spend });
      return { value: answer.value, ...spend, cached: false };
    },
  };
}

/**
 * Each exchange at its own price: a batched first attempt at the batch price, a live retry at the
 * standard one. Exchanges without usage count for nothing, as in addUsage; none with usage: unknown.
 */
function exchangesCost(exchanges: readonly VerdictExchange[], price: ModelPrice): number | undefined {
  const costs = exchanges.flatMap(({ usage, batch }) => (usage ? [costUsd(usage, price, { batch })] : []));
  return costs.length === 0 ? undefined : costs.reduce((a, b) => a + b, 0);
}

/** Usage and cost as optional fields: left out when unknown, never written as undefined. */
function spent(usage: Usage | undefined, cost: number | undefined): { usage?: Usage; costUsd?: number } {
  return { ...(usage ? { usage } : {}), ...(cost === undefined ? {} : { costUsd: cost }) };
}
