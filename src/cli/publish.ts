import { rmSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { GateConfigSchema } from '../config/schema.js';
import { ExitCode } from '../errors.js';
import { promptText, type GoldenItem } from '../goldensets/item.js';
import { readBaseline } from '../reports/baseline.js';
import type { RefBaseline } from '../reports/baseline-ref.js';
import { compareReports } from '../gate/compare.js';
import { answersFromOutputs } from '../reports/diff-context.js';
import { renderDiffMarkdown } from '../reports/diff-markdown.js';
import { evaluateGate, type GateVerdict } from '../gate/decision.js';
import { effectiveGate } from '../gate/rules.js';
import { familyText } from '../reports/diff-format.js';
import { githubAnnotations } from '../reports/github.js';
import type { JUnitEntry } from '../reports/junit.js';
import { outputLines } from '../reports/outputs.js';
import { MAX_DIFF_ITEMS } from '../reports/diff-items.js';
import type { Report } from '../reports/report.js';
import { buildRunInfo, costLine, type RunFacts } from '../reports/run-info.js';
import { renderTerminalSummary } from '../reports/terminal.js';
import { reportPaths, writeReportFiles, type ReportPaths } from '../reports/write.js';
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
  /** Compare against this report instead of the one at the output path. */
  baseline?: string;
  /** --baseline-ref: the baseline read from git, and what the committed report did to it. */
  fromRef?: RefBaseline;
  /** Set when the run covered part of the plan only ("a --filter refund-* run"): the baseline is then never written, not even with -u. */
  partial?: string;
}

/** What one suite x candidate contributes to the run's CI outputs. */
export interface Published {
  exitCode: number;
  /** The report JSON written: the baseline's path, or the `.new.json` beside it (`evals diff` writes none). */
  report?: string;
  markdown: string;
  junit: JUnitEntry;
  annotations: string[];
}

/**
 * The end of every finished run (`run`, `merge`): compare with the baseline (the committed report
 * at the output path, or --baseline) before writing anything, gate, then write the report set —
 * over the baseline when the gate passed or -u accepts it, beside it as `<candidate>.new.*`
 * otherwise, so a failing run can never replace the baseline it failed against.
 */
export function publishReport(options: PublishOptions): Published {
  const { loaded, report, facts, io } = options;
  const { suite, candidate } = facts;
  const gate = effectiveGate(loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({}), report);
  const paths = reportPaths(options.reportsDir, suite, candidate);
  const baselineFile = options.baseline ? path.resolve(io.cwd, options.baseline) : paths.json;
  const baseline = options.fromRef ? options.fromRef.baseline : readBaseline(baselineFile, loaded.display(baselineFile));

  const candidateConfig = loaded.config.candidates[candidate];
  const source = `evals run of candidate "${candidate}" (${candidateConfig?.kind}, ${candidateConfig?.adapter.type} adapter)`;
  const comparison = compareReports(baseline?.report ?? null, report, gate);
  const verdict = withRef(evaluateGate(comparison, report, gate), options.fromRef);
  const accepted = (verdict.passed || options.update) && !options.partial;
  const written = accepted ? paths : newPaths(paths);
  // The baseline moved: an earlier run's .new.* no longer say anything about it.
  if (accepted) for (const file of Object.values(newPaths(paths))) rmSync(file, { force: true });
  // The answers stream from the journal into the outputs file; the diff keeps only those it shows.
  const shown = new Set(comparison.regressedItems.slice(0, MAX_DIFF_ITEMS).map((change) => change.id));
  const headAnswers = new Map<string, string>();
  const answers = tap(facts.answers(), (result) => {
    if (result.output && shown.has(result.itemId) && !headAnswers.has(result.itemId)) headAnswers.set(result.itemId, result.output.text);
  });
  const runInfo = buildRunInfo(facts);
  writeReportFiles(written, report, runInfo, outputLines(answers, source));

  io.stdout.write(`\n${renderTerminalSummary(report)}`);
  const spend = costLine(runInfo);
  if (spend) io.stdout.write(`${spend}\n`);
  io.stdout.write(`report: ${loaded.display(written.json)} (.md, .run.json, .outputs.jsonl beside it)\n`);
  if (options.partial) io.stdout.write(`  The baseline was kept: this was ${options.partial}, not the full plan.\n`);
  io.stdout.write(gateLines(verdict, baseline ? (baseline.label ?? loaded.display(baseline.file)) : undefined, familyText(comparison), options.update));

  const markdown = renderDiffMarkdown(comparison, verdict, {
    inputs: new Map(options.items.filter((item) => shown.has(item.id)).map((item) => [item.id, promptText(item.input)])),
    ...(baseline?.outputs ? { baseAnswers: answersFromOutputs(baseline.outputs, shown) } : {}),
    headAnswers,
  });
  const regressed = new Set(comparison.regressedItems.map((change) => change.id));
  const origins = new Map(
    options.items.filter((item) => regressed.has(item.id)).map((item) => [item.id, { file: repoPath(item.origin.file, io), line: item.origin.line }]),
  );

  let exitCode: number = verdict.passed || options.update ? ExitCode.ok : ExitCode.gateFailed;
  const maxErrors = gate.maxErrors;
  if (report.summary.errors > maxErrors) {
    io.stderr.write(`${suite}/${candidate}: ${report.summary.errors} items ended in an error, over the budget of ${maxErrors} (gate.maxErrors)\n`);
    exitCode = ExitCode.runIncomplete;
  }
  return {
    exitCode,
    report: written.json,
    markdown,
    junit: { comparison, verdict, head: report, timeSeconds: (facts.finishedAt.getTime() - facts.startedAt.getTime()) / 1000 },
    annotations: githubAnnotations(comparison, verdict, origins),
  };
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

function* tap<T>(values: Iterable<T>, see: (value: T) => void): Generator<T> {
  for (const value of values) {
    see(value);
    yield value;
  }
}

function newPaths(paths: ReportPaths): ReportPaths {
  const renamed = (file: string) => file.replace(/\.(json|md|run\.json|outputs\.jsonl)$/, '.new.$1');
  return { json: renamed(paths.json), markdown: renamed(paths.markdown), runInfo: renamed(paths.runInfo), outputs: renamed(paths.outputs) };
}

export function gateLines(verdict: GateVerdict, baseline: string | undefined, family: string, update: boolean, acceptHint = true): string {
  const against = baseline ? `against ${baseline}, family of ${family}` : 'no baseline yet: floors only';
  const lines = [`gate: ${verdict.passed ? 'passed' : update ? 'failed, accepted by --update' : 'FAILED'} (${against})`];
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
