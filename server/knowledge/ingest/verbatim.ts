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

/**
 * One place where a file repeats words its notice no longer has: where (file and path, for the review item that
 * holds it), and why, for the CLI (`en`) and for the console (`zh`).
 */
export interface StaleQuote {
  file: string;
  path: string[];
  en: string;
  zh: string;
}

export function staleQuotes(data: KnowledgeData): string[] {
  return staleQuoteIssues(data).map((i) => i.en);
}

export function staleQuoteIssues(data: KnowledgeData): StaleQuote[] {
  const own = new Map(data.clauses.map((c) => [c.id, c.text]));
  const children = new Map<string, string[]>();
  for (const c of data.clauses) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const tree = (id: string): string | null => (own.has(id) ? squash(own.get(id)! + (children.get(id) ?? []).map((k) => tree(k) ?? '').join('')) : null);
  const out: StaleQuote[] = [];
  type At = { where: string; file: string; path: string[] };
  /** Each piece of `quote` that is not in `clause` (with its sub-clauses). */
  const check = (at: At, clause: string, quote: string) => {
    const text = tree(clause);
    if (text === null) return; // a missing clause is reported by the reference check
    for (const p of pieces(quote)) {
      if (!text.includes(squash(p))) out.push({ file: at.file, path: at.path, en: `${at.where}: ${clause} has no text 「${p}」`, zh: `新通知的 ${clause} 中已没有「${p}」：请按新条款改写，或删除此项` });
    }
  };
  const quoted = (at: At, clause: string, text: string) => {
    for (const m of text.matchAll(QUOTE)) check(at, clause, m[1] ?? m[2]!);
  };

  const regions = data.regions;
  const quotaText = tree(regions.clause) ?? '';
  const covered: [number, number][] = [];
  regions.groups.forEach((g, i) => {
    const where = `regions.json groups.${i} (${g.label})`;
    const path = ['groups', String(i)];
    const at = quotaText.indexOf(squash(g.quote));
    if (at < 0) {
      out.push({ file: 'regions.json', path, en: `${where}: ${regions.clause} has no text 「${g.quote}」; the quota ${g.max} is last year's unless the group is brought up to date`, zh: `新通知的 ${regions.clause} 中已没有「${g.quote}」：名额 ${g.max} 家是上一年的，请按新条款改写这一组` });
    } else covered.push([at, at + squash(g.quote).length]);
    if (!new RegExp(`(?<!\\d)${g.max}家`).test(g.quote)) out.push({ file: 'regions.json', path, en: `${where}: max ${g.max} is not the figure its quote 「${g.quote}」 gives`, zh: `名额 ${g.max} 与引文「${g.quote}」中的数字不一致` });
  });
  // A quota line the notice added (a new kind of region) is in no group: nobody would be held to it.
  for (const m of quotaText.matchAll(QUOTA)) {
    if (covered.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    const from = Math.max(quotaText.lastIndexOf('，', m.index!), quotaText.lastIndexOf('。', m.index!)) + 1;
    const line = quotaText.slice(from, m.index! + m[0].length);
    out.push({ file: 'regions.json', path: ['groups'], en: `regions.json: the quota 「${line}」 of ${regions.clause} is in no group`, zh: `${regions.clause} 的名额「${line}」不属于任何一组：请改写或新增 regions.json 中的名额组，否则没有地区受这一名额约束` });
  }

  for (const [category, spec] of Object.entries(data.elements.categories)) {
    spec.elements.forEach((el, k) => {
      const at = (what: string): At => ({ where: `elements.json ${category} ${el.clause} ${what}`, file: 'elements.json', path: ['categories', category, 'elements', String(k)] });
      const reqs = [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])];
      for (const r of reqs) {
        check(at('requirement'), el.clause, r.text);
        for (const q of r.qualifiers ?? []) check(at('qualifier'), el.clause, q.wording);
      }
    });
  }

  const rules = data.categoryRules;
  const rule = (where: string, path: string[]): At => ({ where: `category-rules.json ${where}`, file: 'category-rules.json', path });
  for (const [id, h] of Object.entries(rules.hard)) {
    quoted(rule(`hard.${id}.reason`, ['hard', id]), h.clause, h.reason);
    quoted(rule(`hard.${id}.remedy`, ['hard', id]), h.clause, h.remedy);
  }
  for (const [key, v] of Object.entries(rules.texts)) if (typeof v !== 'string') quoted(rule(`texts.${key}`, ['texts', key]), v.clause, v.text);
  for (const [key, v] of Object.entries(rules.notes)) {
    for (const [field, text] of Object.entries(v)) if (field !== 'clause' && typeof text === 'string') quoted(rule(`notes.${key}.${field}`, ['notes', key]), v.clause, text);
  }

  // The direct answers' templates quote their clause too (「按通知“各县（市）不多于5家”执行」); a
  // quoted placeholder is filled from the data, which is checked above.
  (data.intents.intents as { id: string; clause?: string }[]).forEach((intent, k) => {
    if (!intent.clause) return;
    for (const [field, text] of Object.entries(intent)) {
      if (typeof text !== 'string' || field === 'clause') continue;
      for (const m of text.matchAll(QUOTE)) if (!/\{\w+\}/.test(m[1] ?? m[2]!)) check({ where: `intents.json ${intent.id}.${field}`, file: 'intents.json', path: ['intents', String(k)] }, intent.clause, m[1] ?? m[2]!);
    }
  });

  // The bureau's wording quotes the notice too: the 初审 gate (四(三) and the forms' 推荐意见), the note on a city's
  // page about its counties (四(三), 四(四)).
  const gate = data.facts.review.gate;
  const bureauQuotes: [At, { clauses: string[]; text: string }][] = [
    [{ where: 'facts.json review.gate.quote', file: 'facts.json', path: ['review'] }, gate.quote],
    [{ where: 'facts.json review.gate.opinion', file: 'facts.json', path: ['review'] }, gate.opinion],
    [{ where: 'regions.json wording.countiesOwn.review', file: 'regions.json', path: ['wording', 'countiesOwn'] }, data.regions.wording.countiesOwn.review],
    [{ where: 'regions.json wording.countiesOwn.upload', file: 'regions.json', path: ['wording', 'countiesOwn'] }, data.regions.wording.countiesOwn.upload],
  ];
  for (const [at, q] of bureauQuotes) for (const clause of q.clauses) check(at, clause, q.text);

  data.interview.questions.forEach((q, k) => {
    const helps = [q.help, ...Object.values(q.byCategory ?? {}).map((o) => o!.help)];
    const at = { where: `interview.json ${q.id} help`, file: 'interview.json', path: ['questions', String(k)] };
    for (const help of helps) for (const [, clause, quote] of help.matchAll(HELP_QUOTE)) check(at, clause!, quote!);
  });
  return out;
}
