import type { GateConfig } from '../gate/config.js';
import { isGatedMetric, OVERALL } from '../gate/types.js';
import { formatMean } from '../util/format.js';
import { rowLabel } from '../gate/wording.js';
import { gateRule, THRESHOLD_SLACK } from '../gate/rules.js';
import type { GroupSummary, Report } from '../report-schema.js';

/** One way a change's committed report lowers the bar its base set. */
export interface Lowering {
  slice: string;
  metric: string;
  message: string;
}

/**
 * Where the committed report (the change's new baseline) sets a lower bar than the base's report:
 * a gated slice x metric whose mean fell by more than the gate's tolerance (maxDrop, the noise a
 * rerun may bring), or that the base gates and the committed report no longer has. No committed
 * report at all, while the base has one, removes the bar entirely. Pure: both reports are given.
 */
export function baselineLowerings(base: Report, committed: Report | undefined, gate: GateConfig): Lowering[] {
  if (!committed) return [{ slice: OVERALL, metric: '*', message: 'this PR removes the baseline report' }];
  const lowerings: Lowering[] = [];
  const groups: Array<[string, GroupSummary]> = [[OVERALL, base.summary], ...Object.entries(base.slices)];
  for (const [slice, summary] of groups) {
    const now = slice === OVERALL ? committed.summary : committed.slices[slice];
    for (const [metric, stats] of Object.entries(summary.metrics)) {
      if (!isGatedMetric(metric, gate)) continue;
      const label = rowLabel(slice, metric);
      const after = now?.metrics[metric];
      if (!after) {
        lowerings.push({ slice, metric, message: `this PR drops ${label} (${formatMean(stats.mean)}) from the baseline` });
        continue;
      }
      const tolerance = gateRule(gate, slice, metric, 'maxDrop') ?? 0;
      if (stats.mean - after.mean > tolerance + THRESHOLD_SLACK) {
        lowerings.push({ slice, metric, message: `this PR lowers the baseline of ${label} from ${formatMean(stats.mean)} to ${formatMean(after.mean)}` });
      }
    }
  }
  return lowerings;
}
