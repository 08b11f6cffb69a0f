import type { LimitFunction } from 'p-limit';
import { CandidateError, type Candidate } from '../candidates/adapter.js';
import type { CandidateOutput } from '../contracts/candidate-output.js';
import { errorMessage } from '../errors.js';
import type { GoldenItem } from '../goldensets/item.js';
import { Deadlines, Interrupted } from './deadlines.js';
import { schedule } from './schedule.js';
import type { CheckResult, ItemError, ItemResult, JudgmentResult } from '../contracts/item-result.js';
import { extended } from '../util/extended.js';

export interface PlannedCall {
  item: GoldenItem;
  epoch: number;
  /** An answer recorded earlier (e.g. before a judge error): scored again without calling the candidate. */
  output?: CandidateOutput;
}

export interface Scores {
  checks: CheckResult[];
  judgments: JudgmentResult[];
}

export interface ExecuteOptions {
  calls: Iterable<PlannedCall> | AsyncIterable<PlannedCall>;
  candidate: Candidate;
  /** Bounds the calls in flight; its concurrency may change during the run (see Pace). */
  limit: LimitFunction;
  timeoutMs: number;
  /** Ctrl-C: stop scheduling, abort what is in flight; unfinished items are left for resume. */
  interrupt: AbortSignal;
  /** `epoch`: which run of the item this is; judges are asked afresh in each (see src/runner/run-suite.ts). */
  score(item: GoldenItem, output: CandidateOutput, signal: AbortSignal, epoch: number): Promise<Scores>;
  /** Whether scoring the item calls judges; exact checks alone need no deadline. Default: always. */
  judged?(item: GoldenItem): boolean;
  /** Called once per finished call, in completion order (journal, aggregates, progress). */
  onResult(result: ItemResult): void;
  now?: () => number;
}

/** Judge calls per scoring (a retry of a malformed verdict) x SDK attempts each (1 + 4 retries). */
export const SCORING_ATTEMPTS = 2 * 5;

/**
 * Runs every planned call through the candidate and the scorers with bounded concurrency.
 * Each call ends as a result (scored or with an error and its reason) unless the run is
 * interrupted, in which case it is not recorded and a resumed run does it again.
 * Scheduling is streamed (src/runner/schedule.ts).
 * A call's deadline is `timeoutMs` times the attempts its candidate may make (SDK retries of a
 * hung attempt), so the runner's cut is a safety net behind the SDK's own per-attempt timeout.
 */
export async function execute(options: ExecuteOptions): Promise<{ interrupted: boolean }> {
  const { candidate, limit, timeoutMs, interrupt, score, onResult } = options;
  const judged = options.judged ?? (() => true);
  const never = new AbortController().signal;
  const now = options.now ?? (() => performance.now());
  const deadlines = new Deadlines(interrupt);

  const runOne = async (call: PlannedCall): Promise<void> => {
    const { item, epoch } = call;
    if (interrupt.aborted) return;
    const started = now();
    let output = call.output;
    let scores: Scores = { checks: [], judgments: [] };
    let error: ItemError | undefined;
    try {
      if (!output) {
        // An answer at hand (a cache hit) is taken without a deadline: no timer, no abort signal.
        const answer =
          candidate.answered?.(item, { epoch }) ??
          (await deadlines.run(timeoutMs * (candidate.attempts ?? 1), (signal) => candidate.generate(item, { signal, epoch })));
        output = candidate.latency === 'recorded' || answer.latencyMs !== undefined ? answer : extended(answer, { latencyMs: now() - started });
      }
      // Scoring gets its own deadline: judge calls are separate calls, each with the SDK's own
      // per-attempt timeout and retries, and a malformed verdict is asked for once more.
      const answered = output;
      scores = judged(item)
        ? await deadlines.run(timeoutMs * SCORING_ATTEMPTS, (signal) => score(item, answered, signal, epoch))
        : await score(item, answered, never, epoch);
      const failed = scores.judgments.filter((j) => j.error !== undefined);
      if (failed.length > 0) {
        error = { kind: 'judge_error', message: failed.map((j) => `${j.metric}: ${j.error}`).join('; ') };
      }
    } catch (err) {
      if (err instanceof Interrupted || interrupt.aborted) return;
      error = classify(err);
    }
    const latencyMs = output ? output.latencyMs : candidate.latency === 'recorded' ? undefined : now() - started;
    onResult({
      itemId: item.id,
      epoch,
      ...(output ? { output } : {}),
      ...scores,
      ...(error ? { error } : {}),
      ...(latencyMs === undefined ? {} : { latencyMs }),
    });
  };

  try {
    await schedule(options.calls, limit, interrupt, runOne);
  } finally {
    deadlines.dispose();
  }
  return { interrupted: interrupt.aborted };
}

function classify(err: unknown): ItemError {
  if (err instanceof CandidateError) return { kind: err.kind, message: err.message };
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return { kind: 'timeout', message: err.message };
  }
  return { kind: 'crash', message: errorMessage(err) };
}
