import type { VerdictRequest, VerdictSource } from './types.js';

/** What a judge's verdicts cost and how long they took, over one calibration. */
export interface VerdictMeter {
  /** Verdicts returned (live, cached or replayed); failures are not verdicts. */
  verdicts: number;
  /** Verdicts that came with no cost (a replayed recording, a model with no price): cost is then unknown. */
  costUnknown: number;
  /** What the verdicts cost; a cached verdict counts what its original call cost. */
  costUsd: number;
  /** Time per verdict a model was called for (cached and replayed verdicts take none). */
  latenciesMs: number[];
}

/** Wraps a source so every verdict it gives is counted in the returned meter. */
export function meteredSource(source: VerdictSource, now: () => number = () => performance.now()): { source: VerdictSource; meter: VerdictMeter } {
  const meter: VerdictMeter = { verdicts: 0, costUnknown: 0, costUsd: 0, latenciesMs: [] };
  return {
    meter,
    source: {
      id: source.id,
      description: source.description,
      async verdict<T>(request: VerdictRequest<T>, signal: AbortSignal) {
        const started = now();
        const response = await source.verdict(request, signal);
        meter.verdicts++;
        if (response.costUsd === undefined) meter.costUnknown++;
        else meter.costUsd += response.costUsd;
        // Usage means a model answered (now or, when cached, earlier); a replay has none.
        if (!response.cached && response.usage) meter.latenciesMs.push(now() - started);
        return response;
      },
    },
  };
}

/** Asks for repeat `sample` of every judgment (0: the first), so `--epochs` gets fresh verdicts past the cache. */
export function sampledSource(source: VerdictSource, sample: number): VerdictSource {
  if (sample === 0) return source;
  return {
    id: source.id,
    description: source.description,
    verdict: <T>(request: VerdictRequest<T>, signal: AbortSignal) => source.verdict({ ...request, sample }, signal),
  };
}
