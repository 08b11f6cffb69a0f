import { ExitCode } from '../errors.js';
import { OVERALL } from '../gate/types.js';
import type { GateFailure, GateVerdict } from '../gate/decision.js';

export interface RunOutcomeInput {
  /** The comparison's verdict (regressions and floors). */
  verdict: GateVerdict;
  /** Items of the report, and how many ended in an error. */
  items: number;
  errors: number;
  maxErrors: number;
  /** Metrics gated in the baseline that this run did not score, with why. */
  unscored: ReadonlyArray<{ metric: string; reason: string }>;
  allowUnscored: boolean;
  /** -u accepts regressions and floors, never an incomplete run. */
  update: boolean;
}

export interface RunOutcome {
  /** The verdict with the run's own failures added, so every output (terminal, Markdown, JUnit) says the same. */
  verdict: GateVerdict;
  exitCode: ExitCode;
  /** The first line printed: the same word as the exit code. */
  headline: 'passed' | 'failed, accepted by --update' | 'FAILED' | 'INCOMPLETE' | 'NOT DECIDED';
}

/**
 * The one verdict of a finished run, from which both the printed gate line and the exit code come
 * (never `gate: passed` and exit 3). Errors over budget, or every item errored, make the run incomplete (3); a metric the
 * baseline gates that went unscored leaves the gate undecided (2) unless --allow-unscored; then
 * regressions and floors fail it (1) unless -u accepts them.
 */
export function runOutcome(input: RunOutcomeInput): RunOutcome {
  const failures: GateFailure[] = [];
  if (input.items > 0 && input.errors === input.items) {
    failures.push({ slice: OVERALL, metric: 'errors', rule: 'errors', message: `every item (${input.items}) ended in an error: nothing was measured` });
  } else if (input.errors > input.maxErrors) {
    failures.push({
      slice: OVERALL,
      metric: 'errors',
      rule: 'errors',
      message: `${input.errors} ${input.errors === 1 ? 'item' : 'items'} ended in an error, over the budget of ${input.maxErrors} (gate.maxErrors): the run could not finish`,
    });
  }
  if (!input.allowUnscored) {
    for (const { metric, reason } of input.unscored) {
      failures.push({
        slice: OVERALL,
        metric,
        rule: 'unscored',
        message: `${metric} is gated in the baseline but was not scored in this run (${reason}); fix that, or pass --allow-unscored to gate without it`,
      });
    }
  }
  const verdict = { ...input.verdict, passed: input.verdict.passed && failures.length === 0, failures: [...failures, ...input.verdict.failures] };
  if (failures.some((f) => f.rule === 'errors')) return { verdict, exitCode: ExitCode.runIncomplete, headline: 'INCOMPLETE' };
  if (failures.length > 0) return { verdict, exitCode: ExitCode.badInput, headline: 'NOT DECIDED' };
  if (verdict.passed) return { verdict, exitCode: ExitCode.ok, headline: 'passed' };
  if (input.update) return { verdict, exitCode: ExitCode.ok, headline: 'failed, accepted by --update' };
  return { verdict, exitCode: ExitCode.gateFailed, headline: 'FAILED' };
}
