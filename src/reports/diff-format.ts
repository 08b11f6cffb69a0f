import { round } from '../stats/describe.js';
import type { Comparison, MetricComparison } from '../gate/types.js';

const MINUS = '\u2212';

/** A mean score as people read it in tables: two decimals. */
export function formatMean(value: number): string {
  return value.toFixed(2);
}

/** A difference of means in points (hundredths), signed, one decimal: "−12.0", "+1.5", "0.0". */
export function formatPoints(diff: number): string {
  const text = Math.abs(diff * 100).toFixed(1);
  if (text === '0.0') return text;
  return `${diff < 0 ? MINUS : '+'}${text}`;
}

/** "0.004", "< 0.001": three decimals, which is all a gate decision needs. */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** "p = 0.004", "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${formatPValue(p)}`;
}

/** A tolerance or drop as a number of points without trailing zeros: 0.02 -> "2", 0.025 -> "2.5". */
export function pointsNumber(fraction: number): string {
  return String(round(fraction * 100, 2));
}

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

export { escapeCell } from './plain-text.js';

/** At most `max` characters, cut on a code point and marked with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "1 item", "34 items". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** 0.8 -> "80%". */
export function percentOf(fraction: number): string {
  return `${round(fraction * 100, 1)}%`;
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
