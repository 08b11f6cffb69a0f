import { comparePaired, sliceGroups } from '../gate/engine.js';
import { adjustFamily } from '../gate/family.js';
import { pairItems } from '../gate/pairing.js';
import { PASS_METRIC } from '../report-schema.js';
import type { Report } from '../report-schema.js';
import type { ResamplingOptions } from '../stats/paired-resampling.js';
import type { DecisionDifference } from './schema.js';

/**
 * Every pair of candidates on every slice, on the items both answered (paired by id, as the gate
 * pairs a run with its baseline: src/gate/engine.ts), two-sided, Holm over the whole view: with k
 * candidates and s slices the family has s * k(k-1)/2 tests, so a mark means the same whatever
 * else is shown.
 */
export function pairwiseDifferences(
  reports: readonly Report[],
  slices: readonly string[],
  alpha: number,
  options: ResamplingOptions = {},
): DecisionDifference[] {
  const rows: Array<Omit<DecisionDifference, 'pAdjusted' | 'significant'>> = [];
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = reports[i] as Report;
      const b = reports[j] as Report;
      const groups = new Map(sliceGroups(pairItems(a, b).pairs, a, b).map((g) => [g.slice, g]));
      for (const slice of slices) {
        const group = groups.get(slice);
        const row = group && comparePaired(group, PASS_METRIC, options);
        if (!row) continue;
        rows.push({
          slice,
          a: a.candidate.id,
          b: b.candidate.id,
          n: row.n,
          meanA: row.meanBase,
          meanB: row.meanHead,
          diff: row.diff,
          interval: row.interval,
          test: row.test,
          p: row.pValue,
        });
      }
    }
  }
  const adjusted = adjustFamily(rows);
  return rows.map((row, i) => {
    const pAdjusted = adjusted[i] as number;
    return { ...row, pAdjusted, significant: pAdjusted <= alpha && row.diff !== 0 };
  });
}

/** The candidates `candidate` is significantly better than on `slice`. */
export function betterThan(differences: readonly DecisionDifference[], slice: string, candidate: string): string[] {
  return differences.flatMap((d) => {
    if (d.slice !== slice || !d.significant) return [];
    if (d.b === candidate && d.diff > 0) return [d.a];
    if (d.a === candidate && d.diff < 0) return [d.b];
    return [];
  });
}
