import { round } from '../stats/describe.js';

/**
 * Numbers as every table and verdict writes them. A neutral module: the gate (src/gate/) words its
 * verdicts with these and the reports (src/reports/) render its tables with them, so neither
 * imports the other's text.
 */

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

/** "1 item", "34 items". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** 0.8 -> "80%". */
export function percentOf(fraction: number): string {
  return `${round(fraction * 100, 1)}%`;
}
