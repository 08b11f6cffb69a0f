import { beforeAll, describe, test, type RunnerTask } from 'vitest';
import type { ReportItem } from '../report-schema.js';
import { EvalFailure } from './failure.js';
import { itemOutcome } from './item-outcome.js';
import { groupBySlice } from './slices.js';
import { planEvalSuite, runEvalSuite, type EvalSuiteRun } from './suite-run.js';

export interface DescribeEvalOptions {
  /** The candidate's id in the evals config. */
  candidate: string;
  /** The evals config, relative to the working folder (as `evals run --config`); default: evals.config.* there. */
  config?: string;
  /** The working folder paths resolve against (default: process.cwd(), where `npx vitest` runs). */
  cwd?: string;
}

/**
 * A suite of the evals config as vitest tests: `<suite> × <candidate>` > one describe per slice >
 * one test per item, and a `gate` test. The suite runs once, in beforeAll, through the same steps
 * as `evals run --suite <suite> --candidate <candidate>` (journal, caches, report, gate): each item
 * test then fails exactly when the report counts its item as failed, with the checks' and judges'
 * reasons as the failure message and an annotation; the `gate` test fails when `evals run` would
 * exit non-zero, with what it prints. Running a subset (`-t`, `.only`, a single test in the UI) is
 * a partial run: it is gated, but never replaces the baseline, as `evals run --filter` is.
 */
export function describeEval(suite: string, options: DescribeEvalOptions): void {
  const { candidate } = options;
  describe(`${suite} × ${candidate}`, async () => {
    const plan = await planEvalSuite({ suite, candidate, cwd: options.cwd ?? process.cwd(), ...(options.config ? { config: options.config } : {}) });
    const itemIds = new Set(plan.items.map((item) => item.id));
    let done: (EvalSuiteRun & { byId: Map<string, ReportItem> }) | undefined;

    // No hook timeout: the candidate's and the judges' own timeouts bound every call. vitest
    // requires the hook's first parameter to be a destructuring pattern; the suite is the second.
    // eslint-disable-next-line no-empty-pattern -- vitest requires the pattern (see above).
    beforeAll(async ({}, suiteTask) => {
      const selected = new Set(selectedTests(suiteTask.tasks).filter((id) => itemIds.has(id)));
      const run = await runEvalSuite(plan, {
        ...(selected.size < itemIds.size ? { only: selected } : {}),
        env: process.env,
        interrupt: new AbortController().signal,
      });
      done = { ...run, byId: new Map(run.report.items.map((item) => [item.id, item])) };
    }, 0);

    for (const [slice, items] of groupBySlice(plan.items)) {
      describe(slice, () => {
        for (const item of items) {
          test(item.id, async (context) => {
            const reportItem = done?.byId.get(item.id);
            if (!done || !reportItem) throw new EvalFailure(`${suite}/${candidate} item ${item.id}: no result (the suite run did not finish)`);
            const outcome = itemOutcome({ suite, candidate }, reportItem, done.results.get(item.id) ?? []);
            context.task.meta.evals = outcome.meta;
            // A failure's message already lists every check and judge; a pass shows them here.
            await context.annotate(outcome.pass ? [outcome.summary, ...outcome.lines].join('\n') : outcome.summary, 'evals');
            if (outcome.message) throw new EvalFailure(outcome.message);
          });
        }
      });
    }

    test('gate', async (context) => {
      if (!done) throw new EvalFailure(`${suite}/${candidate}: the suite run did not finish`);
      const output = done.output.trim();
      await context.annotate(output, 'evals gate');
      console.log(output);
      if (done.exitCode !== 0) throw new EvalFailure(`evals run would exit ${done.exitCode}:\n${output}`);
    });
  });
}

/** The names of the item tests vitest is about to run (not skipped by -t, .only or a UI rerun). */
function selectedTests(tasks: readonly RunnerTask[]): string[] {
  return tasks.flatMap((task) => (task.type === 'suite' ? task.tasks.filter((t) => t.type === 'test' && t.mode === 'run').map((t) => t.name) : []));
}
