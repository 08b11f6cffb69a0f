import { count, formatP, formatPoints } from '../util/format.js';
import type { Comparison, MetricComparison } from './types.js';

/** "−12.0 points, 95% CI −20.1 to −3.9, p = 0.004 adjusted". */
export function formatChange(row: MetricComparison): string {
  const p = row.pAdjusted ?? row.pValue;
  const interval = `95% CI ${formatPoints(row.interval[0])} to ${formatPoints(row.interval[1])}`;
  return `${formatPoints(row.diff)} points, ${interval}, ${formatP(p)}${row.pAdjusted === null ? '' : ' adjusted'}`;
}

/** "long-tail / pass". */
export function rowLabel(slice: string, metric: string): string {
  return `${slice} / ${metric}`;
}

/** "12 comparisons (3 copies of pass and 2 constants left out)": the family size the p-values are adjusted over. */
export function familyText(comparison: Pick<Comparison, 'family' | 'reachable' | 'excluded'>): string {
  const out = [
    comparison.excluded.duplicate > 0 ? `${count(comparison.excluded.duplicate, 'copy', 'copies')} of pass` : '',
    comparison.excluded.constant > 0 ? count(comparison.excluded.constant, 'constant') : '',
  ].filter(Boolean);
  const unreachable = comparison.family - comparison.reachable;
  const notes = [...(out.length > 0 ? [`${out.join(' and ')} left out`] : []), ...(unreachable > 0 ? [`${unreachable} too small to reach significance`] : [])];
  return `${count(comparison.family, 'comparison')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}
