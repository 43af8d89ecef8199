import type { DraftProfile, DraftResult, Sentence } from '../../server/schemas/forms';
import type { FormDrafting } from '../../server/knowledge/schemas/forms';
import type { FilledForm } from '../../server/forms/fill';
import { traceProblems } from './trace';
import { readFileSync } from 'node:fs';

/** The knowledge's shop-floor abbreviations (立库 → 立体仓库): a word said short is said all the same. */
const GLOSSARY = (JSON.parse(readFileSync('knowledge/henan-2023/form-drafting.json', 'utf8')) as Pick<FormDrafting, 'glossary'>).glossary ?? [];
const writtenOut = (t: string) => GLOSSARY.reduce((x, g) => x.split(g.word).join(g.written), t);

/**
 * Independent claim checker for drafts: a sentence that states a capability, a status, a date or a
 * number must name facts, every named fact must exist in the enterprise's data, every digit must be
 * a number traced to one of the sentence's own facts, and every system named must be one the
 * enterprise confirmed or wrote itself. Requests for facts (〔请补充：…〕) claim nothing.
 */
const PLACEHOLDER = /〔请补充：[^〕]*〕/g;
const STATUS = ['正在建设', '尚未', '全面投用', '部分', '已建成', '试运行'];
const CLAIM_VERBS = /(应用|建有|采用|建成|建设|建立|实现|部署|获得|通过|投入|拥有|上线)/;

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** The value behind a fact id, or undefined when the enterprise gave no such fact. */
export function factValue(p: DraftProfile, id: string): unknown {
  let m: RegExpExecArray | null;
  if ((m = /^form\.(elements|workshops\.\d+\.descriptions)\.(.+)$/.exec(id))) return (at(p.form, m[1]!) as Record<string, unknown> | undefined)?.[m[2]!];
  if (id.startsWith('form.')) return at(p.form, id.slice(5));
  if ((m = /^capabilities\.(\w+)$/.exec(id))) {
    // A 「没有」 or 「在建」 is a fact the enterprise gave too; what a sentence may say of it is checked below.
    return (p.capabilities as Record<string, unknown>)[m[1]!];
  }
  if (id.startsWith('metrics.')) return at(p.metrics, id.slice(8));
  if (id.startsWith('enterprise.')) return at(p.enterprise, id.slice(11));
  if ((m = /^computed:changeRatio\((\w+)\)$/.exec(id))) {
    const ind = (p.form.indicators ?? {}) as Record<string, { before?: number; after?: number }>;
    const ok = (side: 'before' | 'after') => ind[m![1]!]?.[side] !== undefined || (m![1] === 'productivity' && ind.outputValue?.[side] !== undefined && ind.headcount?.[side] !== undefined);
    return ok('before') && ok('after') ? true : undefined;
  }
  if ((m = /^computed:outputPerPersonDay\((before|after)\)$/.exec(id))) {
    const ind = p.form.indicators ?? {};
    return ind.outputValue?.[m[1] as 'before'] !== undefined && ind.headcount?.[m[1] as 'before'] !== undefined && ind.workingDays ? true : undefined;
  }
  if ((m = /^computed:share\(form\.([\w.]+),form\.([\w.]+)\)$/.exec(id))) return at(p.form, m[1]!) !== undefined && at(p.form, m[2]!) !== undefined ? true : undefined;
  if ((m = /^computed:debtRatio\((\d{4})\)$/.exec(id))) return p.form.finance?.[m[1]!]?.totalAssets !== undefined && p.form.finance?.[m[1]!]?.totalLiabilities !== undefined ? true : undefined;
  if ((m = /^computed:count\(form\.([\w.]+)\)$/.exec(id))) return at(p.form, m[1]!);
  if (id === 'computed:productsShare') return (p.form.products ?? []).length && p.form.products!.every((x) => x.share !== undefined && !x.approx) ? true : undefined;
  return undefined;
}

/** Every word that names a capability: the knowledge's terms, names and abbreviations. */
export function capabilityTerms(d: FormDrafting): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, c] of Object.entries(d.capabilities)) {
    const abbr = [...c.name.matchAll(/（([A-Za-z]+)）/g)].map((x) => x[1]!);
    out.set(id, [...new Set([c.name, c.claim, c.short, ...abbr, ...((c.terms as string[] | undefined) ?? [])].filter((x): x is string => !!x && x.length >= 2))]);
  }
  return out;
}

function word(text: string, w: string): boolean {
  return /^[A-Za-z]/.test(w) ? new RegExp(`(?<![A-Za-z])${w}(?![A-Za-z])`).test(text) : text.includes(w);
}

export function sentenceProblems(p: DraftProfile, d: Pick<DraftResult, 'numbers'>, s: Sentence, terms: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const body = s.text.replace(PLACEHOLDER, '');
  const hadPlaceholder = body !== s.text;
  const bad = (why: string) => problems.push(`${why}: 「${s.text}」 facts=${JSON.stringify(s.facts)}`);
  for (const f of s.facts) if (f.startsWith('edit:') ? false : factValue(p, f) === undefined) bad(`fact ${f} does not exist`);
  const texts = s.facts.map((f) => factValue(p, f)).filter((v): v is string => typeof v === 'string').flatMap((t) => [t, writtenOut(t)]);
  const told = (w: string) => texts.some((t) => word(t, w)) || (p.enterprise?.name ?? '').includes(w) || (p.form.name ?? '').includes(w);
  // Digits: each must be a traced number of one of this sentence's facts (the form's own years excepted).
  const own = new Set(d.numbers.filter((n) => s.facts.includes(n.source.replace(/^key:/, '')) || n.source.startsWith('spec:')).map((n) => n.value.replace(/^-/, '')));
  for (const run of body.match(/\d+(?:\.\d+)?/g) ?? []) if (!own.has(run) && !told(run)) bad(`number ${run} without a fact of this sentence`);
  // Systems: named only when confirmed (capabilities.X) or written by the enterprise itself.
  const isHeading = /^【[^】]*】$/.test(body);
  for (const [cap, words] of isHeading ? [] : terms) {
    const hit = words.find((w) => word(body, w));
    if (!hit) continue;
    if (s.facts.includes(`capabilities.${cap}`)) {
      // A system the enterprise lacks or is building is never said as one in place.
      const v = factValue(p, `capabilities.${cap}`);
      if (v === false && !body.includes('尚未')) bad(`names 「${hit}」 (${cap}), which the enterprise lacks, without 尚未`);
      if (typeof v === 'string' && v !== 'partial' && !body.includes('正在')) bad(`names 「${hit}」 (${cap}), which is being built, without 正在`);
      continue;
    }
    if (told(hit)) continue;
    // A longer confirmed name containing the word (「数据采集和监控系统（SCADA）」 holds 「SCADA」) is the same claim.
    const covered = s.facts.some((f) => f.startsWith('capabilities.') && (terms.get(f.slice(13)) ?? []).some((w) => w.includes(hit) && word(body, w)));
    if (!covered) bad(`names 「${hit}」 (${cap}) without the enterprise saying so`);
  }
  for (const w of STATUS) {
    if (!body.includes(w)) continue;
    const partialCap = w === '部分' && s.facts.some((f) => factValue(p, f) === 'partial');
    // 在建 is drafted 「正在建设…，尚未投入使用」: both words are the enterprise's own.
    const lackingCap = w === '尚未' && s.facts.some((f) => f.startsWith('capabilities.') && (factValue(p, f) === false || factValue(p, f) === 'building'));
    const buildingCap = w === '正在建设' && s.facts.some((f) => f.startsWith('capabilities.') && typeof factValue(p, f) === 'string' && factValue(p, f) !== 'partial');
    // 还没接 is written 尚未接入 by the formal rules: the enterprise said it.
    const saidNotYet = w === '尚未' && (told('还没') || told('还未'));
    if (!partialCap && !lackingCap && !buildingCap && !saidNotYet && !told(w)) bad(`states 「${w}」 without the enterprise saying so`);
  }
  if (!s.facts.length && !hadPlaceholder && CLAIM_VERBS.test(body) && !/^【/.test(body)) bad('claims with no fact');
  return problems;
}

/** Problems of every sentence of a draft; the number of sentences checked is returned too. */
export function draftClaimProblems(p: DraftProfile, d: DraftResult, terms: Map<string, string[]>): { checked: number; problems: string[] } {
  const problems = d.sentences.flatMap((s) => sentenceProblems(p, d, s, terms).map((x) => `${d.section}: ${x}`));
  const joined = d.sentences.map((s) => s.text).join('');
  // The sentences are the whole draft: nothing printed escapes the check.
  if (joined.replace(/\s/g, '') !== d.text.replace(/\s/g, '')) problems.push(`${d.section}: sentences do not make up the text`);
  return { checked: d.sentences.length, problems };
}

/**
 * Every claim of the drafts, and every number of the drafts and of the filled form's values, tables
 * and workshop cells, that does not trace to the enterprise's own facts; with how many claims were checked.
 */
export function filledFormProblems(p: DraftProfile, form: FilledForm, drafts: DraftResult[], terms: Map<string, string[]>): { checked: number; problems: string[] } {
  const problems: string[] = [];
  let checked = 0;
  for (const d of drafts) {
    const r = draftClaimProblems(p, d, terms);
    checked += r.checked;
    problems.push(...r.problems, ...traceProblems(p, d.text, d.numbers).map((x) => `${d.section}: ${x}`));
  }
  for (const [id, v] of Object.entries(form.values)) problems.push(...traceProblems(p, v.text, v.numbers).map((x) => `${id}: ${x}`));
  for (const [id, rows] of Object.entries(form.matrices)) for (const c of rows.flat()) problems.push(...traceProblems(p, c.text, c.numbers).map((x) => `${id}: ${x}`));
  for (const [i, w] of form.workshops.entries()) for (const [id, c] of Object.entries(w.cells)) problems.push(...traceProblems(p, c.text, c.numbers).map((x) => `ws${i}.${id}: ${x}`));
  return { checked, problems };
}
