import type { FormFacts, DraftProfile } from '../schemas/forms';
import { checkCreditCode } from './creditCode';
import { escapeRegex, fill } from '../engine/kb';
import { arabicNumerals, findQuantities } from '../understand/numbers';
import { changeRatio, debtRatio, fmt, outputPerPersonDay, sharePercent, type Computed } from './compute';

/** Reads a dotted path ("finance.2022.revenue", "workshops.0.name") from a facts object. */
export function getPath(obj: unknown, path: string): unknown {
  const segs = path.split('.');
  let cur: unknown = obj;
  for (let i = 0; i < segs.length; i++) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    const o = cur as Record<string, unknown>;
    // Cell keys are form field ids that may hold a dot (「ws.infra」, 「rd.pdm」): the longest key present wins.
    let j = segs.length;
    while (j > i + 1 && !Object.prototype.hasOwnProperty.call(o, segs.slice(i, j).join('.'))) j--;
    cur = o[segs.slice(i, j).join('.')];
    i = j - 1;
  }
  return cur;
}

/** Writes a dotted path, creating objects (and arrays for numeric segments) on the way; returns a new root. */
export function setPath<T extends object>(obj: T, path: string, value: unknown): T {
  const segs = path.split('.');
  const clone = (v: unknown, nextIsIndex: boolean): Record<string, unknown> | unknown[] =>
    Array.isArray(v) ? [...v] : v && typeof v === 'object' ? { ...(v as object) } : nextIsIndex ? [] : {};
  const root = clone(obj, false) as Record<string, unknown>;
  let cur: Record<string, unknown> = root;
  for (let i = 0; i < segs.length - 1; i++) {
    // Small numeric segments index lists (workshops.0); years such as finance.2022 are record keys.
    const next = clone(cur[segs[i]!], /^\d{1,3}$/.test(segs[i + 1]!));
    cur[segs[i]!] = next;
    cur = next as Record<string, unknown>;
  }
  const last = segs[segs.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return root as T;
}

export type IndicatorId = 'productivity' | 'operatingCost' | 'upgradeCycle' | 'defectRate' | 'energyPerOutput' | 'headcount' | 'outputValue';

export interface ResolvedValue {
  value: number;
  display: string;
  /** Fact path, or "computed:<name>(...)" for computed values. */
  source: string;
  formula?: string;
}

function given(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** A side's 生产效率 as typed, if it was. */
function typedIndicator(facts: FormFacts, id: IndicatorId, side: 'before' | 'after'): ResolvedValue | null {
  const v = (facts.indicators as Record<string, { before?: number; after?: number } | undefined> | undefined)?.[id]?.[side];
  return given(v) ? { value: v, display: String(v), source: `indicators.${id}.${side}` } : null;
}

/** A side's 生产效率 computed from its 年产值, 人数 and 年工作天数, where all three are given. */
function computedProductivity(facts: FormFacts, side: 'before' | 'after', decimals = productivityDecimals(facts)): ResolvedValue | null {
  const ind = facts.indicators ?? {};
  const out = ind.outputValue?.[side];
  const heads = ind.headcount?.[side];
  const days = ind.workingDays;
  if (!given(out) || !given(heads) || !given(days)) return null;
  const c = outputPerPersonDay(out, heads, days, decimals);
  return c ? { value: c.value, display: c.display, source: `computed:outputPerPersonDay(${side})`, formula: c.formula } : null;
}

/**
 * The decimals both computed sides of 生产效率 print with: the fewest, from four, at which the printed figures' own
 * ratio is the one printed beside them (taken from the unrounded values), so a reader recomputing it from the form
 * gets the same figure.
 */
function productivityDecimals(facts: FormFacts): number {
  for (let d = 4; d < 10; d++) {
    const [b, a] = [computedProductivity(facts, 'before', d), computedProductivity(facts, 'after', d)];
    if (!b || !a) return d;
    const [exact, printed] = [changeRatio(b.value, a.value), changeRatio(Number(b.display), Number(a.display))];
    if (!exact || !printed || exact.display === printed.display) return d;
  }
  return 10;
}

/**
 * One side of a before/after indicator: the fact if given, else computed where the basis is given. The two
 * sides of 生产效率 are of one kind where they can be: both typed, else both computed, so that a typed
 * figure is never compared with a computed one (see `indicatorChange`).
 */
export function indicatorValue(facts: FormFacts, id: IndicatorId, side: 'before' | 'after'): ResolvedValue | null {
  const typed = typedIndicator(facts, id, side);
  if (id !== 'productivity') return typed;
  const other = side === 'before' ? 'after' : 'before';
  if (typed && typedIndicator(facts, id, other)) return typed;
  const computed = computedProductivity(facts, side);
  if (computed && computedProductivity(facts, other)) return computed;
  return typed ?? computed;
}

const isComputed = (v: ResolvedValue) => v.source.startsWith('computed:');

export function indicatorChange(facts: FormFacts, id: IndicatorId): (ResolvedValue & { before: ResolvedValue; after: ResolvedValue }) | null {
  const b = indicatorValue(facts, id, 'before');
  const a = indicatorValue(facts, id, 'after');
  // A typed figure against a computed one measures two different things: no change is computed from them.
  if (!b || !a || isComputed(b) !== isComputed(a)) return null;
  // The change is the unrounded values' own; computed operands (每人每天产出) are printed in the formula as their
  // rows print them, at the decimals that carry the same figure (productivityDecimals).
  const c: Computed | null = changeRatio(b.value, a.value, isComputed(b) ? { before: b.display, after: a.display } : undefined);
  if (!c) return null;
  return { value: c.value, display: c.display, source: `computed:changeRatio(${id})`, formula: c.formula, before: b, after: a };
}

/**
 * A change as its cell prints it. A cell headed with one direction (「降低比例（%）」, 「提升比例（%）」) holds the size of
 * a change that way; a change the other way, or in a cell headed with both (「提升/降低比例（%）」), is said in words
 * (`words.rise` / `words.fall`, {ratio}), so a fall never reads as a rise under 降低比例 or the other way round.
 */
/** The words of a change said with its direction, where the knowledge gives both. */
export function changeWords(m: { changeRise?: string; changeFall?: string }): { rise: string; fall: string } | undefined {
  return m.changeRise && m.changeFall ? { rise: m.changeRise, fall: m.changeFall } : undefined;
}

export function changeCell(c: { value: number }, heading: string, words: { rise: string; fall: string } | undefined): string {
  const size = Math.abs(c.value).toFixed(1);
  if (!words) return c.value.toFixed(1);
  const rises = c.value > 0;
  const [saysRise, saysFall] = [heading.includes('提升') || heading.includes('增长'), heading.includes('降低') || heading.includes('下降')];
  if (c.value === 0 || (rises ? saysRise && !saysFall : saysFall && !saysRise)) return size;
  return fill(rises ? words.rise : words.fall, { ratio: size });
}

/**
 * 生产效率 typed for a side whose 年产值, 人数 and 年工作天数 give another figure, and a typed side against a
 * computed one that cannot be compared: flagged, so the user makes them one.
 */
function productivityFlags(f: FormFacts, form: FactCheckForm): FactFlag[] {
  const { productivityMismatch, productivityMixed } = form.messages;
  const flags: FactFlag[] = [];
  for (const side of ['before', 'after'] as const) {
    const typed = typedIndicator(f, 'productivity', side);
    const computed = computedProductivity(f, side);
    if (productivityMismatch && typed && computed && contradicts(typed.value, computed.value))
      flags.push({ field: `indicators.productivity.${side}`, severity: 'warning', message: fill(productivityMismatch, { side: side === 'before' ? '建设前' : '建设后', typed: typed.display, computed: computed.display }) });
  }
  const b = indicatorValue(f, 'productivity', 'before');
  const a = indicatorValue(f, 'productivity', 'after');
  if (productivityMixed && b && a && isComputed(b) !== isComputed(a))
    flags.push({ field: 'indicators.productivity', severity: 'warning', message: productivityMixed });
  return flags;
}

export function financeValue(facts: FormFacts, year: string, key: 'totalAssets' | 'totalLiabilities' | 'revenue' | 'profit' | 'tax' | 'debtRatio'): ResolvedValue | null {
  const y = facts.finance?.[year];
  if (!y) return null;
  if (key === 'debtRatio') {
    if (!given(y.totalAssets) || !given(y.totalLiabilities)) return null;
    const c = debtRatio(y.totalLiabilities, y.totalAssets);
    return c ? { value: c.value, display: c.display, source: `computed:debtRatio(${year})`, formula: c.formula } : null;
  }
  const v = y[key];
  return given(v) ? { value: v, display: String(v), source: `finance.${year}.${key}` } : null;
}

export interface FactFlag {
  field: string;
  severity: 'error' | 'warning';
  message: string;
  /** The clause the flag rests on, where the field alone does not tell it. */
  clause?: string;
}

/** The year the enterprise was founded, from its 成立时间 (「2024-03-18」 → 2024), else the year the interview gave. */
export function foundedYear(f: FormFacts): number | undefined {
  return f.foundedOn ? Number(f.foundedOn.slice(0, 4)) : f.foundedYear;
}

/** The years of the form's figures the enterprise already existed in: a year before its founding has no figures to give. */
export function yearsSinceFounding(years: string[], f: FormFacts): string[] {
  const y = foundedYear(f);
  return y === undefined ? years : years.filter((k) => Number(k) >= y);
}

/** What the checks that depend on the form need: its figure years, its attachment and the knowledge's wording of the flags. */
export interface FactCheckForm {
  years: string[];
  attachment: string;
  /** The form applies for a 智能车间 (附件1), whose workshop a held 智能车间 title must not name (四(一)). */
  workshopApplication?: boolean;
  /** The form applies for a 智能工厂 (附件2/3), whose ratios are the whole factory's, made up of its workshops'. */
  factoryApplication?: boolean;
  messages: {
    figuresBeforeFounding?: string;
    foundedAfterFigures?: string;
    titledWorkshop?: string;
    workshopTitle?: string;
    factoryTitle?: string;
    otherTitleMarks?: string[];
    priorTitleVsHonour?: string;
    priorTitlesRecorded?: { none: string; smartWorkshop: string };
    ratioMismatch?: string;
    ratioSaidInAssessment?: string;
    ratioSaidInText?: string;
    ratioFactoryParts?: string;
    ratioWithheld?: string;
    ratioTextVsAssessment?: string;
    relativeTime?: string;
    relativeTimeDated?: string;
    relativeTimeFromDay?: string;
    relativeTimeFromYear?: string;
    ratioAbove100?: string;
    approximateFigure?: string;
    liabilitiesAboveAssets?: string;
    profitAboveRevenue?: string;
    lossYears?: string;
    lossYear?: string;
    debtRatioSaid?: string;
    operatingJudged?: string;
    honourNotHeld?: string;
    workshopUnnamed?: string;
    severalWorkshops?: string;
    workshopJoiners?: string[];
    workshopEnds?: string[];
    linesNotBuilt?: string;
    capabilityContradiction?: string;
    productivityMismatch?: string;
    productivityMixed?: string;
  };
  /** The ratios the form asks for and the words that state them in the enterprise's own text. */
  ratios?: Ratios;
  /** Words that date by the day they were typed (去年): flagged in the enterprise's own text. */
  relativeTimeWords?: string[];
  /**
   * The enterprise's text with its relative dates dated as the draft dates them (document-form.ts), from `asOf` (the
   * session's day) or, without one, from the form's year. Left out where the day the draft will count from is not known.
   */
  dated?: (text: string, asOf?: string) => string;
  /** Labels of form facts, for flags that name one. */
  labels?: Record<string, string>;
  /** The form's label of each narrative cell by its id (「ws.run」). */
  cellLabels?: Record<string, string>;
  /** The capabilities each narrative cell asks about, by its id (「rd.pdm」 → pdm). */
  cellCapabilities?: Record<string, string[]>;
  /** The words that date a system going live in a clause, and the flag for two years of one system (form-drafting.json). */
  systemDates?: { words: string[]; chat: string; message: string };
  /** Capabilities by the words that name them in a text, and the words that say how one stands (knowledge.ts). */
  capabilityCheck?: {
    caps: { id: string; name: string; terms: string[] }[];
    status: { negative: string[]; planned: string[]; positive: string[]; trial: string[]; links?: string[]; part?: string[]; turns?: string[] };
  };
}

type RatioId = 'networked' | 'automated';
type PartRatioId = RatioId | 'collected';
type Ratios = Record<RatioId, { label: string; words: string[] }> & { collected?: { label: string; words: string[] } };
type Metrics = DraftProfile['metrics'];
type Workshop = NonNullable<FormFacts['workshops']>[number];

/** The assessment's metric of each ratio: the whole unit applying. */
const METRIC = { networked: 'networkedRatio', automated: 'automationRatio', collected: 'dataCollectionRate' } as const;
/** The workshop counts a ratio is computed from: part ÷ whole. */
const COUNTS: Partial<Record<PartRatioId, ['networkedEquipment' | 'automatedEquipment', 'automatedEquipment' | 'equipmentTotal']>> = {
  networked: ['networkedEquipment', 'automatedEquipment'],
  automated: ['automatedEquipment', 'equipmentTotal'],
};

/** The decimals a figure was given with: 95 → 0, 93.7 → 1. */
const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

/**
 * A percentage the enterprise states (in the assessment or its own text) against the one its own counts
 * give: consistent within one unit of the figure's last place as stated (95 holds 94.1–95.9), as a share may be
 * rounded or cut off.
 */
function contradicts(stated: number, computed: number): boolean {
  return Math.abs(stated - computed) >= 1 / 10 ** decimals(stated) - 1e-9;
}

/**
 * 「…联网率95%…」 in the enterprise's words: each stated figure with the words around it, and the words of its clause
 * before it. A rate written in words (「联网率百分之九十五」「自动化率八成」) is read as the understanding step reads any
 * figure, and quoted as typed.
 */
function statedRatios(typed: string, words: string[]): { value: number; said: string; end: number; clause: string }[] {
  const read = arabicNumerals(typed, findQuantities(typed));
  const text = read.text;
  const asTyped = (said: string) => read.changed.reduce((x, c) => x.split(c.to).join(c.from), said);
  const out: { value: number; said: string; end: number; clause: string }[] = [];
  // Longer words first: 「设备自动化率85%」 is one statement, not also 「自动化率85%」.
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\d，。；,;]{0,6}?(\\d+(?:\\.\\d+)?)\\s*[%％]`, 'g');
    for (const m of text.matchAll(re))
      if (!out.some((o) => o.end === m.index + m[0].length)) out.push({ value: Number(m[1]), said: asTyped(m[0]), end: m.index + m[0].length, clause: text.slice(0, m.index).split(/[，。；,;\n]/).pop() ?? '' });
  }
  return out;
}

/**
 * The ratios a text states (「车间联网率95%」) that the workshop's own counts contradict (221/260 = 85.0%): the
 * draft computes the figure from the counts, so these statements are the ones it leaves out.
 */
export interface RatioAgainstCounts {
  ratio: string;
  said: string;
  stated: number;
  part: number;
  whole: number;
  computed: string;
}
export function ratiosAgainstCounts(text: string, w: Workshop | undefined, ratios: Ratios | undefined): RatioAgainstCounts[] {
  if (!w || !ratios) return [];
  const out: RatioAgainstCounts[] = [];
  for (const id of ['networked', 'automated'] as const) {
    const keys = COUNTS[id]!;
    const part = w[keys[0]];
    const whole = w[keys[1]];
    if (part === undefined || whole === undefined) continue;
    const c = sharePercent(part, whole, ratios[id].label);
    if (!c) continue;
    for (const s of statedRatios(text, ratios[id].words))
      if (s.value <= 100 && contradicts(s.value, c.value)) out.push({ ratio: ratios[id].label, said: s.said, stated: s.value, part, whole, computed: c.display });
  }
  return out;
}

/** A workshop's own figure of a ratio: computed from its counts where it gave both, else the one its cells state. */
function workshopFigure(w: Workshop, id: PartRatioId, ratios: Ratios): { value: number; display: string; part?: number; whole?: number } | null {
  const keys = COUNTS[id];
  const part = keys ? w[keys[0]] : undefined;
  const whole = keys ? w[keys[1]] : undefined;
  if (part !== undefined && whole !== undefined) {
    const c = sharePercent(part, whole, ratios[id]?.label ?? '');
    if (c) return { value: c.value, display: c.display, part, whole };
  }
  const words = ratios[id]?.words;
  const said = words ? statedRatios(Object.values(w.descriptions ?? {}).join('\n'), words)[0] : undefined;
  return said && said.value <= 100 ? { value: said.value, display: fmt(said.value) } : null;
}

export interface FactoryRatioConflict {
  id: PartRatioId;
  /** The factory-wide figure and where it was said: the assessment's metric, or a quote of a factory cell. */
  stated: number;
  source: 'assessment' | { quote: string };
  parts: { unit: string; display: string }[];
  /** The factory's share from the workshops' summed counts, where every workshop gave them. */
  sum?: { part: number; whole: number; display: string };
}

/**
 * A factory-wide ratio (the assessment's, or one written in a cell of the whole factory) against its
 * workshops' own figures: the whole is made up of its parts, so it lies between the lowest and highest of
 * them (within the last place it is given to). Compared only when every workshop listed has a figure;
 * with a part missing, the whole can be anything.
 */
export function factoryRatioConflicts(f: FormFacts, metrics: Metrics | undefined, ratios: Ratios | undefined): FactoryRatioConflict[] {
  const ws = f.workshops ?? [];
  if (!ratios || !ws.length) return [];
  const out: FactoryRatioConflict[] = [];
  for (const id of ['networked', 'automated', 'collected'] as const) {
    const r = ratios[id];
    if (!r) continue;
    const figs = ws.map((w) => workshopFigure(w, id, ratios));
    if (figs.some((x) => !x)) continue;
    const parts = figs.map((x, i) => ({ unit: ws[i]!.name?.trim() || `车间${i + 1}`, display: x!.display, value: x!.value }));
    const low = Math.min(...parts.map((p) => p.value));
    const high = Math.max(...parts.map((p) => p.value));
    const counted = figs.every((x) => x!.part !== undefined);
    const sumPart = counted ? figs.reduce((a, x) => a + x!.part!, 0) : 0;
    const sumWhole = counted ? figs.reduce((a, x) => a + x!.whole!, 0) : 0;
    const sumC = counted ? sharePercent(sumPart, sumWhole, r.label) : null;
    const check = (stated: number, source: FactoryRatioConflict['source']) => {
      const tol = 1 / 10 ** decimals(stated) - 1e-9;
      if (stated < low - tol || stated > high + tol)
        out.push({ id, stated, source, parts: parts.map(({ unit, display }) => ({ unit, display })), ...(sumC ? { sum: { part: sumPart, whole: sumWhole, display: sumC.display } } : {}) });
    };
    // A metric the interview read from counts over another base (联网 over all the equipment), or of one workshop, is
    // not the factory's ratio: the draft states those counts as they are, and nothing is compared.
    const e = f.unitEquipment;
    const otherBase = e && (e.scope === 'workshop' || (id === 'networked' && e.networked !== undefined && e.automated === undefined));
    const m = metrics?.[METRIC[id]];
    if (m !== undefined && m <= 100 && !otherBase) check(m, 'assessment');
    // A figure a factory cell gives for one workshop or line (「钣金车间联网率95%」) is that part's, not the whole's.
    const whole = Object.values(f.elements ?? {}).join('\n');
    for (const s of statedRatios(whole, r.words)) {
      if (s.value <= 100 && !/(车间|产线|生产线|工序|装置)/.test(s.clause)) check(s.value, { quote: s.said });
    }
  }
  return out;
}

/** Flags of factory-wide ratios that contradict the workshops they are made up of. */
function factoryRatioFlags(profile: { form?: FormFacts; metrics?: Metrics }, form: FactCheckForm): FactFlag[] {
  const msg = form.messages.ratioFactoryParts;
  if (!msg || !form.factoryApplication || !form.ratios) return [];
  return factoryRatioConflicts(profile.form ?? {}, profile.metrics, form.ratios).map((c) => ({
    field: c.source === 'assessment' ? `metrics.${METRIC[c.id]}` : 'elements',
    severity: 'warning' as const,
    message: fill(msg, {
      ratio: form.ratios![c.id]!.label,
      said: c.source === 'assessment' ? form.messages.ratioSaidInAssessment ?? '' : fill(form.messages.ratioSaidInText ?? '{quote}', { quote: c.source.quote }),
      stated: fmt(c.stated),
      parts: c.parts.map((p) => `${p.display}%（${p.unit}）`).join('、'),
      sum: c.sum ? `，按台（套）数合计${c.sum.part}/${c.sum.whole}算得${c.sum.display}%` : '',
      withheld: c.source === 'assessment' ? form.messages.ratioWithheld ?? '' : '',
    }),
  }));
}

/**
 * A 智能车间 form's one workshop is the unit the assessment's ratios describe: a ratio its own cells state
 * otherwise (「数据自动采集率95%」 against 92 in the assessment) is flagged. A ratio its counts give is
 * compared with those counts instead, and a figure above 100% has its own flag.
 */
/**
 * A workshop's ratio the enterprise states in its own cells (「数控化率70%」) against the one it gave in the assessment
 * (85%), where no counts decide it: each figure stated that contradicts the assessment's. The draft states neither
 * as the workshop's figure and the flag asks which holds, so the signed form never carries both.
 */
export function workshopTextRatioConflicts(f: FormFacts, metrics: Metrics | undefined, ratios: Ratios | undefined): { id: PartRatioId; metric: number; value: number; said: string }[] {
  const ws = f.workshops ?? [];
  if (!ratios || ws.length > 1) return [];
  const w = ws[0];
  const own = [...Object.values(w?.descriptions ?? {}), ...Object.values(f.elements ?? {})].join('\n');
  const out: { id: PartRatioId; metric: number; value: number; said: string }[] = [];
  for (const id of ['networked', 'automated', 'collected'] as const) {
    const r = ratios[id];
    const m = metrics?.[METRIC[id]];
    const keys = COUNTS[id];
    if (!r || m === undefined || (w && keys && w[keys[0]] !== undefined && w[keys[1]] !== undefined)) continue;
    for (const s of statedRatios(own, r.words)) if (s.value <= 100 && contradicts(s.value, m)) out.push({ id, metric: m, value: s.value, said: s.said });
  }
  return out;
}

/**
 * The honours that name the province's 智能车间 or 智能工厂 title while the assessment recorded the enterprise holds
 * none, or not that one (a 智能工厂 where only a 智能车间 is recorded). A title another programme awards (国家, 市级)
 * is none of them. The draft leaves these out and a flag asks which answer holds.
 */
export function honoursAgainstAssessment(
  honours: readonly string[] | undefined,
  priorTitles: readonly string[] | undefined,
  m: { workshopTitle?: string; factoryTitle?: string; otherTitleMarks?: string[] },
): string[] {
  // Without the assessment's answer there is nothing to contradict.
  if (priorTitles === undefined) return [];
  const held = new Set(priorTitles);
  return (honours ?? []).filter((h) => {
    if (m.otherTitleMarks?.some((w) => h.includes(w))) return false;
    if (m.factoryTitle && h.includes(m.factoryTitle)) return !held.has('smartFactory');
    return Boolean(m.workshopTitle && h.includes(m.workshopTitle)) && !held.has('smartWorkshop') && !held.has('smartFactory');
  });
}

function textVsAssessmentFlags(profile: { form?: FormFacts; metrics?: Metrics }, form: FactCheckForm): FactFlag[] {
  const msg = form.messages.ratioTextVsAssessment;
  const ratios = form.ratios;
  const f = profile.form ?? {};
  if (!msg || !ratios || !form.workshopApplication) return [];
  const unit = f.workshops?.[0]?.name?.trim() ?? '';
  return workshopTextRatioConflicts(f, profile.metrics, ratios).map((c) => ({
    field: `metrics.${METRIC[c.id]}`,
    severity: 'warning' as const,
    message: fill(msg, { unit, ratio: ratios[c.id]!.label, said: fill(form.messages.ratioSaidInText ?? '{quote}', { quote: c.said }), stated: fmt(c.value), metric: fmt(c.metric) }),
  }));
}

/** A ratio stated above 100% in the assessment or in the enterprise's own text: no share can exceed its whole. */
function above100Flags(profile: { form?: FormFacts; metrics?: Metrics }, form: FactCheckForm): FactFlag[] {
  const msg = form.messages.ratioAbove100;
  const ratios = form.ratios;
  if (!msg || !ratios) return [];
  const f = profile.form ?? {};
  const flags: FactFlag[] = [];
  for (const id of ['networked', 'automated', 'collected'] as const) {
    const r = ratios[id];
    if (!r) continue;
    const m = profile.metrics?.[METRIC[id]];
    if (m !== undefined && m > 100) flags.push({ field: `metrics.${METRIC[id]}`, severity: 'error', message: fill(msg, { unit: '', ratio: r.label, said: form.messages.ratioSaidInAssessment ?? '', stated: fmt(m) }) });
    const texts: [string, string, string][] = [
      ...Object.entries(f.elements ?? {}).map(([k, t]) => [`elements.${k}`, '', t] as [string, string, string]),
      ...(f.workshops ?? []).flatMap((w, i) => Object.entries(w.descriptions ?? {}).map(([k, t]) => [`workshops.${i}.descriptions.${k}`, w.name?.trim() ?? '', t] as [string, string, string])),
    ];
    for (const [field, unit, t] of texts)
      for (const s of statedRatios(t, r.words))
        if (s.value > 100) flags.push({ field, severity: 'error', message: fill(msg, { unit, ratio: r.label, said: fill(form.messages.ratioSaidInText ?? '{quote}', { quote: s.said }), stated: fmt(s.value) }) });
  }
  return flags;
}

/** The day (the session's) or the year (the form's) the draft counts relative words from, as the flag names it. */
function countedFrom(form: FactCheckForm, asOf: string | undefined): string {
  const m = form.messages;
  if (asOf) {
    const [y, mo, d] = asOf.split('-').map(Number);
    return fill(m.relativeTimeFromDay ?? '{day}', { day: `${y}年${mo ? `${mo}月` : ''}${d ? `${d}日` : ''}` });
  }
  const years = form.years.map(Number);
  return years.length ? fill(m.relativeTimeFromYear ?? '{year}年', { year: String(Math.max(...years) + 1) }) : '';
}

/**
 * 「去年过了等保三级」 in the enterprise's own text dates by the day it was typed, and the 申报书 is read later
 * by others: each such word is flagged with its clause, for the year itself. A word after a year's own
 * digits (2022年底) is a date already.
 */
function relativeTimeFlags(f: FormFacts, form: FactCheckForm, asOf: string | undefined): FactFlag[] {
  const msg = form.messages.relativeTime;
  const words = [...(form.relativeTimeWords ?? [])].sort((a, b) => b.length - a.length);
  if (!msg || !words.length) return [];
  const texts: [string, string][] = [
    ...(['history', 'business', 'marketing', 'advantages', 'benefits'] as const).map((k) => [k, f[k] ?? ''] as [string, string]),
    ['rnd.description', f.rnd?.description ?? ''],
    ['patents.description', f.patents?.description ?? ''],
    ...Object.entries(f.elements ?? {}).map(([k, t]) => [`elements.${k}`, t] as [string, string]),
    ...(f.workshops ?? []).flatMap((w, i) => Object.entries(w.descriptions ?? {}).map(([k, t]) => [`workshops.${i}.descriptions.${k}`, t] as [string, string])),
  ];
  const flags: FactFlag[] = [];
  for (const [field, text] of texts) {
    const taken: number[] = [];
    for (const w of words) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
        if (taken.some((t) => at >= t && at < t + 4) || /[\d〇零一二三四五六七八九十年]$/.test(text.slice(0, at))) continue;
        taken.push(at);
        const start = Math.max(...['，', '。', '；', ',', ';', '\n'].map((p) => text.lastIndexOf(p, at)));
        const end = text.slice(at).search(/[，。；,;\n]/);
        const quote = text.slice(start + 1, end < 0 ? text.length : at + end);
        const label = form.labels?.[field] ?? form.labels?.[field.split('.').slice(-1)[0]!] ?? '说明文字';
        // What the draft prints for the words, when it can date them without asking: the user checks that before export.
        const dated = form.dated?.(quote, asOf);
        const known = dated !== undefined && dated !== quote && !dated.includes('〔') && form.messages.relativeTimeDated;
        flags.push({ field, severity: 'warning', message: known ? fill(form.messages.relativeTimeDated!, { label, quote, dated, from: countedFrom(form, asOf) }) : fill(msg, { label, quote }) });
      }
    }
  }
  return flags;
}

/**
 * Ratios stated beside the counts they come from and contradicted by them: the assessment's 设备联网率 of a
 * workshop form against its one workshop's counts, and a ratio written in a workshop's own cells against that
 * workshop's counts. The draft computes from the counts; the user is told, never shown both in silence.
 */
function ratioFlags(profile: { form?: FormFacts; metrics?: DraftProfile['metrics'] }, form: FactCheckForm): FactFlag[] {
  const f = profile.form ?? {};
  const msg = form.messages.ratioMismatch;
  const ratios = form.ratios;
  if (!msg || !ratios) return [];
  const flags: FactFlag[] = [];
  const ws = f.workshops ?? [];
  ws.forEach((w, i) => {
    const unit = w.name?.trim() || `车间${i + 1}`;
    const pairs: [RatioId, keyof typeof w, keyof typeof w, 'networkedRatio' | 'automationRatio'][] = [
      ['networked', 'networkedEquipment', 'automatedEquipment', 'networkedRatio'],
      ['automated', 'automatedEquipment', 'equipmentTotal', 'automationRatio'],
    ];
    for (const [id, partKey, wholeKey, metric] of pairs) {
      const part = w[partKey] as number | undefined;
      const whole = w[wholeKey] as number | undefined;
      if (part === undefined || whole === undefined) continue;
      const c = sharePercent(part, whole, ratios[id].label);
      if (!c) continue;
      const ratio = ratios[id].label;
      const push = (stated: number, said: string) => {
        if (contradicts(stated, c.value))
          flags.push({ field: `workshops.${i}.${partKey}`, severity: 'warning', message: fill(msg, { unit, ratio, said, stated: String(stated), part: String(part), whole: String(whole), computed: c.display }) });
      };
      // The assessment's ratio is the unit's own only where the form applies for that one workshop.
      const m = profile.metrics?.[metric];
      if (form.workshopApplication && ws.length === 1 && m !== undefined) push(m, form.messages.ratioSaidInAssessment ?? '');
      const own = [...Object.values(w.descriptions ?? {}), ...(form.workshopApplication ? Object.values(f.elements ?? {}) : [])].join('\n');
      // A figure above 100% has its own flag: no count can make it right.
      for (const s of statedRatios(own, ratios[id].words)) if (s.value <= 100) push(s.value, fill(form.messages.ratioSaidInText ?? '{quote}', { quote: s.said }));
    }
  });
  return flags;
}

type Capabilities = Partial<Record<string, boolean | 'partial' | 'building'>>;

/**
 * How a clause says the capability it names stands: negative and planned read before positive; a trial says neither,
 * and so does a link said missing or planned (「采集平台还没接进MES」): it denies neither of the systems it joins.
 * A negative clause of a part (「部分设备还没联网」) says the capability stands in part.
 */
function clauseStatus(clause: string, status: NonNullable<FactCheckForm['capabilityCheck']>['status']): 'negative' | 'planned' | 'partial' | 'positive' | undefined {
  if (status.trial.some((w) => clause.includes(w))) return undefined;
  const linkAfter = (words: string[]) => {
    const at = Math.min(...words.map((w) => clause.indexOf(w)).filter((i) => i >= 0));
    return (status.links ?? []).some((l) => clause.indexOf(l, at) >= 0);
  };
  for (const kind of ['negative', 'planned'] as const)
    if (status[kind].some((w) => clause.includes(w))) return linkAfter(status[kind]) ? undefined : (status.part ?? []).some((w) => clause.includes(w)) ? 'partial' : kind;
  if (status.positive.some((w) => clause.includes(w))) return 'positive';
  return undefined;
}

/** A text's clauses: split at punctuation and before a turn word (「防火墙已部署但入侵检测还没上」 is two). */
function clausesOf(text: string, status: NonNullable<FactCheckForm['capabilityCheck']>['status']): string[] {
  const turns = [...(status.turns ?? [])].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(/[，。；,;\n]+/u).flatMap((c) => (turns.length ? c.split(new RegExp(`(?=${turns.join('|')})`, 'u')) : [c]));
  return parts.map((c) => c.trim()).filter(Boolean);
}

const namesIn = (clause: string, term: string) =>
  /^[A-Za-z0-9]+$/.test(term) ? new RegExp(`(?<![A-Za-z])${term}(?![A-Za-z])`, 'i').test(clause) : clause.includes(term);

/**
 * The enterprise's own cell texts against its interview answers: a clause naming a capability (「MES计划2024年
 * 上线」, 「装配车间有两台AGV在跑」, 「暂未开展在线检测」) that says it is missing or planned where the interview
 * answered that the enterprise has it, or in use where the interview answered no. Both cannot be signed:
 * the flag quotes the clause and the answer, so the user makes them one before export.
 */
function capabilityTextFlags(f: FormFacts, capabilities: Capabilities | undefined, form: FactCheckForm): FactFlag[] {
  const msg = form.messages.capabilityContradiction;
  const check = form.capabilityCheck;
  if (!msg || !check || !capabilities) return [];
  const answerText = (v: boolean | 'partial' | 'building') => (v === true ? '已具备' : v === 'partial' ? '部分具备' : v === 'building' ? '正在建设' : '尚未具备');
  const texts: [string, string][] = [
    ...Object.entries(f.elements ?? {}).map(([k, t]) => [`elements.${k}`, t] as [string, string]),
    ...(f.workshops ?? []).flatMap((w, i) => Object.entries(w.descriptions ?? {}).map(([k, t]) => [`workshops.${i}.descriptions.${k}`, t] as [string, string])),
  ];
  const flags: FactFlag[] = [];
  // A cell answered with none (「暂无」) says every capability it asks about is missing: each the interview answered
  // it has is flagged, those with the same answer in one flag.
  for (const d of f.deniedCells ?? []) {
    const cell = /^(?:elements|workshops\.\d+\.descriptions)\.(.+)$/.exec(d.fact)?.[1];
    const byAnswer = new Map<string, string[]>();
    for (const id of (cell && form.cellCapabilities?.[cell]) || []) {
      const v = capabilities[id];
      const name = check.caps.find((c) => c.id === id)?.name;
      if ((v !== true && v !== 'partial') || !name) continue;
      byAnswer.set(answerText(v), [...(byAnswer.get(answerText(v)) ?? []), name]);
    }
    for (const [answer, names] of byAnswer)
      flags.push({ field: d.fact, severity: 'warning', message: fill(msg, { label: cellLabel(f, d.fact, form), quote: d.said, capability: names.join('”、“'), answer }) });
  }
  for (const [field, text] of texts) {
    const read = clausesOf(text, check.status).flatMap((clause) => {
      const status = clauseStatus(clause, check.status);
      return status ? [{ clause, status, caps: check.caps.filter((cap) => cap.terms.some((t) => namesIn(clause, t))) }] : [];
    });
    // A text that says one part of a capability in use and another missing (「装了防火墙和网闸，入侵检测还没上」)
    // states it in part, as a 部分具备 answer does: only a text that says nothing of it in use denies that answer.
    const inUse = new Set(read.flatMap((r) => (r.status === 'positive' || r.status === 'partial' ? r.caps.map((c) => c.id) : [])));
    for (const { clause, status, caps } of read) {
      const seen = new Set<string>();
      for (const cap of caps) {
        const v = capabilities[cap.id];
        if (v === undefined || seen.has(cap.name)) continue;
        const agrees = v === 'partial' ? (status !== 'negative' && status !== 'planned') || inUse.has(cap.id) : (v === true) === (status === 'positive');
        if (agrees) continue;
        seen.add(cap.name);
        flags.push({ field, severity: 'warning', message: fill(msg, { label: cellLabel(f, field, form), quote: clause, capability: cap.name, answer: answerText(v) }) });
      }
    }
  }
  return flags;
}

/**
 * The capabilities among `ids` that the interview answered no to and a clause of the enterprise's cell text now says
 * are in use (「PDM已上线，管理全部图纸」 in the PDM cell): the later, more specific word of the enterprise, which
 * corrects the answer so that the 申报书 states one status. A planned or negative clause corrects nothing.
 */
export function capabilitiesAffirmed(text: string, ids: string[], capabilities: Capabilities, form: FactCheckForm): string[] {
  const check = form.capabilityCheck;
  if (!check) return [];
  const out = new Set<string>();
  for (const clause of clausesOf(text, check.status)) {
    if (clauseStatus(clause, check.status) !== 'positive') continue;
    for (const cap of check.caps) if (ids.includes(cap.id) && capabilities[cap.id] === false && cap.terms.some((t) => namesIn(clause, t))) out.add(cap.id);
  }
  return [...out];
}

/** A cell as the user knows it: 「总装车间“生产运行”栏」, 「“研发设计”栏」. */
function cellLabel(f: FormFacts, field: string, form: FactCheckForm): string {
  const m = /^(?:elements|workshops\.(\d+)\.descriptions)\.(.+)$/.exec(field);
  const cell = m ? form.cellLabels?.[m[2]!] : undefined;
  if (!m || !cell) return '说明文字';
  const ws = m[1] === undefined ? '' : f.workshops?.[Number(m[1])]?.name?.trim() || `车间${Number(m[1]) + 1}`;
  return `${ws}“${cell.replace(/[：:]$/, '')}”栏`;
}

/**
 * 「2022年上的MES」 in the 发展历程 and 「MES上了两年了」 in the chat (dated 2024 from the session's day): one system, two
 * years. Each clause of the enterprise's texts and of its interview replies that names a system, a year and a word of
 * going live (systemDates) is dated as the draft dates it; a system with two years is flagged on the first text
 * that dates it, quoting both, since the draft would otherwise print both.
 */
function systemDateFlags(f: FormFacts, form: FactCheckForm, asOf: string | undefined): FactFlag[] {
  const sd = form.systemDates;
  const check = form.capabilityCheck;
  if (!sd || !check) return [];
  const sources: { field: string; label: string; text: string }[] = [
    ...OWN_TEXTS.map((k) => ({ field: k, label: form.labels?.[k] ?? '说明文字', text: f[k] ?? '' })),
    ...Object.entries(f.elements ?? {}).map(([k, t]) => ({ field: `elements.${k}`, label: cellLabel(f, `elements.${k}`, form), text: t })),
    ...(f.workshops ?? []).flatMap((w, i) => Object.entries(w.descriptions ?? {}).map(([k, t]) => ({ field: `workshops.${i}.descriptions.${k}`, label: cellLabel(f, `workshops.${i}.descriptions.${k}`, form), text: t }))),
    ...Object.entries(f.capabilityDetails ?? {}).map(([id, t]) => ({ field: `capabilityDetails.${id}`, label: sd.chat, text: t ?? '' })),
  ];
  const dates = new Map<string, { field: string; place: string; year: string }[]>();
  for (const s of sources)
    for (const clause of s.text.split(/[，。；,;\n]+/u).map((c) => c.trim()).filter(Boolean)) {
      const dated = form.dated ? form.dated(clause, asOf) : clause;
      const years = [...new Set([...dated.matchAll(/(?<!\d)((?:19|20)\d{2})年/gu)].map((m) => m[1]!))];
      if (years.length !== 1 || !sd.words.some((w) => dated.includes(w))) continue;
      for (const cap of check.caps.filter((c) => c.terms.some((t) => namesIn(clause, t)))) {
        const list = dates.get(cap.id) ?? [];
        list.push({ field: s.field, place: `${s.label}“${clause}”`, year: years[0]! });
        dates.set(cap.id, list);
      }
    }
  const flags: FactFlag[] = [];
  for (const [id, list] of dates) {
    const other = list.find((d) => d.year !== list[0]!.year);
    if (!other) continue;
    const first = list[0]!;
    const name = check.caps.find((c) => c.id === id)!.name;
    const field = [first, other].find((d) => !d.field.startsWith('capabilityDetails.'))?.field ?? first.field;
    flags.push({ field, severity: 'warning', message: fill(sd.message, { system: name, first: first.place, firstYear: first.year, second: other.place, secondYear: other.year }) });
  }
  return flags;
}

/** Where the enterprise's own text may state a 资产负债率, by the fact path the flag names. */
const OWN_TEXTS = ['history', 'business', 'marketing', 'advantages', 'benefits'] as const;

/**
 * The 近三年主要经济指标 checked against each other, with the figures: what cannot be (liabilities above assets),
 * what is doubtful (profit above revenue, a loss year after the assessment's 经营良好, a 资产负债率 in the enterprise's
 * own words that its figures do not give). Whether the enterprise 「生产经营和财务状况良好」 (二(一)) is the bureau's
 * judgement: the flags say so, and the assessment's answer is left as the enterprise gave it.
 */
function financeFlags(profile: Pick<DraftProfile, 'enterprise' | 'form'>, form: FactCheckForm, m: FactCheckForm['messages'] = form.messages): FactFlag[] {
  const f = profile.form ?? {};
  const judged = m.operatingJudged ?? '';
  const flags: FactFlag[] = [];
  const years = Object.entries(f.finance ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [year, y] of years) {
    if (m.liabilitiesAboveAssets && given(y.totalAssets) && given(y.totalLiabilities) && y.totalLiabilities > y.totalAssets) {
      const ratio = debtRatio(y.totalLiabilities, y.totalAssets)?.display ?? '';
      flags.push({ field: `finance.${year}.totalLiabilities`, severity: 'warning', clause: '二(一)', message: fill(m.liabilitiesAboveAssets, { year, liabilities: fmt(y.totalLiabilities), assets: fmt(y.totalAssets), ratio, judged }) });
    }
    if (m.profitAboveRevenue && given(y.profit) && given(y.revenue) && y.profit > y.revenue)
      flags.push({ field: `finance.${year}.profit`, severity: 'warning', message: fill(m.profitAboveRevenue, { year, profit: fmt(y.profit), revenue: fmt(y.revenue) }) });
  }
  // A loss is no error: it is said beside the assessment's 经营良好 so the enterprise can explain it before the bureau asks.
  const losses = years.filter(([, y]) => given(y.profit) && y.profit < 0);
  if (m.lossYears && m.lossYear && losses.length && profile.enterprise?.operatingWell === true)
    flags.push({
      field: `finance.${losses[0]![0]}.profit`,
      severity: 'warning',
      clause: '二(一)',
      message: fill(m.lossYears, { losses: losses.map(([year, y]) => fill(m.lossYear!, { year, profit: fmt(y.profit!), loss: fmt(-y.profit!) })).join('，'), judged }),
    });
  if (m.debtRatioSaid)
    for (const key of OWN_TEXTS) {
      const text = f[key];
      if (!text) continue;
      for (const said of text.matchAll(/[^。；;！!？?\n]*?资产负债率[^。；;，,\d]{0,6}?(\d+(?:\.\d+)?)\s*[%％][^。；;！!？?\n]*/gu)) {
        // The year the sentence names, else the latest with both figures: the ratio it states is of that year.
        const named = years.find(([year]) => said[0].includes(year));
        const withBoth = years.filter(([, y]) => given(y.totalAssets) && given(y.totalLiabilities));
        const [year, y] = named && given(named[1].totalAssets) && given(named[1].totalLiabilities) ? named : (withBoth[withBoth.length - 1] ?? []);
        if (!year || !y) continue;
        const c = debtRatio(y.totalLiabilities!, y.totalAssets!);
        if (!c || Math.abs(c.value - Number(said[1])) < 1) continue;
        flags.push({ field: key, severity: 'warning', message: fill(m.debtRatioSaid, { label: form.labels?.[key] ?? key, quote: said[0].trim(), year, liabilities: fmt(y.totalLiabilities!), assets: fmt(y.totalAssets!), computed: c.display }) });
      }
    }
  return flags;
}

/**
 * The 近三年主要经济指标 checks of `financeFlags` (the same rule the enterprise's form shows), worded for the bureau's
 * 初审 by `wording`: liabilities above assets, profit above revenue, loss years beside the assessment's 经营良好.
 */
export function reviewFinanceFlags(
  profile: Pick<DraftProfile, 'enterprise' | 'form'>,
  form: FactCheckForm,
  wording: { liabilitiesAboveAssets: string; profitAboveRevenue: string; lossYears: string; lossYear: string },
): FactFlag[] {
  return financeFlags(profile, form, { ...wording, operatingJudged: '' });
}

/**
 * The workshops a 车间名称 names: its parts between joiners (和, 与, 、), outside brackets, that end in a workshop's
 * word (车间, 分厂). 「酿造发酵车间和灌装车间」 names two; 「机加和装配联合车间」 and 「装配车间（含包装工段）」 one.
 */
function workshopsNamed(name: string, joiners: readonly string[], ends: readonly string[]): string[] {
  const flat = name.replace(/[（(][^）)]*[）)]/gu, '');
  const parts = flat.split(new RegExp(joiners.map(escapeRegex).join('|'), 'u')).map((p) => p.trim());
  return parts.filter((p) => ends.some((e) => p.endsWith(e) && p.length > e.length));
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

/**
 * Consistency checks across facts that a field-level schema cannot see: the credit
 * code against the province, liabilities above assets, dates out of order, and figures
 * of years before the enterprise was founded.
 */
export function checkFacts(profile: Pick<DraftProfile, 'enterprise' | 'form'> & { metrics?: DraftProfile['metrics']; capabilities?: Capabilities; asOf?: string }, form?: FactCheckForm): FactFlag[] {
  const f = profile.form ?? {};
  const flags: FactFlag[] = [];
  const founded = foundedYear(f);
  if (form && founded !== undefined && f.foundedOn) {
    const [y, m, d] = f.foundedOn.split('-');
    const foundedText = `${Number(y)}年${Number(m)}月${d ? `${Number(d)}日` : ''}`;
    const { figuresBeforeFounding, foundedAfterFigures } = form.messages;
    // A figure for a year the enterprise did not yet exist in is a typing error, of the date or of the year.
    if (figuresBeforeFounding)
      for (const [year, fy] of Object.entries(f.finance ?? {}))
        for (const [key, v] of Object.entries(fy))
          if (Number(year) < founded && given(v as number | undefined))
            flags.push({ field: `finance.${year}.${key}`, severity: 'error', clause: form.attachment, message: fill(figuresBeforeFounding, { year, founded: foundedText }) });
    // The form's 近三年 years are fixed by its notice: an enterprise founded after all of them has none of its figures.
    const ys = form.years;
    if (foundedAfterFigures && ys.length && ys.every((k) => Number(k) < founded))
      flags.push({ field: 'foundedOn', severity: 'warning', clause: form.attachment, message: fill(foundedAfterFigures, { founded: foundedText, first: ys[0]!, last: ys[ys.length - 1]! }) });
  }
  const province = f.province ?? profile.enterprise?.province;
  const code = f.creditCode ?? profile.enterprise?.creditCode;
  if (code) {
    const c = checkCreditCode(code, province);
    for (const e of c.errors) flags.push({ field: 'creditCode', severity: 'error', message: e });
    for (const w of c.warnings) flags.push({ field: 'creditCode', severity: 'warning', message: w });
  }
  if (form) flags.push(...financeFlags(profile, form));
  const p = f.project;
  if (p?.start && p.end && p.start > p.end) {
    flags.push({ field: 'project.end', severity: 'error', message: `建设完成日期（${p.end}）早于开始日期（${p.start}）` });
  }
  const ws = f.workshops ?? [];
  // 四(一): a 智能车间 holder applies for 智能车间 「以其他生产性车间申报」; a workshop its title's honour names is that one.
  const { titledWorkshop, workshopTitle } = form?.messages ?? {};
  if (form?.workshopApplication && titledWorkshop && workshopTitle && profile.enterprise?.priorTitles?.includes('smartWorkshop'))
    ws.forEach((w, i) => {
      const name = w.name?.trim();
      const honour = name && name.length >= 2 ? f.honours?.find((h) => h.includes(workshopTitle) && h.includes(name)) : undefined;
      if (honour) flags.push({ field: `workshops.${i}.name`, severity: 'warning', message: fill(titledWorkshop, { workshop: name!, honour }) });
    });
  // An honour naming the province's title the assessment says the enterprise has not got: one of the two is wrong.
  const { priorTitleVsHonour, priorTitlesRecorded } = form?.messages ?? {};
  if (priorTitleVsHonour && priorTitlesRecorded)
    for (const honour of honoursAgainstAssessment(f.honours, profile.enterprise?.priorTitles, form!.messages)) {
      const recorded = profile.enterprise?.priorTitles?.includes('smartWorkshop') ? priorTitlesRecorded.smartWorkshop : priorTitlesRecorded.none;
      flags.push({ field: 'honours', severity: 'warning', message: fill(priorTitleVsHonour, { honour, recorded }) });
    }
  ws.forEach((w, i) => {
    if (given(w.automatedEquipment) && given(w.equipmentTotal) && w.automatedEquipment > w.equipmentTotal)
      flags.push({ field: `workshops.${i}.automatedEquipment`, severity: 'error', message: `车间${i + 1}自动化设备数大于设备总数` });
    if (given(w.networkedEquipment) && given(w.automatedEquipment) && w.networkedEquipment > w.automatedEquipment)
      flags.push({ field: `workshops.${i}.networkedEquipment`, severity: 'error', message: `车间${i + 1}联网设备数大于自动化、数字化、智能化设备数` });
  });
  if (form) flags.push(...ratioFlags(profile, form), ...textVsAssessmentFlags(profile, form), ...factoryRatioFlags(profile, form), ...above100Flags(profile, form));
  if (form) flags.push(...relativeTimeFlags(f, form, profile.asOf), ...systemDateFlags(f, form, profile.asOf), ...productivityFlags(f, form), ...capabilityTextFlags(f, profile.capabilities, form));
  // A factory's workshop with no name is one said (the count) but not described: the user is asked for it.
  const unnamed = form?.messages.workshopUnnamed;
  if (unnamed && form?.factoryApplication)
    ws.forEach((w, i) => {
      if (!w.name?.trim()) flags.push({ field: `workshops.${i}.name`, severity: 'warning', message: fill(unnamed, { n: String(i + 1), count: String(ws.length) }) });
    });
  // 四(一): one workshop an application. A 车间名称 naming two is kept as typed, and flagged.
  const { severalWorkshops, workshopJoiners, workshopEnds } = form?.messages ?? {};
  if (form?.workshopApplication && severalWorkshops && workshopJoiners?.length && workshopEnds?.length)
    ws.forEach((w, i) => {
      const named = workshopsNamed(w.name ?? '', workshopJoiners, workshopEnds);
      if (named.length >= 2)
        flags.push({ field: `workshops.${i}.name`, severity: 'warning', message: fill(severalWorkshops, { name: w.name!.trim(), count: String(named.length), workshops: named.map((n) => `“${n}”`).join('、') }) });
    });
  // A line said not built yet is left out of the lines the workshop 涵盖; the flag quotes what was said of it.
  const unbuilt = form?.messages.linesNotBuilt;
  if (unbuilt)
    for (const [n, said] of groupBy(f.linesNotBuilt ?? [], (l) => l.workshop))
      flags.push({ field: `workshops.${n}.lines`, severity: 'warning', message: fill(unbuilt, { n: String(n + 1), lines: said.map((l) => `“${l.said}”`).join('、') }) });
  // An honour that is not the enterprise's own held title is left out of the draft; the flag says which.
  const notHeld = form?.messages.honourNotHeld;
  if (notHeld && f.honoursNotHeld?.length)
    flags.push({ field: 'honours', severity: 'warning', message: fill(notHeld, { honours: f.honoursNotHeld.map((h) => `“${h}”`).join('、') }) });
  // A round figure is left out of the draft; the flag says which answer it was and asks for the exact one.
  const approx = form?.messages.approximateFigure;
  if (approx)
    for (const a of f.approximate ?? [])
      flags.push({ field: a.fact, severity: 'warning', message: fill(approx, { label: a.label ?? form?.labels?.[a.fact] ?? a.fact, said: a.said }) });
  return flags;
}

/**
 * The note that says the interview's 设备联网率 was read from counts over all the equipment, not over the automated
 * ones as the notice counts it (三(一)3), with the counts: the report states the recorded figure, the 申报书 the
 * notice's, and a reader sees why they differ. None where the counts are of the notice's base or no counts were said.
 */
export function networkedBasisNote(
  f: FormFacts,
  metrics: Metrics | undefined,
  wording: { clause: string; text: string } | undefined,
): { clause: string; text: string } | null {
  const e = f.unitEquipment;
  const m = metrics?.networkedRatio;
  if (!wording || !e || m === undefined || e.networked === undefined || e.automated !== undefined || e.total === undefined) return null;
  return { clause: wording.clause, text: fill(wording.text, { value: fmt(m), said: e.said, part: String(e.networked), whole: String(e.total) }) };
}

