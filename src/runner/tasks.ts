import type { LimitFunction } from 'p-limit';
import { Deadlines, Interrupted } from './deadlines.js';
import { schedule } from './schedule.js';
import type { TaskJournal } from './task-journal.js';

/** One paid unit of work outside a candidate run: a pair judged (compare), a label judged (calibrate). */
export interface Task<R> {
  /** Names the task in the journal: the same key on resume means the same work. */
  key: string;
  run(signal: AbortSignal): Promise<R>;
}

export interface RunTasksOptions<R, T extends Task<R> = Task<R>> {
  tasks: readonly T[];
  /** Bounds the tasks in flight; paced by the judges' traffic (src/runner/pace.ts). */
  limit: LimitFunction;
  /** Each task's deadline; Infinity under `--batch`, where a batch may take hours. */
  timeoutMs: number;
  /** Ctrl-C: stop scheduling, abort what is in flight; unfinished tasks are left for resume. */
  interrupt: AbortSignal;
  /** Finished tasks are recorded here and skipped when the command is run again. */
  journal?: TaskJournal<R>;
  /**
   * A task's failure as its result (a judge error, a deadline passed), or undefined for a failure
   * that must stop the command (a bug). Results so made are not journaled: a resumed command tries
   * them again.
   */
  failed(task: T, err: unknown): R | undefined;
  /** Whether a result is final and journaled (default: every result `run` returns); others are tried again on resume. */
  final?(value: R): boolean;
}

export interface TasksDone<R> {
  /** By task key; every task's when not interrupted. */
  results: Map<string, R>;
  /** Tasks found finished in the journal. */
  resumed: number;
  interrupted: boolean;
}

/**
 * Runs judgments with the guarantees of a candidate run (src/runner/execute.ts): the same
 * streamed scheduler under a paced limit, a deadline per task, Ctrl-C reaching every task in
 * flight through one listener (src/runner/deadlines.ts), and a journal so nothing finished is
 * paid for twice.
 */
export async function runTasks<R, T extends Task<R> = Task<R>>(options: RunTasksOptions<R, T>): Promise<TasksDone<R>> {
  const { tasks, journal, interrupt } = options;
  const recorded = journal?.read() ?? new Map<string, R>();
  const results = new Map<string, R>();
  for (const task of tasks) {
    const value = recorded.get(task.key);
    if (value !== undefined) results.set(task.key, value);
  }
  const resumed = results.size;
  const deadlines = new Deadlines(interrupt);
  const runOne = async (task: T): Promise<void> => {
    if (interrupt.aborted) return;
    try {
      const value = await deadlines.run(options.timeoutMs, (signal) => task.run(signal));
      results.set(task.key, value);
      if (options.final?.(value) ?? true) journal?.append(task.key, value);
    } catch (err) {
      if (err instanceof Interrupted || interrupt.aborted) return;
      const value = options.failed(task, err);
      if (value === undefined) throw err;
      results.set(task.key, value);
    }
  };
  try {
    await schedule(
      tasks.filter((task) => !results.has(task.key)),
      options.limit,
      interrupt,
      runOne,
    );
  } finally {
    deadlines.dispose();
    journal?.close();
  }
  return { results, resumed, interrupted: interrupt.aborted };
}
