/**
 * The sequentially rejective graphical procedure of Bretz, Maurer, Brannath & Posch (2009, "A
 * graphical approach to sequentially rejective multiple test procedures", Statistics in Medicine
 * 28:586-604), as adjusted p-values (their Algorithm 1 run on p_i / w_i). Each hypothesis starts with
 * a weight (summing to at most 1); when one is rejected its weight moves along the graph's edges
 * (transitions[i][j], each row summing to at most 1) and the graph is updated as their equation (3).
 * Holm is the special case of equal weights and a complete graph. A hypothesis is rejected at level
 * alpha when its adjusted p is <= alpha; the family-wise error stays at alpha for any weights and
 * graph fixed before the signs of the data are seen.
 */
export function graphicalAdjust(pValues: readonly number[], weights: readonly number[], transitions: readonly (readonly number[])[]): number[] {
  const m = pValues.length;
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`graphicalAdjust: p-values must lie in [0, 1], got ${p}`);
  const w = [...weights];
  const g = transitions.map((row) => [...row]);
  const open = new Set(pValues.map((_, i) => i));
  const adjusted = new Array<number>(m).fill(1);
  let floor = 0;
  while (open.size > 0) {
    let best = -1;
    let bestRatio = Infinity;
    for (const i of open) {
      const ratio = (w[i] as number) > 0 ? (pValues[i] as number) / (w[i] as number) : Infinity;
      if (ratio < bestRatio) [best, bestRatio] = [i, ratio];
    }
    if (best < 0 || !Number.isFinite(bestRatio)) break; // every open hypothesis has weight 0: never rejected
    floor = Math.max(floor, Math.min(1, bestRatio));
    adjusted[best] = floor;
    open.delete(best);
    const j = best;
    for (const l of open) w[l] = (w[l] as number) + (w[j] as number) * (g[j]?.[l] ?? 0);
    const next = g.map((row) => [...row]);
    for (const l of open) {
      for (const k of open) {
        if (l === k) continue;
        const glj = g[l]?.[j] ?? 0;
        const gjl = g[j]?.[l] ?? 0;
        const denom = 1 - glj * gjl;
        (next[l] as number[])[k] = denom > 0 ? ((g[l]?.[k] ?? 0) + glj * (g[j]?.[k] ?? 0)) / denom : 0;
      }
    }
    for (let l = 0; l < m; l++) (next[l] as number[])[l] = 0;
    g.splice(0, g.length, ...next);
    w[j] = 0;
  }
  return adjusted;
}
