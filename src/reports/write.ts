import path from 'node:path';
import { writeFilesAtomic } from '../util/atomic-write.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from '../report-schema.js';
import { renderReportJson } from './render-json.js';
import type { RunInfo } from './run-info.js';

export interface ReportPaths {
  json: string;
  markdown: string;
  runInfo: string;
  outputs: string;
}

/** `reports/<suite>/<candidate>.{json,md,run.json,outputs.jsonl}` (contract: DESIGN.md "Reports"). */
export function reportPaths(reportsDir: string, suite: string, candidate: string): ReportPaths {
  const base = path.join(reportsDir, suite, candidate);
  return { json: `${base}.json`, markdown: `${base}.md`, runInfo: `${base}.run.json`, outputs: `${base}.outputs.jsonl` };
}

/** Replaces the report's files as one set: all of them land, or none does (util/atomic-write.ts). */
export function writeReportFiles(paths: ReportPaths, report: Report, runInfo: RunInfo, outputs: Iterable<string>): void {
  writeFilesAtomic([
    [paths.outputs, outputs],
    [paths.runInfo, `${JSON.stringify(runInfo, null, 2)}\n`],
    [paths.markdown, renderMarkdown(report)],
    [paths.json, renderReportJson(report)],
  ]);
}
