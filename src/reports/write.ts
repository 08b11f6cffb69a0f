import path from 'node:path';
import { writeFilesAtomic } from '../util/atomic-write.js';
import type { ReportSet } from './writer.js';
import { reportWriterRegistry } from './writers.js';

export interface ReportPaths {
  /** `reports/<suite>/<candidate>` (or `<candidate>.new`): each format appends its suffix. */
  base: string;
  /** The report JSON, the file a baseline is read from. */
  json: string;
}

/** `reports/<suite>/<candidate>.{json,md,run.json,outputs.jsonl,...}` (contract: docs/architecture.md "Reports"). */
export function reportPaths(reportsDir: string, suite: string, candidate: string): ReportPaths {
  return pathsAt(path.join(reportsDir, suite, candidate));
}

/** Where a report set goes when it must not replace the baseline: `<candidate>.new.*` beside it. */
export function newPaths(paths: ReportPaths): ReportPaths {
  return pathsAt(`${paths.base}.new`);
}

function pathsAt(base: string): ReportPaths {
  return { base, json: `${base}.json` };
}

/** Every file of a report set, one per format with a `perReport` part. */
export function reportFiles(paths: ReportPaths): string[] {
  return perReportWriters().map((w) => `${paths.base}${w.perReport.suffix}`);
}

/** Replaces the report's files as one set: all of them land, or none does (util/atomic-write.ts). */
export function writeReportFiles(paths: ReportPaths, set: ReportSet): void {
  writeFilesAtomic(perReportWriters().map((w): [string, string | Iterable<string>] => [`${paths.base}${w.perReport.suffix}`, w.perReport.render(set)]));
}

/** The suffixes written beside the report JSON, for messages: ".md, .run.json, .outputs.jsonl". */
export function besideJson(): string {
  return perReportWriters()
    .map((w) => w.perReport.suffix)
    .filter((suffix) => suffix !== '.json')
    .join(', ');
}

function perReportWriters() {
  return [...reportWriterRegistry.values()].flatMap((w) => (w.perReport ? [{ ...w, perReport: w.perReport }] : []));
}
