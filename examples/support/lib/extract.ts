import { tokenize } from './text.js';

/** A sentence with where it came from (a doc id) and its position, for stable ordering. */
export interface Candidate {
  text: string;
  source: string;
  position: number;
  /** Text that frames the sentence (its section heading), credited at CONTEXT_WEIGHT. */
  context?: string;
}

/**
 * How much a question term counts when only the sentence's section heading has it: "It syncs
 * up to 5 devices" under "## Plus" answers a question about Plus, but less surely than a
 * sentence that names Plus itself.
 */
export const CONTEXT_WEIGHT = 0.5;

export interface Scored extends Candidate {
  score: number;
}

/**
 * Scores sentences by the weight of the question's terms they contain (each term counted once).
 * `weight` is 1 for a plain overlap count, or an IDF for a weighted one.
 */
export function scoreSentences(candidates: readonly Candidate[], queryTerms: readonly string[], weight: (term: string) => number): Scored[] {
  const query = new Set(queryTerms);
  return candidates.map((c) => {
    const own = new Set(tokenize(c.text));
    let score = 0;
    for (const t of own) if (query.has(t)) score += weight(t);
    for (const t of new Set(tokenize(c.context ?? ''))) if (query.has(t) && !own.has(t)) score += CONTEXT_WEIGHT * weight(t);
    return { ...c, score };
  });
}

/** The `k` best sentences (ties: earlier position first), returned in reading order. */
export function topSentences(scored: readonly Scored[], k: number): Scored[] {
  const best = [...scored].sort((a, b) => b.score - a.score || a.position - b.position).slice(0, k);
  return best.sort((a, b) => a.position - b.position);
}
