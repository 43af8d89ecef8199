import type { KnowledgeData } from '../../server/knowledge/load';

/** Quotation marks the engine's wording uses; anything inside them must be the notice's own text. */
const QUOTE = /“([^”]*)”|「([^」]*)」/g;

/** The quoted passages of a text, each split at its 「……」 elisions into the pieces that must be verbatim. */
export function quotedPieces(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUOTE)) {
    for (const piece of (m[1] ?? m[2]).split(/……|…/)) if (piece.trim()) out.push(piece);
  }
  return out;
}

/** The text outside quotation marks: the engine's own words. */
export function unquoted(text: string): string {
  return text.replace(QUOTE, '');
}

const squash = (s: string) => s.replace(/\s/g, '');

/** A clause's own text with the text of every clause under it, whitespace removed. */
export function clauseTreeText(kb: KnowledgeData): (id: string) => string {
  const children = new Map<string, string[]>();
  for (const c of kb.clauses) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const own = new Map(kb.clauses.map((c) => [c.id, c.text]));
  const cache = new Map<string, string>();
  const tree = (id: string): string => {
    let t = cache.get(id);
    if (t === undefined) {
      if (!own.has(id)) throw new Error(`no clause ${id}`);
      t = squash(own.get(id)! + (children.get(id) ?? []).map(tree).join(''));
      cache.set(id, t);
    }
    return t;
  };
  return tree;
}

/** Each quoted piece of `text` that is not verbatim in the clause `clause` (with its sub-clauses). */
export function nonVerbatim(tree: (id: string) => string, clause: string, text: string): string[] {
  return quotedPieces(text).filter((p) => !tree(clause).includes(squash(p)));
}
