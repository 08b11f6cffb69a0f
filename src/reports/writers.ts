import { Registry } from '../util/registry.js';
import { summaryWriter } from './diff-markdown.js';
import { htmlWriter } from './html/writer.js';
import { junitWriter } from './junit.js';
import { markdownWriter } from './markdown.js';
import { outputsWriter } from './outputs.js';
import { jsonWriter } from './render-json.js';
import { runInfoWriter } from './run-info-writer.js';
import type { ReportWriter } from './writer.js';

/**
 * Every report format, by name: writeReportFiles writes each `perReport` one with every report set,
 * writeCiOutputs each `perRun` one whose flag was given. Adding one = one file exporting a
 * `defineReporter(...)` plus its test, and one line here; a config's plugins add theirs
 * (src/plugins/register.ts). The JSON report comes last: a reader that sees it sees the whole set.
 */
const writers = [markdownWriter, runInfoWriter, outputsWriter, htmlWriter, jsonWriter, summaryWriter, junitWriter];

export const reportWriterRegistry: Registry<ReportWriter> = new Registry<ReportWriter>('reporter', writers.map((w): [string, ReportWriter] => [w.name, w]));
