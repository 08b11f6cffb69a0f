/**
 * Holm's step-down adjustment (Holm 1979) for a family of tests, e.g. every slice x metric a gate
 * compares: it controls the family-wise error rate like Bonferroni but rejects at least as often.
 * Returns adjusted p-values in the input order, as R's p.adjust(p, method = "holm") does: sorted
 * ascending, the i-th smallest (1-based) becomes max over j <= i of min(1, (m - j + 1) p_(j)).
 * Compare each adjusted p with the family's alpha.
 */
export function holm(pValues: readonly number[]): number[] {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`holm: p-values must lie in [0, 1], got ${p}`);
  const m = pValues.length;
  // Stable sort by p, so ties keep input order (their adjusted values are equal anyway).
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
