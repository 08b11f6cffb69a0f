import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { formatIssues } from '../util/zod-issues.js';
import type { Report } from '../report-schema.js';
import { parseReport } from './read-report.js';
import { RecordedAnswers } from './diff-context.js';

export interface Baseline {
  file: string;
  report: Report;
  /** How messages name it when not by its path: `<ref>:<path>` for a report read from git. */
  label?: string;
  /** The baseline run's answers (its .outputs.jsonl), when it is there: the diff and the HTML page show them. */
  outputs?: RecordedAnswers;
}

/** `<x>.json` -> `<x>.outputs.jsonl`, the answers written beside every report. */
export function outputsFileOf(reportFile: string): string {
  return reportFile.replace(/\.json$/, '.outputs.jsonl');
}

/** Reads a report to compare against; none at that path is no baseline, a damaged one is exit 2. */
export function readBaseline(file: string, shown = file): Baseline | undefined {
  if (!existsSync(file)) return undefined;
  const outputsFile = outputsFileOf(file);
  return parseBaseline(file, readBytes(file, shown).toString('utf8'), shown, existsSync(outputsFile) ? readBytes(outputsFile, outputsFile) : undefined);
}

/**
 * A folder or an unreadable file where a report should be is the user's to fix: exit 2, no stack.
 * Read as bytes: an answers file is kept for the whole run, outside the JS heap (diff-context.ts).
 */
function readBytes(file: string, shown: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UserError(`${shown}: not a JSON report (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}: cannot be read); restore it from git or pass --baseline`);
  }
}

/**
 * A report's text read against the schema: the report, or why it is none (the JSON parser's
 * message, or the schema's issues). Pure: each caller words the problem for its own place.
 */
export type ReportText = { report: Report } | { notJson: string } | { invalid: z.ZodError; json: unknown };

export function readReportText(text: string): ReportText {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { notJson: (err as Error).message };
  }
  const parsed = parseReport(json);
  return parsed.success ? { report: parsed.data } : { invalid: parsed.error, json };
}

/** A report's text checked against the schema; `shown` names it in the error (a path, or `ref:path`). */
export function parseBaseline(file: string, text: string, shown: string, outputs?: string | Buffer): Baseline {
  const read = readReportText(text);
  if ('notJson' in read) throw new UserError(`${shown}: not a JSON report (${read.notJson}); restore it from git or pass --baseline`);
  if ('invalid' in read) throw new UserError(`${shown}: not an evals report: ${formatIssues(read.invalid, read.json).slice(0, 3).join('; ')}`);
  // Its items share equal slice lists, score records and failure lists (read-report.ts): a baseline is held for the whole run.
  return { file, report: read.report, ...(outputs === undefined ? {} : { outputs: new RecordedAnswers(outputs) }) };
}
