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
export function describeApiError(err: unknown, errors: SdkErrorClasses, secrets: ReadonlyArray<string>, signal?: AbortSignal): ApiFailure {
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
    const cause = networkCause(err);
    return { kind: 'api', message: clean(`API connection failed: ${err.message}${cause ? ` ${cause}` : ''}`) };
  }
  return { kind: 'api', message: clean(err instanceof Error ? err.message : String(err)) };
}

/**
 * The system error under an SDK's "Connection error." (fetch wraps it in a TypeError, Node in an
 * AggregateError when several addresses were tried), e.g. `ECONNREFUSED 127.0.0.1:18999`: the
 * message alone does not say which server could not be reached.
 */
export function networkCause(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const { code, address, port, errors, cause } = current as { code?: unknown; address?: unknown; port?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) {
      return typeof address === 'string' ? `${code} ${address}${typeof port === 'number' ? `:${port}` : ''}` : code;
    }
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return undefined;
}
