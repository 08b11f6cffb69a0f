import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_ANNOTATIONS, stepSummary } from '../reports/github.js';
import { reportWriterRegistry } from '../reports/writers.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { CliIO } from './io.js';
import type { Published } from './publish.js';
import { setOutputs } from '../util/github-outputs.js';

/** The files the command line asked for, by the flag of a run-level format: `{ summary: 'diff.md', junit: 'gate.xml' }`. */
export type CiOutputOptions = Readonly<Record<string, string | undefined>>;

/**
 * The CI face of a run: each run-level format whose flag was given (--summary: the Markdown diff
 * of every suite x candidate; --junit: one testsuite per suite x candidate), and under GitHub
 * Actions the step summary, `::error` annotations (within GitHub's cap of 10 per step) and the
 * step output `report`.
 */
export function writeCiOutputs(published: readonly Published[], options: CiOutputOptions, io: CliIO): void {
  if (published.length === 0) return;
  for (const writer of reportWriterRegistry.values()) {
    const file = writer.perRun ? options[writer.perRun.flag] : undefined;
    if (writer.perRun && file) writeFileAtomic(path.resolve(io.cwd, file), writer.perRun.render(published));
  }
  if (io.env['GITHUB_ACTIONS'] !== 'true') return;
  for (const line of published.flatMap((p) => p.annotations).slice(0, MAX_ANNOTATIONS)) io.stdout.write(`${line}\n`);
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) appendFileSync(summaryFile, stepSummary(published.map((p) => p.markdown).join('\n')));
  // The step's `report` output: the reports written, one a line (what actions/upload-artifact takes).
  const reports = published.flatMap((p) => (p.report ? [p.report] : []));
  if (reports.length > 0) setOutputs(io.env, { report: reports.join('\n') });
}
