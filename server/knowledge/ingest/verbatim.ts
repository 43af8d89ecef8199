import type { KnowledgeData } from '../load';

/**
 * The notice's own words that a version's rule and quota files repeat, checked against that
 * version's clauses. A carried-over file still quotes last year's notice until someone edits it:
 * accepting it unedited must not put last year's quota, condition or sentence in front of an
 * enterprise under this year's clause. The answer base has its own check (server/qa/answer-base.ts).
 */

const squash = (s: string) => s.replace(/\s/g, '');
/** Quotation marks of the engine's wording; what stands inside them is the notice's text. */
const QUOTE = /“([^”]*)”|「([^」]*)」/g;
/** An interview help names its clause before each quote: 「通知二(三)：“……”」. */
const HELP_QUOTE = /([一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)\d*)?)：“(.*?)”(?=；|$)/g;
/** A quota figure of the quota clause. */
const QUOTA = /\d+家/g;

const pieces = (quote: string) => quote.split(/……|…/).filter((p) => p.trim());

export function staleQuotes(data: KnowledgeData): string[] {
  const own = new Map(data.clauses.map((c) => [c.id, c.text]));
  const children = new Map<string, string[]>();
  for (const c of data.clauses) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const tree = (id: string): string | null => (own.has(id) ? squash(own.get(id)! + (children.get(id) ?? []).map((k) => tree(k) ?? '').join('')) : null);
  const out: string[] = [];
  /** Each piece of `quote` that is not in `clause` (with its sub-clauses). */
  const check = (where: string, clause: string, quote: string) => {
    const text = tree(clause);
    if (text === null) return; // a missing clause is reported by the reference check
    for (const p of pieces(quote)) if (!text.includes(squash(p))) out.push(`${where}: ${clause} has no text 「${p}」`);
  };
  const quoted = (where: string, clause: string, text: string) => {
    for (const m of text.matchAll(QUOTE)) check(where, clause, m[1] ?? m[2]!);
  };

  const regions = data.regions;
  const quotaText = tree(regions.clause) ?? '';
  const covered: [number, number][] = [];
  regions.groups.forEach((g, i) => {
    const where = `regions.json groups.${i} (${g.label})`;
    const at = quotaText.indexOf(squash(g.quote));
    if (at < 0) out.push(`${where}: ${regions.clause} has no text 「${g.quote}」; the quota ${g.max} is last year's unless the group is brought up to date`);
    else covered.push([at, at + squash(g.quote).length]);
    if (!new RegExp(`(?<!\\d)${g.max}家`).test(g.quote)) out.push(`${where}: max ${g.max} is not the figure its quote 「${g.quote}」 gives`);
  });
  // A quota line the notice added (a new kind of region) is in no group: nobody would be held to it.
  for (const m of quotaText.matchAll(QUOTA)) {
    if (covered.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    const from = Math.max(quotaText.lastIndexOf('，', m.index!), quotaText.lastIndexOf('。', m.index!)) + 1;
    out.push(`regions.json: the quota 「${quotaText.slice(from, m.index! + m[0].length)}」 of ${regions.clause} is in no group`);
  }

  for (const [category, spec] of Object.entries(data.elements.categories)) {
    for (const el of spec.elements) {
      const reqs = [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])];
      for (const r of reqs) {
        check(`elements.json ${category} ${el.clause} requirement`, el.clause, r.text);
        for (const q of r.qualifiers ?? []) check(`elements.json ${category} ${el.clause} qualifier`, el.clause, q.wording);
      }
    }
  }

  const rules = data.categoryRules;
  for (const [id, h] of Object.entries(rules.hard)) {
    quoted(`category-rules.json hard.${id}.reason`, h.clause, h.reason);
    quoted(`category-rules.json hard.${id}.remedy`, h.clause, h.remedy);
  }
  for (const [key, v] of Object.entries(rules.texts)) if (typeof v !== 'string') quoted(`category-rules.json texts.${key}`, v.clause, v.text);
  for (const [key, v] of Object.entries(rules.notes)) {
    for (const [field, text] of Object.entries(v)) if (field !== 'clause' && typeof text === 'string') quoted(`category-rules.json notes.${key}.${field}`, v.clause, text);
  }

  // The direct answers' templates quote their clause too (「按通知“各县（市）不多于5家”执行」); a
  // quoted placeholder is filled from the data, which is checked above.
  for (const intent of data.intents.intents as { id: string; clause?: string }[]) {
    if (!intent.clause) continue;
    for (const [field, text] of Object.entries(intent)) {
      if (typeof text !== 'string' || field === 'clause') continue;
      for (const m of text.matchAll(QUOTE)) if (!/\{\w+\}/.test(m[1] ?? m[2]!)) check(`intents.json ${intent.id}.${field}`, intent.clause, m[1] ?? m[2]!);
    }
  }

  for (const q of data.interview.questions) {
    const helps = [q.help, ...Object.values(q.byCategory ?? {}).map((o) => o!.help)];
    for (const help of helps) for (const [, clause, quote] of help.matchAll(HELP_QUOTE)) check(`interview.json ${q.id} help`, clause!, quote!);
  }
  return out;
}
