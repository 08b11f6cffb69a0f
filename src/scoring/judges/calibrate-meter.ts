import { z } from 'zod';
import type { VerdictRequest, VerdictSource } from '../../contracts/verdict-source.js';

/** What a judge's verdicts cost and how long they took, over one calibration (or one label of it). */
export const VerdictMeterSchema = z.object({
  /** Verdicts returned (live, cached or replayed); failures are not verdicts. */
  verdicts: z.number().int().nonnegative(),
  /** Verdicts that came with no cost (a replayed recording, a model with no price): cost is then unknown. */
  costUnknown: z.number().int().nonnegative(),
  /** What the verdicts cost; a cached verdict counts what its original call cost. */
  costUsd: z.number().nonnegative(),
  /** Time per verdict a model was called for (cached and replayed verdicts take none). */
  latenciesMs: z.array(z.number().nonnegative()),
});
export type VerdictMeter = z.infer<typeof VerdictMeterSchema>;

export const emptyMeter = (): VerdictMeter => ({ verdicts: 0, costUnknown: 0, costUsd: 0, latenciesMs: [] });

/** Meters added up: the labels of a calibration, the epochs of a judge. */
export function addMeters(meters: Iterable<VerdictMeter>): VerdictMeter {
  const total = emptyMeter();
  for (const m of meters) {
    total.verdicts += m.verdicts;
    total.costUnknown += m.costUnknown;
    total.costUsd += m.costUsd;
    total.latenciesMs.push(...m.latenciesMs);
  }
  return total;
}

/** Wraps a source so every verdict it gives is counted in the returned meter. */
export function meteredSource(source: VerdictSource, now: () => number = () => performance.now()): { source: VerdictSource; meter: VerdictMeter } {
  const meter = emptyMeter();
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
