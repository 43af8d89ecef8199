import type { FormField, FormSpec } from '../knowledge/schemas/forms';
import type { Category, CapabilityId } from '../schemas/profile';
import type { DraftProfile, DraftResult, NumberSource, FormFacts } from '../schemas/forms';
import { countChars } from './length';
import { fmt, sharePercent } from './compute';
import { financeValue, indicatorChange, indicatorValue, type IndicatorId, type ResolvedValue } from './facts';
import { formSpec, type FormsKnowledge } from './knowledge';
import { draftableSections } from './spec';
import type { Template, Templates } from './template';
import type { KnowledgeData } from '../knowledge/load';
import type { Assessment } from '../schemas/profile';
import { evalCategory, evaluateFacts } from '../engine/assess';
import { emptyFacts } from '../engine/facts';

export interface FormsContext extends FormsKnowledge {
  templates: Templates;
  /**
   * The engine's knowledge. When given, the gaps flagged in 三 are the engine's own conditions, so the
   * draft names the same 三(一)4 branch (离散/流程) as the assessment, including a mode the engine inferred.
   */
  engine?: KnowledgeData;
}

/** Slot content; `missing` lists placeholders already written inside the text. */
type Piece = { text: string; numbers: NumberSource[]; source?: string; sentences?: boolean; missing?: string[] };
type Slot = Piece | { missing: string };

interface Unit {
  order: number;
  required: boolean;
  priority: number;
  text: string;
  numbers: NumberSource[];
  missing: string[];
}

interface Ctx {
  kb: FormsContext;
  profile: DraftProfile;
  facts: FormFacts;
  spec: FormSpec;
  category: Category;
  /** Workshop the cell is drafted for (0-based). */
  ws: number;
}

export function placeholder(label: string): string {
  return `〔待补充：${label}〕`;
}

/** Every digit run of a fact's own text is traced back to that fact. */
function digitsOf(text: string, source: string): NumberSource[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map((value) => ({ value, source }));
}

function textPiece(text: string | undefined, source: string, sentences = false): Piece | null {
  if (text === undefined || text.trim() === '') return null;
  let t = text.trim();
  if (sentences && !/[。！？!?；;]$/.test(t)) t += '。';
  return { text: t, numbers: digitsOf(t, source), source, sentences };
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

function datePiece(d: string | undefined, source: string): Piece | null {
  if (!d) return null;
  const [y, m, day] = d.split('-');
  const text = `${Number(y)}年${Number(m)}月${day ? `${Number(day)}日` : ''}`;
  return { text, numbers: digitsOf(text, source) };
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

function capStatus(ctx: Ctx, cap: CapabilityId): boolean | 'partial' | undefined {
  return ctx.profile.capabilities?.[cap];
}

function workshopName(ctx: Ctx, i: number): Piece | null {
  return textPiece(ctx.facts.workshops?.[i]?.name, `form.workshops.${i}.name`);
}

/** Resolves a template slot to the enterprise's own fact, a computed value, or a missing label. */
function slot(ctx: Ctx, name: string): Slot {
  const f = ctx.facts;
  const miss = (key: string): Slot => ({ missing: label(ctx, key) });
  const or = (p: Piece | null, key: string): Slot => p ?? miss(key);
  switch (name) {
    case 'name':
      return f.name ? textPiece(f.name, 'form.name')! : or(textPiece(ctx.profile.enterprise?.name, 'enterprise.name'), 'name');
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
    case 'history':
    case 'business':
    case 'marketing':
    case 'advantages':
    case 'benefits':
      return or(textPiece(f[name], `form.${name}`, true), name);
    case 'rnd.description':
      return or(textPiece(f.rnd?.description, 'form.rnd.description', true), name);
    case 'patents.description':
      return or(textPiece(f.patents?.description, 'form.patents.description', true), name);
    case 'registeredCapital':
    case 'employees':
    case 'mainProductsShare':
      return or(numPiece(f[name], `form.${name}`), name);
    case 'rnd.staff':
      return or(numPiece(f.rnd?.staff, 'form.rnd.staff'), name);
    case 'patents.total':
      return or(numPiece(f.patents?.total, 'form.patents.total'), name);
    case 'patents.invention':
      return or(numPiece(f.patents?.invention, 'form.patents.invention'), name);
    case 'products': {
      const ps = f.products ?? [];
      if (!ps.length) return miss('products');
      const numbers: NumberSource[] = [];
      const parts = ps.map((p, i) => {
        numbers.push(...digitsOf(p.name, `form.products.${i}.name`));
        if (p.share === undefined) return p.name;
        numbers.push({ value: fmt(p.share), source: `form.products.${i}.share` });
        return `${p.name}（占营业收入${fmt(p.share)}%）`;
      });
      return { text: parts.join('、'), numbers };
    }
    case 'honours': {
      const hs = f.honours ?? [];
      if (!hs.length) return miss('honours');
      return { text: hs.join('、'), numbers: hs.flatMap((h, i) => digitsOf(h, `form.honours.${i}`)) };
    }
    case 'latest.year': {
      const y = financeYears(f).filter((k) => f.finance![k]!.revenue !== undefined).pop();
      return y ? { text: y, numbers: [{ value: y, source: `key:form.finance.${y}` }] } : miss('finance.revenue');
    }
    case 'latest.revenue':
    case 'latest.profit':
    case 'latest.tax': {
      const y = financeYears(f).filter((k) => f.finance![k]!.revenue !== undefined).pop();
      const key = name.slice(7) as 'revenue' | 'profit' | 'tax';
      return or(y ? resolvedPiece(financeValue(f, y, key), 'form.') : null, `finance.${key}`);
    }
    case 'finance.years': {
      // The years are the form's own (近三年主要经济指标 2020–2022), not a fact of the enterprise.
      const ys = formYears(ctx);
      const a = ys[0]!;
      const b = ys[ys.length - 1]!;
      return { text: `${a}—${b}年`, numbers: [{ value: a, source: 'spec:finance.columns' }, { value: b, source: 'spec:finance.columns' }] };
    }
    case 'project.start':
    case 'project.end':
      return or(datePiece(f.project?.[name.slice(8) as 'start' | 'end'], `form.${name}`), name);
    case 'project.investment':
      return or(numPiece(f.project?.investment, 'form.project.investment'), name);
    case 'workshops': {
      const ws = (f.workshops ?? []).map((w, i) => textPiece(w.name, `form.workshops.${i}.name`)).filter((p): p is Piece => !!p);
      return ws.length ? { text: ws.map((p) => p.text).join('、'), numbers: ws.flatMap((p) => p.numbers) } : miss('workshops.name');
    }
    case 'lines': {
      const ls = (f.workshops ?? []).flatMap((w, i) => (w.lines ?? []).map((l, j) => ({ l, src: `form.workshops.${i}.lines.${j}` })));
      return ls.length ? { text: ls.map((x) => x.l).join('、'), numbers: ls.flatMap((x) => digitsOf(x.l, x.src)) } : miss('workshops.lines');
    }
    case 'capsShort': {
      const built = builtCapabilities(ctx);
      if (!built.length) return miss('capabilities');
      const names = built.map((c) => {
        const p = ctx.kb.formDrafting.capabilities[c]!;
        return `${p.verb}${p.name}`;
      });
      return { text: names.join('，'), numbers: [] };
    }
  }
  const fin = /^finance\.series\.(\w+)$/.exec(name);
  if (fin) {
    const key = fin[1] as 'revenue' | 'profit' | 'tax' | 'totalAssets' | 'debtRatio';
    const ys = formYears(ctx);
    const vals = ys.map((y) => resolvedPiece(financeValue(f, y, key), 'form.'));
    if (vals.every((v) => !v)) return miss(`finance.${key === 'debtRatio' ? 'totalLiabilities' : key}`);
    const unit = key === 'debtRatio' ? '%' : '万元';
    // A year the enterprise has not given stays a placeholder in its place in the series.
    const missing = ys.filter((_y, i) => !vals[i]).map((y) => `${y}年${label(ctx, `finance.${key === 'debtRatio' ? 'totalLiabilities' : key}`)}`);
    return {
      text: vals.map((v, i) => (v ? v.text + unit : placeholder(missing.find((m) => m.startsWith(ys[i]!))!))).join('、'),
      numbers: vals.flatMap((v) => v?.numbers ?? []),
      missing,
    };
  }
  throw new Error(`unknown template slot {${name}}`);
}

/** Capabilities of the category's elements that the enterprise has built, in element order. */
function builtCapabilities(ctx: Ctx, status: true | 'partial' = true): CapabilityId[] {
  const seen = new Set<CapabilityId>();
  for (const e of ctx.spec.section3.elements) for (const c of e.capabilities) if (capStatus(ctx, c) === status) seen.add(c);
  return [...seen];
}

function isPiece(s: Slot): s is Piece {
  return typeof (s as Piece).text === 'string';
}

function fill(ctx: Ctx, text: string, vars: Record<string, Piece | null> = {}): { text: string; numbers: NumberSource[]; missing: string[]; lastSlot?: Piece } {
  const numbers: NumberSource[] = [];
  const missing: string[] = [];
  let lastSlot: Piece | undefined;
  const out = text.replace(/\{([\w.]+)\}/g, (_m, key: string) => {
    const r: Slot = key in vars ? vars[key] ?? { missing: key } : slot(ctx, key);
    if (!isPiece(r)) {
      missing.push(r.missing);
      return placeholder(r.missing);
    }
    numbers.push(...r.numbers);
    if (r.missing) missing.push(...r.missing);
    lastSlot = r;
    return r.text;
  });
  return { text: out, numbers, missing, lastSlot };
}

function sentenceUnits(ctx: Ctx, line: { required: boolean; priority: number; text: string }, order: number): Unit[] {
  const r = fill(ctx, line.text);
  if (r.missing.length && !line.required) return [];
  // A line that ends in the enterprise's own long text is split at sentence ends, so the
  // length fitter can keep the first sentences and drop the rest.
  const endsWithSlot = /\{[\w.]+\}$/.test(line.text);
  if (!r.missing.length && endsWithSlot && r.lastSlot?.sentences && r.lastSlot.source) {
    const prefix = r.text.slice(0, r.text.length - r.lastSlot.text.length);
    const prefixNumbers = r.numbers.slice(0, r.numbers.length - r.lastSlot.numbers.length);
    const parts = r.lastSlot.text.match(/[^。！？!?；;]+[。！？!?；;]*/g) ?? [r.lastSlot.text];
    return parts.map((s, k) => ({
      order: order + k,
      required: line.required && k === 0,
      priority: line.priority + k * 0.5,
      text: (k === 0 ? prefix : '') + s,
      numbers: [...(k === 0 ? prefixNumbers : []), ...digitsOf(s, r.lastSlot!.source!)],
      missing: [],
    }));
  }
  return [{ order, required: line.required, priority: line.priority, text: r.text, numbers: r.numbers, missing: r.missing }];
}

function named(ctx: Ctx, name: string): string {
  const t = ctx.kb.templates.cell?.named[name];
  if (!t) throw new Error(`template cell.md has no @${name}`);
  return t;
}

function capSentence(ctx: Ctx, cap: CapabilityId): { text: string; numbers: NumberSource[] } | null {
  const st = capStatus(ctx, cap);
  const p = ctx.kb.formDrafting.capabilities[cap];
  if (!p || (st !== true && st !== 'partial')) return null;
  const t = named(ctx, st === true ? 'cap' : 'partial');
  return { text: t.replace('{verb}', p.verb).replace('{capName}', p.name).replace('{capAchieve}', p.achieve), numbers: [] };
}

function indicatorSentences(ctx: Ctx, ids: IndicatorId[]): { text: string; numbers: NumberSource[] }[] {
  const out: { text: string; numbers: NumberSource[] }[] = [];
  for (const ind of ctx.kb.formDrafting.indicators) {
    if (!ids.includes(ind.id as IndicatorId)) continue;
    const id = ind.id as IndicatorId;
    const b = indicatorValue(ctx.facts, id, 'before');
    const a = indicatorValue(ctx.facts, id, 'after');
    if (!b || !a) continue;
    const ch = indicatorChange(ctx.facts, id);
    const src = (v: ResolvedValue) => (v.source.startsWith('computed:') ? v.source : `form.${v.source}`);
    const before: Piece = { text: b.display, numbers: [{ value: b.display, source: src(b), ...(b.formula ? { formula: b.formula } : {}) }] };
    const after: Piece = { text: a.display, numbers: [{ value: a.display, source: src(a), ...(a.formula ? { formula: a.formula } : {}) }] };
    const unit: Piece = { text: ind.unit === '%' ? '%' : ind.unit, numbers: [] };
    const indLabel: Piece = { text: ind.label, numbers: [] };
    if (id === 'headcount') {
      const r = fill(ctx, named(ctx, 'headcount'), { before, after });
      out.push(r);
      continue;
    }
    if (!ch || a.value === b.value) {
      if (a.value === b.value) out.push(fill(ctx, named(ctx, 'indicatorSame'), { indLabel, before, unit }));
      continue;
    }
    const shown = Math.abs(ch.value).toFixed(1);
    const ratio: Piece = { text: shown, numbers: [{ value: shown, source: ch.source, formula: ch.formula }] };
    const t = named(ctx, a.value > b.value ? 'indicatorUp' : 'indicatorDown');
    out.push(fill(ctx, t, { indLabel, before, after, unit, ratio }));
  }
  return out;
}

function equipmentSentences(ctx: Ctx, i: number, which: 'equipment' | 'network'): { text: string; numbers: NumberSource[] } | null {
  const w = ctx.facts.workshops?.[i];
  const wsName = workshopName(ctx, i) ?? { text: '车间', numbers: [] };
  const base = `form.workshops.${i}`;
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
  // Fall back to the ratio the enterprise gave in the assessment interview.
  const m = ctx.profile.metrics;
  if (which === 'equipment' && m?.automationRatio !== undefined)
    return fill(ctx, named(ctx, 'metricAutomation'), { automationRatio: numPiece(m.automationRatio, 'metrics.automationRatio') });
  if (which === 'network' && m?.networkedRatio !== undefined)
    return fill(ctx, named(ctx, 'metricNetwork'), { networkedRatio: numPiece(m.networkedRatio, 'metrics.networkedRatio') });
  return null;
}

function listUnits(ctx: Ctx, line: { required: boolean; priority: number; list: string }, order: number): Unit[] {
  let items: { text: string; numbers: NumberSource[] }[] = [];
  const factory = ctx.category !== 'smartWorkshop';
  if (line.list === 'caps') items = builtCapabilities(ctx).map((c) => capSentence(ctx, c)!).concat(builtCapabilities(ctx, 'partial').map((c) => capSentence(ctx, c)!));
  else if (line.list === 'capsByElement') {
    // One compact sentence per element keeps every element visible within a 400字 summary.
    const seen = new Set<CapabilityId>();
    for (const el of ctx.spec.section3.elements) {
      const caps = el.capabilities.filter((c) => !seen.has(c) && capStatus(ctx, c) === true);
      caps.forEach((c) => seen.add(c));
      if (!caps.length) continue;
      const byVerb = new Map<string, string[]>();
      for (const c of caps) {
        const p = ctx.kb.formDrafting.capabilities[c]!;
        byVerb.set(p.verb, [...(byVerb.get(p.verb) ?? []), p.short ?? p.name]);
      }
      const names = [...byVerb].map(([verb, ns]) => `${verb}${ns.join('、')}`).join('，');
      items.push(fill(ctx, named(ctx, 'elementCaps'), { title: { text: el.title, numbers: [] }, caps: { text: names, numbers: [] } }));
    }
  } else if (line.list === 'indicators')
    items = indicatorSentences(ctx, factory ? ['productivity', 'operatingCost', 'upgradeCycle', 'defectRate', 'energyPerOutput'] : ['productivity', 'defectRate', 'operatingCost', 'energyPerOutput', 'upgradeCycle']);
  else if (line.list === 'headcount') items = indicatorSentences(ctx, ['headcount']);
  else if (line.list === 'equipment')
    items = (ctx.facts.workshops ?? [{}]).flatMap((_w, i) => [equipmentSentences(ctx, i, 'equipment'), equipmentSentences(ctx, i, 'network')]).filter((x): x is NonNullable<typeof x> => !!x);
  else throw new Error(`unknown template list *${line.list}`);
  if (!items.length) {
    if (!line.required) return [];
    const lab = line.list === 'indicators' ? '建设前后主要效益指标' : line.list === 'caps' ? '已建成的系统和装备' : line.list;
    return [{ order, required: true, priority: 0, text: placeholder(lab), numbers: [], missing: [lab] }];
  }
  return items.map((it, k) => ({ order: order + k, required: line.required, priority: line.priority + k * 0.01, text: it.text, numbers: it.numbers, missing: [] }));
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

/** Draft of one element cell: the enterprise's description, its metrics, then one sentence per capability built. */
function cellUnits(ctx: Ctx, field: FormField): Unit[] {
  const units: Unit[] = [];
  let order = 0;
  const add = (x: { text: string; numbers: NumberSource[] } | null, missing: string[] = []) => {
    if (x) units.push({ order: order++, required: true, priority: 0, text: x.text, numbers: x.numbers, missing });
  };
  const descSrc = ctx.facts.workshops?.[ctx.ws]?.descriptions?.[field.id] !== undefined ? `form.workshops.${ctx.ws}.descriptions.${field.id}` : `form.elements.${field.id}`;
  const desc = ctx.facts.workshops?.[ctx.ws]?.descriptions?.[field.id] ?? ctx.facts.elements?.[field.id];
  const d = textPiece(desc, descSrc, true);
  if (d) add(d);
  const tail = field.id.split('.').pop();
  if (tail === 'equipment') add(equipmentSentences(ctx, ctx.ws, 'equipment'));
  if (tail === 'network') add(equipmentSentences(ctx, ctx.ws, 'network'));
  if (tail === 'run') {
    const w = ctx.facts.workshops?.[ctx.ws];
    if (w?.lines?.length)
      add(fill(ctx, named(ctx, 'lines'), {
        wsName: workshopName(ctx, ctx.ws) ?? { text: '车间', numbers: [] },
        lines: { text: w.lines.join('、'), numbers: w.lines.flatMap((l, j) => digitsOf(l, `form.workshops.${ctx.ws}.lines.${j}`)) },
      }));
    if (ctx.category === 'processFactory' && ctx.profile.metrics?.dataCollectionRate !== undefined)
      add(fill(ctx, named(ctx, 'metricData'), { dataCollectionRate: numPiece(ctx.profile.metrics.dataCollectionRate, 'metrics.dataCollectionRate') }));
  }
  for (const c of field.capabilities ?? []) add(capSentence(ctx, c));
  if (!units.length) {
    const lab = `${field.label}建设情况`;
    add({ text: placeholder(lab), numbers: [] }, [lab]);
  }
  return units;
}

/** The engine's conditions of the form's category, by clause; undefined when the engine's knowledge is not at hand. */
function engineConditions(ctx: Ctx): Map<string, Assessment['conditions'][number]> | undefined {
  const kb = ctx.kb.engine;
  if (!kb) return undefined;
  const f = emptyFacts();
  if (ctx.profile.enterprise?.industryCode) f.enterprise.industryCode = ctx.profile.enterprise.industryCode;
  if (ctx.profile.productionMode) f.productionMode = ctx.profile.productionMode;
  f.capabilities = { ...ctx.profile.capabilities };
  f.metrics = { ...(ctx.profile.metrics ?? {}) };
  const { mode } = evaluateFacts(kb, f);
  return new Map(evalCategory(kb, f, ctx.category, mode).map((c) => [c.clause, c]));
}

function elementsUnits(ctx: Ctx): { units: Unit[]; unmet: string[] } {
  const conds = engineConditions(ctx);
  const units: Unit[] = [];
  const unmet: string[] = [];
  let order = 0;
  const push = (text: string, numbers: NumberSource[] = [], missing: string[] = []) =>
    units.push({ order: order++, required: true, priority: 0, text, numbers, missing });
  const cells = ctx.spec.section1.blocks.flatMap((b) =>
    b.type === 'cells' ? b.fields.map((f) => ({ f, perWs: false })) : b.type === 'workshops' ? b.fields.map((f) => ({ f, perWs: true })) : [],
  );
  const nWs = Math.max(1, ctx.facts.workshops?.length ?? 0);
  ctx.spec.section3.elements.forEach((el) => {
    push(`\n【${el.title}】\n`);
    for (const { f, perWs } of cells.filter((c) => c.f.element === el.clause && c.f.section)) {
      for (let i = 0; i < (perWs ? nWs : 1); i++) {
        const sub = cellUnits({ ...ctx, ws: perWs ? i : 0 }, f);
        // Placeholders for an empty cell are left to the unmet flag below when the element has gaps.
        const real = sub.filter((u) => !u.missing.length);
        if (!real.length) continue;
        const who = perWs && nWs > 1 ? `${workshopName(ctx, i)?.text ?? placeholder(label(ctx, 'workshops.name'))}：` : '';
        const whoNumbers = perWs && nWs > 1 ? workshopName(ctx, i)?.numbers ?? [] : [];
        push(`${who}${f.label}方面，${real.map((u) => u.text).join('')}`, [...whoNumbers, ...real.flatMap((u) => u.numbers)]);
        push('\n');
      }
    }
    const cond = conds?.get(el.clause);
    const caps = cond
      ? [...cond.missing, ...cond.unknown]
      : ((el.byMode && ctx.profile.productionMode ? el.byMode[ctx.profile.productionMode] : el.capabilities) ?? el.capabilities);
    const missing = caps.filter((c) => {
      const s = capStatus(ctx, c);
      return s !== true && s !== 'partial';
    });
    const hasContent = units.length && !units[units.length - 1]!.text.startsWith('\n【');
    if (missing.length) {
      unmet.push(el.clause);
      const names = missing.map((c) => ctx.kb.formDrafting.capabilities[c]?.name ?? c).join('、');
      const lab = `${el.title}——尚未满足：${names}`;
      push(placeholder(lab), [], [lab]);
      push('\n');
    } else if (!hasContent) {
      const lab = `${el.title}建设情况`;
      push(placeholder(lab), [], [lab]);
      push('\n');
    }
  });
  return { units, unmet };
}

export interface DraftOptions {
  /** 0-based workshop for cells of the 车间建设 block. */
  workshop?: number;
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
  const ctx: Ctx = { kb, profile, facts: profile.form ?? {}, spec, category, ws: opts.workshop ?? 0 };
  const target = sec.field?.target ?? null;
  let units: Unit[];
  let unmet: string[] = [];
  if (section === 'detail.elements') ({ units, unmet } = elementsUnits(ctx));
  else if (sec.field && !kb.templates[section]) units = cellUnits(ctx, sec.field);
  else {
    const t = kb.templates[section];
    if (!t) throw new Error(`no template for section ${section}`);
    units = renderTemplate(ctx, t, target);
  }
  const text = units
    .map((u) => u.text)
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
  const length = countChars(text);
  const missingFacts = [...new Set(units.flatMap((u) => u.missing))];
  const numbers = units.flatMap((u) => u.numbers);
  return {
    section: sectionKey,
    title: sec.title,
    text,
    length,
    target: target ?? null,
    withinTarget: target ? length >= target.min && length <= target.max : null,
    missingFacts,
    numbers,
    unmet,
  };
}
