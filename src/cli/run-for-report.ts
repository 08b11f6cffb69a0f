import type { LoadedConfig } from '../config/load.js';
import type { Rubric } from '../config/rubric.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { Report } from '../report-schema.js';
import { VerdictCache } from '../models/cache.js';
import { OutputCache } from '../models/output-cache.js';
import { BatchSlots } from '../runner/batch-slots.js';
import { Journal } from '../runner/journal.js';
import { CodeRecord } from '../runner/candidate-code.js';
import { runSuite, type SuiteRun, type SuiteRunOptions } from '../runner/run-suite.js';
import type { CliIO } from './io.js';

/** What every command that runs candidates shares: config, caches, output, and the run flags. */
export interface RunContext {
  loaded: LoadedConfig;
  io: CliIO;
  rubrics: ReadonlyMap<string, Rubric>;
  noCache: boolean;
  quiet: boolean;
  /** Notices already printed by this command ("not scored: ..."), so each is said once however many suites and candidates run. */
  said: Set<string>;
  options?: Partial<Pick<SuiteRunOptions, 'concurrency' | 'timeoutSeconds' | 'sample' | 'shard' | 'batch' | 'fresh'>>;
}

/** A command's RunContext from its config, its rubrics and the flags every running command takes. */
export function runContext(
  loaded: LoadedConfig,
  io: CliIO,
  rubrics: RunContext['rubrics'],
  flags: { 'no-cache'?: boolean | undefined; quiet?: boolean | undefined },
  options: RunContext['options'],
): RunContext {
  return { loaded, io, rubrics, noCache: flags['no-cache'] ?? false, quiet: flags.quiet ?? false, said: new Set<string>(), options };
}

/** Per suite x candidate: a check made once the unscorable metrics are known, before any call. */
export interface RunChecks {
  beforeCalls?: SuiteRunOptions['beforeCalls'];
}

export interface Finished {
  run: SuiteRun;
  /** Drops the run's journal (and batch slots) once its answers are no longer needed; kept while errors remain. */
  release(): void;
  /** Lets the next run in, keeping the journal: for a run whose report could not be written. */
  unlock(): void;
}

/**
 * Runs a candidate over a suite, resumable and cached (a base or a teacher seen before costs
 * nothing again). Undefined when interrupted, after saying what is saved and how to finish.
 */
export async function runCandidate(
  context: RunContext,
  suite: string,
  candidate: string,
  items: readonly GoldenItem[],
  checks: RunChecks = {},
): Promise<Finished | undefined> {
  const { loaded, io } = context;
  const cacheDir = loaded.resolve(loaded.config.cacheDir);
  const run = await runSuite({
    loaded,
    suite,
    candidate,
    items,
    rubrics: context.rubrics,
    ...(context.noCache ? {} : { cache: new VerdictCache(cacheDir), outputCache: new OutputCache(cacheDir) }),
    ...definedOnly(context.options ?? {}),
    ...definedOnly(checks),
    interrupt: io.interrupt,
    progress: context.quiet ? { write: () => true } : (io.progress ?? io.stderr),
    notice: (line) => {
      if (context.said.has(line)) return;
      context.said.add(line);
      io.stdout.write(`${line}\n`);
    },
    env: io.env,
  });
  if (run.interrupted || (!run.shard && !run.report)) {
    io.stderr.write(
      `Interrupted: ${run.results.size}/${run.planned} items of ${suite}/${candidate} are done and saved in ` +
        `${loaded.display(run.journalFile)}; no report was written. Run the same command again to finish the rest ` +
        `(--fresh starts over).\n`,
    );
    run.lock.release();
    return undefined;
  }
  return {
    run,
    unlock: () => run.lock.release(),
    release: () => {
      new BatchSlots(`${run.journalFile}.batches.json`).remove();
      new CodeRecord(run.codeFile).remove();
      run.lock.release();
      // Errored items stay retryable: with the journal kept, the next run asks only for them again.
      let errors = 0;
      for (const result of run.results.values()) if (result.error) errors++;
      if (errors === 0) {
        new Journal(run.journalFile).remove();
        return;
      }
      io.stderr.write(
        `${suite}/${candidate}: ${errors} ${errors === 1 ? 'call' : 'calls'} ended in an error; ${loaded.display(run.journalFile)} is kept, ` +
          `so the next run tries only ${errors === 1 ? 'it' : 'them'} again (--fresh starts over).\n`,
      );
    },
  };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * For commands that compare two runs (`forgetting`, `compare`): a whole run's report is an input
 * there, not a baseline to gate, so nothing is written to reports/. Never sharded.
 */
export async function runForReport(
  context: RunContext,
  suite: string,
  candidate: string,
  items: readonly GoldenItem[],
): Promise<(Finished & { report: Report }) | undefined> {
  const finished = await runCandidate(context, suite, candidate, items);
  if (!finished?.run.report) return undefined;
  return { ...finished, report: finished.run.report };
}
