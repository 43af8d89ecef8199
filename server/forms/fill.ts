import type { Block, FormField, FormSpec, ChecklistItem } from '../knowledge/schemas/forms';
import type { Category } from '../schemas/profile';
import type { DraftProfile, DraftResult, NumberSource } from '../schemas/forms';
import { fmt } from './compute';
import { changeCell, changeWords, checkFacts, financeValue, foundedYear, getPath, indicatorChange, indicatorValue, type FactFlag, type IndicatorId } from './facts';
import { draftSection, placeholder, PLACEHOLDER_RE, type FormsContext } from './draft';
import { factCheckFormOf, formSpec } from './knowledge';
import { countChars } from './length';
import type { KnowledgeData } from '../knowledge/load';
import { blockingOf } from '../engine/assess';
import { emptyFacts, normaliseDivision } from '../engine/facts';
import { fill } from '../engine/kb';

/** A cell's content: text to print, or a placeholder naming the missing fact. */
export interface FilledValue {
  text: string;
  missing?: string;
  /** Printed beside computed values. */
  formula?: string;
  numbers: NumberSource[];
}

export interface FilledWorkshop {
  name: FilledValue;
  cells: Record<string, FilledValue>;
}

export interface FilledForm {
  category: Category;
  spec: FormSpec;
  values: Record<string, FilledValue>;
  /** Matrix block id → rows → columns. */
  matrices: Record<string, FilledValue[][]>;
  workshops: FilledWorkshop[];
  drafts: Record<string, DraftResult>;
  flags: FactFlag[];
  checklist: ChecklistItem[];
  /** What the notice rules out for this enterprise (二, 四(一)), said at the top of the draft; null when nothing blocks. */
  ineligible: string | null;
}

function missingValue(label: string): FilledValue {
  return { text: placeholder(label), missing: label, numbers: [] };
}

function dateText(d: string): string {
  const [y, m, day] = d.split('-');
  return `${Number(y)}年${Number(m)}月${day ? `${Number(day)}日` : ''}`;
}

function digits(text: string, source: string): NumberSource[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map((value) => ({ value, source }));
}

function plainValue(ctx: FormsContext, profile: DraftProfile, field: FormField, ws = 0): FilledValue {
  const f = profile.form ?? {};
  const lab = ctx.formDrafting.factLabels[field.fact?.replace(/\.\{i\}|\.\d+/g, '') ?? ''] ?? field.label;
  const path = field.fact?.replace('{i}', String(ws));
  if (!path) return missingValue(field.label);
  if (path === 'project.period') {
    const s = f.project?.start;
    const e = f.project?.end;
    if (!s && !e) return missingValue(ctx.formDrafting.factLabels['project.period'] ?? field.label);
    // One end given is printed, the other asked for: a given date is never dropped for its missing partner.
    const side = (d: string | undefined, key: 'project.start' | 'project.end') =>
      d ? { text: dateText(d), numbers: digits(dateText(d), `form.${key}`) } : { text: placeholder(ctx.formDrafting.factLabels[key] ?? field.label), missing: ctx.formDrafting.factLabels[key] ?? field.label, numbers: [] };
    const [a, end] = [side(s, 'project.start'), side(e, 'project.end')];
    // A project still under construction: its end is the date planned, or the placeholder, said as such.
    const u = f.project?.underway ? ctx.formDrafting.underwayProject : undefined;
    const b = u ? { ...end, text: fill(e ? u.periodEnd : u.periodOpen, { date: end.text }) } : end;
    const missing = [a, b].flatMap((x) => ('missing' in x && x.missing ? [x.missing] : []));
    return { text: `${a.text}至${b.text}`, numbers: [...a.numbers, ...b.numbers], ...(missing.length ? { missing: missing.join('、') } : {}) };
  }
  if (/^workshops\.\d+\.lines$/.test(path)) {
    const lines = (getPath(f, path) as string[] | undefined) ?? [];
    if (!lines.length) return missingValue(ctx.formDrafting.factLabels['workshops.lines'] ?? field.label);
    const n = String(lines.length);
    // An item that counts its own lines (「挤塑线3条」) names several: the number of items is not the number of lines.
    if (lines.some((l) => /(?:\d+|[一二两三四五六七八九十]+)\s*条/.test(l))) return { text: lines.join('、'), numbers: lines.flatMap((l, j) => digits(l, `form.${path}.${j}`)) };
    return { text: `${n}条：${lines.join('、')}`, numbers: [{ value: n, source: `computed:count(form.${path})` }, ...lines.flatMap((l, j) => digits(l, `form.${path}.${j}`))] };
  }
  let v = getPath(f, path);
  let source = `form.${path}`;
  if (v === undefined && path === 'name') {
    v = profile.enterprise?.name;
    source = 'enterprise.name';
  }
  if ((v === undefined || v === '') && field.orFact) {
    v = getPath(f, field.orFact);
    source = `form.${field.orFact}`;
  }
  // 成立时间 with only the year the interview gave: the year is printed, and the month and day asked for beside it.
  if ((v === undefined || v === '') && path === 'foundedOn' && f.foundedYear !== undefined) {
    const year = `${f.foundedYear}年`;
    const rest = ctx.formDrafting.factLabels.foundedMonth ?? lab;
    return { text: `${year}${placeholder(rest)}`, missing: rest, numbers: digits(year, 'form.foundedYear') };
  }
  if (v === undefined || v === '') return missingValue(lab);
  if (typeof v === 'number') return { text: fmt(v), numbers: [{ value: fmt(v), source }] };
  const text = field.kind === 'date' && typeof v === 'string' ? dateText(v) : String(v);
  return { text, numbers: digits(text, source) };
}

function matrixValues(ctx: FormsContext, profile: DraftProfile, block: Extract<Block, { type: 'matrix' }>): FilledValue[][] {
  const f = profile.form ?? {};
  const founded = foundedYear(f);
  const notYet = ctx.formDrafting.messages.beforeFounding;
  return block.rows.map((row) =>
    block.columns.map((col) => {
      // A year column before the founding holds no figure to ask for: the cell says so.
      if (notYet && founded !== undefined && /^\d{4}$/.test(col.key) && Number(col.key) < founded && (row.fact || row.computed === 'debtRatio'))
        return { text: notYet, numbers: [] };
      if (row.computed === 'debtRatio') {
        const v = financeValue(f, col.key, 'debtRatio');
        return v ? { text: v.display, formula: v.formula, numbers: [{ value: v.display, source: v.source, formula: v.formula }] } : missingValue(`${col.label}资产负债率（需总资产和总负债）`);
      }
      if (row.indicator) {
        const ind = row.indicator as IndicatorId;
        const label = ctx.formDrafting.indicators.find((i) => i.id === ind)?.label ?? row.label;
        if (row.computed === 'changeRatio' || col.key === 'ratio') {
          const c = indicatorChange(f, ind);
          if (!c) return missingValue(`${label}建设前后数据`);
          const text = changeCell(c, `${row.label}${col.label}`, changeWords(ctx.formDrafting.messages));
          return { text, formula: c.formula, numbers: [{ value: Math.abs(c.value).toFixed(1), source: c.source, formula: c.formula }] };
        }
        const side = (row.side ?? col.key) as 'before' | 'after';
        const v = indicatorValue(f, ind, side);
        if (!v) return missingValue(`${side === 'before' ? '建设完成前' : '建设完成后'}${label}`);
        const source = v.source.startsWith('computed:') ? v.source : `form.${v.source}`;
        return { text: v.display, formula: v.formula, numbers: [{ value: v.display, source, ...(v.formula ? { formula: v.formula } : {}) }] };
      }
      if (row.fact) {
        const path = row.fact.replace('{col}', col.key);
        const v = getPath(f, path);
        const key = path.replace(/\.\d{4}\./, '.');
        const lab = `${/^\d{4}$/.test(col.key) ? col.label : ''}${ctx.formDrafting.factLabels[key] ?? row.label ?? col.label}`;
        if (v === undefined || v === '') return missingValue(lab);
        const text = typeof v === 'number' ? fmt(v) : String(v);
        return { text, numbers: typeof v === 'number' ? [{ value: text, source: `form.${path}` }] : digits(text, `form.${path}`) };
      }
      return missingValue(row.label);
    }),
  );
}

/** Every field of the chosen form, filled from facts, computed values and drafts. */
/**
 * `edited` holds the user's own text per section key ("enterpriseIntro", "ws.infra@2");
 * it replaces the generated draft, as the user's edits are what gets exported.
 */
export function fillForm(ctx: FormsContext, profile: DraftProfile, category: Category, edited: Record<string, string> = {}): FilledForm {
  const spec = formSpec(ctx, category);
  const values: Record<string, FilledValue> = {};
  const matrices: Record<string, FilledValue[][]> = {};
  const drafts: Record<string, DraftResult> = {};
  const nWs = Math.max(1, profile.form?.workshops?.length ?? 0);
  const workshops: FilledWorkshop[] = [];
  const draft = (key: string, section: string, workshop?: number): DraftResult => {
    const d = draftSection(ctx, profile, category, section, workshop === undefined ? {} : { workshop });
    const own = edited[key] ?? (workshop === 0 ? edited[section] : undefined);
    if (own === undefined) return d;
    const missing = [...own.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!);
    return { ...d, section: key, text: own, length: countChars(own), missingFacts: missing, numbers: [], sentences: [{ text: own, facts: [`edit:${key}`] }], addFacts: [], withinTarget: d.target ? countChars(own) >= d.target.min && countChars(own) <= d.target.max : null };
  };
  const asValue = (d: DraftResult): FilledValue => ({ text: d.text, numbers: d.numbers, ...(d.missingFacts.length ? { missing: d.missingFacts.join('；') } : {}) });

  for (const f of spec.cover.fields) values[f.id] = plainValue(ctx, profile, f);
  for (const b of spec.section1.blocks) {
    if (b.type === 'pairs') for (const row of b.rows) for (const f of row) values[f.id] = plainValue(ctx, profile, f);
    if (b.type === 'matrix') matrices[b.id] = matrixValues(ctx, profile, b);
    if (b.type === 'cells')
      for (const f of b.fields) {
        if (f.section) {
          drafts[f.section] = draft(f.section, f.section);
          values[f.id] = asValue(drafts[f.section]!);
        } else values[f.id] = plainValue(ctx, profile, f, 0);
      }
    if (b.type === 'workshops')
      for (let i = 0; i < nWs; i++) {
        const name = plainValue(ctx, profile, { id: 'ws.name', label: '车间名称', clause: b.clause, kind: 'text', fact: 'workshops.{i}.name' }, i);
        const cells: Record<string, FilledValue> = {};
        for (const f of b.fields) cells[f.id] = f.section ? asValue(draft(`${f.section}@${i + 1}`, f.section, i)) : plainValue(ctx, profile, f, i);
        workshops.push({ name, cells });
      }
  }
  for (const s of [spec.section2, spec.section3]) for (const it of s.items) drafts[it.section] = draft(it.section, it.section);
  return {
    category,
    spec,
    values,
    matrices,
    workshops,
    drafts,
    flags: checkFacts(profile, factCheckFormOf(ctx, category)),
    checklist: checklist(spec),
    ineligible: ineligibleText(ctx, profile, category),
  };
}

/**
 * The hard conditions that fail on the enterprise's own answers: a blocked enterprise (a 分公司, 二(一)) is
 * told at the top of its draft that it cannot apply with it, rather than being asked for facts it has not
 * got (a branch's 注册资本). Unknown answers block nothing. The drafts list says the same line, so the
 * page and staff see what the DOCX prints. `category` is the draft's: a condition of one category only (the
 * titled workshop of 四(一)) blocks a draft of that category and no other, and none without it.
 */
export function ineligibleText(ctx: FormsContext, profile: DraftProfile, category?: Category): string | null {
  const tpl = ctx.formDrafting.messages.ineligibleTop;
  if (!ctx.engine || !tpl) return null;
  const blocking = blockingOf(ctx.engine, hardFacts(ctx.engine, profile), category);
  if (!blocking.length) return null;
  const clauses = [...new Set(blocking.map((b) => b.clause))].join('、');
  const reasons = [...new Set(blocking.map((b) => b.reason))].join('');
  return fill(tpl, { clauses, reasons });
}

function hardFacts(kb: KnowledgeData, profile: DraftProfile) {
  const f = emptyFacts();
  const e = profile.enterprise ?? {};
  const province = e.province?.toLowerCase();
  Object.assign(f.enterprise, {
    registeredInHenan: province === undefined ? undefined : kb.categoryRules.province.match.some((w) => province.includes(w.toLowerCase())),
    independentLegalPerson: e.independentLegalPerson,
    groupOrHeadOffice: e.groupOrHeadOffice,
    manufacturingMainBusiness: e.manufacturingMainBusiness,
    industryCode: e.industryCode === undefined ? undefined : normaliseDivision(e.industryCode),
    operatingWell: e.operatingWell,
    credit: { ...(e.credit ?? {}) },
    priorTitles: e.priorTitles,
    titledWorkshopAgain: e.titledWorkshopAgain,
    appliedThisYear: e.appliedThisYear,
    foundedYear: foundedYear(profile.form),
  });
  f.declared = { ...(profile.declared ?? {}) };
  return f;
}

/** The materials to prepare, each with its clause: the 四 list plus signatures, seals and the PDF. */
export function checklist(spec: FormSpec): ChecklistItem[] {
  return [...spec.section4.items, ...spec.extraChecklist];
}

/** Every field that still shows a placeholder, for the UI and the export summary. */
export function missingFields(form: FilledForm): string[] {
  const out: string[] = [];
  for (const [id, v] of Object.entries(form.values)) if (v.missing) out.push(id);
  for (const [id, rows] of Object.entries(form.matrices)) rows.forEach((r, i) => r.forEach((c, j) => c.missing && out.push(`${id}[${i}][${j}]`)));
  form.workshops.forEach((w, i) => {
    if (w.name.missing) out.push(`workshops[${i}].name`);
    for (const [id, v] of Object.entries(w.cells)) if (v.missing) out.push(`workshops[${i}].${id}`);
  });
  for (const [id, d] of Object.entries(form.drafts)) if (d.missingFacts.length) out.push(id);
  return out;
}

/**
 * The form as the enterprise signs it: each placeholder names only the missing fact. The notes a request carries in
 * the app (the round figure as it was typed, a system the enterprise said it lacks, a sentence typed in spoken words:
 * `requests.*Note`) are the
 * applicant's to read there, not the bureau's; they are left out of drafts as generated and as the user edited them.
 */
export function signedForm(ctx: FormsContext, form: FilledForm): FilledForm {
  const { lackingNote, approximateNote, rewriteNote } = ctx.formDrafting.requests;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A note's placeholder ({said}) stands for whatever was typed, short of the placeholder's end.
  const noteRe = (t: string) => t.split(/\{\w+\}/u).map(escape).join('[^〕]*?');
  const notes = new RegExp([lackingNote, approximateNote, rewriteNote].map(noteRe).join('|'), 'gu');
  const bare = (label: string) => label.replace(notes, '');
  const text = (t: string) => t.replace(PLACEHOLDER_RE, (_all, label: string) => placeholder(bare(label)));
  const value = (v: FilledValue): FilledValue => ({ ...v, text: text(v.text), ...(v.missing !== undefined ? { missing: bare(v.missing) } : {}) });
  const values = (r: Record<string, FilledValue>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, value(v)]));
  return {
    ...form,
    values: values(form.values),
    matrices: Object.fromEntries(Object.entries(form.matrices).map(([k, rows]) => [k, rows.map((r) => r.map(value))])),
    workshops: form.workshops.map((w) => ({ name: value(w.name), cells: values(w.cells) })),
    drafts: Object.fromEntries(Object.entries(form.drafts).map(([k, d]) => [k, { ...d, text: text(d.text), missingFacts: d.missingFacts.map(bare) }])),
  };
}
