import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { formatIssues } from '../config/zod-issues.js';
import { ReportSchema, type Report } from './report.js';

export interface Baseline {
  file: string;
  report: Report;
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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`${shown}: not a JSON report (${(err as Error).message}); restore it from git or pass --baseline`);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) throw new UserError(`${shown}: not an evals report: ${formatIssues(parsed.error, json).slice(0, 3).join('; ')}`);
  const outputsFile = outputsFileOf(file);
  return { file, report: parsed.data, ...(existsSync(outputsFile) ? { outputs: readFileSync(outputsFile, 'utf8') } : {}) };
}
