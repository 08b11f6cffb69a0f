import { existsSync } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import type { CandidateOutput } from '../contracts/candidate-output.js';
import type { LoadedConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import type { GoldenItem } from '../goldensets/item.js';
import { buildReport } from '../reports/build.js';
import type { Fingerprint, Report } from '../report-schema.js';
import { skippedLines } from '../reports/terminal.js';
import { scoreWithChecks } from '../scoring/score.js';
import { judgedFingerprint, metricsForItem, planJudgedMetrics } from '../scoring/judged-plan.js';
import { runJudgedMetrics } from '../scoring/judged-run.js';
import { calibrationHolds, openJudges, splitAvailable } from '../scoring/judge-sources.js';
import { sampledSource } from '../scoring/judges/calibrate-meter.js';
import type { VerdictSource } from '../contracts/verdict-source.js';
import type { Rubric } from '../config/rubric.js';
import type { VerdictCache } from '../models/cache.js';
import type { OutputCache } from '../models/output-cache.js';
import { withOutputCache } from './cached-candidate.js';
import { execute } from './execute.js';
import { executeBatch } from './execute-batch.js';
import { BatchSlots, lateSlot } from './batch-slots.js';
import type { BatchProgress } from '../models/batch/index.js';
import { reportFingerprint, runFingerprint } from './fingerprint.js';
import { acquireRunLock, type RunLock } from './run-lock.js';
import { CodeRecord, candidateCode } from './candidate-code.js';
import { Journal } from './journal.js';
import { resumeFromJournal } from './resume.js';
import { createCandidate } from './setup.js';
import type { ProgressStream } from './progress.js';
import { createProgress } from './progress.js';
import type { ItemResult, ResultSummary, ResultsByItem, ScoredResult } from '../contracts/item-result.js';
import { shardOf, type ShardSpec } from './shard.js';
import { Pace } from './pace.js';

export interface SuiteRunOptions {
  loaded: LoadedConfig;
  suite: string;
  candidate: string;
  /** The suite's items, already loaded (and sampled) by loadSuiteItems. */
  items: readonly GoldenItem[];
  /** Run only this shard's items; the report is then left to `evals merge`. */
  shard?: ShardSpec;
  /** Rubrics by id (loaded once per command). */
  rubrics: ReadonlyMap<string, Rubric>;
  /** Judge verdict cache; undefined with --no-cache. */
  cache?: VerdictCache;
  /** Model candidates' answer cache; undefined with --no-cache. */
  outputCache?: OutputCache;
  /** `--batch`: candidate and judge calls through the providers' batch APIs. */
  batch?: boolean;
  sample?: { size: number; seed: number };
  concurrency?: number;
  timeoutSeconds?: number;
  /** Ignore (and discard) the journal of an interrupted earlier run. */
  fresh?: boolean;
  interrupt: AbortSignal;
  /**
   * Called once it is known which judged metrics cannot be scored, before any call is made: it
   * throws to stop a run that should not be paid for (a metric gated in the baseline would go unscored).
   */
  beforeCalls?: (skipped: Report['skipped']) => void;
  progress: ProgressStream;
  /** Says which judged metrics go unscored and why, before any call; on the progress stream by default. */
  notice?: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface SuiteRun {
  suite: string;
  candidate: string;
  planned: number;
  /** Finished calls (scores, errors, usage; not the answers), including those resumed from the journal. */
  results: ReadonlyMap<string, ResultSummary>;
  /** Every finished call with its answer, sorted by item id and epoch. */
  answers(): Iterable<ItemResult>;
  resumed: number;
  interrupted: boolean;
  startedAt: Date;
  finishedAt: Date;
  concurrency: number;
  shard?: ShardSpec;
  /** Items in the whole suite (a shard plans only its part). */
  suiteItems: number;
  /** Judged metrics that could not be scored here (no credentials), with how to enable them. */
  skipped: Report['skipped'];
  /** Judged metrics scored but not gated (a judge below its minAgreement). */
  ungated: Report['ungated'];
  /** Present when the run finished every planned call (and was not a shard). */
  report?: Report;
  fingerprint: Fingerprint;
  journalFile: string;
  /** Held until the command is done with the journal. */
  lock: RunLock;
  /** The candidate code the journal's answers came from (src/runner/candidate-code.ts). */
  codeFile: string;
}

/**
 * Runs one candidate over one suite: plan (items x epochs), skip what the journal already has,
 * execute the rest, and build the report once every planned call has a result.
 */
export async function runSuite(options: SuiteRunOptions): Promise<SuiteRun> {
  const { loaded, suite, candidate: candidateId } = options;
  const suiteConfig = loaded.config.suites[suite];
  const candidateConfig = loaded.config.candidates[candidateId];
  if (!suiteConfig) throw new UserError(`unknown suite "${suite}"`);
  if (!candidateConfig) throw new UserError(`unknown candidate "${candidateId}"`);

  const { items } = options;
  const timeoutMs = 1000 * (options.timeoutSeconds ?? candidateConfig.timeoutSeconds ?? loaded.config.timeoutSeconds);
  const concurrency = options.concurrency ?? candidateConfig.concurrency ?? loaded.config.concurrency;
  const limit = pLimit(concurrency);
  const pace = new Pace({ max: concurrency, onChange: (c) => (limit.concurrency = c) });
  const created = await createCandidate(loaded, candidateId, timeoutMs, options.env, pace);
  const candidate = options.outputCache ? withOutputCache(created, options.outputCache, candidateConfig.adapter) : created;

  const judged = planJudgedMetrics(loaded, suite, suiteConfig, options.rubrics, items);
  // The batch slots sit beside the journal, whose name depends on the judges opened here: the
  // judges take them lazily, when their first batch goes out.
  let slots: BatchSlots | undefined;
  const batchProgress = (what: string) => (p: BatchProgress) =>
    options.progress.write(`${suite}/${candidateId} ${what} batch: ${p.done}/${p.total} done, ${p.failed} failed\n`);
  const schedule = { initialMs: loaded.config.batchPollSeconds * 1000, maxMs: Math.max(60_000, loaded.config.batchPollSeconds * 1000), factor: 1.5 };
  const { sources, unavailable } = await openJudges(
    loaded,
    judged.flatMap((m) => m.judges),
    {
      env: options.env,
      timeoutMs,
      traffic: pace,
      ...(options.cache ? { cache: options.cache } : {}),
      ...(options.batch
        ? {
            batch: {
              slot: (id: string) => lateSlot(() => slots, id),
              signal: options.interrupt,
              onProgress: batchProgress('judge'),
              schedule,
            },
          }
        : {}),
    },
  );
  const { active, skipped } = splitAvailable(judged, { sources, unavailable });
  // Each epoch asks the judges afresh (a cache entry of its own), so repeated epochs measure how
  // often a verdict flips (the report's `flips`) instead of replaying the first epoch's verdict.
  const sampled = new Map<number, ReadonlyMap<string, VerdictSource>>([[0, sources]]);
  const sourcesFor = (epoch: number): ReadonlyMap<string, VerdictSource> => {
    const known = sampled.get(epoch);
    if (known) return known;
    const fresh = new Map([...sources].map(([id, source]) => [id, sampledSource(source, epoch)]));
    sampled.set(epoch, fresh);
    return fresh;
  };
  const ungated = calibrationHolds(loaded, active);
  for (const line of skippedLines(skipped))
    (
      options.notice ??
      ((text: string) =>
        options.progress.write(`${text}
`))
    )(line);
  try {
    options.beforeCalls?.(skipped);
  } catch (err) {
    await candidate.close?.();
    throw err;
  }

  const { judges: judgesHash, rubricHashes } = judgedFingerprint(loaded, active);
  const fingerprint = reportFingerprint({ items, suite: suiteConfig, sample: options.sample, judges: judgesHash, rubricHashes });
  const { shard } = options;
  const planItems = shard ? items.filter((item) => shardOf(item.id, shard.count) === shard.index) : items;
  const shardTag = shard ? `-shard-${shard.index}-of-${shard.count}` : '';
  const runsDir = loaded.resolve(loaded.config.runsDir);
  const runKey = `${candidateId}-${runFingerprint(fingerprint, candidateConfig)}${shardTag}`;
  // Taken before the journal is read (or removed by --fresh); released by the command when its
  // report is out (src/cli/run-for-report.ts), or at the latest when the command ends.
  const lock = acquireRunLock(path.join(runsDir, '.locks', suite, `${runKey}.lock`), loaded.display);
  const journal = new Journal(path.join(runsDir, suite, `${runKey}.jsonl`));
  slots = options.batch ? new BatchSlots(`${journal.file}.batches.json`) : undefined;
  // The journal's answers came from the candidate's code as it was then: after a change they are
  // not mixed with new ones (the journal's name covers the config, not the files it names).
  const code = candidateCode(loaded.dir, candidateConfig);
  // Kept apart from the journals (like the locks), so the suite's runs folder holds journals only.
  const codeRecord = new CodeRecord(path.join(runsDir, '.code', suite, `${runKey}.json`));
  const changed = !options.fresh && existsSync(journal.file) ? codeRecord.changedSince(code) : [];
  if (changed.length > 0) {
    options.progress.write(
      `${suite}/${candidateId}: the candidate's code changed since the interrupted run (${changed.join(', ')}); ` +
        `its saved answers are not reused, all items run again\n`,
    );
  }
  if (options.fresh || changed.length > 0) {
    journal.remove();
    slots?.remove();
  }
  codeRecord.write(code);
  const { results, calls } = resumeFromJournal(journal, planItems, suiteConfig.epochs);
  const resumed = results.size;
  const planned = planItems.length * suiteConfig.epochs;
  const label = `${suite}/${candidateId}${shard ? ` shard ${shard.index}/${shard.count}` : ''}`;
  const progress = createProgress(options.progress, label, planned, resumed, Date.now, new Set(ungated.map((u) => u.metric)));
  const startedAt = new Date();
  let interrupted: boolean;
  try {
    const execution = {
      calls,
      candidate,
      limit,
      timeoutMs,
      interrupt: options.interrupt,
      score: async (item: GoldenItem, output: CandidateOutput, signal: AbortSignal, epoch: number) => ({
        checks: scoreWithChecks(suiteConfig.checks, item, output),
        judgments: await runJudgedMetrics(metricsForItem(active, item), { item, output, signal }, sourcesFor(epoch)),
      }),
      judged: (item: GoldenItem) => metricsForItem(active, item).length > 0,
      onResult: (result: ItemResult) => {
        results.set(result, journal.append(result));
        progress.result(result);
      },
    };
    ({ interrupted } = slots
      ? await executeBatch({
          ...execution,
          calls: [...calls],
          candidateId,
          slot: slots.slot('candidate'),
          onProgress: batchProgress('candidate'),
          schedule,
          onAnswered: (result) => journal.append(result),
        })
      : await execute(execution));
  } finally {
    progress.finish();
    journal.close();
    await candidate.close?.();
  }
  const run: SuiteRun = {
    suite,
    candidate: candidateId,
    planned,
    results,
    resumed,
    interrupted,
    startedAt,
    finishedAt: new Date(),
    concurrency,
    fingerprint,
    skipped,
    ungated,
    ...(shard ? { shard } : {}),
    suiteItems: items.length,
    journalFile: journal.file,
    lock,
    codeFile: codeRecord.file,
    // Answers are read back from the journal, in id order, only when a file needs them.
    answers: () => journal.readAll(results.positions()),
  };
  if (interrupted || results.size < planned || shard) return run;
  run.report = reportFromResults(loaded, suite, candidateId, items, fingerprint, { get: (id) => results.resultsOf(id) }, { skipped, ungated });
  return run;
}

/** The suite report from every item's results (one per epoch); shared by `run` and `merge`. */
export function reportFromResults(
  loaded: LoadedConfig,
  suite: string,
  candidate: string,
  items: readonly GoldenItem[],
  fingerprint: Fingerprint,
  results: ResultsByItem,
  judged: Pick<Report, 'skipped' | 'ungated'>,
): Report {
  const candidateConfig = loaded.config.candidates[candidate];
  if (!candidateConfig) throw new UserError(`unknown candidate "${candidate}"`);
  return buildReport({
    suite,
    candidate: { id: candidate, kind: candidateConfig.kind },
    fingerprint,
    longTail: loaded.config.suites[suite]?.longTail ?? [],
    items,
    results,
    ...judged,
  });
}

/** Shards' results by item id, each item's in epoch order, for reportFromResults. */
export function byItem(results: Iterable<ScoredResult & { epoch: number }>): ResultsByItem {
  const grouped = new Map<string, Array<ScoredResult & { epoch: number }>>();
  for (const result of results) {
    const list = grouped.get(result.itemId);
    if (list) list.push(result);
    else grouped.set(result.itemId, [result]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.epoch - b.epoch);
  return grouped;
}
