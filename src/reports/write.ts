import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { renderMarkdown } from './markdown.js';
import { renderReportJson, type Report } from './report.js';
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

/** Writes every file atomically; the JSON report last, so it only lands when the rest did. */
export function writeReportFiles(paths: ReportPaths, report: Report, runInfo: RunInfo, outputs: Iterable<string>): void {
  writeFileAtomic(paths.outputs, outputs);
  writeFileAtomic(paths.runInfo, `${JSON.stringify(runInfo, null, 2)}\n`);
  writeFileAtomic(paths.markdown, renderMarkdown(report));
  writeFileAtomic(paths.json, renderReportJson(report));
}
