/**
 * A small Okapi BM25 index over pre-tokenised documents. Built once at startup; queries
 * carry a weight per term so lexicon expansions count less than the user's own words.
 */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[];
  private readonly avgLength: number;
  /** k1·(1 − b + b·len/avg) per document, computed once. */
  private readonly norms: Float64Array;
  private readonly idfs = new Map<string, number>();
  private readonly k1: number;
  private readonly b: number;
  readonly size: number;

  constructor(docs: readonly (readonly string[])[], opts: Bm25Options = {}) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.size = docs.length;
    this.lengths = docs.map((d) => d.length);
    this.avgLength = this.lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length) || 1;
    this.norms = Float64Array.from(this.lengths, (len) => this.k1 * (1 - this.b + (this.b * len) / this.avgLength));
    docs.forEach((tokens, doc) => {
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, n] of tf) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf: n });
      }
    });
  }

  /** Inverse document frequency (BM25+ style, never negative); unseen terms get the maximum. */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Scores every document; returns a dense array indexed by document number. */
  score(query: ReadonlyMap<string, number>): Float64Array {
    const scores = new Float64Array(this.size);
    for (const [term, weight] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      let idf = this.idfs.get(term);
      if (idf === undefined) this.idfs.set(term, (idf = this.idf(term)));
      const w = weight * idf * (this.k1 + 1);
      for (const { doc, tf } of list) scores[doc]! += (w * tf) / (tf + this.norms[doc]!);
    }
    return scores;
  }
}
