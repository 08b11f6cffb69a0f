import { z } from 'zod';
import { version } from '../version.js';
import type { ItemResult, ResultSummary } from '../contracts/item-result.js';
import { mean, quantile, round } from '../stats/describe.js';

/**
 * `<candidate>.run.json`: what a run cost and how long it took. Not meant for diffing (it changes
 * every run), so it holds everything the report must not: timestamps, durations, tokens, cost.
 */
export const RunInfoSchema = z.object({
  suite: z.string(),
  candidate: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  planned: z.number().int(),
  /** Results taken from the journal of an interrupted earlier run instead of being paid again. */
  resumed: z.number().int(),
  concurrency: z.number().int(),
  /** Null when no answer had a measured latency (batch runs). */
  latencyMs: z.object({ p50: z.number(), p95: z.number(), mean: z.number() }).nullable(),
  /** Tokens and cost of the calls made this run (answers served from the cache cost nothing). */
  tokens: z.object({ input: z.number().int(), output: z.number().int() }),
  costUsd: z.number(),
  /** Calls that used tokens of a model with no known price (add it to the config's `prices`): costUsd leaves them out. */
  unpricedCalls: z.number().int().default(0),
  /** Answers served from the output cache. */
  cachedAnswers: z.number().int(),
  /** Per judged metric: the calls its judges made this run and served from cache, tokens and cost. */
  judges: z.record(
    z.string(),
    z.object({
      judges: z.array(z.string()),
      calls: z.number().int(),
      cachedCalls: z.number().int(),
      tokens: z.object({ input: z.number().int(), output: z.number().int() }),
      costUsd: z.number(),
      unpricedCalls: z.number().int().default(0),
    }),
  ),
  errors: z.record(z.string(), z.number().int()),
  versions: z.object({ evals: z.string(), node: z.string(), platform: z.string() }),
});

export type RunInfo = z.infer<typeof RunInfoSchema>;

/** What a run summary is made of: a suite run, or shards merged. */
export interface RunFacts {
  suite: string;
  candidate: string;
  results: ReadonlyMap<string, ResultSummary>;
  /** Every finished call with its answer, sorted by item id and epoch. */
  answers(): Iterable<ItemResult>;
  planned: number;
  resumed: number;
  startedAt: Date;
  finishedAt: Date;
  concurrency: number;
}

/** The timing, usage and cost summary of a finished suite run. */
export function buildRunInfo(run: RunFacts): RunInfo {
  // One pass over the results, each read once: a run's results may be made as they are read
  // (src/runner/result-table.ts), and a list of them all was 100k objects held at once.
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let input = 0;
  let output = 0;
  let cost = 0;
  let cachedAnswers = 0;
  let unpricedCalls = 0;
  const judges: RunInfo['judges'] = {};
  for (const r of run.results.values()) {
    if (r.latencyMs !== undefined) latencies.push(r.latencyMs);
    if (r.error) errors[r.error.kind] = (errors[r.error.kind] ?? 0) + 1;
    for (const j of r.judgments) {
      const entry = (judges[j.metric] ??= { judges: j.judges, calls: 0, cachedCalls: 0, tokens: { input: 0, output: 0 }, costUsd: 0, unpricedCalls: 0 });
      entry.calls += j.calls;
      entry.cachedCalls += j.cachedCalls;
      entry.tokens.input += j.usage?.inputTokens ?? 0;
      entry.tokens.output += j.usage?.outputTokens ?? 0;
      entry.costUsd += j.costUsd ?? 0;
      if (j.usage && j.costUsd === undefined && j.calls > 0) entry.unpricedCalls += j.calls;
    }
    if (r.cached) {
      cachedAnswers++;
      continue;
    }
    input += r.usage?.inputTokens ?? 0;
    output += r.usage?.outputTokens ?? 0;
    cost += r.costUsd ?? 0;
    if (r.usage && r.costUsd === undefined) unpricedCalls++;
  }
  for (const entry of Object.values(judges)) entry.costUsd = round(entry.costUsd, 6);
  return {
    suite: run.suite,
    candidate: run.candidate,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    durationMs: Math.round(run.finishedAt.getTime() - run.startedAt.getTime()),
    planned: run.planned,
    resumed: run.resumed,
    concurrency: run.concurrency,
    latencyMs:
      latencies.length === 0
        ? null
        : { p50: round(quantile(latencies, 0.5), 1), p95: round(quantile(latencies, 0.95), 1), mean: round(mean(latencies), 1) },
    tokens: { input, output },
    costUsd: round(cost, 6),
    unpricedCalls,
    cachedAnswers,
    judges,
    errors,
    versions: { evals: version(), node: process.version, platform: `${process.platform}-${process.arch}` },
  };
}

/** One line of spend for the terminal: the candidate's calls and each judged metric's. */
export function costLine(info: RunInfo): string | undefined {
  const judged = Object.entries(info.judges);
  if (info.costUsd === 0 && info.tokens.input === 0 && judged.every(([, j]) => j.calls === 0 && j.cachedCalls === 0)) return undefined;
  // An unpriced model's calls are not free: say so rather than print $0.0000.
  const usd = (x: number, unpriced: number) =>
    unpriced === 0 ? `$${x.toFixed(4)}` : x === 0 ? 'price unknown' : `$${x.toFixed(4)} + price unknown for ${unpriced} calls`;
  const parts = [`candidate ${usd(info.costUsd, info.unpricedCalls)} (${info.tokens.input} in / ${info.tokens.output} out tokens${info.cachedAnswers ? `, ${info.cachedAnswers} answers cached` : ''})`];
  for (const [metric, j] of judged) parts.push(`${metric} ${usd(j.costUsd, j.unpricedCalls)} (${j.calls} calls, ${j.cachedCalls} cached)`);
  return `cost: ${parts.join('; ')}`;
}
