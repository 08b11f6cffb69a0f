import { minDetectableDrop } from '../../src/stats/power.js';

/**
 * What a slice of n items can catch, as the gate states it (src/reports/compare.ts: binary, base and
 * head independent given their rates, 80% power). The detectable drop depends on the baseline pass
 * rate, which a golden set cannot know in advance, so the README states the worst case over
 * baselines 1%..99% next to the value at a baseline of 80%. Baselines so low that no drop is
 * detectable at all (a 1% pass rate cannot fall far) are left out of the worst case; the worst
 * lies near 55%.
 */

/**
 * Comparisons the gate makes on the general suite, which set its Holm threshold (alpha / 19):
 * overall x {pass, numeric, ifeval, ifeval-loose, choice, refusal} = 6, math x {pass, numeric},
 * truthfulness x {pass, choice}, safety, over-refusal and harmful x {pass, refusal} = 2 each, and
 * instruction-following x {pass, ifeval, ifeval-loose} = 3. Sub-metrics with a "." are not gated.
 */
export const GENERAL_FAMILY = 19;

export interface SliceSize {
  slice: string;
  n: number;
}

export interface PowerRow extends SliceSize {
  /** Points (percent), rounded to 0.1. */
  worst: number;
  at80: number;
  worstCorrected: number;
}

function drop(n: number, baseline: number, alpha: number): number | null {
  return minDetectableDrop({ kind: 'binary', baseline, alpha, power: 0.8, n });
}

export function worstCaseDrop(n: number, alpha: number): number {
  let worst = 0;
  for (let percent = 1; percent <= 99; percent++) worst = Math.max(worst, drop(n, percent / 100, alpha) ?? 0);
  if (worst === 0) throw new Error(`nothing is detectable with n = ${n}`);
  return worst;
}

const points = (d: number) => Math.round(d * 1000) / 10;

/**
 * One row per slice: the worst case and the value at 80% at `alpha`, and the worst case at
 * alpha / family, the threshold of Holm's first step when the gate makes `family` comparisons.
 */
export function powerTable(sizes: readonly SliceSize[], alpha: number, family: number): PowerRow[] {
  return sizes.map(({ slice, n }) => ({
    slice,
    n,
    worst: points(worstCaseDrop(n, alpha)),
    at80: points(drop(n, 0.8, alpha) ?? Number.NaN),
    worstCorrected: points(worstCaseDrop(n, alpha / family)),
  }));
}

export function powerMarkdown(rows: readonly PowerRow[], alpha: number, family: number): string {
  const header = `| slice | n | worst case, α = ${alpha} | at 80% baseline, α = ${alpha} | worst case, α = ${alpha}/${family} |`;
  const lines = [header, '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.slice} | ${r.n} | ${r.worst.toFixed(1)} | ${r.at80.toFixed(1)} | ${r.worstCorrected.toFixed(1)} |`);
  return lines.join('\n') + '\n';
}
