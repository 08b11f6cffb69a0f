import type { SdkErrorClasses } from './clients.js';
import { redact } from './redact.js';

export interface ApiFailure {
  /** `aborted`: the caller's signal fired; `timeout`: the SDK gave up waiting; `api`: anything else. */
  kind: 'aborted' | 'timeout' | 'api';
  message: string;
  status?: number;
}

const MAX_MESSAGE = 500;

/**
 * Classifies an error thrown by an SDK call, after its own retries. The message is redacted and
 * cut short: SDK messages carry the response body, which is the server's to fill.
 */
export function describeApiError(
  err: unknown,
  errors: SdkErrorClasses,
  secrets: ReadonlyArray<string>,
  signal?: AbortSignal,
): ApiFailure {
  const clean = (text: string) => {
    const redacted = redact(text, secrets);
    return redacted.length > MAX_MESSAGE ? `${redacted.slice(0, MAX_MESSAGE)}…` : redacted;
  };
  if (signal?.aborted || err instanceof errors.APIUserAbortError) {
    return { kind: 'aborted', message: 'the call was aborted' };
  }
  if (err instanceof errors.APIConnectionTimeoutError) {
    return { kind: 'timeout', message: clean(`the API did not answer in time: ${err.message}`) };
  }
  if (err instanceof errors.APIError) {
    const status = (err as Error & { status?: unknown }).status;
    if (typeof status === 'number') return { kind: 'api', status, message: clean(`API error ${err.message}`) };
    return { kind: 'api', message: clean(`API connection failed: ${err.message}`) };
  }
  return { kind: 'api', message: clean(err instanceof Error ? err.message : String(err)) };
}
