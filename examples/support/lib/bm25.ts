// Okapi BM25 written out (about 40 lines) rather than pulled in as a dependency: the example must
// show what the retriever does, and the harness itself needs no search library.

export interface Hit<T> {
  item: T;
  score: number;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export class Bm25Index<T> {
  private readonly counts: Map<string, number>[];
  private readonly lengths: number[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;
  private readonly k1: number;
  private readonly b: number;

  constructor(
    private readonly items: readonly T[],
    terms: (item: T) => string[],
    options: Bm25Options = {},
  ) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.counts = items.map((item) => {
      const counts = new Map<string, number>();
      for (const t of terms(item)) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const t of counts.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return counts;
    });
    this.lengths = this.counts.map((c) => [...c.values()].reduce((a, n) => a + n, 0));
    this.avgLength = this.lengths.reduce((a, n) => a + n, 0) / Math.max(1, items.length);
  }

  /** Inverse document frequency; a term the corpus never uses gets the highest value. */
  idf(term: string): number {
    const n = this.items.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Items with a positive score, best first; ties keep corpus order so results are deterministic. */
  search(queryTerms: readonly string[]): Hit<T>[] {
    const hits: (Hit<T> & { index: number })[] = [];
    this.items.forEach((item, index) => {
      const score = this.score(index, queryTerms);
      if (score > 0) hits.push({ item, score, index });
    });
    hits.sort((x, y) => y.score - x.score || x.index - y.index);
    return hits.map(({ item, score }) => ({ item, score }));
  }

  /**
   * Share of the query's IDF mass found in at least one of `items`, in [0, 1]: how much of the
   * question the retrieved text speaks to at all.
   */
  coverage(items: readonly T[], queryTerms: readonly string[]): number {
    const counts = items.map((item) => this.counts[this.items.indexOf(item)]);
    let total = 0;
    let covered = 0;
    for (const t of new Set(queryTerms)) {
      total += this.idf(t);
      if (counts.some((c) => c?.has(t))) covered += this.idf(t);
    }
    return total === 0 ? 0 : covered / total;
  }

  private score(index: number, queryTerms: readonly string[]): number {
    const counts = this.counts[index];
    const length = this.lengths[index] ?? 0;
    if (!counts) return 0;
    let score = 0;
    for (const t of new Set(queryTerms)) {
      const tf = counts.get(t) ?? 0;
      if (tf === 0) continue;
      const norm = tf + this.k1 * (1 - this.b + (this.b * length) / this.avgLength);
      score += this.idf(t) * ((tf * (this.k1 + 1)) / norm);
    }
    return score;
  }
}
