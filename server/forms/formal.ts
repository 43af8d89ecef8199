import type { FormFacts } from '../schemas/forms';
import type { FormDrafting } from '../knowledge/schemas/forms';
import { arabicYears, spokenYears } from '../understand';
import { escapeRegex } from '../engine/kb';

/** The knowledge's written forms of spoken words: fixed pairs, then patterns. */
export type Formal = Pick<FormDrafting, 'formal' | 'formalRules'> & { formalKeep?: string[]; spokenYearWords?: string[]; glossary?: FormDrafting['glossary'] };

const compiled = new WeakMap<object, [RegExp, string][]>();

function rulesOf(f: Formal): [RegExp, string][] {
  let r = compiled.get(f.formalRules);
  if (!r) {
    r = f.formalRules.map((x) => [new RegExp(x.pattern, 'gu'), x.to] as [RegExp, string]);
    compiled.set(f.formalRules, r);
  }
  return r;
}

const compiledGlossary = new WeakMap<object, [RegExp, string][]>();

/** Each abbreviation as a pattern that skips it where it is part of another word or a name (see the schema). */
function glossaryOf(f: Formal): [RegExp, string][] {
  const g = f.glossary ?? [];
  let r = compiledGlossary.get(g);
  if (!r) {
    r = g.map((x) => {
      const after = x.notAfter.map((w) => `(?<!${escapeRegex(w)})`).join('');
      const before = x.notBefore.length ? `(?!${x.notBefore.map(escapeRegex).join('|')})` : '';
      return [new RegExp(`${after}${escapeRegex(x.word)}${before}`, 'gu'), x.written] as [RegExp, string];
    });
    compiledGlossary.set(g, r);
  }
  return r;
}

/**
 * The enterprise's own sentences in written form: the spoken or dialect words the knowledge lists
 * (`form-drafting.json` `formal`: 俺们厂 → 公司, 搞了个 → 建设了) are replaced in order, then its patterns
 * (`formalRules`: 用的金蝶ERP → 采用金蝶ERP, 上了个MES → 上线了MES), then shop-floor abbreviations are written out
 * (`glossary`: 立库 → 立体仓库). Only the free-text facts are touched;
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
  for (const [re, to] of glossaryOf(f)) t = t.replace(re, to);
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

/** What `withoutRestatedFounding` reads: the knowledge's founding clause words. */
export type FoundingWords = Pick<FormDrafting, 'foundingClause'>;

/**
 * The history without a clause that only restates the founding date the form already states (「公司于2013年建厂」 beside
 * 「成立于2013年7月」): same year, and the same month and day where the clause says them. A clause that says more (a
 * place, 改制设立) or a date the founding date does not cover stays, and so does a history that would be left empty;
 * the clause's subject passes to the clause after it. The section's own founding date then says it once.
 */
export function withoutRestatedFounding(f: FoundingWords, facts: FormFacts): FormFacts {
  const words = f.foundingClause;
  const founded = facts.foundedOn ?? (facts.foundedYear === undefined ? undefined : String(facts.foundedYear));
  if (!words || !facts.history || !founded) return facts;
  const [year, month, day] = founded.split('-').map(Number);
  const subjects = [...(facts.name ? [facts.name.trim()] : []), ...words.subjects].map(escapeRegex).join('|');
  const verbs = words.verbs.map(escapeRegex).join('|');
  const date = '(\\d{4})年(?:(\\d{1,2})月)?(?:(\\d{1,2})[日号])?';
  const forms = [new RegExp(`^(${subjects})?(?:于|在)?${date}(?:正式)?(?:${verbs})的?$`, 'u'), new RegExp(`^(${subjects})?(?:${verbs})于${date}$`, 'u')];
  const covered = (m: RegExpExecArray) =>
    Number(m[2]) === year && (m[3] === undefined || Number(m[3]) === month) && (m[4] === undefined || Number(m[4]) === day);
  let dropped = false;
  const sentences = (facts.history.match(/[^。；;！!]+[。；;！!]*/gu) ?? []).map((s) => {
    if (dropped) return s;
    const end = /[。；;！!]*$/u.exec(s)![0];
    const clauses = s.slice(0, s.length - end.length).split(/[，,]/u);
    const restated = clauses.map((c) => forms.map((re) => re.exec(c.trim())).find((m) => m && covered(m)));
    const i = restated.findIndex(Boolean);
    if (i < 0) return s;
    dropped = true;
    const subject = restated[i]![1];
    const rest = clauses.filter((_c, k) => k !== i);
    if (!rest.length) return '';
    // 「公司于2013年建厂，起初生产挂面」: the clause after it keeps the subject.
    if (subject && i < rest.length && !new RegExp(`^(?:${subjects})`, 'u').test(rest[i]!.trim())) rest[i] = subject + rest[i]!.trim();
    return rest.join('，') + end;
  });
  const history = sentences.join('').trim();
  return dropped && history ? { ...facts, history } : facts;
}
