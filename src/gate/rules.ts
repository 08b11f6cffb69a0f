import type { GateConfig } from './config.js';
import type { Report } from '../report-schema.js';

type Rule = 'maxDrop' | 'minScore' | 'minRetention' | 'minParity';

/** A gate rule for one slice x metric: the slice's override, else the metric's, else the suite's. */
export function gateRule(gate: GateConfig, slice: string, metric: string, rule: Rule): number | undefined {
  return gate.slices[slice]?.[rule] ?? gate.metrics[metric]?.[rule] ?? gate[rule];
}

/**
 * Means and their differences are sums of decimals, so a drop of exactly the tolerance can come out
 * as 0.020000000000000018. Comparisons against a configured threshold allow this much slack.
 */
export const THRESHOLD_SLACK = 1e-9;

/**
 * The suite's gate with the report's ungated metrics (a judge below its minAgreement) shown but
 * not gated: a judge is only as good as its measured agreement with people.
 */
export function effectiveGate(gate: GateConfig, report: Pick<Report, 'ungated'>): GateConfig {
  if (report.ungated.length === 0) return gate;
  const metrics = { ...gate.metrics };
  for (const { metric } of report.ungated) metrics[metric] = { ...metrics[metric], gate: false };
  return { ...gate, metrics };
}
