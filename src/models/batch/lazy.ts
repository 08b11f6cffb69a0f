import type { BatchClient, BatchLimits, BatchProvider } from './types.js';

/** A batch client made at its first use, so that a candidate which never batches never loads its SDK for it. */
export function lazyBatchClient(provider: BatchProvider, limits: BatchLimits, make: () => Promise<BatchClient>): BatchClient {
  let made: Promise<BatchClient> | undefined;
  const client = () => (made ??= make());
  return {
    provider,
    limits,
    submit: async (requests, options) => (await client()).submit(requests, options),
    poll: async (handle, options) => (await client()).poll(handle, options),
    async *results(handle, options) {
      yield* (await client()).results(handle, options);
    },
    cancel: async (handle) => (await client()).cancel(handle),
  };
}
