import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import type { GoldenItem } from '../goldensets/item.js';
import { NO_SLICE } from '../goldensets/sample.js';
import { readBaseline, type Baseline } from '../reports/baseline.js';
import { reportPaths } from '../reports/write.js';
import { sameSlices } from '../gate/pairing.js';
import type { CliIO } from './io.js';
import { nothingCompared } from './publish.js';

export interface BaselineFor {
  loaded: LoadedConfig;
  io: CliIO;
  reportsDir: string;
  suite: string;
  candidate: string;
  /** The run's items: the baseline must share at least one of them, or nothing would be compared. */
  items: readonly GoldenItem[];
  /** --baseline: must exist; without it, no report at the output path just means no baseline yet. */
  flag?: string | undefined;
}

/**
 * The baseline of one suite x candidate, read and checked before any paid call, so exit 2 means
 * nothing ran: a --baseline that does not exist, a damaged report, or one sharing no item with the
 * run (another suite's report) is a usage error, never "no baseline yet" nor a pass on nothing.
 */
export function baselineFor(options: BaselineFor): Baseline | undefined {
  const { loaded, io, flag } = options;
  const file = flag ? path.resolve(io.cwd, flag) : reportPaths(options.reportsDir, options.suite, options.candidate).json;
  const shown = flag ?? loaded.display(file);
  const baseline = readBaseline(file, shown);
  if (!baseline) {
    if (flag) throw new UserError(`--baseline ${flag}: no such report (to start without a baseline, leave --baseline out)`);
    return undefined;
  }
  return checkComparable(baseline, shown, options.items, options.suite);
}

/** The baseline, when it shares an item (same id, same slices) with the run; exit 2 otherwise. */
export function checkComparable(baseline: Baseline, shown: string, items: readonly GoldenItem[], suite: string): Baseline {
  const slices = new Map(baseline.report.items.map((item) => [item.id, item.slices]));
  const shares = (item: GoldenItem) => {
    const theirs = slices.get(item.id);
    // Reports list an item without slices under NO_SLICE (src/reports/build.ts).
    return theirs !== undefined && sameSlices(theirs, item.slices.length > 0 ? item.slices : [NO_SLICE]);
  };
  if (!items.some(shares)) {
    throw nothingCompared(shown, baseline.report.suite, suite);
  }
  return baseline;
}
