import { rmSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { GateConfigSchema, type GateConfig } from '../gate/config.js';
import { UserError } from '../errors.js';
import { promptText, type GoldenItem } from '../goldensets/item.js';
import type { Baseline } from '../reports/baseline.js';
import { mayWriteBaseline, unscoredGatedMetrics } from '../reports/baseline-policy.js';
import { adapterLabel, errorGroupLines } from '../reports/error-groups.js';
import { runOutcome } from '../reports/run-outcome.js';
import { isGatedMetric } from '../gate/types.js';
import type { RefBaseline } from '../reports/baseline-ref.js';
import { compareReports } from '../gate/compare.js';
import { answerTexts } from '../reports/diff-context.js';
import { renderDiffMarkdown } from '../reports/diff-markdown.js';
import { evaluateGate, type GateVerdict } from '../gate/decision.js';
import { checkDrift, type DriftCheck } from '../gate/drift.js';
import type { DriftLookup } from './drift-anchors.js';
import { effectiveGate } from '../gate/rules.js';
import { familyText } from '../gate/wording.js';
import { githubAnnotations } from '../reports/github.js';
import { outputLines } from '../reports/outputs.js';
import { MAX_DIFF_ITEMS } from '../reports/diff-items.js';
import type { Report } from '../report-schema.js';
import type { RunEntry } from '../reports/writer.js';
import { buildRunInfo, costLine, type RunFacts } from '../reports/run-info.js';
import { renderTerminalSummary } from '../reports/terminal.js';
import { besideJson, newPaths, reportFiles, reportPaths, writeReportFiles } from '../reports/write.js';
import type { CliIO } from './io.js';

export interface PublishOptions {
  loaded: LoadedConfig;
  reportsDir: string;
  report: Report;
  facts: RunFacts;
  items: readonly GoldenItem[];
  io: CliIO;
  /** -u: accept the new scores as the baseline, as a snapshot update does. */
  update: boolean;
  /** The report to compare against, read and checked before anything ran (src/cli/baseline-for.ts). */
  baseline: Baseline | undefined;
  /** --baseline-ref: the baseline read from git, and what the committed report did to it. */
  fromRef?: RefBaseline;
  /** --allow-unscored: gate without metrics the baseline gates but this run could not score. */
  allowUnscored?: boolean;
  /** Set when the run covered part of the plan only ("a --filter refund-* run"): the baseline is then never written, not even with -u. */
  partial?: string;
  /** The drift budget's anchor, read before the run (src/cli/drift-anchors.ts); absent: not checked. */
  drift?: DriftLookup;
}

/** What one suite x candidate contributes to the run's CI outputs. */
export interface Published extends RunEntry {
  exitCode: number;
  /** The report JSON written: the baseline's path, or the `.new.json` beside it (`evals diff` writes none). */
  report?: string;
  annotations: string[];
}

/**
 * The end of every finished run (`run`, `merge`): compare with the baseline, gate, then write the
 * report set — over the baseline only when mayWriteBaseline allows it (a complete, clean run of
 * the full plan whose gate passed, or -u), beside it as `<candidate>.new.*` otherwise, so a
 * failing, partial or broken run can never replace the baseline.
 */
export function publishReport(options: PublishOptions): Published {
  const { loaded, facts, io } = options;
  let { report } = options;
  const { suite, candidate } = facts;
  const gate = effectiveGate(loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({}), report);
  const paths = reportPaths(options.reportsDir, suite, candidate);
  const baseline = options.fromRef ? options.fromRef.baseline : options.baseline;
  const baselineShown = baseline ? (baseline.label ?? loaded.display(baseline.file)) : undefined;

  const candidateConfig = loaded.config.candidates[candidate];
  const source = `evals run of candidate "${candidate}" (${candidateConfig?.kind}, ${candidateConfig?.adapter.type} adapter)`;
  const comparison = compareReports(baseline?.report ?? null, report, gate);
  if (baseline && comparison.comparability?.paired === 0) throw nothingCompared(baselineShown ?? '', baseline.report.suite, suite);
  const unscored = unscoredGatedMetrics(baseline?.report, report, (metric) => isGatedMetric(metric, gate));
  const allowUnscored = options.allowUnscored ?? false;
  const drift = driftOf(options.drift, report, baseline?.report ?? null, gate);
  if (drift.summary) report = { ...withoutItems(report), drift: drift.summary, items: report.items };
  const outcome = runOutcome({
    verdict: withDrift(withRef(evaluateGate(comparison, report, gate), options.fromRef), drift),
    items: report.summary.n,
    errors: report.summary.errors,
    maxErrors: gate.maxErrors,
    unscored,
    allowUnscored,
    update: options.update,
  });
  const { verdict } = outcome;
  const partial = options.partial ?? (report.fingerprint.sample === null ? undefined : `a --sample run (${report.fingerprint.sample})`);
  const write = mayWriteBaseline({
    partial,
    items: report.summary.n,
    errors: report.summary.errors,
    maxErrors: gate.maxErrors,
    unscored,
    allowUnscored,
    gatePassed: verdict.passed,
    update: options.update,
  });
  const written = write.allowed ? paths : newPaths(paths);
  // The baseline moved: an earlier run's .new.* no longer say anything about it.
  if (write.allowed) for (const file of reportFiles(newPaths(paths))) rmSync(file, { force: true });
  // The answers stream from the journal into the outputs file; the diff keeps only those it shows.
  const shown = new Set(comparison.regressedItems.slice(0, MAX_DIFF_ITEMS).map((change) => change.id));
  const headAnswers = new Map<string, string>();
  const answers = tap(facts.answers(), (result) => {
    if (result.output && shown.has(result.itemId) && !headAnswers.has(result.itemId)) headAnswers.set(result.itemId, result.output.text);
  });
  const runInfo = buildRunInfo(facts);
  writeReportFiles(written, {
    report,
    runInfo,
    outputs: outputLines(answers, source),
    baseline,
    ...(baseline ? { comparison, verdict } : {}),
    items: options.items,
    results: () => facts.answers(),
  });

  io.stdout.write(`\n${renderTerminalSummary(report)}`);
  const spend = costLine(runInfo);
  if (spend) io.stdout.write(`${spend}\n`);
  io.stdout.write(`report: ${loaded.display(written.json)} (${besideJson()} beside it)\n`);
  io.stdout.write(gateLines(verdict, baselineShown, familyText(comparison), options.update, false, outcome.headline));
  if (!write.allowed) {
    const accept = write.reason === 'the gate failed' ? ' Accept the change with -u.' : '';
    io.stdout.write(`  The baseline was kept: ${write.reason}; the new report is beside it as .new.json.${accept}\n`);
  }
  const groups = errorGroupLines(report.items, candidateConfig ? adapterLabel(candidateConfig.adapter) : candidate);
  if (groups.length > 0) {
    const { errors } = report.summary;
    const budget = errors > gate.maxErrors ? `, over the budget of ${gate.maxErrors} (gate.maxErrors)` : ` (within the budget of ${gate.maxErrors})`;
    io.stderr.write(
      `${suite}/${candidate}: ${errors} ${errors === 1 ? 'item' : 'items'} ended in an error${budget}:\n${groups.map((g) => `  ${g}\n`).join('')}`,
    );
  }

  const markdown = renderDiffMarkdown(comparison, verdict, {
    inputs: new Map(options.items.filter((item) => shown.has(item.id)).map((item) => [item.id, promptText(item.input)])),
    ...(baseline?.outputs ? { baseAnswers: answerTexts(baseline.outputs.only(shown)) } : {}),
    headAnswers,
  });
  const regressed = new Set(comparison.regressedItems.map((change) => change.id));
  const origins = new Map(
    options.items.filter((item) => regressed.has(item.id)).map((item) => [item.id, { file: repoPath(item.origin.file, io), line: item.origin.line }]),
  );

  return {
    exitCode: outcome.exitCode,
    report: written.json,
    markdown,
    junit: { comparison, verdict, head: report, timeSeconds: (facts.finishedAt.getTime() - facts.startedAt.getTime()) / 1000 },
    annotations: githubAnnotations(comparison, verdict, origins),
  };
}

/** The drift budget's check: none when it is off or was not given an anchor. */
function driftOf(lookup: DriftLookup | undefined, head: Report, baseline: Report | null, gate: GateConfig): Pick<DriftCheck, 'summary' | 'failures' | 'notes'> {
  if (!lookup || 'off' in lookup) return { summary: null, failures: [], notes: [] };
  if ('note' in lookup) return { summary: null, failures: [], notes: [lookup.note] };
  return checkDrift(lookup.anchor, head, baseline, gate, lookup.config);
}

/** The gate's verdict with the drift budget's: a drift past the budget fails like a regression. */
function withDrift(verdict: GateVerdict, drift: Pick<DriftCheck, 'failures' | 'notes'>): GateVerdict {
  const failures = [...verdict.failures, ...drift.failures];
  return { passed: failures.length === 0, failures, notes: [...verdict.notes, ...drift.notes] };
}

/** The report's fields before `items`, so an added field keeps the schema's key order (items last). */
function withoutItems(report: Report): Omit<Report, 'items'> {
  const { items: _items, ...rest } = report;
  return rest;
}

/** The gate's verdict with the baseline-ref's own findings: a lowered bar fails like a regression. */
function withRef(verdict: GateVerdict, fromRef: RefBaseline | undefined): GateVerdict {
  if (!fromRef) return verdict;
  const failures = [...verdict.failures, ...fromRef.lowerings.map((l) => ({ ...l, rule: 'baseline' as const }))];
  const notes = [...fromRef.notes, ...verdict.notes];
  if (fromRef.lowerings.length > 0) notes.push(ACCEPT_LOWERING);
  return { passed: failures.length === 0, failures, notes };
}

const ACCEPT_LOWERING =
  'The committed report sets a lower bar than the base did. If that is intended, a maintainer accepts it with ' +
  '--allow-baseline-change (in the GitHub Action: the input allow-baseline-change, or the pull-request label evals:accept-baseline).';

/** A baseline that shares no item (same id, same slices) with the run compares nothing: that is not a pass. */
export function nothingCompared(shown: string, baselineSuite: string, suite: string): UserError {
  const other = baselineSuite === suite ? '' : ` (it is a report of suite "${baselineSuite}", not "${suite}")`;
  return new UserError(
    `${shown}: no item of this run is in the baseline with the same slices${other}, so nothing would be compared; pass the right --baseline, or remove the old report to start a new baseline`,
  );
}

function* tap<T>(values: Iterable<T>, see: (value: T) => void): Generator<T> {
  for (const value of values) {
    see(value);
    yield value;
  }
}

export function gateLines(
  verdict: GateVerdict,
  baseline: string | undefined,
  family: string,
  update: boolean,
  acceptHint = true,
  headline: string = verdict.passed ? 'passed' : update ? 'failed, accepted by --update' : 'FAILED',
): string {
  const against = baseline ? `against ${baseline}, family of ${family}` : 'no baseline yet: floors only';
  const lines = [`gate: ${headline} (${against})`];
  for (const failure of verdict.failures) lines.push(`  ✗ ${failure.message}`);
  for (const note of verdict.notes) lines.push(`  · ${note}`);
  if (!verdict.passed && !update && acceptHint) lines.push('  The baseline was kept; the new report is beside it as .new.json. Accept the change with -u.');
  return `${lines.join('\n')}\n`;
}

/** Annotations are placed by paths relative to the repository root (GITHUB_WORKSPACE on Actions). */
function repoPath(shown: string, io: CliIO): string {
  const absolute = path.resolve(io.cwd, shown);
  const root = io.env['GITHUB_WORKSPACE'] ?? io.cwd;
  return path.relative(root, absolute) || shown;
}
