import type { Report } from '../report-schema.js';
import type { SuiteRun } from '../runner/run-suite.js';

/** One answered (or failed) call, as the run recorded it. */
export interface DecisionCall {
  itemId: string;
  latencyMs?: number;
  costUsd?: number;
  /** Used tokens of a model with no known price. */
  unpriced: boolean;
}

/** One candidate's finished run over the suite. */
export interface DecisionRun {
  id: string;
  kind: Report['candidate']['kind'];
  report: Report;
  calls: readonly DecisionCall[];
  /**
   * Item id -> the context ids each epoch's answer returned, in rank order ([] for an answer without
   * contexts). Items that ended in an error have no entry. Empty when no answer had contexts.
   */
  contexts: ReadonlyMap<string, ReadonlyArray<readonly string[]>>;
}

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
