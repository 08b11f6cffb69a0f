import type { GateVerdict } from '../gate/decision.js';
import type { Comparison } from '../gate/types.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { ItemResult } from '../contracts/item-result.js';
import type { Baseline } from './baseline.js';
import type { Report } from '../report-schema.js';
import type { RunInfo } from './run-info.js';

/** What a report format gets for one suite x candidate. */
export interface ReportSet {
  report: Report;
  runInfo: RunInfo;
  /** The lines of `.outputs.jsonl`, streamed from the run journal: they can be read once, by the outputs writer. */
  outputs: Iterable<string>;
  /** The report compared with (its answers too, when its .outputs.jsonl was there: `baseline.outputs`); absent on a first run. */
  baseline?: Baseline | undefined;
  /** The gate's comparison with the baseline and the verdict it led to; absent without a baseline. */
  comparison?: Comparison | undefined;
  verdict?: GateVerdict | undefined;
  /** The golden items of the run: inputs, references, gold sources. */
  items?: readonly GoldenItem[] | undefined;
  /** The run's results (answers and every verdict), sorted by item id then epoch; each call reads them afresh. */
  results?: (() => Iterable<ItemResult>) | undefined;
}

/** One suite x candidate's gate result, with its run's duration (the gate itself measures no time). */
export interface JUnitEntry {
  comparison: Comparison;
  verdict: GateVerdict;
  head: Report;
  timeSeconds?: number;
}

/** What a run-level format gets for each suite x candidate the command finished. */
export interface RunEntry {
  /** The Markdown diff against the baseline (the PR comment). */
  markdown: string;
  /** The comparison, verdict and report JUnit is made of. */
  junit: JUnitEntry;
}

/**
 * A report format. `perReport` is written with every report set, as `<candidate><suffix>` beside
 * the report JSON (`<candidate>.new<suffix>` when the baseline is kept), all files of the set
 * replaced as a unit. `perRun` is written once per command, covering every suite x candidate, to
 * the file named by the command-line flag `--<flag>` (declared in src/cli/options.ts).
 */
export interface ReportWriter {
  name: string;
  /** One line for docs. */
  summary: string;
  perReport?: { suffix: string; render(set: ReportSet): string | Iterable<string> };
  perRun?: { flag: string; render(entries: readonly RunEntry[]): string };
}

/** Keeps a report format typed, and marks it as a reporter for a config's `plugins`. */
export function defineReporter(writer: ReportWriter): ReportWriter & { plugin: 'reporter' } {
  return { ...writer, plugin: 'reporter' };
}
