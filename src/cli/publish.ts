import type { LoadedConfig } from '../config/load.js';
import { ExitCode } from '../errors.js';
import { renderOutputs } from '../reports/outputs.js';
import type { Report } from '../reports/report.js';
import { buildRunInfo, type RunFacts } from '../reports/run-info.js';
import { renderTerminalSummary } from '../reports/terminal.js';
import { reportPaths, writeReportFiles } from '../reports/write.js';
import type { CliIO } from './io.js';

export interface PublishOptions {
  loaded: LoadedConfig;
  reportsDir: string;
  report: Report;
  facts: RunFacts;
  io: CliIO;
}

/**
 * The end of every finished run (`run`, `merge`): write the report set, print the per-slice
 * table, and say whether errors stayed within the suite's budget. Returns the exit code.
 */
export function publishReport({ loaded, reportsDir, report, facts, io }: PublishOptions): number {
  const { suite, candidate } = facts;
  const paths = reportPaths(reportsDir, suite, candidate);
  const candidateConfig = loaded.config.candidates[candidate];
  const source = `evals run of candidate "${candidate}" (${candidateConfig?.kind}, ${candidateConfig?.adapter.type} adapter)`;
  writeReportFiles(paths, report, buildRunInfo(facts), renderOutputs(facts.results.values(), source));
  io.stdout.write(`\n${renderTerminalSummary(report)}`);
  io.stdout.write(`report: ${loaded.display(paths.json)} (.md, .run.json, .outputs.jsonl beside it)\n`);

  const maxErrors = loaded.config.suites[suite]?.gate.maxErrors ?? 0;
  const errors = report.summary.errors;
  if (errors > maxErrors) {
    io.stderr.write(`${suite}/${candidate}: ${errors} items ended in an error, over the budget of ${maxErrors} (gate.maxErrors)\n`);
    return ExitCode.runIncomplete;
  }
  return ExitCode.ok;
}
