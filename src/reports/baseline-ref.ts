import type { GateConfig } from '../gate/config.js';
import { outputsFileOf, parseBaseline, readBaseline, type Baseline } from './baseline.js';
import { baselineLowerings, type Lowering } from './baseline-lowering.js';
import type { GitFileReader } from './git-read.js';

/** The baseline a change is gated against, and what its own committed report did to the bar. */
export interface RefBaseline {
  baseline: Baseline | undefined;
  /** The committed report sets a lower bar than the base's and no one accepted that: the gate fails. */
  lowerings: Lowering[];
  notes: string[];
}

export interface RefBaselineOptions {
  reader: GitFileReader;
  /** The report's path in the working tree: the change's committed baseline. */
  file: string;
  display: (file: string) => string;
  gate: GateConfig;
  /** A maintainer accepted the change of baseline (`--allow-baseline-change`). */
  allowChange: boolean;
}

/**
 * The baseline of a pull request is its base's report, read through git, so the head cannot lower
 * its own bar by committing a lower report (`-u`). When the committed report is lower than the
 * base's, that is a failure of its own, unless accepted; then the committed report is the bar.
 * A report the base does not have yet (a new suite or candidate) has nothing to lower: the
 * committed one is the baseline, as without a ref.
 */
export function baselineAtRef(options: RefBaselineOptions): RefBaseline {
  const { reader, file, display } = options;
  const committed = readBaseline(file, display(file));
  const text = reader.read(file);
  if (text === undefined) {
    const notes = committed ? [`${reader.show(file)} does not exist: the committed report is new in this change and is the baseline.`] : [];
    return { baseline: committed, lowerings: [], notes };
  }
  const outputs = reader.read(outputsFileOf(file));
  const atRef = { ...parseBaseline(file, text, reader.show(file), outputs), label: reader.show(file) };
  const lowerings = baselineLowerings(atRef.report, committed?.report, options.gate);
  if (lowerings.length === 0) return { baseline: atRef, lowerings: [], notes: [] };
  if (!options.allowChange) return { baseline: atRef, lowerings, notes: [] };
  return {
    baseline: committed,
    lowerings: [],
    notes: lowerings.map((l) => `${l.message}: accepted (--allow-baseline-change), so the committed report is the baseline.`),
  };
}
