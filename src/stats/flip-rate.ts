/**
 * How often a rater changes its mind when asked the same thing again: of the judgments repeated
 * over epochs (one array of verdicts per judgment, one entry per epoch), the share whose verdicts
 * are not all the same. A null (no verdict: an error) is not a verdict, so a judgment with one is
 * left out rather than counted as a flip or as steady. Judgments asked only once say nothing
 * about flips and are left out too.
 */
export function flipRate(repeats: ReadonlyArray<ReadonlyArray<string | number | null>>): { flipped: number; total: number } {
  let flipped = 0;
  let total = 0;
  for (const verdicts of repeats) {
    if (verdicts.length < 2 || verdicts.some((v) => v === null)) continue;
    total++;
    if (verdicts.some((v) => v !== verdicts[0])) flipped++;
  }
  return { flipped, total };
}
