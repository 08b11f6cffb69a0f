import { z } from 'zod';
import { UserError, errorMessage } from '../../errors.js';
import type { GoldenItem } from '../../goldensets/item.js';
import { describeApiError } from '../../models/api-errors.js';
import { BatchBodyError } from '../../models/batch/bodies.js';
import { buildChat, type ChatPrompt } from '../../models/chat.js';
import type { SdkErrorClasses } from '../../models/clients.js';
import { costUsd, findPrice } from '../../models/prices.js';
import { TemplateError, compileTemplate, type RenderTemplate } from '../../models/template.js';
import { CandidateError, type AdapterContext } from '../adapter.js';
import type { Usage } from '../../contracts/candidate-output.js';

/** What the anthropic and openai adapters share: options, prompt building, error and cost mapping. */

export function modelOptionsShape(defaults: { apiKeyEnv: string; maxTemperature: number; temperature: number | null }) {
  return {
    model: z.string().min(1),
    system: z.string().min(1).optional(),
    /** `{{input}}` and `{{metadata.<key>}}`; applied to the (last) user turn. */
    prompt: z.string().min(1).default('{{input}}'),
    maxTokens: z.number().int().positive().default(1024),
    /** `null` leaves it out of the request, for models that accept only their default. */
    temperature: z.number().min(0).max(defaults.maxTemperature).nullable().default(defaults.temperature),
    baseURL: z.url().optional(),
    apiKeyEnv: z.string().min(1).default(defaults.apiKeyEnv),
    maxRetries: z.number().int().nonnegative().default(4),
  };
}

export function compilePrompt(template: string, candidateId: string): RenderTemplate {
  try {
    return compileTemplate(template);
  } catch (err) {
    throw new UserError(`candidate "${candidateId}": ${errorMessage(err)}`);
  }
}

export function chatFor(item: GoldenItem, render: RenderTemplate, system: string | undefined): ChatPrompt {
  try {
    return buildChat(item.input, item.metadata, render, system);
  } catch (err) {
    if (err instanceof TemplateError) throw new CandidateError(`item ${item.id}: ${err.message}`, 'missing');
    throw err;
  }
}

export function toCandidateError(err: unknown, errors: SdkErrorClasses, secrets: ReadonlyArray<string>, signal: AbortSignal): CandidateError {
  if (err instanceof CandidateError) return err;
  const failure = describeApiError(err, errors, secrets, signal);
  return new CandidateError(failure.message, failure.kind === 'api' ? 'api' : 'timeout');
}

/**
 * Cost of a call, priced by the id the API echoed first, then the configured one; undefined when
 * unknown. `batch`: answered through a batch API, at the batch price.
 */
export function callCost(usage: Usage, models: ReadonlyArray<string | undefined>, context: AdapterContext, batch = false) {
  const price = findPrice(models, context.prices);
  return price ? costUsd(usage, price, { batch }) : undefined;
}

/** A batch response body that is not a reply at all is the candidate's bad output, not a crash. */
export function parseBody<T>(read: (body: unknown) => T, body: unknown): T {
  try {
    return read(body);
  } catch (err) {
    if (err instanceof BatchBodyError) throw new CandidateError(err.message, 'bad_output');
    throw err;
  }
}
