import type { KnowledgeData } from './load';
import type { Clause } from './schemas/clauses';
import { Retriever } from '../retrieval/retriever';
import { AnswerIndex } from '../qa/answer-base';

export type { Clause } from './schemas/clauses';

export interface ClauseNode extends Clause {
  children: ClauseNode[];
}

/**
 * One loaded knowledge version with everything derived from it once at startup
 * (clause lookup, the clause tree, the retrieval index). Shared read-only by all requests.
 */
export interface KnowledgeBase {
  readonly version: string;
  readonly data: KnowledgeData;
  clause(id: string): Clause | undefined;
  children(id: string): Clause[];
  /** The clause and all its descendants, in notice order. */
  subtree(id: string): Clause[];
  readonly tree: ClauseNode[];
  readonly retriever: Retriever;
  /** The answer base, checked against the clauses and indexed. */
  readonly answers: AnswerIndex;
}

/** `reads`: a cache of read texts for the answer base (see server/knowledge/read-cache.ts). */
export function createKnowledgeBase(data: KnowledgeData, opts: { reads?: Map<string, string> } = {}): KnowledgeBase {
  const clauses = [...data.clauses].sort((a, b) => a.order - b.order);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const kids = new Map<string | null, Clause[]>();
  for (const c of clauses) {
    const list = kids.get(c.parent) ?? [];
    list.push(c);
    kids.set(c.parent, list);
  }
  const node = (c: Clause): ClauseNode => ({ ...c, children: (kids.get(c.id) ?? []).map(node) });
  const tree = (kids.get(null) ?? []).map(node);
  const subtree = (id: string): Clause[] => {
    const c = byId.get(id);
    if (!c) return [];
    return [c, ...(kids.get(id) ?? []).flatMap((k) => subtree(k.id))];
  };
  // The answer base is checked against the clauses here, so a broken entry stops the start. The
  // retrieval index checks nothing; it is built on first use, which keeps it out of the cold
  // start (answer-base answers and the interview never need it).
  let retriever: Retriever | undefined;
  return {
    version: data.version,
    data,
    clause: (id) => byId.get(id),
    children: (id) => kids.get(id) ?? [],
    subtree,
    tree,
    get retriever() {
      return (retriever ??= new Retriever(clauses, data.lexicon.entries, {}, data.intents.retrievalHints));
    },
    answers: new AnswerIndex(data, (id) => byId.get(id), (id) => kids.get(id) ?? [], undefined, opts.reads),
  };
}
