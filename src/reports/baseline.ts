import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { formatIssues } from '../config/zod-issues.js';
import { ReportSchema, type Report } from '../report-schema.js';

export interface Baseline {
  file: string;
  report: Report;
  /** How messages name it when not by its path: `<ref>:<path>` for a report read from git. */
  label?: string;
  /** The baseline run's answers (its .outputs.jsonl), when it is there: the diff shows them. */
  outputs?: string;
}

/** `<x>.json` -> `<x>.outputs.jsonl`, the answers written beside every report. */
export function outputsFileOf(reportFile: string): string {
  return reportFile.replace(/\.json$/, '.outputs.jsonl');
}

/** Reads a report to compare against; none at that path is no baseline, a damaged one is exit 2. */
export function readBaseline(file: string, shown = file): Baseline | undefined {
  if (!existsSync(file)) return undefined;
  const outputsFile = outputsFileOf(file);
  return parseBaseline(file, readText(file, shown), shown, existsSync(outputsFile) ? readText(outputsFile, outputsFile) : undefined);
}

/** A folder or an unreadable file where a report should be is the user's to fix: exit 2, no stack. */
function readText(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`${shown}: not a JSON report (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}: cannot be read); restore it from git or pass --baseline`);
  }
}

/** A report's text checked against the schema; `shown` names it in the error (a path, or `ref:path`). */
export function parseBaseline(file: string, text: string, shown: string, outputs?: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${shown}: not a JSON report (${(err as Error).message}); restore it from git or pass --baseline`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${shown}: not an evals report: ${formatIssues(parsed.error, json).slice(0, 3).join('; ')}`);
  return { file, report: parsed.data, ...(outputs === undefined ? {} : { outputs }) };
}
