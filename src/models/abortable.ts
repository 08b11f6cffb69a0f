/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts. The OpenAI
 * SDK sleeps between retries without watching the signal (openai/client.mjs retryRequest:
 * `await sleep(timeoutMillis)`), so a long `retry-after` would otherwise outlive a Ctrl-C.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
