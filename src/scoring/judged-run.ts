import type { JudgmentResult } from '../contracts/item-result.js';
import type { JudgedMetric } from './judged-plan.js';
import { judgeManipulation } from './judges/manipulation-guard.js';
import { judgeKindRegistry } from './judges/kinds.js';
import { type JudgeInput, type JudgeOutcome } from './judges/types.js';
import { JudgeError, type VerdictSource } from '../contracts/verdict-source.js';

/** Runs one judged metric's kind; null when it does not apply (no reference, no contexts). */
function judge(metric: JudgedMetric, input: JudgeInput, sources: VerdictSource[]): Promise<JudgeOutcome | null> {
  const kind = judgeKindRegistry.get(metric.kind);
  if (!kind) throw new Error(`unknown judge kind "${metric.kind}" of ${metric.metric}`);
  return kind.run(input, { sources, options: metric.options, ...(metric.rubric ? { rubric: metric.rubric } : {}) });
}

/**
 * Every judged metric of one answer, concurrently. A JudgeError becomes a recorded judgment error
 * (the item then fails with judge_error); an abort propagates so the run can stop cleanly.
 */
export async function runJudgedMetrics(
  metrics: readonly JudgedMetric[],
  input: JudgeInput,
  sources: ReadonlyMap<string, VerdictSource>,
): Promise<JudgmentResult[]> {
  // An answer that addresses the judge is not shown to it: it fails every judged metric.
  const flag = judgeManipulation(input.output.text);
  if (flag) {
    return metrics.map((metric) => ({
      metric: metric.metric,
      kind: metric.kind,
      judges: metric.judges,
      pass: false,
      score: 0,
      reason: `judge-manipulation: ${flag.what} ("${flag.excerpt}")`,
      calls: 0,
      cachedCalls: 0,
    }));
  }
  const results = await Promise.all(
    metrics.map(async (metric): Promise<JudgmentResult | null> => {
      const base = { metric: metric.metric, kind: metric.kind, judges: metric.judges };
      const judgeSources = metric.judges.map((id) => sources.get(id)).filter((s): s is VerdictSource => s !== undefined);
      try {
        const outcome = await judge(metric, input, judgeSources);
        if (!outcome) return null;
        return {
          ...base,
          pass: outcome.pass,
          score: outcome.score,
          reason: outcome.reason,
          ...(outcome.details ? { details: outcome.details } : {}),
          ...(outcome.notes?.length ? { notes: outcome.notes } : {}),
          calls: outcome.calls,
          cachedCalls: outcome.cachedCalls,
          usage: outcome.usage,
          costUsd: outcome.costUsd,
        };
      } catch (err) {
        if (!(err instanceof JudgeError)) throw err;
        return { ...base, pass: false, score: 0, error: err.message, calls: 0, cachedCalls: 0 };
      }
    }),
  );
  return results.filter((r): r is JudgmentResult => r !== null);
}
