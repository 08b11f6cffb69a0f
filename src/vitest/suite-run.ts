import { ExitCode, UserError } from '../errors.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { GateConfigSchema } from '../gate/config.js';
import type { Rubric } from '../config/rubric.js';
import type { GoldenItem } from '../goldensets/item.js';
import { isGatedMetric } from '../gate/types.js';
import { unscoredGatedMetrics } from '../reports/baseline-policy.js';
import type { Report } from '../report-schema.js';
import type { ResultSummary } from '../contracts/item-result.js';
import { loadSuiteItems } from '../runner/setup.js';
import { planJudgedMetrics } from '../scoring/judged-plan.js';
import { loadRubrics } from '../scoring/judges/rubrics.js';
import { baselineFor } from '../cli/baseline-for.js';
import type { CliIO } from '../cli/io.js';
import { publishReport, type Published } from '../cli/publish.js';
import { runCandidate } from '../cli/run-for-report.js';
import { unscoredError } from '../cli/commands/run.js';

/** A suite x candidate as `evals run --suite S --candidate C` reads it, before anything runs. */
export interface EvalSuitePlan {
  loaded: LoadedConfig;
  suite: string;
  candidate: string;
  items: GoldenItem[];
  rubrics: ReadonlyMap<string, Rubric>;
}

export interface PlanOptions {
  suite: string;
  candidate: string;
  /** The evals config, relative to `cwd` (as `--config`); default: evals.config.* in `cwd`. */
  config?: string;
  cwd: string;
}

/** Reads the config, the suite's golden sets and rubrics, and checks the judged metrics: every input problem is a UserError here, before any call. */
export async function planEvalSuite(options: PlanOptions): Promise<EvalSuitePlan> {
  const loaded = await loadConfig(options.config, options.cwd);
  const suiteConfig = loaded.config.suites[options.suite];
  if (!suiteConfig) throw new UserError(`unknown suite "${options.suite}" (known: ${Object.keys(loaded.config.suites).join(', ')})`);
  if (!loaded.config.candidates[options.candidate]) {
    throw new UserError(`unknown candidate "${options.candidate}" (known: ${Object.keys(loaded.config.candidates).join(', ')})`);
  }
  const items = await loadSuiteItems(loaded, options.suite);
  const rubrics = await loadRubrics(loaded.resolve(loaded.config.rubricsDir), loaded.display);
  planJudgedMetrics(loaded, options.suite, suiteConfig, rubrics, items);
  return { loaded, suite: options.suite, candidate: options.candidate, items, rubrics };
}

export interface EvalSuiteRun {
  /** As `evals run` returns it: 0 passed, 1 gate failed, 3 errors over the budget. */
  exitCode: number;
  /** What `evals run` prints: the summary table, the report's path, the gate's verdict and notes. */
  output: string;
  /** The report JSON written: the baseline's path, or the `.new.json` beside it. */
  reportFile: string | undefined;
  report: Report;
  /** Per item, its results (one per epoch). */
  results: Map<string, ResultSummary[]>;
}

export interface RunOptions {
  /** Run only these items (a vitest name filter or `.only`): a partial run, which never replaces the baseline. */
  only?: ReadonlySet<string>;
  env: NodeJS.ProcessEnv;
  interrupt: AbortSignal;
}

/**
 * Runs the plan through the same steps as `evals run`: baseline read and checked first, the
 * candidate run resumable and cached (journal, output and verdict caches), then the report
 * published and gated by publishReport, which writes over the baseline only when the CLI would.
 */
export async function runEvalSuite(plan: EvalSuitePlan, options: RunOptions): Promise<EvalSuiteRun> {
  const { loaded, suite, candidate } = plan;
  const only = options.only;
  const items = only ? plan.items.filter((item) => only.has(item.id)) : plan.items;
  if (items.length === 0) throw new UserError(`${suite}/${candidate}: no item selected to run`);
  const partial = items.length < plan.items.length ? `a vitest run of ${items.length} of ${plan.items.length} items` : undefined;
  let output = '';
  const capture = { write: (text: string) => (output += text) };
  const io: CliIO = { stdout: capture, stderr: capture, cwd: loaded.dir, env: options.env, interrupt: options.interrupt };
  const reportsDir = loaded.resolve(loaded.config.reportsDir);
  const baseline = baselineFor({ loaded, io, reportsDir, suite, candidate, items });
  const context = { loaded, io, rubrics: plan.rubrics, noCache: false, quiet: true, said: new Set<string>() };
  const finished = await runCandidate(context, suite, candidate, items, {
    beforeCalls: (skipped) => {
      if (!baseline) return;
      const gate = loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({});
      const unscored = unscoredGatedMetrics(baseline.report, { skipped }, (metric) => isGatedMetric(metric, gate));
      if (unscored.length > 0) throw unscoredError(baseline.label ?? loaded.display(baseline.file), unscored);
    },
  });
  if (!finished?.run.report) throw new UserError(`${suite}/${candidate}: the run could not finish.\n${output}`, ExitCode.runIncomplete);
  const { run } = finished;
  const report = run.report as Report;
  let published: Published;
  try {
    published = publishReport({ loaded, reportsDir, report, facts: run, items, io, update: false, baseline, ...(partial ? { partial } : {}) });
  } catch (err) {
    finished.unlock();
    throw err;
  }
  finished.release();
  const results = new Map<string, ResultSummary[]>();
  for (const result of run.results.values()) results.set(result.itemId, [...(results.get(result.itemId) ?? []), result]);
  for (const list of results.values()) list.sort((a, b) => a.epoch - b.epoch);
  return { exitCode: published.exitCode, output, reportFile: published.report, report, results };
}
