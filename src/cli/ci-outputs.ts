import { appendFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { MAX_ANNOTATIONS, stepSummary } from '../reports/github.js';
import { renderJUnit } from '../reports/junit.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { CliIO } from './io.js';
import type { Published } from './publish.js';
import { setOutputs } from '../action/outputs.js';

export interface CiOutputOptions {
  /** --summary: the Markdown diff of every suite x candidate (the PR comment). */
  summary?: string | undefined;
  /** --junit: one testsuite per suite x candidate, one testcase per slice x metric. */
  junit?: string | undefined;
}

/**
 * The CI face of a run: the Markdown diff and JUnit files when asked for, and under GitHub
 * Actions the step summary, `::error` annotations (within GitHub's cap of 10 per step) and the
 * step output `report`.
 */
export function writeCiOutputs(published: readonly Published[], options: CiOutputOptions, io: CliIO): void {
  if (published.length === 0) return;
  const markdown = published.map((p) => p.markdown).join('\n');
  if (options.summary) writeFileAtomic(path.resolve(io.cwd, options.summary), markdown);
  if (options.junit) writeFileAtomic(path.resolve(io.cwd, options.junit), renderJUnit(published.map((p) => p.junit), { hostname: hostname() }));
  if (io.env['GITHUB_ACTIONS'] !== 'true') return;
  for (const line of published.flatMap((p) => p.annotations).slice(0, MAX_ANNOTATIONS)) io.stdout.write(`${line}\n`);
  const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) appendFileSync(summaryFile, stepSummary(markdown));
  // The step's `report` output: the reports written, one a line (what actions/upload-artifact takes).
  const reports = published.flatMap((p) => (p.report ? [p.report] : []));
  if (reports.length > 0) setOutputs(io.env, { report: reports.join('\n') });
}
