import type { FormField, FormSpec } from '../knowledge/schemas/forms';
import type { Category, CapabilityId, CapabilityValue } from '../schemas/profile';
import type { DraftProfile, DraftResult, NumberSource, FormFacts, Sentence } from '../schemas/forms';
import { countChars } from './length';
import { fmt, sharePercent } from './compute';
import { factoryRatioConflicts, honoursAgainstAssessment, ratiosAgainstCounts, workshopTextRatioConflicts, financeValue, indicatorChange, indicatorValue, yearsSinceFounding, type IndicatorId, type ResolvedValue } from './facts';
import { formSpec, noticeYear, type FormsKnowledge } from './knowledge';
import { draftableSections } from './spec';
import { formalFacts, spokenFactsAsked, withoutRestatedFounding } from './formal';
import { absoluteDates, dateReference, documentReply, typedWithoutHedges, withoutHedges } from './document-form';
import { DETAIL_PREFIX } from '../engine/interpret';
import { writtenRoundFigure } from '../understand';
import type { NumberLabel } from '../llm/provenance';
import type { Template, Templates } from './template';
import type { KnowledgeData } from '../knowledge/load';
import type { Assessment } from '../schemas/profile';
import { evalCategory, evaluateFacts } from '../engine/assess';
import { emptyFacts } from '../engine/facts';
import { fill as fillText } from '../engine/kb';

export interface FormsContext extends FormsKnowledge {
  templates: Templates;
  /**
   * The engine's knowledge. When given, the gaps flagged in 三 are the engine's own conditions, so the
   * draft names the same 三(一)4 branch (离散/流程) as the assessment, including a mode the engine inferred.
   */
  engine?: KnowledgeData;
}

/**
 * Slot content; `missing` lists placeholders already written inside the text; `facts` are the fact ids it rests on;
 * `short` is the piece without its requests, which an optional sentence prints rather than being left out for them.
 * `confirm`: the piece is the request for the exact figure of one the enterprise gave round (约620人); an optional
 * sentence keeps it, so a figure that was answered never drops out of the text without a trace.
 */
/**
 * `rough`: the request for the exact figure of one answered round, which quotes the figure with its unit (约100人) and
 * asks for 准确数字: the sentence's unit after it (现有员工{employees}人) is not printed after such a request.
 */
type Piece = { text: string; numbers: NumberSource[]; facts?: string[]; source?: string; sentences?: boolean; missing?: string[]; short?: Piece; confirm?: true; rough?: true };
/**
 * `absent`: the fact cannot exist (figures of years before the founding), so the sentence that would state it is left out.
 * `notApplicable`: the enterprise has not got the fact (a 分公司's 注册资本); a required sentence says so in `note`, an optional one is left out.
 */
type Slot = Piece | { missing: string } | { absent: true } | { notApplicable: string };

interface Unit {
  order: number;
  required: boolean;
  priority: number;
  text: string;
  numbers: NumberSource[];
  /** The facts the unit's claims rest on; empty only for framing text (headings, placeholders). */
  facts: string[];
  missing: string[];
  /** A cell's bare request 〔请补充：<cell>情况〕, dropped where the element asks for specifics. */
  generic?: boolean;
  /** The capabilities a request asks about. */
  asks?: CapabilityId[];
}

interface Ctx {
  kb: FormsContext;
  profile: DraftProfile;
  facts: FormFacts;
  spec: FormSpec;
  category: Category;
  /** Workshop the cell is drafted for (0-based). */
  ws: number;
  /** Labels of facts whose absence dropped an optional sentence: the facts that would add length. */
  skipped: string[];
  /** The branch (离散/流程): the form's own, else the one the enterprise gave, else the engine's inference. */
  mode?: 'discrete' | 'process';
  /** Capabilities an earlier cell of the same element of 三 already stated or asked about: each is said once there. */
  saidCaps?: Set<CapabilityId>;
  /** The date the enterprise's relative words (去年, 年底) count from: see dateReference. */
  asOf?: string;
  /** The capabilities whose chat reply was hedged (算吧, 应该有): what the form states of them is asked to be confirmed. */
  hedged?: Set<CapabilityId>;
  /** The interview's words of each hedged capability as said, hedges included: a request to rewrite them quotes them so. */
  hedgedSaid?: Record<string, string>;
  /** The requests that stand in typed cells for a figure given as a guess (「大概一半」). */
  guesses?: Set<string>;
  /** The history is stated in an earlier home section (see saidOnce), so this one says the founding date itself. */
  historyElsewhere?: boolean;
  /** The cell is drafted for one workshop's column of the table, not for section 三 (see sharedCaps). */
  tableCell?: boolean;
}

/** A visible request for a fact, in the enterprise's terms. */
export function placeholder(label: string): string {
  return `〔请补充：${label}〕`;
}
export const PLACEHOLDER_RE = /〔请补充：([^〕]*)〕/g;

/**
 * A request that names its unit (〔请补充：软硬件投资（万元）〕) or asks for a ratio (〔请补充：…比例〕) already says
 * what the sentence's unit after it would: 「〔…（万元）〕万元」 is printed once.
 */
export function withoutRepeatedUnit(text: string): string {
  return text.replace(/(〔请补充：[^〕]*?（([^（）〕]+)）(?:的准确数字（[^（）〕]*）)?〕)\2/gu, '$1').replace(/(〔请补充：[^〕]*(?:比例|率)〕)[%％]/gu, '$1');
}

/** The fact id a number or slot source stands for: "key:form.finance.2022" → "form.finance.2022"; form years are not facts. */
function factId(source: string): string | null {
  if (source.startsWith('spec:')) return null;
  return source.replace(/^key:/, '');
}

function factsOf(p: { numbers: NumberSource[]; facts?: string[]; source?: string }): string[] {
  const out = new Set<string>(p.facts ?? []);
  if (p.source) out.add(p.source);
  for (const n of p.numbers) {
    const f = factId(n.source);
    if (f) out.add(f);
  }
  return [...out];
}

/** Every digit run of a fact's own text is traced back to that fact. */
function digitsOf(text: string, source: string): NumberSource[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map((value) => ({ value, source }));
}

/** The enterprise's own text, kept verbatim; only a missing sentence end is added. */
function textPiece(text: string | undefined, source: string, sentences = false): Piece | null {
  if (text === undefined || text.trim() === '') return null;
  let t = text.trim();
  if (sentences && !/[。！？!?；;]$/.test(t)) t += '。';
  // A request the drafting step wrote inside the text (a relative date it could not date, a sentence left spoken) is
  // listed as missing. It stands for words the enterprise gave, so an optional sentence keeps it, as it keeps the request
  // for a figure answered round, and the rest of the text is not dropped for it.
  const asked = [...t.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!);
  return { text: t, numbers: digitsOf(t.replace(PLACEHOLDER_RE, ''), source), source, sentences, ...(asked.length ? { missing: asked, confirm: true as const } : {}) };
}

function numPiece(n: number | undefined, source: string): Piece | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const s = fmt(n);
  return { text: s, numbers: [{ value: s, source }] };
}

function resolvedPiece(v: ResolvedValue | null, prefix = ''): Piece | null {
  if (!v) return null;
  const source = v.source.startsWith('computed:') ? v.source : prefix + v.source;
  return { text: v.display, numbers: [{ value: v.display, source, ...(v.formula ? { formula: v.formula } : {}) }] };
}

function dateText(d: string): string {
  const [y, m, day] = d.split('-');
  return `${Number(y)}年${Number(m)}月${day ? `${Number(day)}日` : ''}`;
}

function datePiece(d: string | undefined, source: string): Piece | null {
  if (!d) return null;
  const text = dateText(d);
  return { text, numbers: digitsOf(text, source) };
}

/** The founding year the interview gave, while the form has no date: 「2015年」, a fact of the enterprise's own. */
function foundedYearPiece(f: FormFacts): Piece | null {
  if (f.foundedYear === undefined) return null;
  const text = `${f.foundedYear}年`;
  return { text, numbers: digitsOf(text, 'form.foundedYear') };
}

function label(ctx: Ctx, key: string): string {
  return ctx.kb.formDrafting.factLabels[key] ?? key;
}

function financeYears(f: FormFacts): string[] {
  return Object.keys(f.finance ?? {}).sort();
}

/** The years of the form's 近三年主要经济指标 table. */
function formYears(ctx: Ctx): string[] {
  const b = ctx.spec.section1.blocks.find((x) => x.type === 'matrix' && x.id === 'finance');
  const cols = b && b.type === 'matrix' ? b.columns.map((c) => c.key) : [];
  return cols.length ? cols : financeYears(ctx.facts);
}

/** What the enterprise said of a capability: yes, partly, no, or being built (在建). */
type CapStatus = CapabilityValue;

function capStatus(ctx: Ctx, cap: CapabilityId): CapStatus | undefined {
  return ctx.profile.capabilities?.[cap];
}

function workshopName(ctx: Ctx, i: number): Piece | null {
  return textPiece(ctx.facts.workshops?.[i]?.name, `form.workshops.${i}.name`);
}

/** The subject of a sentence about what the enterprise (公司) or the workshop (车间) has. */
function subject(ctx: Ctx): string {
  return ctx.kb.formDrafting.subjects[ctx.category] ?? '公司';
}

/** Whether the enterprise's own text already opens with a subject, so it can stand as a sentence of its own. */
function hasSubject(ctx: Ctx, text: string): boolean {
  const names = [ctx.facts.name, ctx.profile.enterprise?.name, ctx.facts.project?.name].filter((x): x is string => !!x);
  return /^(公司|本公司|我公司|该公司|企业|本企业|集团|工厂|本工厂|车间|本车间|我们|我司|我厂|本厂|产品|主要产品|主营产品)/.test(text) || names.some((n) => text.startsWith(n));
}

/**
 * A cell text that opens with a verb once in written form (「采用金蝶ERP，…」) gets the cell's subject: the
 * workshop a per-workshop cell of a factory describes, else the unit applying (公司 / 车间).
 */
function withSubject(ctx: Ctx, p: Piece | null, perWs: boolean): Piece | null {
  if (!p || !ctx.kb.formDrafting.leadVerbs.some((v) => p.text.startsWith(v))) return p;
  const ws = perWs && ctx.category !== 'smartWorkshop' ? workshopName(ctx, ctx.ws) : null;
  if (ws) return { ...p, text: ws.text + p.text, numbers: [...ws.numbers, ...p.numbers], facts: [...(p.facts ?? []), ...factsOf(ws)] };
  return { ...p, text: (perWs && ctx.category !== 'smartWorkshop' ? '车间' : subject(ctx)) + p.text };
}

/** The business statement as a sentence with a subject: 「公司主要从事…的研发、生产和销售。」 */
function businessPiece(ctx: Ctx, p: Piece | null): Piece | null {
  if (!p || hasSubject(ctx, p.text)) return p;
  const lead = /^(主要|专注|致力|从事|以|是|为)/.test(p.text) ? '公司' : /^(生产|制造|研发|经营|加工|销售)/.test(p.text) ? '公司主要' : '公司主要从事';
  return { ...p, text: lead + p.text };
}

function marketingPiece(ctx: Ctx, p: Piece | null): Piece | null {
  if (!p || hasSubject(ctx, p.text)) return p;
  return { ...p, text: '公司' + p.text };
}

/**
 * The main products' share of revenue when the enterprise gave each product's own and no total: their sum,
 * with its formula. A share given round (约占六成) makes the sum round too, so none is computed from one.
 */
function productsShare(ctx: Ctx, f: FormFacts): Piece | null {
  const ps = mainProducts(ctx, f).map(([p]) => p);
  if (!ps.length || ps.some((p) => p.share === undefined || p.approx)) return null;
  const sum = Number(ps.reduce((a, p) => a + p.share!, 0).toPrecision(12));
  if (sum > 100) return null;
  const text = fmt(sum);
  return { text, numbers: [{ value: text, source: 'computed:productsShare', formula: `主营产品收入占比 = ${ps.map((p) => `${p.name} ${fmt(p.share!)}%`).join(' + ')} = ${text}%` }] };
}

/** The products as typed, with their index, without a name that stands for the rest of the revenue (「其他」). */
function mainProducts(ctx: Ctx, f: FormFacts): [NonNullable<FormFacts['products']>[number], number][] {
  const rest = new Set(ctx.kb.formDrafting.remainderProducts);
  return (f.products ?? []).map((p, i) => [p, i] as [NonNullable<FormFacts['products']>[number], number]).filter(([p]) => !rest.has(p.name.trim()));
}

/** The products typed that stand for the rest of the revenue (「其他一成」) with a share said, with their index. */
function restProducts(ctx: Ctx, f: FormFacts): [NonNullable<FormFacts['products']>[number], number][] {
  const rest = new Set(ctx.kb.formDrafting.remainderProducts);
  return (f.products ?? []).map((p, i) => [p, i] as [NonNullable<FormFacts['products']>[number], number]).filter(([p]) => rest.has(p.name.trim()) && p.share !== undefined);
}

/** Whether the history already tells the founding, so the date is not said twice. */
function historyTellsFounding(f: FormFacts): boolean {
  const year = f.foundedOn?.slice(0, 4) ?? (f.foundedYear === undefined ? undefined : String(f.foundedYear));
  if (!f.history || !year) return false;
  return /(成立|创立|创建|始建|组建|注册设立|改制设立|设立|建厂)/.test(f.history) && f.history.includes(year);
}

/** Resolves a template slot to the enterprise's own fact, a computed value, or a missing label. */
/**
 * The request for a fact answered as a round figure (「六百二十来个人」), which the signed form does not state as the
 * exact one: it names the fact and quotes the answer in written form (约620人), so a reader sees what was said.
 */
function roughFigure(ctx: Ctx, fact: string): Piece | null {
  const rough = ctx.facts.approximate?.find((a) => a.fact === fact);
  if (!rough) return null;
  // The fact's own label names the figure (员工人数, 软硬件投资（万元））, where the question's may name only what is counted
  // (企业现有员工); the question's is used for a fact the drafting labels do not name (a workshop's count).
  const own = label(ctx, fact);
  const lab = roughRequest(ctx, own !== fact ? own : rough.label ?? own, rough.said);
  return { text: placeholder(lab), numbers: [], missing: [lab], confirm: true, rough: true };
}

/** 「{label}的准确数字（已答“约620人”）」: a round answer quoted in the neutral written form, not the words as said. */
function roughRequest(ctx: Ctx, lab: string, said: string): string {
  const { approximate, approximateNote } = ctx.kb.formDrafting.requests;
  return fillText(approximate, { label: lab }) + fillText(approximateNote, { said: writtenRoundFigure(said) });
}

function slot(ctx: Ctx, name: string): Slot {
  const f = ctx.facts;
  const miss = (key: string): Slot => roughFigure(ctx, key) ?? { missing: label(ctx, key) };
  const or = (p: Piece | null, key: string): Slot => p ?? miss(key);
  switch (name) {
    case 'name':
      return f.name ? textPiece(f.name, 'form.name')! : or(textPiece(ctx.profile.enterprise?.name, 'enterprise.name'), 'name');
    case 'founded': {
      // 「成立于…，」 or nothing when the history already tells it: one mention per fact.
      if (historyTellsFounding(f) && !ctx.historyElsewhere) return { text: '', numbers: [] };
      const d = datePiece(f.foundedOn, 'form.foundedOn') ?? foundedYearPiece(f);
      if (!d) return { text: `成立于${placeholder(label(ctx, 'foundedOn'))}，`, numbers: [], missing: [label(ctx, 'foundedOn')] };
      return { ...d, text: `成立于${d.text}，` };
    }
    case 'unitName': {
      const p = textPiece(f.project?.name, 'form.project.name') ?? (ctx.category === 'smartWorkshop' ? workshopName(ctx, 0) : null);
      return or(p, 'project.name');
    }
    case 'foundedDate':
      return or(datePiece(f.foundedOn, 'form.foundedOn'), 'foundedOn');
    case 'address':
    case 'industry':
    case 'capitalNature':
      return or(textPiece(f[name], `form.${name}`), name);
    case 'business':
      return or(businessPiece(ctx, textPiece(f.business, 'form.business', true)), name);
    case 'marketing':
      return or(marketingPiece(ctx, textPiece(f.marketing, 'form.marketing', true)), name);
    case 'history':
      return or(textPiece(f[name], `form.${name}`, true), name);
    case 'advantages':
    case 'benefits':
      return or(withSubject(ctx, textPiece(f[name], `form.${name}`, true), false), name);
    case 'rnd.description':
      return or(withSubject(ctx, textPiece(f.rnd?.description, 'form.rnd.description', true), false), name);
    case 'patents.description':
      return or(withSubject(ctx, textPiece(f.patents?.description, 'form.patents.description', true), false), name);
    case 'registeredCapital': {
      const na = notApplicable(ctx, name);
      if (na) return { notApplicable: na };
      const p = numPiece(f[name], `form.${name}`);
      return p ? { ...p, text: p.text + unitOf(ctx, name) } : miss(name);
    }
    case 'employees':
      return or(numPiece(f[name], `form.${name}`), name);
    case 'mainProductsShare':
      return or(numPiece(f.mainProductsShare, 'form.mainProductsShare') ?? productsShare(ctx, f), name);
    case 'rnd.staff':
      return or(numPiece(f.rnd?.staff, 'form.rnd.staff'), name);
    case 'patents.total':
      return or(numPiece(f.patents?.total, 'form.patents.total'), name);
    case 'patents.invention':
      return or(numPiece(f.patents?.invention, 'form.patents.invention'), name);
    case 'products': {
      const ps = mainProducts(ctx, f);
      if (!ps.length) return miss('products');
      const numbers: NumberSource[] = [];
      const facts: string[] = [];
      const missing: string[] = [];
      const shares = ctx.kb.formDrafting.productShares;
      // Once one product is given a share, each product's share sits with it, asked for where it is missing, so no
      // share is read as another product's or as the total. With none given, the total has its own sentence.
      const perProduct = ps.some(([p]) => p.share !== undefined);
      const parts = ps.map(([p, i]) => {
        numbers.push(...digitsOf(p.name, `form.products.${i}.name`));
        facts.push(`form.products.${i}.name`);
        if (p.share !== undefined && !p.approx) {
          numbers.push({ value: fmt(p.share), source: `form.products.${i}.share` });
          return fillText(shares.exact, { name: p.name, share: fmt(p.share) });
        }
        if (!perProduct) return p.name;
        // A share given round (约占六成, 40%-50%) is not printed as a figure on the signed form: its request asks for
        // the exact one, with the words as typed (约55%) beside it in the app's draft, as every other round figure's does.
        const label = fillText(shares.label, { name: p.name });
        const rough = p.approx ? ctx.facts.approximate?.find((a) => a.fact === 'products' && a.label === label) : undefined;
        // A round share typed after the first (「…大概六成，橱柜三成」) is as round as it: its words are quoted too.
        const ask = rough ? roughRequest(ctx, label, rough.said) : p.approx && p.share !== undefined ? roughRequest(ctx, label, `${p.name}约${fmt(p.share)}%`) : label;
        missing.push(ask);
        return fillText(shares.asked, { name: p.name, ask: placeholder(ask) });
      });
      // The share said of the rest of the revenue prints after the main products, as said: never one of them, nor in their sum.
      let rest = '';
      if (perProduct && shares.rest && shares.restAsked && shares.restLabel) {
        for (const [p, i] of restProducts(ctx, f)) {
          const name = shares.restNames[p.name.trim()] ?? p.name.trim();
          facts.push(`form.products.${i}.name`);
          if (!p.approx) {
            numbers.push({ value: fmt(p.share!), source: `form.products.${i}.share` });
            rest += fillText(shares.rest, { name, share: fmt(p.share!) });
            continue;
          }
          const ask = roughRequest(ctx, fillText(shares.restLabel, { name }), `${name}约${fmt(p.share!)}%`);
          missing.push(ask);
          rest += fillText(shares.restAsked, { name, ask: placeholder(ask) });
        }
      }
      const names: Piece = { text: ps.map(([p]) => p.name).join('、'), numbers: ps.flatMap(([p, i]) => digitsOf(p.name, `form.products.${i}.name`)), facts: ps.map(([, i]) => `form.products.${i}.name`) };
      return { text: parts.join('、') + rest, numbers, facts, ...(missing.length ? { missing, short: names } : {}) };
    }
    case 'honours': {
      // An honour the assessment's answer on prior titles contradicts waits for the user to say which holds (see the flag).
      const against = new Set(honoursAgainstAssessment(f.honours, ctx.profile.enterprise?.priorTitles, ctx.kb.formDrafting.messages));
      const hs = (f.honours ?? []).map((h, i) => ({ h, i })).filter((x) => !against.has(x.h));
      if (!hs.length) return miss('honours');
      return { text: hs.map((x) => x.h).join('、'), numbers: hs.flatMap((x) => digitsOf(x.h, `form.honours.${x.i}`)), facts: hs.map((x) => `form.honours.${x.i}`) };
    }
    case 'latest.year': {
      const y = financeYears(f).filter((k) => f.finance![k]!.revenue !== undefined).pop();
      return y ? { text: y, numbers: [{ value: y, source: `key:form.finance.${y}` }], facts: [`form.finance.${y}.revenue`] } : miss('finance.revenue');
    }
    case 'latest.result': {
      // The year's profit as prose: 「利润1200万元」, or 「亏损300万元」 for a loss; the figure listed is the fact as given.
      const y = financeYears(f).filter((k) => f.finance![k]!.revenue !== undefined).pop();
      const p = y ? resolvedPiece(financeValue(f, y, 'profit'), 'form.') : null;
      return p ? { ...p, text: profitSaid(ctx, p.text) } : miss('finance.profit');
    }
    case 'latest.revenue':
    case 'latest.profit':
    case 'latest.tax': {
      const y = financeYears(f).filter((k) => f.finance![k]!.revenue !== undefined).pop();
      const key = name.slice(7) as 'revenue' | 'profit' | 'tax';
      return or(y ? resolvedPiece(financeValue(f, y, key), 'form.') : null, `finance.${key}`);
    }
    case 'finance.years': {
      // The years are the form's own (近三年主要经济指标 2020–2022), not a fact of the enterprise;
      // those before its founding are left out, and with none left there is nothing to state.
      const ys = yearsSinceFounding(formYears(ctx), f);
      if (!ys.length) return { absent: true };
      const a = ys[0]!;
      const b = ys[ys.length - 1]!;
      const source = 'spec:finance.columns';
      return a === b ? { text: `${a}年`, numbers: [{ value: a, source }] } : { text: `${a}—${b}年`, numbers: [{ value: a, source }, { value: b, source }] };
    }
    case 'project.end': {
      // A project still under construction is said so, with its planned date or the placeholder for it.
      const u = f.project?.underway ? ctx.kb.formDrafting.underwayProject : undefined;
      const d = datePiece(f.project?.end, 'form.project.end');
      if (!u) return or(d, name);
      if (d) return { ...d, text: fillText(u.end, { date: d.text }) };
      return { text: fillText(u.end, { date: placeholder(label(ctx, name)) }), numbers: [], missing: [label(ctx, name)] };
    }
    case 'project.start':
      return or(datePiece(f.project?.start, `form.${name}`), name);
    case 'project.investment':
      return or(numPiece(f.project?.investment, 'form.project.investment'), name);
    case 'workshops': {
      const ws = (f.workshops ?? []).map((w, i) => textPiece(w.name, `form.workshops.${i}.name`)).filter((p): p is Piece => !!p);
      return ws.length ? { text: ws.map((p) => p.text).join('、'), numbers: ws.flatMap((p) => p.numbers), facts: ws.flatMap(factsOf) } : miss('workshops.name');
    }
    case 'lines': {
      const ls = (f.workshops ?? []).flatMap((w, i) => (w.lines ?? []).map((l, j) => ({ l, src: `form.workshops.${i}.lines.${j}` })));
      return ls.length ? { text: ls.map((x) => x.l).join('、'), numbers: ls.flatMap((x) => digitsOf(x.l, x.src)), facts: ls.map((x) => x.src) } : miss('workshops.lines');
    }
    case 'capsShort': {
      const built = builtCapabilities(ctx);
      if (!built.length) return miss('capabilities');
      return { text: built.map((c) => capName(ctx, c, true)).join('、'), numbers: [], facts: built.flatMap((c) => capFacts(ctx, c)) };
    }
  }
  const fin = /^finance\.series\.(\w+)$/.exec(name);
  if (fin) {
    const key = fin[1] as 'revenue' | 'profit' | 'tax' | 'totalAssets' | 'debtRatio';
    const ys = yearsSinceFounding(formYears(ctx), f);
    if (!ys.length) return { absent: true };
    const vals = ys.map((y) => resolvedPiece(financeValue(f, y, key), 'form.'));
    if (vals.every((v) => !v)) return miss(`finance.${key === 'debtRatio' ? 'totalLiabilities' : key}`);
    const unit = key === 'debtRatio' ? '%' : '万元';
    // A year the enterprise has not given stays a placeholder in its place in the series.
    const missing = ys.filter((_y, i) => !vals[i]).map((y) => `${y}年${label(ctx, `finance.${key === 'debtRatio' ? 'totalLiabilities' : key}`)}`);
    return {
      text: vals.map((v, i) => (!v ? placeholder(missing.find((m) => m.startsWith(ys[i]!))!) : key === 'profit' && v.text.startsWith('-') ? profitSaid(ctx, v.text, false) : v.text + unit)).join('、'),
      numbers: vals.flatMap((v) => v?.numbers ?? []),
      missing,
    };
  }
  throw new Error(`unknown template slot {${name}}`);
}

/**
 * A profit figure (万元, as displayed) in prose: a loss is said as one (亏损300万元), never as 「-300万元」. In a series
 * (`labelled` false) a profit is the figure alone, the series' 「利润分别为」 naming it.
 */
function profitSaid(ctx: Ctx, display: string, labelled = true): string {
  const m = ctx.kb.formDrafting.messages;
  if (display.startsWith('-')) return fillText(m.lossSaid, { amount: display.slice(1) });
  return labelled ? fillText(m.profitSaid, { amount: display }) : `${display}万元`;
}

/** A system's short name in a claim: its abbreviation (SCADA), else its short name. */
function abbrOf(ctx: Ctx, cap: string): string {
  const p = ctx.kb.formDrafting.capabilities[cap as CapabilityId];
  if (!p) return cap;
  return /（([A-Za-z]+)）/.exec(p.name)?.[1] ?? p.short ?? p.name;
}

/** The systems a capability is made of (`involves`) that the enterprise said are in use, in part or whole. */
function involvedInUse(ctx: Ctx, cap: CapabilityId): string[] | undefined {
  const inv = ctx.kb.formDrafting.capabilities[cap]?.involves;
  if (!inv) return undefined;
  return inv.capabilities.filter((x) => {
    const s = capStatus(ctx, x as CapabilityId);
    return s === true || s === 'partial';
  });
}

/** Whether a yes to the capability can be claimed: one made of systems (集成) needs two of them in use. */
function claimable(ctx: Ctx, cap: CapabilityId): boolean {
  const used = involvedInUse(ctx, cap);
  return used === undefined || used.length >= 2;
}

/** The systems in use a claim of the capability names instead of all it is made of (see `capName`); none when it names them all. */
function namedInUse(ctx: Ctx, cap: CapabilityId): string[] | undefined {
  const p = ctx.kb.formDrafting.capabilities[cap]!;
  const used = capStatus(ctx, cap) === true || capStatus(ctx, cap) === 'partial' ? involvedInUse(ctx, cap) : undefined;
  return used && p.involves && used.length < p.involves.capabilities.length && used.length >= 2 ? used : undefined;
}

/** The facts a claim of the capability rests on: the capability, and each system in use its name lists. */
function capFacts(ctx: Ctx, cap: CapabilityId): string[] {
  return [`capabilities.${cap}`, ...(namedInUse(ctx, cap) ?? []).map((x) => `capabilities.${x}`)];
}

/** The name a yes to the capability question claims: never the notice's longer list. */
function capName(ctx: Ctx, cap: CapabilityId, short = false): string {
  const p = ctx.kb.formDrafting.capabilities[cap]!;
  // A system said 在建 or lacking is not named as integrated: the claim names those in use (SCADA与ERP系统集成).
  const used = namedInUse(ctx, cap);
  if (used && p.involves) {
    const names = used.map((x) => abbrOf(ctx, x));
    return fillText(p.involves.named, { names: `${names.slice(0, -1).join('、')}与${names[names.length - 1]}` });
  }
  const own = p.variants ? ownVariants(ctx.facts, p.variants, cap) : [];
  if (own.length) return own.join('、');
  return p.claim ?? (short ? p.short ?? p.name : p.name);
}

/**
 * The alternatives of a yes (罐区自动化 or 堆场管理, 机器视觉 or 大数据分析) that the enterprise's own words name: what
 * it said it has, not the notice's list. Its words are its workshops, lines, cell texts and what it said of the
 * capability in the interview; when they name none of the alternatives, or every one, nothing narrower can be said.
 */
function ownVariants(f: FormFacts, variants: { name: string; terms: string[] }[], cap: CapabilityId): string[] {
  const ws = f.workshops ?? [];
  const text = [
    ...ws.flatMap((w) => [w.name ?? '', ...(w.lines ?? []), ...Object.values(w.descriptions ?? {})]),
    ...Object.values(f.elements ?? {}),
    f.capabilityDetails?.[cap] ?? '',
  ].join('\n').toLowerCase();
  const named = variants.filter((v) => v.terms.some((t) => text.includes(t.toLowerCase())));
  return named.length && named.length < variants.length ? named.map((v) => v.name) : [];
}

/** The placeholder's request for a capability, in the branch's own words. */
function capAsk(ctx: Ctx, cap: CapabilityId): string {
  const p = ctx.kb.formDrafting.capabilities[cap]!;
  const mode = productionMode(ctx);
  return (mode && p.askByMode?.[mode]) ?? p.ask;
}

function productionMode(ctx: Ctx): 'discrete' | 'process' | undefined {
  return ctx.mode;
}

function branchOf(kb: FormsContext, profile: DraftProfile, category: Category): 'discrete' | 'process' | undefined {
  if (category === 'discreteFactory') return 'discrete';
  if (category === 'processFactory') return 'process';
  if (profile.productionMode) return profile.productionMode;
  if (!kb.engine) return undefined;
  const m = evaluateFacts(kb.engine, engineFacts(profile)).mode;
  return m === 'discrete' || m === 'process' ? m : undefined;
}

function engineFacts(profile: DraftProfile) {
  const f = emptyFacts();
  if (profile.enterprise?.industryCode) f.enterprise.industryCode = profile.enterprise.industryCode;
  if (profile.productionMode) f.productionMode = profile.productionMode;
  f.capabilities = { ...profile.capabilities };
  f.metrics = { ...(profile.metrics ?? {}) };
  return f;
}

/**
 * The capabilities of an element in the form's branch: a 车间 form's 三(一)4 has a 离散 and a 流程 list,
 * and a summary names the systems of the enterprise's own branch (both lists while the branch is unknown).
 */
function elementCaps(ctx: Ctx, el: FormSpec['section3']['elements'][number]): CapabilityId[] {
  if (!el.byMode) return el.capabilities;
  const mode = productionMode(ctx);
  return mode ? el.byMode[mode] ?? el.capabilities : [...new Set([...el.capabilities, ...Object.values(el.byMode).flat()])];
}

/** Capabilities of the category's elements that the enterprise has built, in element order. */
function builtCapabilities(ctx: Ctx, status: true | 'partial' = true): CapabilityId[] {
  const seen = new Set<CapabilityId>();
  for (const e of ctx.spec.section3.elements) for (const c of elementCaps(ctx, e)) if (capStatus(ctx, c) === status && claimable(ctx, c)) seen.add(c);
  return [...seen];
}

/**
 * The knowledge's note for a fact the enterprise has not got by its own interview answer (a 分公司 has no
 * 注册资本), or null: the draft then states neither a figure nor a request for one.
 */
function notApplicable(ctx: Ctx, fact: string): string | null {
  const na = ctx.kb.formQuestions.questions.find((q) => q.fact === fact)?.notApplicable;
  return na && holds(na, ctx.profile) ? na.note : null;
}

/** Whether the enterprise's answer (its drafting profile's `enterprise.*` fact) makes the fact not apply. */
function holds(na: { fact: string; value: unknown }, profile: DraftProfile): boolean {
  const [, key] = na.fact.split('.') as [string, string];
  return (profile.enterprise as Record<string, unknown> | undefined)?.[key] === na.value;
}

/**
 * The profile without the form facts the enterprise has not got by its own answers (a 注册资本 typed for a
 * 分公司 is its head office's): what a model is given to write from, so it can neither state nor source one.
 */
export function applicableProfile(kb: FormsKnowledge, profile: DraftProfile): DraftProfile {
  const form: Record<string, unknown> = { ...profile.form };
  // The facts such a question sets are top-level (registeredCapital).
  for (const q of kb.formQuestions.questions) if (q.notApplicable && holds(q.notApplicable, profile)) delete form[q.fact];
  // A round figure's words are the user's note to fix, not a fact a model may write from.
  delete form.approximate;
  delete form.honoursNotHeld;
  delete form.linesNotBuilt;
  // An honour the assessment's prior-title answer contradicts is not written until the user says which holds.
  const against = honoursAgainstAssessment(profile.form.honours, profile.enterprise?.priorTitles, kb.formDrafting.messages);
  if (against.length) {
    const kept = (profile.form.honours ?? []).filter((h) => !against.includes(h));
    if (kept.length) form.honours = kept;
    else delete form.honours;
  }
  return { ...profile, form: form as DraftProfile['form'] };
}

/** A figure's unit as its form question names it (「万元」), printed after the figure by the slot itself. */
function unitOf(ctx: Ctx, fact: string): string {
  return ctx.kb.formQuestions.questions.find((q) => q.fact === fact)?.unit ?? '';
}

function isNotApplicable(s: Slot): s is { notApplicable: string } {
  return typeof (s as { notApplicable?: string }).notApplicable === 'string';
}

function isAbsent(s: Slot): s is { absent: true } {
  return (s as { absent?: true }).absent === true;
}

function isPiece(s: Slot): s is Piece {
  return typeof (s as Piece).text === 'string';
}

interface Filled {
  /** A slot's fact cannot exist: the sentence is left out whether or not it is required. */
  absent?: true;
  /** A slot's fact does not apply to the enterprise: its note stands in the text, and an optional sentence is left out. */
  notApplicable?: true;
  text: string;
  numbers: NumberSource[];
  facts: string[];
  missing: string[];
  /** The indicator a sentence of the benefits states the change of. */
  indicator?: IndicatorId;
  /** Of `missing`, the requests to confirm a figure given round, which an optional sentence keeps. */
  confirm?: string[];
  lastSlot?: Piece;
}

/** Where a round figure's request ends in a filled template, and the unit the template prints after it, dropped. */
const ROUGH_END = '\uE000';
const ROUGH_UNIT = /\uE000(?:台（套）|台\(套\)|台套|万元|亿元|元|人|台|套|项|个|家|条|天|吨|[%％])?/gu;

function fill(ctx: Ctx, text: string, vars: Record<string, Piece | { missing: string } | null> = {}, short = false): Filled {
  const numbers: NumberSource[] = [];
  const missing: string[] = [];
  const confirm: string[] = [];
  const facts = new Set<string>();
  let lastSlot: Piece | undefined;
  let absent = false;
  let na = false;
  const out = text.replace(/\{([\w.]+)\}/g, (_m, key: string) => {
    const s: Slot = key in vars ? vars[key] ?? { missing: key } : slot(ctx, key);
    const r: Slot = short && isPiece(s) && s.short ? s.short : s;
    if (isAbsent(r)) {
      absent = true;
      return '';
    }
    if (isNotApplicable(r)) {
      na = true;
      return r.notApplicable;
    }
    if (!isPiece(r)) {
      missing.push(r.missing);
      return placeholder(r.missing);
    }
    numbers.push(...r.numbers);
    for (const f of factsOf(r)) facts.add(f);
    if (r.missing) missing.push(...r.missing);
    if (r.confirm && r.missing) confirm.push(...r.missing);
    lastSlot = r;
    return r.rough ? r.text + ROUGH_END : r.text;
  });
  return { text: withoutRepeatedUnit(out.replace(ROUGH_UNIT, '')), numbers, facts: [...facts], missing, confirm, lastSlot, ...(absent ? { absent: true as const } : {}), ...(na ? { notApplicable: true as const } : {}) };
}

function sentenceUnits(ctx: Ctx, line: { required: boolean; priority: number; text: string }, order: number): Unit[] {
  const full = fill(ctx, line.text);
  // An optional sentence whose slot asks for a part (one product's share) is kept without the asks: the products
  // are worth stating in a short text, and their shares are asked for where they are required.
  const shortened = full.missing.length && !line.required ? fill(ctx, line.text, {}, true) : undefined;
  const r = shortened && !shortened.missing.length ? shortened : full;
  if (r.absent || (r.notApplicable && !line.required)) return [];
  if (r.missing.length && !line.required && r.missing.some((m) => !r.confirm?.includes(m))) {
    ctx.skipped.push(...r.missing);
    return [];
  }
  // A line that ends in the enterprise's own long text is split at sentence ends, so the
  // length fitter can keep the first sentences and drop the rest.
  const endsWithSlot = /\{[\w.]+\}$/.test(line.text);
  if (!r.missing.length && endsWithSlot && r.lastSlot?.sentences && r.lastSlot.source) {
    const prefix = r.text.slice(0, r.text.length - r.lastSlot.text.length);
    const prefixNumbers = r.numbers.slice(0, r.numbers.length - r.lastSlot.numbers.length);
    const parts = r.lastSlot.text.match(/[^。！？!?；;]+[。！？!?；;]*/g) ?? [r.lastSlot.text];
    return parts.map((s, k) => {
      const numbers = [...(k === 0 ? prefixNumbers : []), ...digitsOf(s, r.lastSlot!.source!)];
      return {
        order: order + k,
        required: line.required && k === 0,
        priority: line.priority + k * 0.5,
        text: (k === 0 ? prefix : '') + s,
        numbers,
        facts: k === 0 ? r.facts : [r.lastSlot!.source!],
        missing: [],
      };
    });
  }
  return [{ order, required: line.required, priority: line.priority, text: r.text, numbers: r.numbers, facts: r.facts, missing: r.missing }];
}

function named(ctx: Ctx, name: string): string {
  const t = ctx.kb.templates.cell?.named[name];
  if (!t) throw new Error(`template cell.md has no @${name}`);
  return t;
}

/** Whether text mentions a term; a Latin term counts only as a whole word (「CAD」 is not in 「SCADA」). */
export function mentions(text: string, term: string): boolean {
  if (!/^[A-Za-z]/.test(term)) return text.includes(term);
  return new RegExp(`(?<![A-Za-z])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text);
}

/** Words that name each capability: its terms, names and abbreviation (for checking a model's claims). */
export function claimTerms(d: FormsKnowledge['formDrafting']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, c] of Object.entries(d.capabilities)) {
    const abbr = [...c.name.matchAll(/（([A-Za-z]+)）/g)].map((x) => x[1]!);
    out[id] = [...new Set([c.name, c.claim, c.short, ...abbr, ...c.terms].filter((x): x is string => !!x && x.length >= 2))];
  }
  return out;
}

/** The unit of a form question as the words a sentence writes after the figure. */
const UNIT_WORDS: Record<string, string[]> = { 人: ['人', '名'], 万元: ['万元', '亿元', '元', '万', '亿'], 项: ['项', '件'], '台（套）': ['台', '套'] };

/**
 * The words that name each figure of the form and the units it is written in (「研发人员」 … 「人」), from the
 * form questions' own words (saidAs, nearSaidAs) and the form's labels: a model's figure is checked against the
 * fact its words name (研发人员96人 is rnd.staff), not against any fact that happens to hold the same digits.
 * Paths are the facts' paths in the draft input: 「form.finance.{year}.revenue」, 「form.workshops.{i}.equipmentTotal」.
 */
export function numberLabels(kb: FormsKnowledge): NumberLabel[] {
  const byPath = new Map<string, NumberLabel>();
  for (const q of kb.formQuestions.questions) {
    if (q.kind !== 'number' || !q.fact || !q.unit || q.fact.startsWith('indicators.') || q.fact.startsWith('meta.')) continue;
    const units = UNIT_WORDS[q.unit];
    if (!units) continue;
    const generic = q.fact.replace(/^finance\.\d{4}\./, 'finance.').replace(/\.\{i\}\./, '.');
    const path = `form.${q.fact.replace(/^finance\.\d{4}\./, 'finance.{year}.')}`;
    const label = kb.formDrafting.factLabels[generic];
    const words = [...(q.saidAs ?? []), ...(q.nearSaidAs ?? []), ...(label ? [label] : [])]
      .map((w) => w.replace(/^\d{4}年度?/, '').replace(/[（(][^）)]*[）)]$/, ''))
      .map((w) => (w.replace(/(?:总台套数|台套数|数量|人数)$/, '').length >= 2 ? w.replace(/(?:总台套数|台套数|数量|人数)$/, '') : w))
      .filter((w) => w.length >= 2);
    const had = byPath.get(path);
    byPath.set(path, { path, units, words: [...new Set([...(had?.words ?? []), ...words])] });
  }
  return [...byPath.values()];
}

/**
 * The reply without each clause that says a system is in use or integrated (「SCADA、MES和ERP都打通了」) while the
 * enterprise said that system is being built or lacking: a clause that says it is not (「WMS还没接」) stays. What was
 * left out is asked to be checked (`statusAsk`), so the form never claims a system against the answer given for it.
 */
function withoutStatusClaims(ctx: Ctx, cap: CapabilityId, said: string): { text: string; asks: string[] } {
  const d = ctx.kb.formDrafting;
  const st = d.capabilityStatus;
  const sa = d.documentForm.statusAsk;
  if (!st || !sa) return { text: said, asks: [] };
  const denies = [...st.negative, ...st.planned, ...st.trial];
  const asks: string[] = [];
  const clauses = said.match(/[^，,；;。]+[，,；;。]*/gu) ?? [said];
  const kept = clauses.filter((clause) => {
    if (denies.some((w) => clause.includes(w))) return true;
    const against = (Object.keys(d.capabilities) as CapabilityId[]).filter((x) => {
      const s = capStatus(ctx, x);
      if (x === cap || (s !== false && s !== 'building')) return false;
      return [abbrOf(ctx, x), ...(d.capabilities[x]!.terms ?? [])].some((t) => t.length >= 2 && mentions(clause, t));
    });
    for (const x of against)
      asks.push(fillText(sa.ask, { label: capName(ctx, cap, true), system: abbrOf(ctx, x), status: capStatus(ctx, x) === 'building' ? sa.building : sa.lacking }));
    return !against.length;
  });
  return { text: kept.join('').replace(/[，,；;]+$/u, ''), asks: [...new Set(asks)] };
}

/** Whether the enterprise's own text already states the capability in its words. */
function saidIn(ctx: Ctx, cap: CapabilityId, text: string): boolean {
  const terms = ctx.kb.formDrafting.capabilities[cap]?.terms ?? [];
  return terms.some((t) => mentions(text, t));
}

/**
 * One sentence for the capabilities the enterprise confirmed (or partly confirmed), grouped by verb:
 * 「公司应用制造执行系统（MES）、安灯系统（Andon）。」 Only what the answer said: no notice wording of what
 * the system achieves, and 「部分」 stays 「部分」.
 */
function capsSentence(ctx: Ctx, caps: CapabilityId[], status: true | 'partial', who = subject(ctx), short = false): Filled | null {
  const chosen = caps.filter((c) => capStatus(ctx, c) === status && ctx.kb.formDrafting.capabilities[c] && claimable(ctx, c));
  if (!chosen.length) return null;
  const byVerb = new Map<string, CapabilityId[]>();
  for (const c of chosen) {
    const v = ctx.kb.formDrafting.capabilities[c]!.verb;
    byVerb.set(v, [...(byVerb.get(v) ?? []), c]);
  }
  const d = ctx.kb.formDrafting;
  // 「部分」 stays 「部分」: a partly built system is never stated as one in place. What is lacking is asked, not stated (lackRequest).
  const said = (verb: string) => (status === 'partial' ? d.partialVerbs[verb] ?? `部分${verb}` : verb);
  const clauses = [...byVerb].map(([verb, cs]) => `${said(verb)}${cs.map((c) => capName(ctx, c, short)).join('、')}`);
  return { text: `${who}${clauses.join('，')}。`, numbers: [], facts: chosen.flatMap((c) => capFacts(ctx, c)), missing: [] };
}

/**
 * What the enterprise said it lacks is left to it: the 申报书 is its claim, so no sentence states the absence. A request
 * names each system (〔请补充：MES 的排产与调度应用情况（贵企业回答尚未具备，属要素条件缺项）〕); the note stays in the
 * app's draft and is left out of the signed form.
 */
function lackRequest(ctx: Ctx, caps: CapabilityId[]): Filled | null {
  const chosen = caps.filter((c) => capStatus(ctx, c) === false && ctx.kb.formDrafting.capabilities[c]);
  if (!chosen.length) return null;
  const r = ctx.kb.formDrafting.requests;
  const lab = fillText(r.lacking, { ask: chosen.map((c) => capAsk(ctx, c)).join('；') }) + r.lackingNote;
  return { text: placeholder(lab), numbers: [], facts: chosen.flatMap((c) => capFacts(ctx, c)), missing: [lab] };
}

/**
 * One sentence for the systems the enterprise said are being built: 「公司正在建设制造执行系统（MES），尚未投入使用。」,
 * then, for each whose go-live date the enterprise gave, that date as its plan: 「按公司计划，MES预计于2023年底投入使用。」
 */
function buildingSentence(ctx: Ctx, caps: CapabilityId[], who = subject(ctx)): Filled | null {
  const chosen = caps.filter((c) => capStatus(ctx, c) === 'building' && ctx.kb.formDrafting.capabilities[c]);
  if (!chosen.length) return null;
  const d = ctx.kb.formDrafting;
  let text = fillText(d.buildingSentence, { who, names: chosen.map((c) => capName(ctx, c)).join('、') });
  const facts = chosen.flatMap((c) => capFacts(ctx, c));
  const missing: string[] = [];
  const numbers: NumberSource[] = [];
  for (const c of chosen) {
    const plan = d.buildingPlan && buildingDetail(ctx, c)?.plan;
    if (!plan) continue;
    text += fillText(d.buildingPlan!.sentence, { who, name: capName(ctx, c, true), date: plan });
    facts.push(`${DETAIL_PREFIX}cap.${c}`);
    numbers.push(...digitsOf(plan.replace(PLACEHOLDER_RE, ''), `${DETAIL_PREFIX}cap.${c}`));
    missing.push(...[...plan.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!));
  }
  return { text, numbers, facts, missing };
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the enterprise said of a system being built, in parts: its go-live date (`plan`, dated in document form), and
 * the rest of its words in document form (`rest`; null when they cannot be put so safely, with `said` the words to
 * show). The clauses that only say it is being built (在建, 在调试) are dropped: buildingSentence says that once.
 */
function buildingDetail(ctx: Ctx, c: CapabilityId): { plan?: string; rest?: string | null; said?: string } | undefined {
  const said = ctx.facts.capabilityDetails?.[c];
  const d = ctx.kb.formDrafting;
  const bp = d.buildingPlan;
  if (!said || !bp) return undefined;
  const terms = [...(d.capabilities[c]?.terms ?? [])].sort((a, b) => b.length - a.length);
  // A clause is read without the system's own name before it: 「MES在建」 says 在建 of the system asked about.
  const lead = new RegExp(`^(?:${terms.map(escapeRe).join('|') || '(?!)'})(?:系统)?(?:目前|现在|也|还)?`, 'iu');
  const bare = (clause: string) => clause.trim().replace(lead, '').trim();
  const status = bp.status.map((x) => new RegExp(x, 'u'));
  const kept = said.split(/[，,；;。\s]+/u).filter((x) => x && !status.some((re) => re.test(bare(x))));
  if (!kept.length) return {};
  const doc = documentReply(d, kept.join('，'), ctx.asOf);
  if (doc === null) return { rest: null, said: kept.join('，') };
  const plan = new RegExp(bp.plan, 'u');
  let date: string | undefined;
  const rest = (doc.match(/(?:〔[^〕]*〕|[^，；。])+/gu) ?? []).filter((x) => {
    const m = date === undefined ? plan.exec(bare(x)) : null;
    if (m) date = m[1];
    return !m;
  });
  return { ...(date ? { plan: date } : {}), rest: rest.length ? rest.join('，') : undefined };
}

/**
 * The indicators' changes in one sentence (「建成后，生产效率提升126.7%，运营成本降低13.0%。」): a summary's account of
 * what the full before-and-after sentences of 建设前后效益 state, so the summary refers to them without repeating them.
 */
function indicatorsBrief(ctx: Ctx, ids: IndicatorId[], name: 'indicatorsBrief' | 'indicatorsOverall'): Filled[] {
  const parts = indicatorSentences(ctx, ids, true);
  if (!parts.length) return [];
  const facts = [...new Set(parts.flatMap((p) => p.facts))];
  if (name === 'indicatorsBrief') {
    // 简述 names the indicators that changed and where their change stands; the change itself has one home, 效益.
    const labels = ctx.kb.formDrafting.indicators.filter((ind) => parts.some((p) => p.indicator === ind.id)).map((ind) => ind.label);
    const where = draftableSections(ctx.spec).find((x) => x.id === 'detail.benefits')?.title ?? '';
    return [fill(ctx, named(ctx, name), { indicators: { text: labels.join('、'), numbers: [], facts }, where: { text: where, numbers: [] } })];
  }
  const changes: Piece = { text: parts.map((p) => p.text).join('，'), numbers: parts.flatMap((p) => p.numbers), facts };
  return [fill(ctx, named(ctx, name), { changes, unitNoun: { text: ctx.spec.unitNoun.replace(/^智能/, ''), numbers: [] } })];
}

/** Whether one clause of the text holds every figure given, each as a whole number (96 is not in 196). */
function saidInOneClause(text: string | undefined, figures: string[]): boolean {
  if (!text) return false;
  const has = (c: string, n: string) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d.]*\\d)`, 'u').test(c);
  return text.split(/[，,。；;！!？?\n]/u).some((c) => figures.every((n) => has(c, n)));
}

function indicatorSentences(ctx: Ctx, ids: IndicatorId[], brief = false): Filled[] {
  const out: Filled[] = [];
  for (const ind of ctx.kb.formDrafting.indicators) {
    if (!ids.includes(ind.id as IndicatorId)) continue;
    const id = ind.id as IndicatorId;
    const b = indicatorValue(ctx.facts, id, 'before');
    const a = indicatorValue(ctx.facts, id, 'after');
    if (!b || !a) continue;
    // A typed side and a computed one are not set against each other (a flag asks for one kind).
    if (b.source.startsWith('computed:') !== a.source.startsWith('computed:')) continue;
    const ch = indicatorChange(ctx.facts, id);
    const src = (v: ResolvedValue) => (v.source.startsWith('computed:') ? v.source : `form.${v.source}`);
    const before: Piece = { text: b.display, numbers: [{ value: b.display, source: src(b), ...(b.formula ? { formula: b.formula } : {}) }] };
    const after: Piece = { text: a.display, numbers: [{ value: a.display, source: src(a), ...(a.formula ? { formula: a.formula } : {}) }] };
    const unit: Piece = { text: ind.unit === '%' ? '%' : ind.unit, numbers: [] };
    const indLabel: Piece = { text: ind.label, numbers: [] };
    if (id === 'headcount') {
      // The enterprise's own 效益 words that state both counts in one clause say it; the count is stated once.
      if (brief || saidInOneClause(ctx.facts.benefits, [b.display, a.display])) continue;
      out.push(fill(ctx, named(ctx, 'headcount'), { before, after, unit: { text: ctx.spec.unitNoun.replace(/^智能/, ''), numbers: [] } }));
      continue;
    }
    if (!ch || a.value === b.value) {
      if (a.value === b.value && !brief) out.push(fill(ctx, named(ctx, 'indicatorSame'), { indLabel, before, unit }));
      continue;
    }
    const shown = Math.abs(ch.value).toFixed(1);
    const ratio: Piece = { text: shown, numbers: [{ value: shown, source: ch.source, formula: ch.formula }] };
    const facts = { facts: factsOf(before).concat(factsOf(after)) };
    if (brief) out.push({ ...fill(ctx, named(ctx, a.value > b.value ? 'indicatorChangeUp' : 'indicatorChangeDown'), { indLabel, ratio: { ...ratio, ...facts } }), indicator: id });
    else out.push(fill(ctx, named(ctx, a.value > b.value ? 'indicatorUp' : 'indicatorDown'), { indLabel, before, after, unit, ratio }));
  }
  return out;
}

/**
 * The request for a workshop's count answered round (「六十来台」): the count's own label (车间设备总台套数) with the words
 * given, as every round figure's request quotes them; null when the count was not answered round.
 */
function wsRoughFigure(ctx: Ctx, i: number, key: string): Piece | null {
  const rough = ctx.facts.approximate?.find((a) => a.fact === `workshops.${i}.${key}`);
  if (!rough) return null;
  const lab = roughRequest(ctx, label(ctx, `workshops.${key}`), rough.said);
  return { text: placeholder(lab), numbers: [], missing: [lab], confirm: true, rough: true };
}

/** The workshop's own equipment counts as sentences; a whole-unit metric only where the unit is this workshop. */
function equipmentSentences(ctx: Ctx, i: number, which: 'equipment' | 'network', allowUnitMetric: boolean): Filled | null {
  const w = ctx.facts.workshops?.[i];
  const wsName = workshopName(ctx, i) ?? { text: '车间', numbers: [] };
  const base = `form.workshops.${i}`;
  // One of the two counts given is stated, the other asked for in its place; the share needs both.
  if (which === 'equipment' && w && (w.equipmentTotal === undefined) !== (w.automatedEquipment === undefined)) {
    const count = (k: 'equipmentTotal' | 'automatedEquipment') => (w[k] !== undefined ? numPiece(w[k], `${base}.${k}`) : wsRoughFigure(ctx, i, k) ?? { missing: label(ctx, `workshops.${k}`) });
    return fill(ctx, named(ctx, 'equipmentCounts'), { wsName, eqTotal: count('equipmentTotal'), eqAuto: count('automatedEquipment') });
  }
  if (which === 'network' && w?.networkedEquipment !== undefined && w.automatedEquipment === undefined)
    return fill(ctx, named(ctx, 'networkCount'), { wsName, eqNet: numPiece(w.networkedEquipment, `${base}.networkedEquipment`) });
  if (which === 'equipment' && w?.equipmentTotal !== undefined && w.automatedEquipment !== undefined) {
    const s = sharePercent(w.automatedEquipment, w.equipmentTotal, '自动化、数字化、智能化设备占比');
    if (!s) return null;
    return fill(ctx, named(ctx, 'equipment'), {
      wsName,
      eqTotal: numPiece(w.equipmentTotal, `${base}.equipmentTotal`),
      eqAuto: numPiece(w.automatedEquipment, `${base}.automatedEquipment`),
      autoRatio: { text: s.display, numbers: [{ value: s.display, source: `computed:share(${base}.automatedEquipment,${base}.equipmentTotal)`, formula: s.formula }] },
    });
  }
  if (which === 'network' && w?.networkedEquipment !== undefined && w.automatedEquipment !== undefined) {
    const s = sharePercent(w.networkedEquipment, w.automatedEquipment, '设备联网率');
    if (!s) return null;
    return fill(ctx, named(ctx, 'network'), {
      wsName,
      eqNet: numPiece(w.networkedEquipment, `${base}.networkedEquipment`),
      netRatio: { text: s.display, numbers: [{ value: s.display, source: `computed:share(${base}.networkedEquipment,${base}.automatedEquipment)`, formula: s.formula }] },
    });
  }
  return allowUnitMetric ? unitMetric(ctx, which === 'equipment' ? 'automationRatio' : 'networkedRatio') : null;
}

/**
 * The equipment counts the interview gave for the unit applying (「全厂260台设备，联网221台」), with the share they give. A
 * share over all the equipment is said to be one, as the notice's 设备联网率 (三(一)3) counts the networked ones among the
 * automated: the counts stand, and the automated count the rate needs is asked for. Counts said of another unit (a
 * workshop's in a factory's form, the factory's in a workshop's) are never stated as this unit's.
 */
function unitCounts(ctx: Ctx, key: 'automationRatio' | 'networkedRatio'): Filled | null | 'otherUnit' {
  const e = ctx.facts.unitEquipment;
  if (!e) return null;
  const own = ctx.category === 'smartWorkshop' ? 'workshop' : 'factory';
  if (e.scope && e.scope !== own) return 'otherUnit';
  const unit: Piece = { text: ctx.spec.unitNoun.replace(/^智能/, ''), numbers: [] };
  const count = (k: 'total' | 'automated' | 'networked') => numPiece(e[k], `form.unitEquipment.${k}`);
  const share = (part: 'automated' | 'networked', whole: 'total' | 'automated'): Piece | null => {
    const s = sharePercent(e[part]!, e[whole]!, '');
    return s && { text: s.display, numbers: [{ value: s.display, source: `computed:share(form.unitEquipment.${part},form.unitEquipment.${whole})`, formula: s.formula }] };
  };
  if (key === 'automationRatio' && e.automated !== undefined && e.total !== undefined)
    return fill(ctx, named(ctx, 'unitEquipment'), { unit, eqTotal: count('total'), eqAuto: count('automated'), autoRatio: share('automated', 'total') });
  if (key === 'networkedRatio' && e.networked !== undefined && e.automated !== undefined)
    return fill(ctx, named(ctx, 'unitNetwork'), { unit, eqAuto: count('automated'), eqNet: count('networked'), netRatio: share('networked', 'automated') });
  if (key === 'networkedRatio' && e.networked !== undefined && e.total !== undefined)
    return fill(ctx, named(ctx, 'unitNetworkOfAll'), { unit, eqTotal: count('total'), eqNet: count('networked'), netShare: share('networked', 'total'), eqAuto: { missing: `${unit.text}${label(ctx, 'workshops.automatedEquipment')}` } });
  return null;
}

/** A metric the enterprise gave in the assessment, which is about the whole unit applying (车间 or 工厂). */
function unitMetric(ctx: Ctx, key: 'automationRatio' | 'networkedRatio' | 'dataCollectionRate'): Filled | null {
  // The counts the metric was given as are stated with their share; a metric said of another unit is not this one's.
  const counted = key === 'dataCollectionRate' ? null : unitCounts(ctx, key);
  if (counted === 'otherUnit') return null;
  if (counted) return counted;
  // A metric read from counts the unit counts do not state (the share over all equipment) is not the notice's rate.
  if (key === 'networkedRatio' && ctx.facts.unitEquipment) return null;
  const v = ctx.profile.metrics?.[key];
  if (v === undefined) {
    // A ratio answered as a round figure is not stated on the signed form, but it was answered: the request
    // names that figure and the words given, instead of asking for the whole cell as if nothing had been said.
    const rough = ctx.facts.approximate?.find((a) => a.fact === `metrics.${key}`);
    if (!rough) return null;
    const lab = roughRequest(ctx, rough.label ?? key, rough.said);
    return { text: placeholder(lab), numbers: [], facts: [], missing: [lab] };
  }
  // A factory's figure its own workshops' figures contradict is not stated: the flag asks which one holds.
  const id = key === 'automationRatio' ? 'automated' : key === 'networkedRatio' ? 'networked' : 'collected';
  const ratios = ctx.kb.formDrafting.ratios;
  if (ctx.category !== 'smartWorkshop' && factoryRatioConflicts(ctx.facts, ctx.profile.metrics, ratios).some((c) => c.id === id && c.source === 'assessment')) {
    const lab = `${ctx.spec.unitNoun.replace(/^智能/, '')}${ratios?.[id]?.label ?? key}`;
    return { text: placeholder(lab), numbers: [], facts: [], missing: [lab] };
  }
  // A workshop's figure its own cells state otherwise is not stated either: the cell keeps the enterprise's words,
  // and the flag asks which figure holds, so the draft never carries two.
  if (ctx.category === 'smartWorkshop' && workshopTextRatioConflicts(ctx.facts, ctx.profile.metrics, ratios).some((c) => c.id === id)) {
    const lab = `${ctx.spec.unitNoun.replace(/^智能/, '')}${ratios?.[id]?.label ?? key}`;
    return { text: placeholder(lab), numbers: [], facts: [], missing: [lab] };
  }
  const t = named(ctx, key === 'automationRatio' ? 'metricAutomation' : key === 'networkedRatio' ? 'metricNetwork' : 'metricData');
  return fill(ctx, t, { unit: { text: ctx.spec.unitNoun.replace(/^智能/, ''), numbers: [] }, [key]: numPiece(v, `metrics.${key}`) });
}

function listUnits(ctx: Ctx, line: { required: boolean; priority: number; list: string }, order: number): Unit[] {
  let items: Filled[] = [];
  const factory = ctx.category !== 'smartWorkshop';
  const all = [...new Set(ctx.spec.section3.elements.flatMap((e) => elementCaps(ctx, e)))];
  if (line.list === 'caps') items = [capsSentence(ctx, all, true), capsSentence(ctx, all, 'partial')].filter((x): x is Filled => !!x);
  else if (line.list === 'capsByElement') {
    // One sentence per element keeps every element visible within a 400字 summary.
    const seen = new Set<CapabilityId>();
    for (const el of ctx.spec.section3.elements) {
      const caps = elementCaps(ctx, el).filter((c) => !seen.has(c) && capStatus(ctx, c) === true);
      caps.forEach((c) => seen.add(c));
      const s = capsSentence(ctx, caps, true, subject(ctx), true);
      if (s) items.push(s);
    }
  } else if (line.list === 'indicators' || line.list === 'indicatorsBrief' || line.list === 'indicatorsOverall') {
    const ids: IndicatorId[] = factory ? ['productivity', 'operatingCost', 'upgradeCycle', 'defectRate', 'energyPerOutput'] : ['productivity', 'defectRate', 'operatingCost', 'energyPerOutput', 'upgradeCycle'];
    // 简述 sums the changes up with a reference to 效益; the table's 效益总体描述 says them as its own overview.
    items = line.list === 'indicators' ? indicatorSentences(ctx, ids) : indicatorsBrief(ctx, ids, line.list);
  }
  else if (line.list === 'headcount') items = indicatorSentences(ctx, ['headcount']);
  else if (line.list === 'equipment')
    items = (ctx.facts.workshops ?? [{}])
      .flatMap((_w, i) => [equipmentSentences(ctx, i, 'equipment', !factory), equipmentSentences(ctx, i, 'network', !factory)])
      .filter((x): x is Filled => !!x);
  else throw new Error(`unknown template list *${line.list}`);
  if (!line.required) {
    // An optional line states what is known; a bare request (a round figure's exact value) belongs to its own cell.
    const bare = items.filter((it) => !it.numbers.length && it.missing.length && !it.text.replace(PLACEHOLDER_RE, '').trim());
    ctx.skipped.push(...bare.flatMap((it) => it.missing));
    items = items.filter((it) => !bare.includes(it));
  }
  if (!items.length) {
    const lab =
      line.list.startsWith('indicators') ? '建设前后主要效益指标'
      : line.list === 'caps' || line.list === 'capsByElement' ? '已建成的系统和装备'
      : line.list === 'equipment' ? `${label(ctx, 'workshops.equipmentTotal')}与${label(ctx, 'workshops.automatedEquipment')}`
      : label(ctx, `indicators.${line.list}`);
    if (!line.required) {
      ctx.skipped.push(lab);
      return [];
    }
    return [{ order, required: true, priority: 0, text: placeholder(lab), numbers: [], facts: [], missing: [lab] }];
  }
  return items.map((it, k) => ({ order: order + k, required: line.required, priority: line.priority + k * 0.01, text: it.text, numbers: it.numbers, facts: it.facts, missing: it.missing }));
}

/** Keeps required units, then adds optional ones by priority while the text stays within max. */
function fit(units: Unit[], target: { min: number; max: number } | null): Unit[] {
  if (!target) return units;
  const chosen = units.filter((u) => u.required);
  let len = countChars(chosen.map((u) => u.text).join(''));
  const optional = units.filter((u) => !u.required).sort((a, b) => a.priority - b.priority || a.order - b.order);
  for (const u of optional) {
    const l = countChars(u.text);
    if (len + l <= target.max) {
      chosen.push(u);
      len += l;
    }
  }
  return chosen.sort((a, b) => a.order - b.order);
}

function renderTemplate(ctx: Ctx, t: Template, target: { min: number; max: number } | null): Unit[] {
  const units: Unit[] = [];
  t.lines.forEach((line, i) => {
    const order = i * 1000;
    if (line.kind === 'list') units.push(...listUnits(ctx, line, order));
    else units.push(...sentenceUnits(ctx, line, order));
  });
  return fit(units, target);
}

/** The capabilities a cell asks about in this form's branch (a 车间 form lists both 离散 and 流程 ones). */
function cellCaps(ctx: Ctx, field: FormField): CapabilityId[] {
  const caps = field.capabilities ?? [];
  const el = ctx.spec.section3.elements.find((e) => e.clause === field.element);
  const mode = productionMode(ctx);
  const branch = el?.byMode && mode ? el.byMode[mode] : undefined;
  if (!branch) return caps;
  const other = Object.values(el!.byMode!).flat().filter((c) => !branch.includes(c));
  return caps.filter((c) => !other.includes(c));
}

/** The counts a figures cell asks for by name (its hint's), rather than 「…情况」 as a whole. */
function tailCounts(field: FormField): string[] {
  const tail = field.id.split('.').pop();
  return tail === 'equipment' ? ['workshops.equipmentTotal', 'workshops.automatedEquipment'] : tail === 'network' ? ['workshops.networkedEquipment'] : [];
}

/** Numbers of a sentence already stated in the cell: the same figure is said once. */
function repeats(text: string, s: Filled): boolean {
  const own = s.numbers.filter((n) => !/\.name$/.test(n.source)).map((n) => n.value);
  if (!own.length) return false;
  const said = new Set(text.match(/\d+(?:\.\d+)?/g) ?? []);
  return own.every((v) => said.has(v));
}

/** The text without each clause that holds one of `quotes`; the clauses kept, with their own punctuation. */
function withoutClauses(text: string, quotes: string[]): string {
  const clauses = text.match(/[^，。；,;！!？?\n]+[，。；,;！!？?\n]*/gu) ?? [];
  const kept = clauses.filter((c) => !quotes.some((q) => c.includes(q)));
  return kept.join('').replace(/[，,；;]+$/u, '。');
}

/**
 * Whether words belong to another workshop's cell than the one being drafted: they name another workshop of the form
 * and not this one, or they name none while the form has several, which are said once, in the first workshop's cell,
 * and not copied into each.
 */
function saysOfOtherWorkshop(ctx: Ctx, text: string): boolean {
  const names = (ctx.facts.workshops ?? []).map((w) => w.name?.trim() ?? '');
  const own = names[ctx.ws];
  if (own && text.includes(own)) return false;
  if (names.some((n, i) => i !== ctx.ws && n.length >= 2 && text.includes(n))) return true;
  return names.length > 1 && ctx.ws > 0;
}

/**
 * The capabilities a workshop's table cell states of the yes-answers the enterprise gave for the whole unit, in a form
 * with several workshops: such a yes is scoped to no workshop, so it is stated once. One an enterprise-level cell of
 * the form states (信息基础设施) is left to it; the rest stand in the first workshop's cell with a note that they are
 * the unit's, and each later workshop's cell refers to it. A 「没有」 stays: its request asks about this workshop too.
 */
function sharedCaps(ctx: Ctx, caps: CapabilityId[], perWs: boolean): { caps: CapabilityId[]; note?: string; refer?: Filled } {
  const ws = ctx.facts.workshops ?? [];
  if (!ctx.tableCell || !perWs || ws.length < 2) return { caps };
  const claimed = (c: CapabilityId) => {
    const s = capStatus(ctx, c);
    return s === true || s === 'partial' || s === 'building';
  };
  const unitCells = new Set(ctx.spec.section1.blocks.flatMap((b) => (b.type === 'cells' ? b.fields.filter((f) => f.section).flatMap((f) => cellCaps(ctx, f)) : [])));
  const own = caps.filter((c) => !claimed(c) || !unitCells.has(c));
  const d = ctx.kb.formDrafting.workshopShared;
  if (ctx.ws === 0) return { caps: own, ...(own.some(claimed) ? { note: d.note } : {}) };
  // An unnamed first workshop is referred to by its place on the form (「车间1」): that 1 is the form's, no fact's.
  const first = workshopName(ctx, 0) ?? { text: fillText(ctx.kb.formDrafting.unnamedWorkshop, { i: '1' }), numbers: [{ value: '1', source: 'spec:workshops.0' }] };
  // The reference stands for the capabilities stated in the first workshop's cell: it rests on their facts.
  const refer = own.some(claimed)
    ? { text: fillText(d.refer, { first: first.text }), numbers: first.numbers, facts: [...factsOf(first), ...own.filter(claimed).flatMap((c) => capFacts(ctx, c))], missing: [] }
    : undefined;
  return { caps: own.filter((c) => !claimed(c)), ...(refer ? { refer } : {}) };
}

/** Whether words name one of the form's workshops. */
function saysOfWorkshop(ctx: Ctx, text: string): boolean {
  return (ctx.facts.workshops ?? []).some((w) => (w.name?.trim().length ?? 0) >= 2 && text.includes(w.name!.trim()));
}

/**
 * Draft of one cell: the enterprise's description as written, the workshop's own counts, one sentence
 * for the capabilities it confirmed and not already described, then a request for what was not said.
 */
function cellUnits(ctx: Ctx, field: FormField, perWs: boolean): Unit[] {
  const units: Unit[] = [];
  let order = 0;
  const add = (x: Filled | null) => {
    if (!x) return;
    units.push({ order: order++, required: true, priority: 0, text: x.text, numbers: x.numbers, facts: x.facts, missing: x.missing });
  };
  const ws = ctx.facts.workshops?.[ctx.ws];
  // A 智能车间 form's cells are its one workshop's: what the enterprise wrote for that workshop's cell (kept from a
  // factory form it drafted first) stands there when the cell itself is empty, rather than being dropped unsaid.
  const ownWorkshop = !perWs && ctx.category === 'smartWorkshop' && ctx.facts.elements?.[field.id] === undefined && ctx.facts.workshops?.length === 1;
  const descSrc = (perWs || ownWorkshop) && ws?.descriptions?.[field.id] !== undefined ? `form.workshops.${ctx.ws}.descriptions.${field.id}` : `form.elements.${field.id}`;
  const typed = perWs
    ? ws?.descriptions?.[field.id] ?? (ctx.category === 'smartWorkshop' ? ctx.facts.elements?.[field.id] : undefined)
    : ownWorkshop
      ? ws?.descriptions?.[field.id]
      : ctx.facts.elements?.[field.id];
  // A ratio the text states against the workshop's own counts is left out with its clause: the draft states the one the
  // counts give, as the form view's flag says, so the signed form never prints two figures for one ratio.
  const against = perWs || ctx.category === 'smartWorkshop' ? ratiosAgainstCounts(typed ?? '', ws, ctx.kb.formDrafting.ratios) : [];
  const tail = field.id.split('.').pop();
  // A figure guessed at (「大概一半」) is left out where the workshop's counts give the figure the cell states.
  const computes = (tail === 'network' && ws?.networkedEquipment !== undefined && ws.automatedEquipment !== undefined) || (tail === 'equipment' && ws?.equipmentTotal !== undefined && ws.automatedEquipment !== undefined);
  const guessed = computes ? [...(ctx.guesses ?? [])] : [];
  const unguessed = typed === undefined || !guessed.some((g) => typed.includes(g)) ? typed : withoutClauses(typed, guessed);
  const desc = unguessed === undefined || !against.length ? unguessed : withoutClauses(unguessed, against.map((a) => a.said));
  const d = withSubject(ctx, textPiece(desc, descSrc, true), perWs);
  if (d) add({ text: d.text, numbers: d.numbers, facts: [descSrc, ...(d.facts ?? [])], missing: d.missing ?? [] });
  const said = () => units.map((u) => u.text).join('');
  const addNew = (x: Filled | null) => x && !repeats(said(), x) && add(x);
  // A metric from the assessment describes the whole unit applying; in a factory it belongs to no single workshop.
  const unitIsThisWorkshop = ctx.category === 'smartWorkshop';
  if (tail === 'equipment') addNew(equipmentSentences(ctx, ctx.ws, 'equipment', unitIsThisWorkshop));
  if (tail === 'network') addNew(equipmentSentences(ctx, ctx.ws, 'network', unitIsThisWorkshop));
  if (tail === 'run') {
    if (ws?.lines?.length)
      addNew(fill(ctx, named(ctx, 'lines'), {
        wsName: workshopName(ctx, ctx.ws) ?? { text: '车间', numbers: [] },
        lines: { text: ws.lines.join('、'), numbers: ws.lines.flatMap((l, j) => digitsOf(l, `form.workshops.${ctx.ws}.lines.${j}`)), facts: ws.lines.map((_l, j) => `form.workshops.${ctx.ws}.lines.${j}`) },
      }));
    if (unitIsThisWorkshop) addNew(unitMetric(ctx, 'dataCollectionRate'));
  }
  // With no description of the cell, what the enterprise said of a capability in the interview (「MES覆盖两个车间」) is
  // stated in its words, named by the capability where they do not name it; the capability is then not listed again.
  if (!d) {
    for (const c of cellCaps(ctx, field)) {
      const said = ctx.facts.capabilityDetails?.[c];
      if (!said || (capStatus(ctx, c) !== true && capStatus(ctx, c) !== 'partial' && capStatus(ctx, c) !== 'building') || !ctx.kb.formDrafting.capabilities[c]) continue;
      // A workshop's cell holds only what was said of it: words naming another workshop alone (「一车间的DCS是霍尼韦尔的」)
      // are that workshop's, and words naming none are the first workshop's, never copied into each.
      if (perWs && saysOfOtherWorkshop(ctx, said)) continue;
      // Of a system being built (「MES在建，年底上线」) its status and go-live date are stated by buildingSentence below,
      // once and as a plan; only what else the enterprise said of it is stated here.
      const building = capStatus(ctx, c) === 'building' ? buildingDetail(ctx, c) : undefined;
      if (building && building.rest === undefined) continue;
      // A chat reply is stated only in document form; one that cannot be put so safely is asked to be rewritten,
      // showing the enterprise its own words, rather than printed as a claim in the words of a chat.
      const kept = building ? undefined : withoutStatusClaims(ctx, c, said);
      const own = building ? building.rest! : kept!.text ? documentReply(ctx.kb.formDrafting, kept!.text, ctx.asOf) : null;
      const checks = (kept?.asks ?? []).map((lab): Unit => ({ order: 0, required: true, priority: 0, text: placeholder(lab), numbers: [], facts: [], missing: [lab] }));
      const askChecks = () => checks.forEach((u) => units.push({ ...u, order: order++ }));
      if (kept && !kept.text) {
        askChecks();
        continue;
      }
      if (own === null) {
        const lab = fillText(ctx.kb.formDrafting.messages.rewriteSaid ?? '{label}（“{said}”）', { label: capName(ctx, c, true), said: (building?.said ?? (ctx.hedgedSaid?.[c] || kept?.text) ?? said).replace(/[〔〕]/gu, '') });
        units.push({ order: order++, required: true, priority: 0, text: placeholder(lab), numbers: [], facts: [], missing: [lab] });
        askChecks();
        continue;
      }
      // Words that do not name the system are named by it. Either way they claim it as the yes they were said beside did,
      // so the capability is not listed again in 「公司应用…」 after them, in this cell or another workshop's.
      const named = saidIn(ctx, c, own) ? own : `${capName(ctx, c, true)}：${own}`;
      // Words naming no workshop stand in the first workshop's column of the table as the unit's (see sharedCaps).
      const unscoped = ctx.tableCell && perWs && ctx.ws === 0 && (ctx.facts.workshops?.length ?? 0) > 1 && !saysOfWorkshop(ctx, said);
      const text = unscoped ? `${named.replace(/[。；;，,]+$/u, '')}${ctx.kb.formDrafting.workshopShared.note}` : named;
      const p = textPiece(text, `${DETAIL_PREFIX}cap.${c}`, true)!;
      const asked = [...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!);
      const capFactIds = building ? [] : capFacts(ctx, c);
      add({ text: p.text, numbers: p.numbers, facts: [`${DETAIL_PREFIX}cap.${c}`, ...capFactIds], missing: asked });
      askChecks();
    }
  }
  const stated = () => units.map((u) => u.text).join('');
  const fresh = cellCaps(ctx, field).filter((c) => !ctx.saidCaps?.has(c));
  // A system being built is always stated by buildingSentence: the enterprise's words of it leave its status to it.
  const claimed = new Set(units.flatMap((u) => u.facts));
  const caps = fresh.filter((c) => capStatus(ctx, c) === 'building' || ((!d || !saidIn(ctx, c, d.text)) && !claimed.has(`capabilities.${c}`) && !(units.length && ctx.facts.capabilityDetails?.[c] && saidIn(ctx, c, stated()))));
  const before = units.length;
  const shared = sharedCaps(ctx, caps, perWs);
  const claims = [capsSentence(ctx, shared.caps, true), capsSentence(ctx, shared.caps, 'partial'), buildingSentence(ctx, shared.caps)].filter((x): x is Filled => !!x);
  // The note that the claims are the unit's follows the last of them, once.
  claims.forEach((x, k) => add(k === claims.length - 1 && shared.note ? { ...x, text: x.text.replace(/。$/u, `${shared.note}。`) } : x));
  if (shared.refer) add(shared.refer);
  // A 「没有」 leaves a cell that has nothing else to say to the enterprise, with a request naming what it lacks; beside
  // what is in place it is no fact the cell asks for, and section 三 asks for it where the element lacks it.
  const lackStated = !units.length && !!lackRequest(ctx, caps);
  if (lackStated) add(lackRequest(ctx, caps));
  // What a hedged reply (「…，算吧」) stated is asked to be confirmed: the doubt is not printed, nor the claim left bare.
  const confirm = ctx.kb.formDrafting.documentForm.hedges?.ask;
  for (const c of cellCaps(ctx, field)) {
    if (!confirm || !ctx.hedged?.has(c) || !units.some((u) => u.facts.includes(`capabilities.${c}`) || u.facts.includes(`${DETAIL_PREFIX}cap.${c}`))) continue;
    const lab = fillText(confirm, { label: capName(ctx, c, true) });
    units.push({ order: order++, required: true, priority: 0, text: placeholder(lab), numbers: [], facts: [], missing: [lab] });
  }
  if (!d) {
    // What the enterprise has not described is asked for in its terms, never filled with the notice's wording.
    // Only what it confirmed is asked about by name; a system it never mentioned is not presumed.
    const open = fresh.filter((c) => (capStatus(ctx, c) === true || capStatus(ctx, c) === 'partial') && !ctx.facts.capabilityDetails?.[c]);
    const hasComputed = units.some((u) => u.numbers.length);
    // A cell whose systems the enterprise said it lacks or is building is answered by that statement: no 「…情况」 is asked.
    // So is one whose systems the enterprise described in words the first workshop's cell states (see saysOfOtherWorkshop).
    const describedElsewhere = perWs && cellCaps(ctx, field).some((c) => ctx.facts.capabilityDetails?.[c] && saysOfOtherWorkshop(ctx, ctx.facts.capabilityDetails[c]!) && capStatus(ctx, c) !== undefined && capStatus(ctx, c) !== false);
    const answered = lackStated || describedElsewhere || units.some((u) => u.facts.some((f) => f.startsWith(`${DETAIL_PREFIX}cap.`))) || units.slice(before).some((u) => u.facts.some((f) => f.startsWith('capabilities.') && capStatus(ctx, f.slice(13) as CapabilityId) === 'building'));
    if (open.length || (!hasComputed && (!answered || tailCounts(field).length > 0))) {
      // A figures cell asks for the counts its hint names, not for 「…情况」 as a whole: what was answered
      // (a round ratio, asked above for its exact figure) is not asked again as if nothing had been said.
      const counts = tailCounts(field);
      // A count answered round is asked for as such, quoting the words given, not as if nothing had been said.
      const countLabel = (k: string) => (perWs || ctx.category === 'smartWorkshop' ? wsRoughFigure(ctx, ctx.ws, k.slice('workshops.'.length))?.missing?.[0] : undefined) ?? label(ctx, k);
      const lab = open.length ? open.map((c) => capAsk(ctx, c)).join('；') : counts.length ? counts.map(countLabel).join('与') : `${field.label.replace(/（[^）]*）/g, '')}情况`;
      units.push({ order: order++, required: true, priority: 0, text: placeholder(lab), numbers: [], facts: [], missing: [lab], asks: open, ...(open.length || counts.length ? {} : { generic: true }) });
    }
  }
  return units;
}

/** The engine's conditions of the form's category, by clause; undefined when the engine's knowledge is not at hand. */
function engineConditions(ctx: Ctx): Map<string, Assessment['conditions'][number]> | undefined {
  const kb = ctx.kb.engine;
  if (!kb) return undefined;
  const f = engineFacts(ctx.profile);
  const { mode } = evaluateFacts(kb, f);
  return new Map(evalCategory(kb, f, ctx.category, mode).map((c) => [c.clause, c]));
}

/**
 * Section 三, element by element: each cell's sentences once. Sentences a workshop shares with the
 * others (the enterprise's capabilities, requests for facts) are written once, not per workshop.
 */
function elementsUnits(ctx: Ctx): { units: Unit[]; unmet: string[] } {
  const conds = engineConditions(ctx);
  const units: Unit[] = [];
  const unmet: string[] = [];
  let order = 0;
  const push = (u: Omit<Unit, 'order' | 'required' | 'priority'>) => units.push({ order: order++, required: true, priority: 0, ...u });
  const cells = ctx.spec.section1.blocks.flatMap((b) =>
    b.type === 'cells' ? b.fields.map((f) => ({ f, perWs: false })) : b.type === 'workshops' ? b.fields.map((f) => ({ f, perWs: true })) : [],
  );
  const nWs = Math.max(1, ctx.facts.workshops?.length ?? 0);
  const factory = ctx.category !== 'smartWorkshop';
  ctx.spec.section3.elements.forEach((el) => {
    push({ text: `\n【${el.title}】\n`, numbers: [], facts: [], missing: [] });
    const start = units.length;
    const written = new Set<string>();
    let metricTails = new Set<string>();
    // An element's cells may ask about the same system (the factory's network cell and each workshop's): it is stated,
    // or asked about, in the first of them only.
    const saidCaps = new Set<CapabilityId>();
    for (const { f, perWs } of cells.filter((c) => c.f.element === el.clause && c.f.section)) {
      const shared: Unit[] = [];
      const own: Unit[] = [];
      // A request several workshops share is written once, naming them: 〔请补充：…（THF车间、PTMEG车间）〕.
      const asks = new Map<string, string[]>();
      const cellSaid: CapabilityId[] = [];
      for (let i = 0; i < (perWs ? nWs : 1); i++) {
        const sub = cellUnits({ ...ctx, ws: perWs ? i : 0, saidCaps }, f, perWs);
        const name = workshopName(ctx, i);
        for (const u of sub) cellSaid.push(...(u.asks ?? []), ...u.facts.filter((x) => x.startsWith('capabilities.')).map((x) => x.slice(13) as CapabilityId));
        for (const u of sub) {
          if (u.missing.length && !u.facts.length && perWs && nWs > 1) {
            for (const lab of u.missing) asks.set(lab, [...(asks.get(lab) ?? []), name?.text ?? `车间${i + 1}`]);
            continue;
          }
          const mine = perWs && u.facts.some((x) => x.startsWith(`form.workshops.${i}.`));
          if (!mine) {
            if (!written.has(u.text)) shared.push(u);
            written.add(u.text);
            continue;
          }
          const who = nWs > 1 && name && !u.text.includes(name.text) ? name : null;
          own.push({ ...u, text: (who ? `${who.text}：` : '') + u.text, numbers: [...(who?.numbers ?? []), ...u.numbers], facts: [...new Set([...(who ? factsOf(who) : []), ...u.facts])] });
        }
      }
      // The enterprise's systems are said once per element: a workshop whose own words name some of them
      // leaves a shorter 「公司应用…」 sentence that another workshop's fuller one already says.
      const capsOf = (u: Unit) => u.facts.filter((x) => x.startsWith('capabilities.'));
      const covers = (o: Unit, u: Unit) => capsOf(u).every((c) => capsOf(o).includes(c));
      const once = shared.filter((u, k) => !capsOf(u).length || !shared.some((o, j) => j !== k && covers(o, u) && (capsOf(o).length > capsOf(u).length || j < k)));
      for (const u of [...once, ...own]) push(u);
      for (const [lab, names] of asks) {
        const full = names.length === nWs ? lab : `${lab}（${names.join('、')}）`;
        push({ text: placeholder(full), numbers: [], facts: [], missing: [full] });
      }
      if (perWs) metricTails.add(f.id.split('.').pop()!);
      for (const c of cellSaid) saidCaps.add(c);
      push({ text: '\n', numbers: [], facts: [], missing: [] });
    }
    if (factory) {
      // The assessment's metrics describe the whole factory: said once, under the element they belong to.
      if (metricTails.has('equipment')) for (const k of ['automationRatio', 'networkedRatio'] as const) {
        const m = unitMetric(ctx, k);
        if (m && !repeats(units.slice(start).map((u) => u.text).join(''), m)) push(m);
      }
      if (metricTails.has('run') && ctx.category === 'processFactory') {
        const m = unitMetric(ctx, 'dataCollectionRate');
        if (m) push(m);
      }
    }
    metricTails = new Set();
    const cond = conds?.get(el.clause);
    const caps = cond
      ? [...cond.missing, ...cond.unknown]
      : ((el.byMode && ctx.profile.productionMode ? el.byMode[ctx.profile.productionMode] : el.capabilities) ?? el.capabilities);
    const missing = caps.filter((c) => {
      const s = capStatus(ctx, c);
      return s !== true && s !== 'partial' && s !== 'building';
    });
    const asked = units.slice(start).map((u) => u.text).join('');
    // A system being built is an unmet element too; it is stated as being built where no cell of the element said so.
    const building = caps.filter((c) => capStatus(ctx, c) === 'building' && ctx.kb.formDrafting.capabilities[c]);
    if (building.length) {
      if (!missing.length) unmet.push(el.clause);
      // Said once in 三: an element after the one that stated it (系统集成 after 生产制造) does not state it again.
      const all = units.map((u) => u.text).join('');
      const unsaid = building.filter((c) => !asked.includes(capName(ctx, c)) && !splitSentences(all).some((x) => x.includes('正在建设') && x.includes(capName(ctx, c))));
      const s = buildingSentence(ctx, unsaid);
      if (s) {
        push(s);
        push({ text: '\n', numbers: [], facts: [], missing: [] });
      }
    }
    if (missing.length) {
      unmet.push(el.clause);
      const open = missing.filter((c) => ctx.kb.formDrafting.capabilities[c] && !saidCaps.has(c) && !asked.includes(capAsk(ctx, c)));
      // A system the enterprise said it lacks is left to it with a request: the form is its claim, so no sentence states
      // the absence (one being built is stated by buildingSentence above).
      const stated = [lackRequest(ctx, open)].filter((x): x is Filled => !!x);
      const unanswered = open.filter((c) => capStatus(ctx, c) === undefined);
      if (stated.length || unanswered.length) {
        // The element's own sentences and requests say what is missing; a cell's bare 「…情况」 request would only repeat them.
        for (let k = units.length - 1; k >= start; k--) if (units[k]!.generic) units.splice(k, 1);
        for (const x of stated) push({ text: x.text, numbers: x.numbers, facts: x.facts, missing: x.missing });
        if (unanswered.length) {
          const lab = unanswered.map((c) => capAsk(ctx, c)).join('；');
          push({ text: placeholder(lab), numbers: [], facts: [], missing: [lab] });
        }
        push({ text: '\n', numbers: [], facts: [], missing: [] });
      }
    }
    if (!units.slice(start).some((u) => u.text.trim())) {
      const lab = `${el.title}建设情况`;
      push({ text: placeholder(lab), numbers: [], facts: [], missing: [lab] });
      push({ text: '\n', numbers: [], facts: [], missing: [] });
    }
  });
  return { units, unmet };
}

/** Splits text at sentence ends, never inside a request 〔请补充：…〕. */
export function splitSentences(text: string): string[] {
  return text.match(/(?:〔[^〕]*〕|[^。！？!?；;\n〔])+(?:[。！？!?；;]+|$)|[。！？!?；;]+/g)?.map((x) => x.trim()).filter(Boolean) ?? [];
}

/** Splits units into the sentences of the draft, each with the facts of its unit. */
function toSentences(units: Unit[]): Sentence[] {
  const out: Sentence[] = [];
  for (const u of units) {
    for (const line of u.text.split('\n')) {
      for (const s of splitSentences(line)) {
        // A heading or a bare request names no fact and claims nothing.
        const framing = /^【[^】]*】$/.test(s) || s.replace(PLACEHOLDER_RE, '').replace(/[。，；、\s]/g, '') === '';
        out.push({ text: s, facts: framing ? [] : [...u.facts] });
      }
    }
  }
  return out;
}

/**
 * The interview's words of each capability without the words that say the enterprise was not sure (算吧, 应该有), and
 * the capabilities whose words had one: the form never prints a doubt, and asks to confirm what it states of them.
 */
function withoutHedgedWords(kb: FormsContext, facts: FormFacts): { facts: FormFacts; hedged: Set<CapabilityId>; hedgedSaid: Record<string, string>; guesses: Set<string> } {
  const hedged = new Set<CapabilityId>();
  const guesses = new Set<string>();
  // The cells typed in the form are read the same way: their doubts are not printed either.
  const typed = (cells: Record<string, string> | undefined) => {
    if (!cells) return cells;
    const out: Record<string, string> = {};
    for (const [k, said] of Object.entries(cells)) {
      const t = typedWithoutHedges(kb.formDrafting, said);
      t.guesses.forEach((g) => guesses.add(g));
      if (t.text) out[k] = t.text;
    }
    return out;
  };
  // The enterprise's prose is read so too: a doubt or a guessed figure said in a story is asked, never printed.
  const prose = (t: string | undefined) => (t === undefined ? t : typed({ t })?.t);
  const cleaned: FormFacts = {
    ...facts,
    ...Object.fromEntries((['history', 'business', 'marketing', 'advantages', 'benefits'] as const).filter((k) => facts[k] !== undefined).map((k) => [k, prose(facts[k])])),
    ...(facts.rnd?.description !== undefined ? { rnd: { ...facts.rnd, description: prose(facts.rnd.description) } } : {}),
    ...(facts.patents?.description !== undefined ? { patents: { ...facts.patents, description: prose(facts.patents.description) } } : {}),
    ...(facts.elements ? { elements: typed(facts.elements) } : {}),
    ...(facts.workshops ? { workshops: facts.workshops.map((w) => (w.descriptions ? { ...w, descriptions: typed(w.descriptions) } : w)) } : {}),
  };
  const hedgedSaid: Record<string, string> = {};
  if (!facts.capabilityDetails) return { facts: cleaned, hedged, hedgedSaid, guesses };
  const details: Record<string, string> = {};
  for (const [c, said] of Object.entries(facts.capabilityDetails)) {
    const h = withoutHedges(kb.formDrafting, said);
    if (h.hedged) {
      hedged.add(c as CapabilityId);
      hedgedSaid[c] = said;
    }
    if (h.text) details[c] = h.text;
  }
  return { facts: { ...cleaned, capabilityDetails: details }, hedged, hedgedSaid, guesses };
}

/** The name of a free-text field in a request: its fact label (发展历程), else its cell's label, with the workshop it is of. */
function proseLabel(kb: FormsContext, spec: FormSpec, facts: FormFacts, key: string, ws?: number): string {
  const own = kb.formDrafting.factLabels[key];
  if (own) return own;
  const field = spec.section1.blocks.flatMap((b) => (b.type === 'cells' || b.type === 'workshops' ? b.fields : [])).find((f) => f.id === key);
  const cell = field?.label.replace(/（[^）]*）/gu, '') ?? key;
  const name = ws === undefined ? undefined : facts.workshops?.[ws]?.name?.trim();
  return name && !cell.startsWith(name) ? `${name}${cell}` : cell;
}

export interface DraftOptions {
  /** 0-based workshop for cells of the 车间建设 block. */
  workshop?: number;
  /** The section as its template gives it, before the claims its home sections make are left out (see saidOnce). */
  raw?: boolean;
}

/** A fact's label for a reference: 「form.honours.0」 → 荣誉资质, 「form.indicators.defectRate.before」 → 产品不良品率. */
function referLabel(ctx: Ctx, fact: string): string | undefined {
  if (!fact.startsWith('form.')) return undefined;
  const parts = fact.slice(5).split('.');
  for (let n = parts.length; n > 0; n--) {
    const l = ctx.kb.formDrafting.factLabels[parts.slice(0, n).join('.')];
    if (l) return l;
  }
  return undefined;
}

/**
 * A claim has one home in the document (`oneHome`, the home first): the sentences a section before this one in that
 * list states are left out here, and where a required sentence went, the section says where it stands instead. Each
 * earlier section is read as its template gives it: what it leaves out, a section before it states, so the sentences
 * said before are the same either way.
 */
function saidBefore(ctx: Ctx, section: string): Map<string, string> {
  const d = ctx.kb.formDrafting;
  const sections = draftableSections(ctx.spec);
  const here = d.oneHome.indexOf(section);
  const home = new Map<string, string>();
  for (const id of here > 0 ? d.oneHome.slice(0, here) : []) {
    const sec = sections.find((x) => x.id === id && !x.perWorkshop);
    if (!sec) continue;
    for (const x of draftSection(ctx.kb, ctx.profile, ctx.category, id, { raw: true }).sentences) if (x.facts.length && !home.has(x.text)) home.set(x.text, sec.title);
  }
  return home;
}

function saidOnce(ctx: Ctx, units: Unit[], home: Map<string, string>): Unit[] {
  const d = ctx.kb.formDrafting;
  if (!home.size) return units;
  const refer = new Map<string, { labels: Set<string>; facts: Set<string> }>();
  const out: Unit[] = [];
  for (const u of units) {
    const all = splitSentences(u.text);
    const kept = all.filter((x) => !home.has(x));
    if (!u.facts.length || kept.length === all.length) {
      out.push(u);
      continue;
    }
    if (u.required)
      for (const x of all.filter((y) => home.has(y))) {
        const where = home.get(x)!;
        const r = refer.get(where) ?? { labels: new Set<string>(), facts: new Set<string>() };
        for (const f of u.facts) {
          const l = referLabel(ctx, f);
          if (l) r.labels.add(l);
          r.facts.add(f);
        }
        refer.set(where, r);
      }
    if (!kept.length) continue;
    const text = kept.join('');
    // The figures of the sentences left out go with them: each listed number stays only while the text still says it.
    const left: string[] = [...(text.match(/\d+(?:\.\d+)?/g) ?? [])];
    const numbers = u.numbers.filter((n) => {
      const k = left.indexOf(n.value);
      if (k < 0) return false;
      left.splice(k, 1);
      return true;
    });
    out.push({ ...u, text, numbers });
  }
  const last = out.length ? Math.max(...out.map((u) => u.order)) : 0;
  // A reference rests on the facts of the sentences it stands for.
  [...refer].forEach(([where, r], k) => {
    if (r.labels.size) out.push({ order: last + 1 + k, required: true, priority: 0, text: fillText(d.referTo, { what: [...r.labels].join('、'), where }), numbers: [], facts: [...r.facts], missing: [] });
  });
  return out;
}

/** Section ids of a form: the drafted cells of 一 and the items of 二 and 三. */
export function sectionIds(kb: FormsKnowledge, category: Category): { id: string; title: string; clause: string; target: FormField['target'] | null; perWorkshop: boolean }[] {
  return draftableSections(formSpec(kb, category)).map((s) => ({ id: s.id, title: s.title, clause: s.clause, target: s.field?.target ?? null, perWorkshop: s.perWorkshop }));
}

export class UnknownSectionError extends Error {}

/**
 * Drafts one section offline from templates and the enterprise's facts. Pure: the same
 * profile always gives the same text, every number is listed with its source, and a
 * missing fact is a visible placeholder rather than a guess.
 */
export function draftSection(kb: FormsContext, profile: DraftProfile, category: Category, sectionKey: string, opts: DraftOptions = {}): DraftResult {
  const spec = formSpec(kb, category);
  const [section, wsPart] = sectionKey.split('@') as [string, string | undefined];
  if (wsPart !== undefined) opts = { ...opts, workshop: Number(wsPart) - 1 };
  const sec = draftableSections(spec).find((s) => s.id === section);
  if (!sec) throw new UnknownSectionError(`表单 ${spec.attachment} 没有可起草的栏目 "${section}"`);
  if (wsPart !== undefined && (!sec.perWorkshop || Number(wsPart) < 1)) throw new UnknownSectionError(`栏目 "${section}" 不按车间分别填写，不能带 @${wsPart}`);
  // The enterprise's own sentences go in written form (俺们厂 → 公司): the 申报书 is a formal document it signs.
  // Its relative dates (去年, 年底) are dated from the session's day as the chat dates a reply, else from the form's year, or asked for.
  const asOf = dateReference(noticeYear(kb), profile.asOf);
  const cleaned = withoutHedgedWords(kb, formalFacts(kb.formDrafting, profile.form ?? {}, (t) => absoluteDates(kb.formDrafting, t, asOf)));
  const { hedged, hedgedSaid, guesses } = cleaned;
  // A sentence the formal rules leave spoken is asked for in written form, named by its field, never printed as typed.
  // Every section that states the history states the founding date too: a history clause that only restates it goes.
  const facts = withoutRestatedFounding(kb.formDrafting, spokenFactsAsked(kb.formDrafting, cleaned.facts, (key, ws) => proseLabel(kb, spec, cleaned.facts, key, ws)));
  const ctx: Ctx = { kb, profile, facts, spec, category, ws: opts.workshop ?? 0, skipped: [], mode: branchOf(kb, profile, category), hedged, hedgedSaid, guesses, ...(asOf ? { asOf } : {}) };
  const target = sec.field?.target ?? null;
  const home = wsPart === undefined && !opts.raw ? saidBefore(ctx, section) : null;
  // The history that tells the founding stands in its home section: here the founding date is said instead.
  const history = textPiece(ctx.facts.history, 'form.history', true);
  if (home && history && splitSentences(history.text).every((x) => home.has(x))) ctx.historyElsewhere = true;
  let units: Unit[];
  let unmet: string[] = [];
  if (section === 'detail.elements') ({ units, unmet } = elementsUnits(ctx));
  else if (sec.field && !kb.templates[section]) units = cellUnits({ ...ctx, tableCell: true }, sec.field, sec.perWorkshop);
  else {
    const t = kb.templates[section];
    if (!t) throw new Error(`no template for section ${section}`);
    units = renderTemplate(ctx, t, target);
  }
  if (home) units = saidOnce(ctx, units, home);
  const text = units
    .map((u) => u.text)
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
  const length = countChars(text);
  const missingFacts = [...new Set(units.flatMap((u) => u.missing))];
  const numbers = units.flatMap((u) => u.numbers);
  const short = target !== null && length < target.min;
  // Each workshop's copy of a section is titled with the workshop it describes: untitled, several would look alike.
  const wsName = wsPart !== undefined ? ctx.facts.workshops?.[ctx.ws]?.name?.trim() : undefined;
  const d = kb.formDrafting;
  const title = wsPart === undefined ? sec.title : fillText(d.workshopSectionTitle, { title: sec.title, workshop: wsName || fillText(d.unnamedWorkshop, { i: wsPart }) });
  return {
    section: sectionKey,
    title,
    text,
    length,
    target: target ?? null,
    withinTarget: target ? length >= target.min && length <= target.max : null,
    missingFacts,
    numbers,
    unmet,
    sentences: toSentences(units),
    // Below the target, the draft names the facts that would lengthen it instead of padding.
    addFacts: short ? [...new Set([...ctx.skipped, ...missingFacts])] : [],
  };
}
