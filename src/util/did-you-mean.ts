/** Levenshtein distance, case-insensitive: `baseUrl` is one edit from `baseURL`'s spelling at most. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * The known name closest to a misspelt one, when it is close enough to be a typo: at most a
 * third of the name's length in edits (so `opneai` finds `openai`, `foo` finds nothing).
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  const limit = Math.max(1, Math.floor(Math.max(name.length, best?.name.length ?? 0) / 3));
  return best && best.distance <= limit ? best.name : undefined;
}

/** `; did you mean "baseURL"?`, or nothing when no known name is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const match = closest(name, known);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
