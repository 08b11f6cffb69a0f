import { ExitCode, UserError } from '../../errors.js';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { deprecatedModelWarnings } from '../../config/deprecated-models.js';
import type { GoldenItem } from '../../goldensets/item.js';
import path from 'node:path';
import type { SuiteRun } from '../../runner/run-suite.js';
import { loadSuiteItems } from '../../runner/setup.js';
import { shardFileName, shardFromFlag, shardLines } from '../../runner/shard.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { selectSubset, subsetLabel } from '../../goldensets/subset.js';
import { publishReport, type Published } from '../publish.js';
import { writeCiOutputs } from '../ci-outputs.js';
import { runCandidate, runContext } from '../run-for-report.js';
import { loadRubrics } from '../../scoring/judges/rubrics.js';
import { planJudgedMetrics } from '../../scoring/judged-plan.js';
import { listFlag, parseCommandArgs, positiveInt, positiveNumber, nonNegativeInt } from '../args.js';
import type { CliIO } from '../io.js';
import { withEnvFile } from '../env-file.js';
import { baselinesAtRef } from '../baselines-at-ref.js';
import { driftAnchors } from '../drift-anchors.js';
import { MAX_TIMEOUT_SECONDS } from '../../config/schema.js';
import { GateConfigSchema } from '../../gate/config.js';
import { baselineFor, checkComparable } from '../baseline-for.js';
import type { Baseline } from '../../reports/baseline.js';
import { unscoredGatedMetrics } from '../../reports/baseline-policy.js';
import { isGatedMetric } from '../../gate/types.js';
import { decisionRun } from '../../decision/collect.js';
import type { DecisionRun } from '../../decision/collect.js';

export default async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('run', argv);
  const sampleSize = positiveInt('sample', values.sample);
  const seed = nonNegativeInt('seed', values.seed) ?? 1;
  const concurrency = positiveInt('concurrency', values.concurrency);
  const timeoutSeconds = positiveNumber('timeout', values.timeout, MAX_TIMEOUT_SECONDS, " seconds (a day; Node's timers cannot wait much longer)");
  const shard = values.shard === undefined ? undefined : shardFromFlag(values.shard, io.env);

  const loaded = await loadConfig(values.config, io.cwd);
  // A warning, not a failure: a deprecated model still answers, and a retired one fails its calls, which the run reports.
  for (const line of deprecatedModelWarnings(loaded, new Date())) io.stderr.write(`${line}\n`);
  io = withEnvFile(io, values['env-file'], loaded.dir);
  const suites = listFlag(values.suite);
  const plan = planRuns(loaded, resolveCandidates(loaded, listFlag(values.candidate), suites), suites);
  const subset = { filters: listFlag(values.filter), slices: listFlag(values.slice) };
  if (shard && subsetLabel(subset)) throw new UserError('--filter and --slice rerun a subset; --shard splits the full plan: use one or the other');
  const sample = sampleSize === undefined ? undefined : { size: sampleSize, seed };

  // Every golden set is read and checked before anything runs, so bad input exits 2 with no
  // report touched.
  const itemsBySuite = new Map<string, GoldenItem[]>();
  for (const { suite } of plan) {
    if (itemsBySuite.has(suite)) continue;
    const items = await loadSuiteItems(loaded, suite, sample);
    itemsBySuite.set(suite, subsetLabel(subset) ? selectSubset(items, subset, suite) : items);
  }

  const rubrics = await loadRubrics(loaded.resolve(loaded.config.rubricsDir), loaded.display);
  for (const [suite, items] of itemsBySuite) {
    const suiteConfig = loaded.config.suites[suite];
    if (suiteConfig) planJudgedMetrics(loaded, suite, suiteConfig, rubrics, items);
  }
  const reportsDir = loaded.resolve(values['reports-dir'] ?? loaded.config.reportsDir);
  if (values.baseline && plan.length > 1) throw new UserError('--baseline compares one suite x candidate; pick one with --suite and --candidate');
  // Read before anything runs: a bad ref or a damaged report is exit 2 with nothing paid for.
  const fromRef = baselinesAtRef(loaded, reportsDir, plan, values['baseline-ref'], values['allow-baseline-change'] ?? false, values.baseline);
  const drift = shard ? undefined : driftAnchors(loaded, reportsDir, plan, values['drift-ref']);
  const allowUnscored = values['allow-unscored'] ?? false;
  // Every baseline is read and checked before any paid call: exit 2 means nothing ran.
  const baselines = new Map<string, Baseline | undefined>();
  if (!shard) {
    for (const { suite, candidate } of plan) {
      const items = itemsBySuite.get(suite) ?? [];
      const atRef = fromRef?.(suite, candidate).baseline;
      const baseline = fromRef
        ? atRef && checkComparable(atRef, atRef.label ?? loaded.display(atRef.file), items, suite)
        : baselineFor({ loaded, io, reportsDir, suite, candidate, items, flag: values.baseline });
      baselines.set(`${suite}/${candidate}`, baseline);
    }
  }
  const context = runContext(loaded, io, rubrics, values, {
    concurrency,
    timeoutSeconds,
    sample,
    shard,
    batch: values.batch ?? false,
    fresh: values.fresh ?? false,
  });
  const published: Published[] = [];
  // Suites that several candidates run get the decision view once all of them are done.
  const decisions = new Map<string, DecisionRun[]>();
  const compared = (suite: string) => !shard && plan.filter((p) => p.suite === suite).length > 1;
  let exitCode: number = ExitCode.ok;
  for (const { suite, candidate } of plan) {
    const items = itemsBySuite.get(suite) ?? [];
    const baseline = baselines.get(`${suite}/${candidate}`);
    const finished = await runCandidate(context, suite, candidate, items, {
      beforeCalls: (skipped) => {
        if (allowUnscored || !baseline) return;
        const gate = loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({});
        const unscored = unscoredGatedMetrics(baseline.report, { skipped }, (metric) => isGatedMetric(metric, gate));
        if (unscored.length > 0) throw unscoredError(baseline.label ?? loaded.display(baseline.file), unscored);
      },
    });
    if (!finished) return ExitCode.runIncomplete;
    const { run } = finished;
    if (shard) {
      writeShard(loaded, values['shards-dir'], run, io);
    } else if (run.report) {
      let done: Published;
      try {
        done = publishReport({
          loaded,
          reportsDir,
          report: run.report,
          facts: run,
          items,
          io,
          update: values.update ?? false,
          baseline,
          allowUnscored,
          ...(fromRef ? { fromRef: fromRef(suite, candidate) } : {}),
          ...(drift ? { drift: drift(suite, candidate) } : {}),
          ...(subsetLabel(subset) ? { partial: subsetLabel(subset) } : {}),
        });
      } catch (err) {
        // No report written: the journal stays, so the same command finishes without paying again.
        finished.unlock();
        throw err;
      }
      published.push(done);
      exitCode = Math.max(exitCode, done.exitCode);
      // Read before release(), which removes the journal the answers' contexts are read from.
      if (compared(suite)) decisions.set(suite, [...(decisions.get(suite) ?? []), decisionRun(run, run.report)]);
    }
    finished.release();
  }
  if (decisions.size > 0) {
    // Imported only when several candidates ran a suite: a single run does not load the view.
    const { publishDecision } = await import('../decision-view.js');
    for (const [suite, runs] of decisions) publishDecision({ loaded, io, reportsDir, suite, runs, items: itemsBySuite.get(suite) ?? [] });
  }
  writeCiOutputs(published, { summary: values.summary, junit: values.junit }, io);
  return exitCode;
}

/** A metric the baseline gates would go unscored: stop before paying for a run that cannot be gated on it. */
export function unscoredError(baselineShown: string, unscored: ReadonlyArray<{ metric: string; reason: string }>): UserError {
  const lines = unscored.map(({ metric, reason }) => `  ${metric}: ${reason}`);
  return new UserError(
    `${unscored.map((u) => u.metric).join(', ')} ${unscored.length > 1 ? 'are' : 'is'} gated in the baseline ${baselineShown} but cannot be scored in this run:\n` +
      `${lines.join('\n')}\nNothing was run. Fix that, or pass --allow-unscored to gate without ${unscored.length > 1 ? 'them' : 'it'} (the baseline is then kept).`,
  );
}

/** A shard's results go to the shards folder for `evals merge`; the full report is left alone. */
function writeShard(loaded: LoadedConfig, shardsDirFlag: string | undefined, run: SuiteRun, io: CliIO): void {
  const shard = run.shard;
  const kind = loaded.config.candidates[run.candidate]?.kind;
  if (!shard || !kind) return;
  const file = path.join(loaded.resolve(shardsDirFlag ?? loaded.config.shardsDir), shardFileName(run.suite, run.candidate, shard));
  const header = {
    evalsShard: 1 as const,
    suite: run.suite,
    candidate: run.candidate,
    kind,
    shard,
    fingerprint: run.fingerprint,
    suiteItems: run.suiteItems,
    shardItems: run.planned,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    concurrency: run.concurrency,
    resumed: run.resumed,
    skipped: run.skipped,
    ungated: run.ungated,
  };
  writeFileAtomic(file, shardLines(header, run.answers()));
  const errors = [...run.results.values()].filter((r) => r.error).length;
  io.stdout.write(
    `shard ${shard.index}/${shard.count} of ${run.suite}/${run.candidate}: ${run.results.size} results (${errors} errors) in ${loaded.display(file)}; run \`evals merge\` once every shard is done\n`,
  );
}

/**
 * The candidates named, or else the one the run can only mean: the config's only candidate, or
 * the only one that runs the --suite asked for. Otherwise a usage error listing the ids.
 */
function resolveCandidates(loaded: LoadedConfig, named: string[], suites: string[]): string[] {
  if (named.length > 0) return named;
  const all = Object.entries(loaded.config.candidates);
  const eligible = suites.length === 0 ? all : all.filter(([, c]) => !c.suites || suites.some((s) => c.suites?.includes(s)));
  const [only, ...more] = eligible;
  if (only && more.length === 0) return [only[0]];
  const ids = (list: typeof all) => list.map(([id]) => id).join(', ');
  if (all.length === 0) throw new UserError(`${loaded.display(loaded.file)} defines no candidate`);
  const which =
    eligible.length === 0
      ? `no candidate lists suite ${suites.join(', ')}; the config has ${ids(all)}`
      : `${suites.length > 0 ? `suite ${suites.join(', ')} is run by` : 'the config has'} ${eligible.length} candidates (${ids(eligible)})`;
  throw new UserError(`evals run: which candidate? ${which}; pass --candidate <id>`);
}

/** Which suite x candidate pairs to run: --suite, else the candidate's own suites, else all. */
function planRuns(loaded: LoadedConfig, candidates: string[], suites: string[]): Array<{ suite: string; candidate: string }> {
  const { config } = loaded;
  for (const suite of suites) {
    if (!config.suites[suite]) throw new UserError(`unknown suite "${suite}" (known: ${Object.keys(config.suites).join(', ')})`);
  }
  return candidates.flatMap((candidate) => {
    const candidateConfig = config.candidates[candidate];
    if (!candidateConfig) {
      throw new UserError(`unknown candidate "${candidate}" (known: ${Object.keys(config.candidates).join(', ')})`);
    }
    const chosen = suites.length > 0 ? suites : (candidateConfig.suites ?? Object.keys(config.suites));
    return chosen.map((suite) => ({ suite, candidate }));
  });
}
