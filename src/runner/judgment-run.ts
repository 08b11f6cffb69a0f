import path from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import type { z } from 'zod';
import type { LoadedConfig } from '../config/load.js';
import type { BatchProgress, PollSchedule } from '../models/batch/index.js';
import type { OpenJudgesOptions } from '../scoring/judge-sources.js';
import { BatchSlots, lateSlot } from './batch-slots.js';
import { SCORING_ATTEMPTS } from './execute.js';
import { Pace } from './pace.js';
import { acquireRunLock, type RunLock } from './run-lock.js';
import { TaskJournal } from './task-journal.js';
import { runTasks, type Task, type TasksDone } from './tasks.js';

/**
 * The setting for judgments made outside a candidate run (`evals compare`, `evals calibrate`):
 * paced concurrency, deadlines, a journal and a lock beside the runs' own, and `--batch` through
 * the same batch slots as a run. Open the judges with `judgeOptions()`, so their 429s pace
 * `limit` and their first attempts go in batches; run tasks with `run()`; `finish()` once the
 * command's output is written (the journal is then removed), `release()` in any case.
 */
export interface JudgmentRun<R> {
  /** The calls in flight: the configured concurrency, paced; unbounded under `--batch`, so calls gather into batches. */
  limit: LimitFunction;
  judgeOptions(): Pick<OpenJudgesOptions, 'traffic' | 'batch'>;
  run<T extends Task<R>>(tasks: readonly T[], failed: (task: T, err: unknown) => R | undefined, final?: (value: R) => boolean): Promise<TasksDone<R>>;
  /** Where the journal sits, for messages; undefined when nothing paid is journaled (replayed verdicts). */
  journalFile: string | undefined;
  finish(): void;
  release(): void;
}

export interface JudgmentRunOptions<R> {
  loaded: LoadedConfig;
  /** Names the journal under the runs folder, e.g. ['compare', suite, 'student.vs.teacher.judge']. */
  name: readonly string[];
  schema: z.ZodType<R>;
  concurrency: number;
  /** False when no call is paid (recorded verdicts): nothing to journal or pace. */
  live: boolean;
  batch: boolean;
  interrupt: AbortSignal;
  /** Where batch progress lines go. */
  progress(line: string): void;
}

export function openJudgmentRun<R>(options: JudgmentRunOptions<R>): JudgmentRun<R> {
  const { loaded, interrupt } = options;
  const batch = options.batch && options.live;
  const limit = pLimit(batch ? Number.POSITIVE_INFINITY : options.concurrency);
  // Under --batch the calls wait in a provider's queue, not in flight: nothing to pace.
  const pace = new Pace({
    max: options.concurrency,
    onChange: (c) => {
      if (!batch) limit.concurrency = c;
    },
  });
  const runsDir = loaded.resolve(loaded.config.runsDir);
  const base = path.join(...options.name.slice(0, -1));
  const leaf = options.name.at(-1) ?? 'judgments';
  let lock: RunLock | undefined;
  let journal: TaskJournal<R> | undefined;
  if (options.live) {
    lock = acquireRunLock(path.join(runsDir, '.locks', `.${base}`, `${leaf}.lock`), loaded.display);
    journal = new TaskJournal(path.join(runsDir, `.${base}`, `${leaf}.jsonl`), options.schema);
  }
  const slots = batch && journal ? new BatchSlots(`${journal.file}.batches.json`) : undefined;
  const pollMs = loaded.config.batchPollSeconds * 1000;
  const schedule: PollSchedule = { initialMs: pollMs, maxMs: Math.max(60_000, pollMs), factor: 1.5 };
  const timeoutMs = batch ? Number.POSITIVE_INFINITY : loaded.config.timeoutSeconds * 1000 * SCORING_ATTEMPTS;
  return {
    limit,
    journalFile: journal?.file,
    judgeOptions: () => ({
      traffic: pace,
      ...(slots
        ? {
            batch: {
              slot: (id: string) => lateSlot(() => slots, id),
              signal: interrupt,
              onProgress: (p: BatchProgress) => options.progress(`judge batch: ${p.done}/${p.total} done, ${p.failed} failed`),
              schedule,
            },
          }
        : {}),
    }),
    run: (tasks, failed, final) => runTasks({ tasks, limit, timeoutMs, interrupt, failed, ...(journal ? { journal } : {}), ...(final ? { final } : {}) }),
    finish: () => {
      journal?.remove();
      slots?.remove();
    },
    release: () => lock?.release(),
  };
}
