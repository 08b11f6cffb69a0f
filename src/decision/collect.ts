import type { Report } from '../report-schema.js';
import type { SuiteRun } from '../runner/run-suite.js';
import type { DecisionRun } from './build.js';

/**
 * What the decision view needs of a finished run: its report, each call's latency and cost, and the
 * context ids its answers returned (read back from the journal, so call it before the journal is
 * released).
 */
export function decisionRun(run: Pick<SuiteRun, 'candidate' | 'results' | 'answers'>, report: Report): DecisionRun {
  const calls = [...run.results.values()].map((r) => ({
    itemId: r.itemId,
    ...(r.latencyMs === undefined ? {} : { latencyMs: r.latencyMs }),
    ...(r.costUsd === undefined ? {} : { costUsd: r.costUsd }),
    unpriced: r.usage !== undefined && r.costUsd === undefined,
  }));
  const contexts = new Map<string, string[][]>();
  let retrieves = false;
  for (const result of run.answers()) {
    if (!result.output) continue;
    if (result.output.contexts) retrieves = true;
    const ids = (result.output.contexts ?? []).map((c) => c.id);
    contexts.set(result.itemId, [...(contexts.get(result.itemId) ?? []), ids]);
  }
  return { id: run.candidate, kind: report.candidate.kind, report, calls, contexts: retrieves ? contexts : new Map() };
}
