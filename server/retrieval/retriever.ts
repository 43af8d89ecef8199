import type { Clause } from '../knowledge/schemas/clauses';
import type { LexiconEntry, RetrievalHint } from '../knowledge/schemas/notice-data';
import { Bm25Index } from './bm25';
import { analyse, normalise, QUERY_STOPWORDS, tokenize } from './tokenize';

export interface Passage {
  clause: string;
  text: string;
}

export interface Hit {
  clause: Clause;
  score: number;
  /** Best-matching sentences of the clause for this query, best first. */
  passages: string[];
}

export interface SearchResult {
  hits: Hit[];
  /** 0..1: how much of the question the best clause covers. */
  confidence: number;
  /** Lexicon entries the question mentions. */
  concepts: LexiconEntry[];
}

export interface RetrieverOptions {
  titleBoost?: number;
  expansionWeight?: number;
  passageWeight?: number;
  priorWeight?: number;
}

const SENTENCE_END = /(?<=[。；;！？!?])/;
const SHORT = 14;
// Words the notice never uses weigh at most this share of the rarest term: enough to pull an
// unrelated question under the threshold, not so much that colloquial wording does.
const UNSEEN_WEIGHT = 0.6;
const ASCII_TERM = /^[a-z0-9/+\-. ]+$/;

/** Splits clause text into quotable sentences; short table cells are merged with their neighbours. */
export function splitPassages(text: string): string[] {
  const pieces = text
    .split('\n')
    .flatMap((line) => line.split(SENTENCE_END))
    .map((p) => p.trim())
    .filter(Boolean);
  const out: string[] = [];
  let buf = '';
  for (const p of pieces) {
    buf = buf ? `${buf} ${p}` : p;
    if (buf.length >= SHORT) {
      out.push(buf);
      buf = '';
    }
  }
  if (buf) {
    if (out.length && buf.length < SHORT) out[out.length - 1] += ` ${buf}`;
    else out.push(buf);
  }
  return out;
}

interface Matcher {
  entry: LexiconEntry;
  terms: { text: string; ascii: boolean }[];
  expansion: string[];
}

/**
 * Lexical retrieval over the clauses: BM25 on whole clauses (title weighted) plus BM25 on
 * their sentences, with the question expanded through the domain lexicon. Built once per
 * knowledge version; `search` allocates little and runs in well under a millisecond.
 */
export class Retriever {
  private readonly clauses: Clause[];
  private readonly clauseIndex: Bm25Index;
  private readonly clauseTokens: Set<string>[];
  private readonly passages: Passage[];
  private readonly passageIndex: Bm25Index;
  private readonly passagesOf = new Map<string, number[]>();
  private readonly passageClause: Int32Array;
  private readonly position = new Map<string, number>();
  private readonly ancestors: string[][];
  private readonly matchers: Matcher[];
  private readonly termsByFirst = new Map<string, { text: string; ascii: boolean; matcher: number }[]>();
  private readonly maxIdf: number;
  private readonly opts: Required<RetrieverOptions>;

  private readonly hints: (RetrievalHint & { targets: number[] })[];

  constructor(clauses: readonly Clause[], lexicon: readonly LexiconEntry[], opts: RetrieverOptions = {}, hints: readonly RetrievalHint[] = []) {
    const ordered = [...clauses].sort((a, b) => a.order - b.order);
    this.hints = hints.map((h) => ({
      ...h,
      all: h.all?.map(normalise),
      words: h.words.map(normalise),
      none: h.none?.map(normalise),
      targets: ordered.flatMap((c, i) => (h.prefixes.some((p) => c.id.startsWith(p)) ? [i] : [])),
    }));
    this.opts = { titleBoost: 3, expansionWeight: 0.35, passageWeight: 0.6, priorWeight: 0.7, ...opts };
    this.clauses = [...clauses].sort((a, b) => a.order - b.order);
    this.clauses.forEach((c, i) => this.position.set(c.id, i));
    const docs = this.clauses.map((c) => {
      const title = tokenize(c.title);
      const out: string[] = [];
      for (let i = 0; i < this.opts.titleBoost; i++) out.push(...title);
      out.push(...tokenize(c.text));
      // 三(一)5 is about 智能车间 only through its parent's heading; let the heading count once.
      const parent = c.parent ? clauses.find((p) => p.id === c.parent) : undefined;
      if (parent) out.push(...tokenize(parent.title));
      return out;
    });
    this.clauseIndex = new Bm25Index(docs);
    this.clauseTokens = docs.map((d) => new Set(d));
    this.maxIdf = this.clauseIndex.idf('\u0000');
    this.ancestors = this.clauses.map((c) => {
      const chain: string[] = [];
      let p = c.parent;
      while (p !== null) {
        chain.push(p);
        p = this.clauses[this.position.get(p)!]?.parent ?? null;
      }
      return chain;
    });

    this.passages = [];
    for (const c of this.clauses) {
      const ids: number[] = [];
      for (const text of splitPassages(c.text)) {
        ids.push(this.passages.length);
        this.passages.push({ clause: c.id, text });
      }
      this.passagesOf.set(c.id, ids);
    }
    this.passageIndex = new Bm25Index(this.passages.map((p) => tokenize(p.text)));
    this.passageClause = Int32Array.from(this.passages, (p) => this.position.get(p.clause)!);

    this.matchers = lexicon.map((entry) => {
      const all = [entry.canonical, ...entry.aliases];
      return {
        entry,
        terms: all.map((t) => {
          const text = normalise(t);
          return { text, ascii: ASCII_TERM.test(text) };
        }),
        expansion: [...new Set(all.flatMap((t) => tokenize(t)))],
      };
    });
    this.matchers.forEach((m, matcher) => {
      for (const t of m.terms) {
        if (!t.text) continue;
        const list = this.termsByFirst.get(t.text[0]!) ?? [];
        list.push({ ...t, matcher });
        this.termsByFirst.set(t.text[0]!, list);
      }
    });
  }

  clauseById(id: string): Clause | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.clauses[i];
  }

  /** The quotable sentences of a clause, in order. */
  sentences(id: string): string[] {
    return (this.passagesOf.get(id) ?? []).map((p) => this.passages[p]!.text);
  }

  /** Lexicon entries mentioned in the question, with the matched spans. */
  concepts(question: string, normalised = false): { entry: LexiconEntry; spans: string[]; expansion: string[] }[] {
    const q = normalised ? question : normalise(question);
    // Terms are indexed by their first character, so matching costs one lookup per character of
    // the question instead of one scan per lexicon term.
    const found = new Map<number, Set<string>>();
    for (let i = 0; i < q.length; i++) {
      const candidates = this.termsByFirst.get(q[i]!);
      if (!candidates) continue;
      for (const { text, ascii, matcher } of candidates) {
        if (!q.startsWith(text, i)) continue;
        // "ai" must not match inside "email"; ASCII abbreviations need word boundaries.
        if (ascii && (/[a-z0-9]/.test(q[i - 1] ?? '') || /[a-z0-9]/.test(q[i + text.length] ?? ''))) continue;
        let spans = found.get(matcher);
        if (!spans) found.set(matcher, (spans = new Set()));
        spans.add(text);
      }
    }
    return [...found.keys()]
      .sort((a, b) => a - b)
      .map((m) => ({ entry: this.matchers[m]!.entry, spans: [...found.get(m)!], expansion: this.matchers[m]!.expansion }));
  }


  search(question: string, k = 5): SearchResult {
    const q = normalise(question);
    const concepts = this.concepts(q, true);
    const analysis = analyse(q);
    const query = new Map<string, number>();
    for (const t of analysis.tokens) if (!QUERY_STOPWORDS.has(t)) query.set(t, 1);
    for (const c of concepts) {
      for (const t of c.expansion) if (!query.has(t)) query.set(t, this.opts.expansionWeight);
    }

    const clauseScores = this.clauseIndex.score(query);
    const passageScores = this.passageIndex.score(query);
    const best = new Float64Array(this.clauses.length);
    for (let p = 0; p < this.passages.length; p++) {
      const ci = this.passageClause[p]!;
      if (passageScores[p]! > best[ci]!) best[ci] = passageScores[p]!;
    }
    const scores = new Float64Array(this.clauses.length);
    let top = 0;
    for (let i = 0; i < scores.length; i++) {
      scores[i] = clauseScores[i]! + this.opts.passageWeight * best[i]!;
      if (scores[i]! > top) top = scores[i]!;
    }
    // The lexicon knows where a concept is required; that prior lifts the right clause when
    // the user's wording shares few characters with the notice (老赖 → 失信被执行人 → 二(四)).
    if (top > 0) {
      const withClauses = concepts.filter((c) => c.entry.clauses?.length);
      for (const c of withClauses) {
        const list = c.entry.clauses!;
        list.forEach((id, rank) => {
          const i = this.position.get(id);
          if (i !== undefined) scores[i]! += (this.opts.priorWeight * top) / Math.sqrt(withClauses.length) / (1 + rank * 0.15);
        });
      }
    }

    // What kind of question it is (a requirement, a form-filling question) decides which part of the notice answers it.
    for (const h of this.hints) {
      if (!h.words.some((w) => q.includes(w)) || h.none?.some((w) => q.includes(w)) || h.all?.some((w) => !q.includes(w))) continue;
      for (const i of h.targets) scores[i]! *= 1 + h.boost;
    }

    const order = [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
    const hits: Hit[] = order.slice(0, k).map((i) => ({
      clause: this.clauses[i]!,
      score: scores[i]!,
      passages: this.rankPassages(i, passageScores),
    }));
    let confidence = hits.length ? this.coverage(analysis.words, concepts, order[0]!) : 0;
    // When the lexicon itself places a mentioned concept in the best clause, the question is
    // about the notice even if the rest of its wording is colloquial.
    if (hits.length && concepts.some((c) => c.entry.clauses?.includes(hits[0]!.clause.id))) confidence = 0.5 + confidence / 2;
    return { hits, confidence, concepts: concepts.map((c) => c.entry) };
  }

  private rankPassages(clauseIndex: number, passageScores: Float64Array): string[] {
    const ids = this.passagesOf.get(this.clauses[clauseIndex]!.id) ?? [];
    return [...ids].sort((a, b) => passageScores[b]! - passageScores[a]! || a - b).filter((p, n) => n === 0 || passageScores[p]! > 0).map((p) => this.passages[p]!.text);
  }

  /**
   * Share of the question's content words (IDF-weighted) found in the best clause or its
   * headings. A lexicon concept counts as one unit, found when any of its forms is there.
   */
  private coverage(words: string[], concepts: { spans: string[]; expansion: string[] }[], clauseIndex: number): number {
    const own = this.clauseTokens[clauseIndex]!;
    const inDoc = (t: string) => own.has(t) || this.ancestors[clauseIndex]!.some((a) => this.clauseTokens[this.position.get(a)!]!.has(t));
    let total = 0;
    let found = 0;
    const spans: string[] = [];
    for (const c of concepts) {
      spans.push(...c.spans);
      const w = 2;
      total += w;
      if (c.expansion.some(inDoc)) found += w;
    }
    for (const word of words) {
      // Words inside a matched lexicon term were counted with their concept above.
      if (word.length < 2 || QUERY_STOPWORDS.has(word) || spans.some((s) => s.includes(word) || word.includes(s))) continue;
      const w = Math.min(this.clauseIndex.idf(word), this.maxIdf * UNSEEN_WEIGHT);
      total += w;
      const grams = /\p{Script=Han}/u.test(word) ? [...Array(word.length - 1).keys()].map((i) => word.slice(i, i + 2)) : [word];
      if (inDoc(word) || grams.every(inDoc)) found += w;
    }
    return total === 0 ? 0 : found / total;
  }
}
