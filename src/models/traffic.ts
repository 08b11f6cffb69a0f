/**
 * What the SDK clients see on the wire, reported to whoever adapts the run's pace: every response
 * status, including the 429s the SDK then retries on its own (which a caller never sees otherwise).
 */
export interface TrafficMonitor {
  response(status: number): void;
}

type Fetch = typeof globalThis.fetch;

/** A fetch for the SDKs' `fetch` option that reports each response's status to the monitor. */
export function observedFetch(monitor: TrafficMonitor, inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    monitor.response(response.status);
    return response;
  };
}
