import type { LoadedConfig } from '../config/load.js';
import type { Rubric } from '../config/rubric.js';
import type { GoldenItem } from '../goldensets/item.js';
import { VerdictCache } from '../models/cache.js';
import { OutputCache } from '../models/output-cache.js';
import type { Report } from '../reports/report.js';
import { BatchSlots } from '../runner/batch-slots.js';
import { Journal } from '../runner/journal.js';
import { runSuite, type SuiteRun } from '../runner/run-suite.js';
import type { CliIO } from './io.js';

export interface RunContext {
  loaded: LoadedConfig;
  io: CliIO;
  rubrics: ReadonlyMap<string, Rubric>;
  noCache: boolean;
  quiet: boolean;
  concurrency?: number | undefined;
}

export interface Finished {
  report: Report;
  run: SuiteRun;
  /** Drops the run's journal once its answers are no longer needed. */
  release(): void;
}

/**
 * Runs a candidate over a suite for a command that compares two runs (`forgetting`, `compare`):
 * resumable and cached like `evals run` — a base or a teacher seen before costs nothing again —
 * but its report is an input here, not a baseline to gate, so nothing is written to reports/.
 * Undefined when interrupted (the journal keeps what was done).
 */
export async function runForReport(context: RunContext, suite: string, candidate: string, items: readonly GoldenItem[]): Promise<Finished | undefined> {
  const { loaded, io } = context;
  const cacheDir = loaded.resolve(loaded.config.cacheDir);
  const run = await runSuite({
    loaded,
    suite,
    candidate,
    items,
    rubrics: context.rubrics,
    ...(context.noCache ? {} : { cache: new VerdictCache(cacheDir), outputCache: new OutputCache(cacheDir) }),
    ...(context.concurrency ? { concurrency: context.concurrency } : {}),
    interrupt: io.interrupt,
    progress: context.quiet ? { write: () => true } : io.stderr,
    env: io.env,
  });
  if (!run.report) {
    io.stderr.write(`Interrupted: ${run.results.size}/${run.planned} items of ${suite}/${candidate} are done; run the same command again to finish.\n`);
    return undefined;
  }
  return {
    report: run.report,
    run,
    release: () => {
      new Journal(run.journalFile).remove();
      new BatchSlots(`${run.journalFile}.batches.json`).remove();
    },
  };
}
