import type { FormFacts } from '../schemas/forms';
import type { FormDrafting } from '../knowledge/schemas/forms';
import { arabicYears, spokenYears } from '../understand';

/** The knowledge's written forms of spoken words: fixed pairs, then patterns. */
export type Formal = Pick<FormDrafting, 'formal' | 'formalRules'> & { formalKeep?: string[]; spokenYearWords?: string[] };

const compiled = new WeakMap<object, [RegExp, string][]>();

function rulesOf(f: Formal): [RegExp, string][] {
  let r = compiled.get(f.formalRules);
  if (!r) {
    r = f.formalRules.map((x) => [new RegExp(x.pattern, 'gu'), x.to] as [RegExp, string]);
    compiled.set(f.formalRules, r);
  }
  return r;
}

/**
 * The enterprise's own sentences in written form: the spoken or dialect words the knowledge lists
 * (`form-drafting.json` `formal`: 俺们厂 → 公司, 搞了个 → 建设了) are replaced in order, then its patterns
 * (`formalRules`: 用的金蝶ERP → 采用金蝶ERP, 上了个MES → 上线了MES). Only the free-text facts are touched;
 * names, lists and figures are the enterprise's particulars as given. A year said in Chinese digits (二〇一九年) is
 * printed in figures first, as every date of the form is, and so is one said in two digits (零五年建的) where the
 * knowledge's history words follow it.
 */
export function formalText(f: Formal, text: string): string {
  let t = spokenYears(arabicYears(text), f.spokenYearWords ?? []);
  for (const [from, to] of f.formal) t = t.split(from).join(to);
  const keep = f.formalKeep ?? [];
  for (const [re, to] of rulesOf(f)) {
    // Spans of the words kept as written, in the text as it stands before this rule.
    const spans: [number, number][] = [];
    for (const w of keep) for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) spans.push([i, i + w.length]);
    // A function replacement: the match is left alone inside a kept word, and a `$` in the text is never read as a pattern.
    t = t.replace(re, (m: string, ...rest: unknown[]) => {
      const at = rest.find((x) => typeof x === 'number') as number;
      if (spans.some(([a, b]) => at < b && at + m.length > a)) return m;
      const groups = rest.slice(0, rest.indexOf(at)) as (string | undefined)[];
      return to.replace(/\$(\d)/g, (_x, k: string) => groups[Number(k) - 1] ?? '');
    });
  }
  return t;
}

const PROSE = ['history', 'business', 'marketing', 'advantages', 'benefits'] as const;

/**
 * The free-text facts (prose, descriptions, every narrative cell) in written form, each first through `before`: the
 * drafting step that dates relative words (document-form.ts), so a cell typed in the form reads as a reply kept from
 * the chat does.
 */
export function formalFacts(f: Formal, facts: FormFacts, before: (text: string) => string = (t) => t): FormFacts {
  const one = (t: string) => formalText(f, before(t));
  const w = (t: string | undefined) => (t === undefined ? t : one(t));
  const record = (r: Record<string, string> | undefined) => (r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, one(v)])) : r);
  const out: FormFacts = { ...facts };
  for (const k of PROSE) if (facts[k] !== undefined) out[k] = w(facts[k]);
  if (facts.rnd?.description !== undefined) out.rnd = { ...facts.rnd, description: w(facts.rnd.description) };
  if (facts.patents?.description !== undefined) out.patents = { ...facts.patents, description: w(facts.patents.description) };
  if (facts.elements) out.elements = record(facts.elements);
  if (facts.workshops) out.workshops = facts.workshops.map((ws) => (ws.descriptions ? { ...ws, descriptions: record(ws.descriptions) } : ws));
  return out;
}

/** What `spokenAsked` reads: the patterns of spoken prose and the request that stands for a sentence of it. */
export type SpokenProse = { documentForm: { spokenProse: string[] }; requests: { rewrite: string; rewriteNote: string } };

/**
 * The enterprise's typed sentence that still reads spoken once the formal rules have run (「MES挺好用」, 「俺们这块弄得
 * 不错」) as a request for the fact in written form: the rules rewrite only what they can rewrite safely, and a sentence
 * they leave spoken is neither printed nor guessed at. The request names the field (`labelOf`), with the sentence
 * quoted in its note, which the signed form leaves out. Requests already in the text are left as they are.
 */
export function spokenAsked(f: SpokenProse, text: string, label: string): string {
  const spoken = f.documentForm.spokenProse.map((p) => new RegExp(p, 'u'));
  if (!spoken.length) return text;
  const parts = text.match(/(?:〔[^〕]*〕|[^。！？!?；;〔])+(?:[。！？!?；;]+|$)|[。！？!?；;]+/gu) ?? [text];
  return parts
    .map((s) => {
      const end = /[。！？!?；;]+$/u.exec(s)?.[0] ?? '';
      const body = s.slice(0, s.length - end.length);
      const bare = body.replace(/〔[^〕]*〕/gu, '').trim();
      if (!bare || !spoken.some((re) => re.test(bare))) return s;
      const ask = `〔请补充：${f.requests.rewrite.replace('{label}', label)}${f.requests.rewriteNote.replace('{said}', body.replace(/[〔〕]/gu, '').trim())}〕`;
      return ask + (end ? '。' : '');
    })
    .join('');
}

/** The free-text facts with every sentence `spokenAsked` finds spoken asked for instead; `labelOf` names each field. */
export function spokenFactsAsked(f: SpokenProse, facts: FormFacts, labelOf: (key: string, ws?: number) => string): FormFacts {
  const one = (t: string | undefined, key: string, ws?: number) => (t === undefined ? t : spokenAsked(f, t, labelOf(key, ws)));
  const record = (r: Record<string, string> | undefined, ws?: number) => (r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, one(v, k, ws)!])) : r);
  const out: FormFacts = { ...facts };
  for (const k of PROSE) if (facts[k] !== undefined) out[k] = one(facts[k], k);
  if (facts.rnd?.description !== undefined) out.rnd = { ...facts.rnd, description: one(facts.rnd.description, 'rnd.description') };
  if (facts.patents?.description !== undefined) out.patents = { ...facts.patents, description: one(facts.patents.description, 'patents.description') };
  if (facts.elements) out.elements = record(facts.elements);
  if (facts.workshops) out.workshops = facts.workshops.map((ws, i) => (ws.descriptions ? { ...ws, descriptions: record(ws.descriptions, i) } : ws));
  return out;
}
