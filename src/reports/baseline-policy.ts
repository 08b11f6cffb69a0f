import type { Report } from '../report-schema.js';

/** What decides whether a finished run may replace the committed report (the baseline). */
export interface BaselineWriteFacts {
  /**
   * Set when the run covered part of the plan only, saying which part: "a --sample 20 run",
   * "a --filter run". A partial run never moves the baseline, not even with -u.
   */
  partial?: string | undefined;
  /** Items of the report, and how many of them ended in an error. */
  items: number;
  errors: number;
  /** gate.maxErrors: more errors than this and the run could not finish (exit 3). */
  maxErrors: number;
  /** Metrics gated in the baseline that this run did not score, each with the reason. */
  unscored: ReadonlyArray<{ metric: string; reason: string }>;
  /** --allow-unscored: the user accepts gating without those metrics. */
  allowUnscored: boolean;
  gatePassed: boolean;
  /** -u: accept the new scores even though the gate failed (or metrics went unscored, with --allow-unscored). */
  update: boolean;
}

export type BaselineWrite = { allowed: true } | { allowed: false; reason: string };

/**
 * May this run write the baseline? Only a complete, clean run of the full plan whose gate passed,
 * or one accepted on purpose with -u. The first reason that holds is returned, so the user sees
 * the one thing that -u cannot fix before the one it can.
 */
export function mayWriteBaseline(facts: BaselineWriteFacts): BaselineWrite {
  if (facts.partial) return { allowed: false, reason: `this was ${facts.partial}, not the full plan` };
  if (facts.items > 0 && facts.errors === facts.items) return { allowed: false, reason: 'every item ended in an error' };
  if (facts.errors > facts.maxErrors) {
    return { allowed: false, reason: `${facts.errors} items ended in an error, over the budget of ${facts.maxErrors} (gate.maxErrors)` };
  }
  if (facts.unscored.length > 0 && !(facts.allowUnscored && facts.update)) {
    const metrics = facts.unscored.map((u) => u.metric).join(', ');
    return { allowed: false, reason: `${metrics} ${facts.unscored.length > 1 ? 'are' : 'is'} gated in the baseline but not scored in this run (accept that with --allow-unscored -u)` };
  }
  if (!facts.gatePassed && !facts.update) return { allowed: false, reason: 'the gate failed' };
  return { allowed: true };
}

/** Metrics the baseline gates that the head skipped (e.g. a judge without its key), with why. */
export function unscoredGatedMetrics(
  baseline: Pick<Report, 'summary'> | undefined,
  head: Pick<Report, 'skipped'>,
  isGated: (metric: string) => boolean,
): Array<{ metric: string; reason: string }> {
  if (!baseline) return [];
  return head.skipped.filter(({ metric }) => metric in baseline.summary.metrics && isGated(metric));
}
