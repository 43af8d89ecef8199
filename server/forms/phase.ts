import type { FormMessages, FormQuestion, FormVocabulary } from '../knowledge/schemas/forms';
import { fill } from '../engine/kb';
import type { AnswerValue, PassingNote, Progress, QuestionView, Recorded } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import { FormFacts, isRealDate } from '../schemas/forms';
import { checkCreditCode } from './creditCode';
import { findQuantities, fullYear, MODEL_NAME, parseChineseNumber, spokenDigits, YEAR_DIGIT } from '../understand/numbers';
import { readEdit, type Edit } from '../understand/edits';
import { halfWidthAlnum } from '../understand/normalise';
import { absoluteYears, figureNameCarried, respectiveYears, sameEachYear, yearBeforeFigure, yearSeries, yearsSaid } from '../understand/years';
import { arabicDate, parseDate, relativeDates } from '../understand/dates';
import { clipQuote } from '../understand/quote';

export { parseDate };
import { DETAIL_PREFIX, equipmentCountsOf, parseNumber } from '../engine/interpret';
import { foundedYearOf, normaliseDivision } from '../engine/facts';
import { capabilitiesAffirmed, checkFacts, setPath } from './facts';
import { factCheckFormOf, formSpec, noticeYear, type FormsKnowledge } from './knowledge';

/**
 * The form phase of the interview: after the assessment, ask what the chosen 申报书 needs.
 * Pure functions over (knowledge, answers); question ids start with "form.".
 */

export type { Answers, ApplyResult, Interpretation } from '../schemas/interview';
import type { Answers, ApplyResult, Interpretation } from '../schemas/interview';

/** A concrete question: the template with workshop number / cell filled in. */
interface Concrete {
  q: FormQuestion;
  id: string;
  text: string;
  /** A cell's own name on the form (「产品数据管理系统（PDM）应用」), where the question's words are a request. */
  label?: string;
  fact: string;
  help?: string;
  clause?: string;
  /** The systems a narrative cell asks about (PDM for 「产品数据管理系统（PDM）应用」). */
  capabilities?: string[];
}

const MAX_WORKSHOPS = 20;

function workshopCount(answers: Answers, category: Category): number {
  if (category === 'smartWorkshop') return 1;
  const n = answers['form.workshopCount'];
  return typeof n === 'number' && Number.isInteger(n) ? Math.min(Math.max(n, 1), MAX_WORKSHOPS) : 1;
}

/** Element cells of a form that ask "what was built": narrative cells tied to capabilities. */
function elementCells(kb: FormsKnowledge, category: Category) {
  const spec = formSpec(kb, category);
  return spec.section1.blocks.flatMap((b) =>
    b.type === 'cells' || b.type === 'workshops'
      ? b.fields.filter((f) => f.kind === 'narrative' && f.capabilities !== undefined).map((f) => ({ f, perWorkshop: b.type === 'workshops' }))
      : [],
  );
}

/** The ordered question list for a category, given what is known so far (the workshop count). */
export function formQuestions(kb: FormsKnowledge, answers: Answers, category: Category): Concrete[] {
  const n = workshopCount(answers, category);
  // Figures of a year before the enterprise's founding cannot exist, so they are not asked for; one
  // already given stays, flagged, so that it can be corrected.
  const founded = typeof answers['form.foundedOn'] === 'string' ? Number(answers['form.foundedOn'].slice(0, 4)) : undefined;
  // Until the founding date is known the list depends on the category and the workshop count
  // alone, and the interview asks for it on every turn (the form questions still to come).
  if (founded !== undefined) return buildFormQuestions(kb, answers, category, n, founded);
  let lists = formLists.get(kb);
  if (!lists) formLists.set(kb, (lists = new Map()));
  // A year the interview gave (成立年份) words the date's question, so it is part of the list's key.
  const key = `${category}|${n}|${kb.formQuestions.questions.map((q) => (q.yearFrom ? yearGiven(answers, q) ?? '' : '')).join('')}`;
  let list = lists.get(key);
  if (!list) lists.set(key, (list = Object.freeze(buildFormQuestions(kb, answers, category, n, undefined).map((c) => Object.freeze(c))) as Concrete[]));
  return list;
}

const formLists = new WeakMap<FormsKnowledge, Map<string, Concrete[]>>();

/** The year an interview answer gives for a date the form asks (「2015年成立的」 → 2015), when the form has no date yet. */
export function yearGiven(answers: Answers, q: FormQuestion): number | undefined {
  if (!q.yearFrom || given(answers, q.id)) return undefined;
  return foundedYearOf(answers[q.yearFrom.question]);
}

/**
 * The date an interview answer gives whole for a date the form asks (「2009年8月成立的」 kept as 2009-08), when the form
 * has no date yet: the form's field is that date, filled, and not asked again. Undefined for a year alone (2009),
 * which stays a year (yearGiven) and is never padded with a month.
 */
export function dateGiven(answers: Answers, q: FormQuestion): string | undefined {
  if (!q.yearFrom || given(answers, q.id)) return undefined;
  const v = answers[q.yearFrom.question];
  return typeof v === 'string' && /^\d{4}-\d{2}(?:-\d{2})?$/u.test(v) && isRealDate(v) ? v : undefined;
}

/** A skipped date whose year the interview gave still prints the year: the user hears what the form keeps for it. */
function skipNote(answers: Answers, q: FormQuestion, value: AnswerValue): { note?: string } {
  const year = value === null ? yearGiven(answers, q) : undefined;
  return year !== undefined && q.skippedWithYear ? { note: q.skippedWithYear.replace(/\{year\}/g, String(year)) } : {};
}

function buildFormQuestions(kb: FormsKnowledge, answers: Answers, category: Category, n: number, founded: number | undefined): Concrete[] {
  const out: Concrete[] = [];
  const attachment = formSpec(kb, category).attachment;
  const clauseOf = (q: { clause?: string }) => (q.clause ? `${attachment}.${q.clause}` : undefined);
  const beforeFounding = (q: { id: string; fact: string }) => {
    const y = /^finance\.(\d{4})\./.exec(q.fact)?.[1];
    return founded !== undefined && y !== undefined && Number(y) < founded && answers[q.id] === undefined;
  };
  // 「{unit}人数」: the unit applying, 车间 on 附件1 and 工厂 on 附件2/3, whose productivity the headcount is the basis of.
  const unit = formSpec(kb, category).unitNoun.replace(/^智能/, '');
  for (const q of kb.formQuestions.questions) {
    if (q.categories && !q.categories.includes(category)) continue;
    if (beforeFounding(q)) continue;
    if (q.repeat === 'workshop') {
      for (let i = 1; i <= n; i++) {
        const name = category === 'smartWorkshop' ? '申报车间' : `车间${i}`;
        out.push({ q, id: q.id.replace('{i}', String(i)), text: q.text.replace(`车间{i}`, name).replace('{i}', String(i)), fact: q.fact.replace('{i}', String(i - 1)), help: q.help, clause: clauseOf(q) });
      }
    } else if (q.perElementCell) {
      for (const { f, perWorkshop } of elementCells(kb, category)) {
        const base = q.text.replace('{label}', f.label).replace('{hint}', f.hint ?? '');
        if (perWorkshop)
          for (let i = 1; i <= n; i++)
            out.push({ q, id: `form.cell.${f.id}.${i}`, text: `车间${i}${base}`, label: `车间${i}${f.label}`, fact: `workshops.${i - 1}.descriptions.${f.id}`, clause: f.clause, capabilities: f.capabilities });
        else out.push({ q, id: `form.cell.${f.id}`, text: base, label: f.label, fact: `elements.${f.id}`, clause: f.clause, capabilities: f.capabilities });
      }
    } else {
      // 「2015年成立的」 in the interview: the question says the year is known and that the month is what the form still needs.
      const year = yearGiven(answers, q);
      const text = year !== undefined && q.textWithYear ? q.textWithYear.replace(/\{year\}/g, String(year)) : q.text.replace('{unit}', unit);
      out.push({ q, id: q.id, text, fact: q.fact, help: q.help, clause: clauseOf(q) });
    }
  }
  return out;
}

/** Finds the question behind an id in any form, so an answer can be given or corrected later. */
/** The fact a form question's answer fills (「workshops.0.networkedEquipment」), which the checks name their flags by. */
export function factOf(kb: FormsKnowledge, id: string): string | undefined {
  return findQuestion(kb, id)?.fact;
}

/**
 * A form question as the chat asked it and as a log row labels it, from its id in any form: a workshop's question
 * (form.ws.2.name) and a per-workshop cell name the workshop by its number, as the chat does.
 */
export function formQuestionNamed(kb: FormsKnowledge, id: string): { text: string; label: string } | undefined {
  const c = findQuestion(kb, id);
  return c ? { text: c.text, label: labelOf(c) } : undefined;
}

function findQuestion(kb: FormsKnowledge, id: string): Concrete | undefined {
  const m = /^form\.ws\.(\d+)\.(\w+)$/.exec(id);
  if (m) {
    const i = Number(m[1]);
    const q = kb.formQuestions.questions.find((x) => x.id === `form.ws.{i}.${m[2]}`);
    if (!q || i < 1 || i > MAX_WORKSHOPS) return undefined;
    return { q, id, text: q.text.replace(/\{i\}/g, String(i)), fact: q.fact.replace('{i}', String(i - 1)) };
  }
  const c = /^form\.cell\.([\w.]+?)(?:\.(\d+))?$/.exec(id);
  if (c) {
    const q = kb.formQuestions.questions.find((x) => x.perElementCell)!;
    for (const category of Object.keys(kb.forms) as Category[]) {
      const cell = elementCells(kb, category).find(({ f }) => f.id === c[1]);
      if (!cell) continue;
      if (cell.perWorkshop !== (c[2] !== undefined)) continue;
      const i = c[2] === undefined ? 0 : Number(c[2]);
      if (cell.perWorkshop && (i < 1 || i > MAX_WORKSHOPS)) return undefined;
      const fact = cell.perWorkshop ? `workshops.${i - 1}.descriptions.${cell.f.id}` : `elements.${cell.f.id}`;
      const label = cell.perWorkshop ? `车间${i}${cell.f.label}` : cell.f.label;
      return { q, id, text: q.text.replace('{label}', cell.f.label).replace('{hint}', cell.f.hint ?? ''), label, fact, clause: cell.f.clause, capabilities: cell.f.capabilities };
    }
    return undefined;
  }
  const q = kb.formQuestions.questions.find((x) => x.id === id && !x.repeat && !x.perElementCell);
  // The clause is relative to a form and the category is not known here, so it is left out rather than guessed.
  return q ? { q, id, text: q.text.replace('{unit}', ''), fact: q.fact, help: q.help } : undefined;
}

function view(c: Concrete): QuestionView {
  const v: QuestionView = { id: c.id, text: c.text, kind: c.q.kind, phase: 'form', optional: true };
  if (c.q.kind === 'text' && c.q.maxLength === undefined) v.multiline = true;
  if (c.q.group) v.group = { id: c.q.group, label: groupLabel(c.q.group) };
  if (c.q.unit) v.unit = c.q.unit;
  if (c.q.precision) v.precision = c.q.precision;
  if (c.q.min !== undefined) v.min = c.q.min;
  if (c.q.max !== undefined) v.max = c.q.max;
  if (c.clause) v.clause = c.clause;
  v.help = [c.help, '可以回答“跳过”，以后再补充。'].filter(Boolean).join(' ');
  if (c.q.choices) v.choices = c.q.choices;
  return v;
}

/** The question that asks whether to go on to the form once the verdict is given. */
export const GATE = 'form.proceed';

const has = (answers: Answers, id: string) => Object.prototype.hasOwnProperty.call(answers, id);
const given = (answers: Answers, id: string) => has(answers, id) && answers[id] !== null;

/** "finance.2020" → 2020年: the group a question belongs to, as the skip button names it. */
function groupLabel(group: string): string {
  const year = /^finance\.(\d{4})$/.exec(group)?.[1];
  return year ? `${year}年财务数据` : group;
}

/**
 * Whether a form question still has to be asked: not when the interview already gave its fact
 * (the industry), nor when the system can compute it from answers already given (生产效率).
 */
function needed(c: Concrete, answers: Answers): boolean {
  if (c.q.derivedFrom && given(answers, c.q.derivedFrom)) return false;
  if (deniedCell(c, answers)) return false;
  if (dateGiven(answers, c.q) !== undefined) return false;
  if (notApplicable(c, answers)) return false;
  if (c.q.computedFrom && c.q.computedFrom.every((id) => given(answers, id))) return false;
  return true;
}

/**
 * Whether a narrative cell asks only about systems the enterprise said it has not got (PDM: 没有): its narrative is not
 * asked, since any reply would contradict the 「尚未应用…」 the draft states for it. The systems of the cell it was not
 * asked about (another branch's DCS in a 离散 cell) do not count; a cell already answered stays.
 */
function deniedCell(c: Concrete, answers: Answers): boolean {
  if (!c.capabilities?.length || has(answers, c.id)) return false;
  const said = c.capabilities.map((cap) => answers[`cap.${cap}`]).filter((v) => v !== undefined && v !== null);
  return said.length > 0 && said.every((v) => v === false);
}

/**
 * Whether the interview says the enterprise has not got this fact (a 分公司 has no 注册资本 of its own):
 * not asked, and not shown as a field to fill. An answer already given stays, so that it can be cleared.
 */
export function notApplicable(c: { id: string; q: { notApplicable?: { question: string; value: AnswerValue } } }, answers: Answers): boolean {
  const na = c.q.notApplicable;
  return !!na && answers[na.question] === na.value && !has(answers, c.id);
}

/** The form questions still to be asked for a category, in order. */
export function formPlan(kb: FormsKnowledge, answers: Answers, category: Category): Concrete[] {
  const build = () => formQuestions(kb, answers, category).filter((c) => needed(c, answers));
  // A sealed answer map never changes (schemas/interview.ts sealAnswers): its plan is worked out once.
  if (!Object.isFrozen(answers)) return build();
  let byAnswers = plans.get(kb);
  if (!byAnswers) plans.set(kb, (byAnswers = new WeakMap()));
  let byCategory = byAnswers.get(answers);
  if (!byCategory) byAnswers.set(answers, (byCategory = new Map()));
  let out = byCategory.get(category);
  if (!out) byCategory.set(category, (out = Object.freeze(build()) as Concrete[]));
  return out;
}

const plans = new WeakMap<FormsKnowledge, WeakMap<Answers, Map<Category, Concrete[]>>>();

/** The next form question (skipped ones stay skipped until the user fills them in), and progress. */
export function planForm(kb: FormsKnowledge, answers: Answers, category: Category): { question: QuestionView | null; progress: Progress } {
  const qs = formPlan(kb, answers, category);
  // 「以后再填」 (or a skip) at the gate ends the phase for now; editing that answer resumes it.
  if (has(answers, GATE) && answers[GATE] !== 'now') {
    const answered = qs.filter((c) => has(answers, c.id)).length;
    return { question: null, progress: { answered, remaining: 0, phase: 'done' } };
  }
  // One pass: the interview asks this on every turn for the count of form questions to come.
  let next: Concrete | undefined;
  let answered = 0;
  for (const c of qs) {
    if (has(answers, c.id) && !awaitsPlannedDate(answers, c.id)) answered++;
    else next ??= c;
  }
  const asked = next && awaitsPlannedDate(answers, next.id) && next.q.underway ? { ...view(next), text: next.q.underway.ask } : next ? view(next) : null;
  return {
    question: asked,
    progress: { answered, remaining: qs.length - answered, phase: next ? 'form' : 'done' },
  };
}

/**
 * How many form questions are still to come, as planForm counts them: the interview shows it on every turn
 * (progress.upcoming). Before the form has any answer, the count depends on nothing but the category and
 * the few interview answers the form's questions name (derivedFrom, computedFrom, notApplicable,
 * yearFrom), so it is remembered by those values instead of planned again for every new answer map.
 */
export function formRemaining(kb: FormsKnowledge, answers: Answers, category: Category): number {
  for (const id in answers) if (id.startsWith('form.')) return planForm(kb, answers, category).progress.remaining;
  let r = remainingCounts.get(kb);
  if (!r) remainingCounts.set(kb, (r = { reads: interviewReads(kb), counts: new Map() }));
  let key: string = category;
  for (const id of r.reads) key += has(answers, id) ? `\u0000${JSON.stringify(answers[id])}` : '\u0000-';
  let n = r.counts.get(key);
  if (n === undefined) {
    n = planForm(kb, answers, category).progress.remaining;
    // Free-text answers (a founding year as typed) could make the keys many: past a bound, start over.
    if (r.counts.size >= 1000) r.counts.clear();
    r.counts.set(key, n);
  }
  return n;
}

const remainingCounts = new WeakMap<FormsKnowledge, { reads: string[]; counts: Map<string, number> }>();

/** The answers outside the form that the form's plan reads. */
function interviewReads(kb: FormsKnowledge): string[] {
  const ids = new Set<string>();
  for (const q of kb.formQuestions.questions) {
    for (const id of [q.derivedFrom, ...(q.computedFrom ?? []), q.notApplicable?.question, q.yearFrom?.question]) if (id && !id.startsWith('form.')) ids.add(id);
  }
  // A cell whose systems were all denied is not asked (deniedCell).
  for (const spec of Object.values(kb.forms)) for (const b of spec.section1.blocks) if (b.type === 'cells' || b.type === 'workshops') for (const f of b.fields) for (const cap of f.capabilities ?? []) ids.add(`cap.${cap}`);
  return [...ids].sort();
}

/**
 * The workshop a question belongs to (form.ws.2.lines, form.cell.ws.run.2), if any. 附件1 applies for one workshop,
 * whose cells carry no number (form.cell.ws.run): they are the first workshop's.
 */
export const workshopOf = (id: string) => /^form\.ws\.(\d+)\./u.exec(id)?.[1] ?? /^form\.cell\.ws\.[^.]+\.(\d+)$/u.exec(id)?.[1] ?? (/^form\.cell\.ws\.[^.]+$/u.test(id) ? '1' : undefined);

/**
 * Every question of a part of the form as the chat's skip names it (finance, workshops, one workshop's: workshops@2),
 * answered or not, in the form's order: what 「这个车间的先跳过」 puts off and 撤销跳过 opens again.
 */
export function sectionQuestions(kb: FormsKnowledge, answers: Answers, category: Category, section: string): string[] {
  const [id, one] = section.split('@');
  const s = partNamed(kb, id!);
  if (!s) return [];
  const inSection = new RegExp(s.pattern, 'u');
  return formPlan(kb, answers, category)
    .filter((c) => inSection.test(c.id) && (one === undefined || workshopOf(c.id) === one))
    .map((c) => c.id);
}

/**
 * The unanswered questions of the pending question's group (its financial year), for a skip in one step; with a
 * `section` (「车间的先跳过」), those of that part of the form instead: every workshop's, or one's (workshops@2).
 */
export function groupOf(kb: FormsKnowledge, answers: Answers, category: Category, questionId: string, section?: string): string[] {
  if (section) {
    if (!partNamed(kb, section.split('@')[0]!)) return [questionId];
    return sectionQuestions(kb, answers, category, section).filter((id) => id === questionId || !has(answers, id));
  }
  const group = findQuestion(kb, questionId)?.q.group;
  if (!group) return [questionId];
  return formPlan(kb, answers, category)
    .filter((c) => c.q.group === group && (c.id === questionId || !has(answers, c.id)))
    .map((c) => c.id);
}

/** A part of the form (`sections`) or a run of fields printed together (`tables`) by its id. */
function partNamed(kb: FormsKnowledge, id: string): { id: string; pattern: string } | undefined {
  const v = kb.formQuestions.vocabulary;
  return v.sections.find((x) => x.id === id) ?? v.tables.find((x) => x.id === id);
}

/**
 * The run of fields shown together with the asked one, as a skip names it: its group (a year's figures) as `group`, or
 * the `tables` run holding it, for the asked workshop only where it is a workshop's (equipmentCounts@2).
 */
function tableOf(kb: FormsKnowledge, questionId: string): { group: true } | { section: string } | undefined {
  if (findQuestion(kb, questionId)?.q.group) return { group: true };
  const t = kb.formQuestions.vocabulary.tables.find((x) => new RegExp(x.pattern, 'u').test(questionId));
  if (!t) return undefined;
  const ws = /^form\.(?:ws|cell\.ws)\./u.test(questionId) ? workshopOf(questionId) : undefined;
  return { section: ws ? `${t.id}@${ws}` : t.id };
}

const OPEN = '（(【《“';
const CLOSE = '）)】》”';

/**
 * An item whose name opens with Latin letters or digits (「3D打印线」「SMT贴片线」「2号线」) after a space in a spaced
 * list; a quantity (「200万吨」「30台」) after a space belongs to the item before it.
 */
function namedItemAt(rest: string): boolean {
  const token = /^\S+/u.exec(rest)?.[0] ?? '';
  return /^[A-Za-z0-9]+\p{Script=Han}{2,}/u.test(token) && !/^\d+(?:\.\d+)?[万亿千百十]*[吨台套件条个人元只把片米%]/u.test(token);
}

/**
 * A list answer split into its items; a separator inside brackets or quotes belongs to the item
 * (「河南省智能车间（磨加工车间，2021年）」 is one honour).
 */
export function splitList(text: string): string[] {
  const out: string[] = [];
  // Voice input and phone keyboards put a space where a written list puts 、 or ；: with no other separator, a
  // space between two words (Han on both sides, or after a share's %) separates items.
  const spaced = !/[；;、，,\n]/u.test(text);
  let depth = 0;
  let item = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    // A comma between digits belongs to a name (1,4-丁二醇), not to the list.
    const comma = (ch === ',' || ch === '，') && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
    const space = spaced && /\s/u.test(ch) && /[\p{Script=Han}%％]/u.test(text[i - 1] ?? '') && (/\p{Script=Han}/u.test(text[i + 1] ?? '') || namedItemAt(text.slice(i + 1)));
    if (depth === 0 && ('；;、\n'.includes(ch) || comma || space)) {
      out.push(item);
      item = '';
    } else item += ch;
  }
  out.push(item);
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * A share of revenue as applicants type it: 「38%」, 「占六成」, 「约占百分之三十二点五」, 「占营收的一成二」.
 * The figure is read by the same number reader as the form's percentage questions (六成 is 60).
 */
const SHARE = String.raw`(约|大约|大概|差不多|大致|大体|估计|将近|接近|近|超过|不到)?(?:占比?|占营业收入|占营收|占销售收入|占收入)?的?\s*((?:\d+(?:\.\d+)?\s*[%％]?\s*[-~～—–－至到]\s*)?\d+(?:\.\d+)?\s*[%％]|百分之[零〇一二两三四五六七八九十点\d.]+|[一二两三四五六七八九]成[一二三四五六七八九]?|一半|一大半|一多半|大半|多半|过半|[二两三四五六七八九十]分之[一二三四五六七八九])(左右|上下|以上|多)?`;
/** A part that is only a share: 「占71.3%」, 「约占六成」, 「38%」. */
const SHARE_ONLY = new RegExp(`^${SHARE}$`);
const WITH_SHARE = new RegExp(`^(.*?)[\\s（(：:，,]*${SHARE}[）)]?$`);
/** 「合计占营收的92%」「主营产品一共占营收九成五」: the main products' share taken together, which names no product. */
const COMBINED = new RegExp(`^(?:以上|两者|二者|两项|(?:主营|主要|主导|以上|这些|这几[个样种项])?产品(?:收入)?)?(?:合计|共计|总计|一共|总共|合起来|共)${SHARE}$`);

/** A share said as a part of the whole (「三分之一」): its percentage, to one decimal. */
const FRACTION = /^([二两三四五六七八九十])分之([一二三四五六七八九])$/u;
const fractionValue = (figure: string) => {
  const m = FRACTION.exec(figure);
  const [whole, part] = m ? [parseNumber(m[1]!)?.value, parseNumber(m[2]!)?.value] : [];
  return whole && part !== undefined && part < whole ? Math.round((part / whole) * 1000) / 10 : undefined;
};
/** More than half, said without a figure (「大半」「过半」): a share no reader takes for an exact one. */
const LOOSE_SHARE = /^(?:一大半|一多半|大半|多半|过半)$/u;
const shareValue = (figure: string) => fractionValue(figure) ?? (LOOSE_SHARE.test(figure) ? 50 : parseNumber(figure, '%')?.value);
/**
 * A share hedged before or after (「约占六成」, 「90%左右」), given as a range (「40%-50%」), as more than half (「大半」) or
 * as a part that is no whole percentage (「三分之一」) is a round figure.
 */
const hedged = (before: string | undefined, after: string | undefined, figure: string) =>
  !!(before || after || LOOSE_SHARE.test(figure) || (FRACTION.test(figure) && !Number.isInteger(fractionValue(figure))) || parseNumber(figure, '%')?.approx);

/** A lead before a list of products (「主要是」「主营产品有」): no part of the first product's name. */
const PRODUCT_LEAD = /^(?:(?:公司|我们|我司|本公司)?的?(?:(?:主营产品|主要产品|产品)(?:主要)?|主要)(?:是|有|为|包括|包含)|包括|包含)[：:]?/u;
/** The names of a list said as a sentence: 「水性涂料和醋酸丁酯」「A、B两种」. */
const NAMES_COUNTED = /(?:[两二三四五六七八九]|\d+)(?:种|类|个|样|大类)(?:产品)?$/u;
/** A share list said after the names: 「分别占55%和38%」「分别为六成、三成」. */
const RESPECTIVELY = new RegExp(`^(.+?)[，,\\s]*分别(?:占(?:营业收入|营收|销售收入|收入)?的?|为|是)?\\s*(.+)$`, 'u');
/** 「前者占55%，后者占38%」: shares given to names by their order. */
const FORMER_LATTER = /^(.+?)[，,]\s*前者(?:占比?|占营业收入|占营收)?的?\s*(.+?)[，,]\s*后者(?:占比?|占营业收入|占营收)?的?\s*(.+)$/u;

/** The names of a sentence's list, split at 、 and at 和/与/及 between two words (「和面机」 keeps its 和); null unless they are `count`. */
function namesOf(text: string, count: number): string[] | null {
  const t = text.replace(PRODUCT_LEAD, '').replace(NAMES_COUNTED, '').trim();
  const listed = t.split(/[、，,]|以及/u).map((x) => x.trim()).filter(Boolean);
  // Every joining word counts: 「A、B和C，分别占55%和38%」 names three, and two shares pair with none of them for certain.
  const joined = listed.flatMap((x) => x.split(/(?<=\p{Script=Han}{2})(?:和|与|及)(?=\p{Script=Han}{2})/u)).map((x) => x.trim()).filter(Boolean);
  return joined.length === count ? joined : null;
}

/**
 * A list of products said as one sentence, with the shares after the names: 「主要是水性涂料和醋酸丁酯，分别占55%和38%」
 * 「A、B两种，前者占55%，后者占38%」, read into 「名称 比例」 items; null when the text is no such sentence, and
 * 'unclear' when it is one whose names and shares do not pair one to one, which is asked back, never stored garbled.
 */
export function respectiveProducts(text: string): string[] | null | 'unclear' {
  const t = text.trim().replace(/[。.]$/u, '');
  const fl = FORMER_LATTER.exec(t);
  if (fl) {
    const names = namesOf(fl[1]!, 2);
    return names ? [`${names[0]} ${fl[2]!.trim()}`, `${names[1]} ${fl[3]!.trim()}`] : 'unclear';
  }
  if (/前者|后者/u.test(t)) return 'unclear';
  const m = RESPECTIVELY.exec(t);
  if (!m) return null;
  const shares = m[2]!.split(/[、，,]|和|与|及/u).map((x) => x.trim()).filter(Boolean);
  if (!shares.every((x) => SHARE_ONLY.test(x))) return 'unclear';
  const names = namesOf(m[1]!, shares.length);
  return names ? names.map((n, i) => `${n} ${shares[i]}`) : 'unclear';
}

function productParts(text: string): string[] {
  const items: string[] = [];
  const resp = respectiveProducts(text);
  if (resp === 'unclear') return [];
  if (resp) return resp;
  for (const chunk of text.split(/[；;\n]+/)) {
    let open = false;
    for (const part of splitList(chunk)) {
      if (open && !COMBINED.test(part) && SHARE_ONLY.test(part) && !WITH_SHARE.test(items[items.length - 1]!)) items[items.length - 1] += `，${part}`;
      else items.push(part);
      open = true;
    }
  }
  return items;
}

/**
 * Reads "制动盘 60%；轮毂（30%）" into products with their share of revenue. Products are separated by
 * ；, 、 or a comma (not one between digits, as in 1,4-丁二醇); a part that is only a share
 * (「无刷电机，占71.3%」, 「六氟磷酸锂，占六成」) belongs to the product before it, and a share of them
 * all (「合计占营收的92%」) is no product (see `productsShare`).
 */
export function parseProducts(text: string): { name: string; share?: number; approx?: true }[] {
  let aboutAll = false;
  let shares = 0;
  return productParts(text)
    .filter((s) => !COMBINED.test(s))
    .map((s, i) => (i === 0 ? s.replace(PRODUCT_LEAD, '') || s : s))
    .map((s) => {
      const m = WITH_SHARE.exec(s);
      const share = m && m[1]!.trim() ? shareValue(m[3]!) : undefined;
      if (share === undefined) return { name: s };
      // 「板式衣柜大概占六成，橱柜三成，其他一成」: a guess word before the first share is said of the whole list, whose
      // later shares are said short after it (no 占 of their own); each of them is as round as the first.
      // A later share said in full with its own 占 (「…；醋酸丁酯溶剂占38%」) is its own figure, exact unless hedged itself.
      const approx = (aboutAll && !s.includes('占')) || hedged(m![2], m![4], m![3]!);
      if (shares++ === 0 && m![2] !== undefined) aboutAll = true;
      return { name: m![1]!.trim(), share, ...(approx ? { approx: true as const } : {}) };
    });
}

/** The main products' share taken together, with the words that gave it and whether they hedge it. */
function combinedShare(text: string): { value: number; approx: boolean; said: string } | undefined {
  const part = productParts(text).find((s) => COMBINED.test(s));
  if (!part) return undefined;
  const m = COMBINED.exec(part)!;
  const value = shareValue(m[2]!);
  return value === undefined ? undefined : { value, approx: hedged(m[1], m[3], m[2]!), said: part };
}

/** The share of revenue the main products make together, when the answer gives one (「合计占营收的92%」). */
export function productsShare(text: string): number | undefined {
  return combinedShare(text)?.value;
}

/** The words of a date given as part of a year (「2021年初」) that still stand as the answer; undefined once the month was given. */
export function approximateDateSaid(answers: Answers, questionId: string): string | undefined {
  const said = answers[APPROX_PREFIX + questionId];
  if (typeof said !== 'string' || !said.trim()) return undefined;
  const part = partOfYear(said);
  return part?.approx && part.value === answers[questionId] ? said : undefined;
}

/** What ends the name of an industry (机织服装制造, 铝压延加工, 金属制品业), as against a description of the business. */
const INDUSTRY_NAME_END = /(?:业|制造|加工|生产|冶炼|修理|利用|制品)$/u;

/**
 * An industry as the signed form prints it. One name as typed (「速冻食品制造」, a GB/T 4754 class) is kept; a name
 * with a description after it (「通用设备制造 主要做减速机」「方便食品 做辣条的」) is the division its name or words
 * name, by the division's own name (通用设备制造业), and the description is left out; a name naming no division keeps
 * only the name.
 */
function industryAsStored(kb: FormsKnowledge, text: string): string {
  const clauses = text.trim().split(/[\s，,、；;。：:（）()]+/u).filter(Boolean);
  const divisions = kb.industries?.divisions ?? [];
  const first = clauses[0] ?? '';
  const words = kb.formQuestions.vocabulary.industryWords;
  // Already stored so (the form view's box shows it back): a division named in brackets after the words.
  if (divisions.some((d) => text.trim().startsWith(`${d.name}（`) || new RegExp(`[（(][^（）()]*${escape(d.name)}[^（）()]*[）)]$`, 'u').test(text.trim()))) return text.trim();
  // A code (C36, 3670) is no industry a reader knows: its division's name, with the code when it says more (a class).
  const code = /^[A-Za-z]?(\d{2})(\d{2})?$/u.exec(halfWidthAlnum(first));
  const byCode = code ? divisions.find((d) => d.code === code[1]) : undefined;
  if (byCode) return code![2] ? fill(words.codeClass, { division: byCode.name, code: halfWidthAlnum(first).toUpperCase() }) : byCode.name;
  // The division's own name typed (纺织服装、服饰业 俺们主要做羽绒服) is that name, its 、 no break between words.
  const named = divisions.find((d) => text.trim().startsWith(d.name));
  if (named) return named.name;
  // The enterprise's own word for its industry (汽车零部件) is kept as said, its division named after it.
  const byWord = divisions.find((d) => (d.aliases ?? []).includes(first));
  if (byWord && (clauses.length === 1 || !INDUSTRY_NAME_END.test(first))) return fill(words.saidWithDivision, { said: first, division: byWord.name, code: byWord.code });
  if (clauses.length <= 1) return text.trim();
  const byName = divisions.find((d) => d.name === first || d.name.replace(/业$/u, '') === first);
  if (byName) return byName.name;
  // The opening words of a division's name (有色金属冶炼) are the enterprise's, the division named after them.
  const begun = first.length >= 4 ? divisions.find((d) => d.name.startsWith(first)) : undefined;
  if (begun) return fill(words.saidWithDivision, { said: first, division: begun.name, code: begun.code });
  if (INDUSTRY_NAME_END.test(first)) return first;
  return text.trim();
}

/**
 * The 主营业务 an industry reply describes (「通用设备制造 主要做减速机」 → 主要生产减速机): the words after the industry's
 * name that open, past who says it (俺们, 公司), with a lead (主要做, 做, 主要是), written by `businessFromIndustry`.
 * Undefined for one name alone or words after it that open with no lead (「有色金属冶炼 黄金冶炼和精炼」 is a name).
 */
export function businessOfIndustry(kb: FormsKnowledge, text: string): string | undefined {
  const v = kb.formQuestions.vocabulary;
  const m = /^\s*\S+?[\s，,；;：:]+(.+)$/u.exec(text.trim());
  if (!m) return undefined;
  const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
  let rest = m[1]!.trim();
  const speaker = byLength(v.businessSpeakers).find((w) => rest.startsWith(w));
  if (speaker) rest = rest.slice(speaker.length);
  const lead = byLength(v.businessLeads).find((w) => rest.startsWith(w));
  if (!lead) return undefined;
  const what = rest.slice(lead.length).replace(/^[的是]/u, '').replace(/[的。.!！~～]+$/u, '').trim();
  return what.length >= 2 && !SENTENCE.test(what) ? fill(v.businessFromIndustry, { what }) : undefined;
}

/** Words just before a listed name that deny it (「不是国企」「并非外资」「不属于集体」). */
const DENIED = /(?:不是|并非|不属于|不算|不再是|非)\s*$/u;
/** Words that say what follows is the enterprise now (「以前是国企，现在是民营」「后来改制成民营」), what comes before it what was. */
const NOW = /现在|目前|如今|后来|改制|已经/gu;

/**
 * The listed names a reply to a field of listed names says (「俺们是民企」 → 民营), each word read once and the longest
 * winning where words overlap (国有控股 over 国有, 中外合资 over 合资). A name denied (「不是国企」) is not said, and
 * where names of what the enterprise was and is both stand (「以前是国企，现在是民营」), only those after the last
 * word of now are. Several left: the reply does not say which one, and is asked back.
 */
export function namedValues(named: { name: string; aliases: string[] }[], text: string): string[] {
  const t = text.toLowerCase();
  const words = named.flatMap((n) => [n.name, ...n.aliases].map((w) => ({ name: n.name, w: w.toLowerCase() }))).sort((a, b) => b.w.length - a.w.length);
  const hits: { name: string; from: number; to: number }[] = [];
  for (const { name, w } of words)
    for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1))
      if (!hits.some((h) => at < h.to && at + w.length > h.from)) hits.push({ name, from: at, to: at + w.length });
  let kept = hits.filter((h) => !DENIED.test(t.slice(0, h.from)));
  const now = [...t.matchAll(NOW)].at(-1)?.index;
  if (now !== undefined && new Set(kept.map((h) => h.name)).size > 1 && kept.some((h) => h.from > now)) kept = kept.filter((h) => h.from > now);
  return [...new Set(kept.sort((a, b) => a.from - b.from).map((h) => h.name))];
}

/** The one listed name a reply says (see namedValues); undefined when it says none, or several. */
export function namedValue(named: { name: string; aliases: string[] }[], text: string): string | undefined {
  const said = namedValues(named, text);
  return said.length === 1 ? said[0] : undefined;
}

/** Answers keyed `approx.<question id>` hold what the user typed for a figure given as a round one. */
export const APPROX_PREFIX = 'approx.';
/** The words that said a date's event still under way (「还在建」), kept beside the date planned or its skip. */
export const UNDERWAY_PREFIX = 'underway.';
/** Set once the planned date of an event under way was asked for: it is not asked again. */
const UNDERWAY_ASKED_PREFIX = 'underwayAsked.';

/**
 * 「还没建完」「还在建」: the event the date question asks about is still under way, with no date; 「预计明年六月完工」
 * 「计划2024年底建成」「还在建，争取明年6月完工」: under way, with the date planned (明年 counted from the notice's year
 * where no session day wrote it out first: datedReply does so in the chat and the form view).
 * Undefined for a date said with no word of either (「2022年10月」): that is the date it happened.
 */
function underwaySaid(kb: FormsKnowledge, u: NonNullable<FormQuestion['underway']>, text: string): { date?: string } | undefined {
  const saysUnderway = u.words.some((w) => text.includes(w));
  const saysPlanned = u.planned.some((w) => text.includes(w));
  if (!saysUnderway && !saysPlanned) return undefined;
  const year = noticeYear(kb);
  const dated = year === undefined ? text : absoluteYears(text, year, { ...kb.formQuestions.vocabulary.relativeYears, ...u.years });
  const part = partOfYear(dated);
  const date = parseDate(dated) ?? (part && !part.approx ? part.value : undefined);
  if (saysPlanned && !date && !saysUnderway) return undefined;
  return date ? { date } : {};
}

/** Marks a date question's answer as of an event still under way, in the words said. */
export function markUnderway(answers: Answers, questionId: string, said: string): Answers {
  return Object.freeze({ ...answers, [UNDERWAY_PREFIX + questionId]: said.trim().slice(0, 200) });
}

/** The words that said the event of a date question is still under way, if they were said. */
export function underwayMarked(answers: Answers, questionId: string): string | undefined {
  const said = answers[UNDERWAY_PREFIX + questionId];
  return typeof said === 'string' && said.trim() ? said : undefined;
}

/** How a reply that said the event under way with no date is read back (「在建，预计完成日期待补充」). */
export function underwayShown(kb: FormsKnowledge, questionId: string): string | undefined {
  return findQuestion(kb, questionId)?.q.underway?.shown;
}

/** A question whose event was said under way with no date, its planned date not yet asked for: asked once more. */
function awaitsPlannedDate(answers: Answers, id: string): boolean {
  return answers[id] === null && underwayMarked(answers, id) !== undefined && answers[UNDERWAY_ASKED_PREFIX + id] === undefined;
}

/** The answers with a figure marked as given round (「大概两百人」), with the words as typed. */
export function markApproximate(answers: Answers, questionId: string, said: string): Answers {
  return Object.freeze({ ...answers, [APPROX_PREFIX + questionId]: said.trim().slice(0, 200) });
}

/**
 * The words of a round figure that still stands as the answer: a mark whose words now read as another
 * figure (the answer was edited since) no longer describes it.
 */
export function approximateSaid(answers: Answers, questionId: string, unit?: string): string | undefined {
  const said = answers[APPROX_PREFIX + questionId];
  if (typeof said !== 'string' || !said.trim()) return undefined;
  const n = parseNumber(said, unit);
  return !n || n.value === answers[questionId] ? said : undefined;
}

function factValue(c: Concrete, value: AnswerValue): unknown {
  if (value === null) return undefined;
  const f = c.fact;
  if (f === 'products' && typeof value === 'string') return parseProducts(value);
  if ((f === 'honours' || /^workshops\.\d+\.lines$/.test(f)) && (typeof value === 'string' || Array.isArray(value))) {
    const list = (Array.isArray(value) ? value : splitList(value)).map((s) => s.trim()).filter(Boolean);
    return list.length ? list : undefined;
  }
  return value;
}

/** A count of lines with nothing named after it (「两条」, 「共3条生产线」), or before a colon that opens their names (「三条线：冲压线」). */
const LINE_COUNT = /^(?:共有|一共|总共|共|有)?[\d一二两三四五六七八九十几多]+条(?:生产线|产线|线)?(?:[：:]\s*|$)/u;
/** 「一条酱油发酵线」, 「另一条是灌装线」: one line, named by what follows. */
const ONE_LINE = /^(?:还有|另外|另)?(?:一|1)条(?:是|为|叫)?(?=\S)/u;

/**
 * The items of a workshop's lines answer read as lines: a count said among them (「两条」) names no line, 「一条X」 names
 * X, and a line said not built or not running (`lineNotBuiltWords`: 在建, 还没投产, 明年上) is no line the workshop
 * 涵盖: it is kept as typed apart. Words saying a line runs (`lineBuiltWords`: 已投产) are taken off its name.
 */
export function linesSaid(v: FormVocabulary, items: readonly string[]): { built: string[]; notBuilt: string[] } {
  const built: string[] = [];
  const notBuilt: string[] = [];
  const runs = [...v.lineBuiltWords].sort((a, b) => b.length - a.length);
  for (const item of items) {
    let name = item.trim().replace(LINE_COUNT, '').replace(ONE_LINE, '').trim();
    if (!name) continue;
    if (v.lineNotBuiltWords.some((w) => name.includes(w))) {
      notBuilt.push(item.trim());
      continue;
    }
    name = name.replace(/[了的。]+$/u, '');
    const run = runs.find((w) => name.endsWith(w) && name.length > w.length);
    if (run) name = name.slice(0, -run.length).replace(/(?:已经|都|也)$/u, '').trim();
    if (name) built.push(name);
  }
  return { built, notBuilt };
}

/** Record keys that contain dots (cell ids such as "rd.pdm") are written as one key. */
function setFact(facts: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const m = /^(elements|workshops\.\d+\.descriptions)\.(.+)$/.exec(path);
  if (!m) return setPath(facts, path, value);
  const parent = { ...((m[1]!.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], facts) as object | undefined) ?? {}) } as Record<string, unknown>;
  if (value === undefined) delete parent[m[2]!];
  else parent[m[2]!] = value;
  return setPath(facts, m[1]!, parent);
}

/** The form facts gathered so far. Values were validated when answered; anything that no longer parses is dropped, not guessed. */
export function formFactsFromAnswers(kb: FormsKnowledge, answers: Answers): FormFacts {
  let facts: Record<string, unknown> = {};
  const approximate: { fact: string; said: string; label: string }[] = [];
  const denied: { fact: string; said: string }[] = [];
  const notBuilt: { workshop: number; said: string }[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (!id.startsWith('form.') || value === null) continue;
    const c = findQuestion(kb, id);
    if (!c || c.fact.startsWith('meta.')) continue;
    // The form is signed and checked on site: a round figure is not stated as the exact one, but asked for.
    const said = c.q.kind === 'number' ? approximateSaid(answers, id, c.q.unit) : c.q.kind === 'date' ? approximateDateSaid(answers, id) : undefined;
    if (said !== undefined) {
      approximate.push({ fact: c.fact, said, label: labelOf(c) });
      continue;
    }
    // A reply with nothing to print (「有」, 「同上」), recorded before it was asked back, is left for the placeholder.
    // A cell answered with none (「暂无」) is kept as typed, to be checked against the interview's yes (facts.ts).
    if (c.q.kind === 'text' && c.q.maxLength === undefined && typeof value === 'string' && (contentless(kb.formQuestions.vocabulary, value, c.fact) || saysNone(kb.formQuestions.vocabulary, value))) {
      if (CELL_FACT.test(c.fact) && saysNone(kb.formQuestions.vocabulary, value)) denied.push({ fact: c.fact, said: value.trim().slice(0, 50) });
      continue;
    }
    const v = factValue(c, value);
    // Only titles the enterprise itself holds are its honours; the rest is kept for the flag that says so.
    if (c.fact === 'honours' && Array.isArray(v)) {
      const list = v as string[];
      const held = list.filter((h) => heldHonour(kb.formQuestions.vocabulary, h));
      if (held.length) facts = setFact(facts, 'honours', held);
      if (held.length < list.length) facts = setFact(facts, 'honoursNotHeld', list.filter((h) => !held.includes(h)));
      continue;
    }
    // Only lines built and running are lines the workshop 涵盖; one said in construction is kept for the flag that says so.
    const ws = /^workshops\.(\d+)\.lines$/.exec(c.fact);
    if (ws && Array.isArray(v)) {
      const read = linesSaid(kb.formQuestions.vocabulary, v as string[]);
      facts = setFact(facts, c.fact, read.built.length ? read.built : undefined);
      notBuilt.push(...read.notBuilt.map((said) => ({ workshop: Number(ws[1]), said })));
      continue;
    }
    if (c.fact === 'products' && Array.isArray(v)) {
      const own = productsWithoutServices(kb, v as ReturnType<typeof parseProducts>);
      if (own.length) facts = setFact(facts, c.fact, own);
    } else if (v !== undefined) facts = setFact(facts, c.fact, v);
    // Each product's round share is withheld from the draft (see draft.ts), and asked for here as any round figure is;
    // so is the share said of a product line and its service together, which is not the line's own.
    if (c.fact === 'products' && typeof value === 'string')
      for (const part of productParts(value).filter((s) => !COMBINED.test(s))) {
        const [said] = parseProducts(part);
        const [p] = said ? productsWithoutServices(kb, [said]) : [];
        if (p?.approx && p.share !== undefined) approximate.push({ fact: 'products', said: part, label: fill(kb.formDrafting.productShares.label, { name: p.name }) });
      }
    const together = c.fact === 'products' && typeof value === 'string' ? combinedShare(value) : undefined;
    if (together?.approx) approximate.push({ fact: 'mainProductsShare', said: together.said, label: kb.formDrafting.factLabels.mainProductsShare ?? labelOf(c) });
    else if (together !== undefined) facts = setFact(facts, 'mainProductsShare', together.value);
  }
  if (approximate.length) facts.approximate = approximate;
  if (notBuilt.length) facts.linesNotBuilt = notBuilt;
  // 「还在建」 at 建设完成日期: the project is under way, its date (if given) the one planned.
  const end = kb.formQuestions.questions.find((q) => q.fact === 'project.end' && q.underway);
  if (end && underwayMarked(answers, end.id) !== undefined) facts = setPath(facts, 'project.underway', true);
  if (denied.length) facts.deniedCells = denied;
  // The interview's own words of a capability in place (「MES覆盖两个车间」), for the cells that ask about it.
  const details = Object.entries(answers).flatMap(([id, v]) => (id.startsWith(`${DETAIL_PREFIX}cap.`) && typeof v === 'string' && v.trim() ? [[id.slice(DETAIL_PREFIX.length + 4), v.trim()] as const] : []));
  if (details.length) facts.capabilityDetails = Object.fromEntries(details);
  // A title said beside the interview's yes (「去年评上了国家级绿色工厂」) is an honour the enterprise holds.
  const said = answers[`${DETAIL_PREFIX}ent.greenPriority`];
  const titles = typeof said === 'string' && answers['ent.greenPriority'] === true ? titlesSaid(kb, said) : [];
  const held = (facts.honours as string[] | undefined) ?? [];
  const added = titles.filter((t) => !held.some((h) => h.includes(t) || t.includes(h)));
  if (added.length) facts = setFact(facts, 'honours', [...held, ...added]);
  // The counts said for a ratio of the interview (「全厂260台设备，联网221台」) are facts of their own, not only the ratio read from them.
  for (const q of ['metric.networkedRatio', 'metric.automationRatio']) {
    const said = answers[`${DETAIL_PREFIX}${q}`];
    const counts = typeof said === 'string' && kb.interview ? equipmentCountsOf(kb.interview.vocabulary, said) : undefined;
    // Counts that no longer give the ratio recorded (changed since, in another reply) are not the enterprise's last word.
    const part = q === 'metric.networkedRatio' ? counts?.networked : counts?.automated;
    const whole = q === 'metric.networkedRatio' ? counts?.automated ?? counts?.total : counts?.total;
    const v = answers[q];
    const gives = part !== undefined && whole !== undefined && whole > 0 && typeof v === 'number' && Math.abs((part / whole) * 100 - v) < 1;
    if (counts && gives && !facts.unitEquipment) facts.unitEquipment = { ...counts, said: said as string };
  }
  // A fact the interview already gave (the industry) fills its field unless the form answered it.
  for (const q of kb.formQuestions.questions) {
    if (!q.derivedFrom || given(answers, q.id) || !given(answers, q.derivedFrom)) continue;
    const v = answers[q.derivedFrom];
    // A division outside manufacturing (59) is named too: the form's 所属行业 is a name, not a code.
    // A code given with its class digits (C1462) names its division (14): the form's 所属行业 is never a code.
    const code = typeof v === 'string' ? normaliseDivision(v) ?? v : undefined;
    const division = code !== undefined ? [...(kb.industries?.divisions ?? []), ...(kb.industries?.otherDivisions ?? [])].find((d) => d.code === code) : undefined;
    const text = division ? division.name : typeof v === 'string' ? v : undefined;
    if (text) facts = setFact(facts, q.fact, text);
  }
  // A year the interview gave for a date the form has not got (成立年份 for 成立时间) is kept as the year, so the
  // draft states it and asks only for the rest, rather than asking for the whole date as if nothing were known.
  for (const q of kb.formQuestions.questions) {
    const date = dateGiven(answers, q);
    const year = date === undefined ? yearGiven(answers, q) : undefined;
    if (date !== undefined) facts = setFact(facts, q.fact, date);
    else if (year !== undefined && q.yearFrom) facts = setFact(facts, q.yearFrom.fact, year);
  }
  // Workshops answered out of order leave holes; a hole is an empty workshop, not a guess.
  if (Array.isArray(facts.workshops)) facts.workshops = Array.from(facts.workshops as unknown[], (w) => w ?? {});
  // A factory said to have more workshops than were described keeps the rest as empty ones: the draft shows
  // each with its placeholders and a flag asks for it, rather than leaving it out in silence.
  const count = answers['form.workshopCount'];
  const had = Array.isArray(facts.workshops) ? (facts.workshops as unknown[]).length : 0;
  if (answers['cat.scope'] !== 'workshop' && typeof count === 'number' && Number.isInteger(count) && count > had && count <= MAX_WORKSHOPS)
    facts.workshops = [...((facts.workshops as unknown[] | undefined) ?? []), ...Array.from({ length: count - had }, () => ({}))];
  facts = withWorkshopsReferred(facts);
  for (let attempt = 0; attempt < 50; attempt++) {
    const r = FormFacts.safeParse(facts);
    if (r.success) return r.data;
    const path = r.error.issues[0]!.path.map(String);
    facts = path.length ? setPath(facts, path.join('.'), undefined) : {};
  }
  return {};
}

/** 「跟机加工车间一样」「与一车间相同」「同装配车间」: a cell's whole text pointing at another workshop's, and the name it gives. */
function workshopReferred(text: string): string | undefined {
  const t = wholeReply(text);
  const m = SAME_AS_NAMED.exec(t) ?? /^(?:同|同于|参照|参见|见)(.{1,10}?)[的。.!！]*$/u.exec(t);
  const name = m?.[1]?.replace(/的$/u, '');
  return name && /(?:车间|工段|产线|生产线|分厂|厂房)$/u.test(name) ? name : undefined;
}

/** The workshop a referring name stands for: its name as given, or its place (一车间, 2号车间, 车间2, 第二个车间). */
function workshopNamed(workshops: { name?: string }[], said: string): number {
  const byName = workshops.findIndex((w) => !!w.name && (w.name === said || w.name.includes(said) || said.includes(w.name)));
  if (byName >= 0) return byName;
  const place = /^(?:第)?([一二三四五六七八九十\d]{1,2})(?:号|个)?车间$|^车间([一二三四五六七八九十\d]{1,2})$/u.exec(said);
  const n = place ? parseNumber(place[1] ?? place[2]!)?.value ?? Number(place[1] ?? place[2]) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= workshops.length ? n - 1 : -1;
}

/**
 * A cell the enterprise answered by pointing at another workshop's (「跟机加工车间一样」) says that workshop's
 * text, which the draft then prints in its own words: the signed form states what is there, not where to look. A
 * workshop the application does not describe, or one whose cell is itself empty or a pointer, resolves nothing:
 * the text is left out and the cell asks for its facts as any unanswered one does.
 */
function withWorkshopsReferred(facts: Record<string, unknown>): Record<string, unknown> {
  const workshops = (Array.isArray(facts.workshops) ? facts.workshops : []) as { name?: string; descriptions?: Record<string, string> }[];
  const resolve = (cell: string, text: string, self: number): string | undefined => {
    const said = workshopReferred(text);
    if (said === undefined) return text;
    const j = workshopNamed(workshops, said);
    const there = j >= 0 && j !== self ? workshops[j]!.descriptions?.[cell] : undefined;
    return there !== undefined && workshopReferred(there) === undefined ? there : undefined;
  };
  const cells = (r: Record<string, string> | undefined, self: number) => {
    if (!r) return r;
    const out = Object.fromEntries(Object.entries(r).flatMap(([k, v]) => {
      const t = resolve(k, v, self);
      return t === undefined ? [] : [[k, t]];
    }));
    return Object.keys(out).length ? out : undefined;
  };
  let out = facts;
  if (facts.elements) out = { ...out, elements: cells(facts.elements as Record<string, string>, -1) };
  if (workshops.length) out = { ...out, workshops: workshops.map((w, i) => (w.descriptions ? { ...w, descriptions: cells(w.descriptions, i) } : w)) };
  return out;
}

/** A landline with its area code (0371-65507698, (0371)65507698, 037165507698), an extension after 转 or -; or a 400/800 line. */
const LANDLINE = /^(?:0\d{2,3}|[(（]0\d{2,3}[)）])[-—－–]?[1-9]\d{6,7}(?:(?:转|-|—)\d{1,6})?$|^[48]00[-—－–]?\d{3}[-—－–]?\d{4}$/;

/**
 * Each number a phone field holds (several may be given, 「0371-65507698/13837112345」), spaces taken out:
 * a phone field takes mobiles and landlines, a mobile field mobiles only. The first that is neither, or null.
 */
function badPhone(text: string, mobileOnly: boolean): string | null {
  for (const part of text.split(/[\/、，,；;]|\s{2,}|或/u).map((p) => p.trim()).filter(Boolean)) {
    const n = part.replace(/^(?:手机|电话|座机|固话)[:：]?/u, '').replace(/\s+/g, '');
    if (MOBILE.test(n.replace(/[-—－–]/g, ''))) continue;
    if (!mobileOnly && LANDLINE.test(n)) continue;
    return part;
  }
  return null;
}

/** A figure that is a mobile number's eleven digits. */
const PHONE_SHAPED = /^1[3-9]\d{9}$/u;

/** A figure as a count is typed: digits or numerals, an inexact tail after it (八十几, 二十多, 六百来). */
const COUNT_FIGURE = '[\\d零〇一二两三四五六七八九十百千万几]+(?:多|余|来)?';

/**
 * What a reply counts when it is nothing but counts (「二十七个」, 「技术人员八十几个」, 「车间里一共一百二十台设备，联网的九十台」):
 * each clause a few words (Han or Latin letters, 「CNC30台」), a figure, a measure and at most the thing counted. A name
 * holding a count goes on past it (「年产50万台电机智能车间」) and is none. The label of the thing counted (countedThings), else the vocabulary's
 * word for a count; undefined when the reply is not counts alone.
 */
export function countOnly(v: FormVocabulary, text: string): string | undefined {
  const spec = v.countReply;
  if (!spec) return undefined;
  const measures = [...new Set([...spec.measures, ...v.countedThings.flatMap((x) => x.measures)])];
  const things = v.countedThings.flatMap((x) => x.words);
  const clause = new RegExp(`^((?:\\p{Script=Han}|[A-Za-z]){0,10}?)(?:约|大约|大概|将近|近|有|共|一共|总共|共有)?\\s*${COUNT_FIGURE}\\s*(?:${anyOf(measures)})(?:左右|上下|多)?(${anyOf(things)})?[吧啊呢了的。.!！]*$`, 'u');
  // A Latin name spaced from its count (「CNC 30台」) is one clause; a model with digits of its own (「S7 1200」) is not joined.
  const clauses = text.replace(/(?<=(?:^|[^A-Za-z0-9])[A-Za-z]+)\s+(?=\d)/gu, '').split(/[，,；;、\s]+/u).filter(Boolean);
  const read = clauses.map((x) => clause.exec(x));
  const first = read[0];
  if (!first || read.some((m) => !m)) return undefined;
  // A Latin name is typed in either case (「cnc30台」 is CNC's count).
  const lead = first[1]!.toLowerCase();
  const named = first[2] ?? [...lead].map((_, i) => things.find((w) => lead.startsWith(w.toLowerCase(), i))).find(Boolean);
  return (named && v.countedThings.find((x) => x.words.some((w) => w.toLowerCase() === named.toLowerCase()))?.label) || spec.label;
}

/** What a one-line field takes, said in a few words (地址, 职务, 人名): a count typed there is told apart from it. */
function wantedWord(v: FormVocabulary, c: Concrete): string {
  const kinds = v.storyReplyKinds;
  if (c.q.takes === 'post') return kinds.post;
  if (/^(?:contact|leader)\.name$/u.test(c.fact)) return kinds.person;
  if (/(?:^|\.)address$/u.test(c.fact) && v.addressKind) return v.addressKind.label;
  if (/^(?:project|workshops\.\d+)\.name$/u.test(c.fact) && kinds.unitName) return kinds.unitName;
  return labelOf(c);
}

/**
 * A reply that is a figure and its unit alone (「120台」, 「500万元」, 「85%」, 「大概3条」, 「120台设备」): the count's label
 * (countOnly), else the label of the kind of value its unit marks. Undefined when anything else is said: a name
 * holding a figure (「120台设备的加工线」) or one said with its count (「冲压线两条」) names a line.
 */
function figureAlone(v: FormVocabulary, text: string): string | undefined {
  const count = countOnly(v, text);
  const kinds = count ? [] : saidKinds(v, text).filter((k) => !k.series && k.kind !== 'date');
  if (!count && !kinds.length) return undefined;
  const words = [...(v.countReply?.measures ?? []), ...v.countedThings.flatMap((x) => [...x.measures, ...x.words]), ...kinds.flatMap((k) => [...k.marks, ...k.units])];
  const rest = [...new Set(words.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length).reduce((x, w) => x.split(w).join(''), text.toLowerCase().replace(new RegExp(`${NUMERAL}+(?:\\.\\d+)?`, 'gu'), ''));
  return /^(?:约|大约|大概|将近|近|有|共|一共|总共|共有|左右|上下|多|余|来|几|[\s，,。.；;、吧啊呢了的!！])*$/u.test(rest) ? (count ?? kinds[0]!.label) : undefined;
}

/**
 * A count where a one-line field without a check of its own is asked: what it is and what the field wants, else undefined.
 * A field of names with no length of its own (车间有哪些生产线) says what it `wants`, and any figure alone typed there, an
 * amount or a share as well as a count, is no name of it.
 */
function countAsText(v: FormVocabulary, c: Concrete, text: string): { kind: string; wanted: string } | undefined {
  if (c.q.kind !== 'text' || c.q.validate !== undefined || c.q.named) return undefined;
  if (c.q.maxLength === undefined) {
    const kind = c.q.wants ? figureAlone(v, text.trim()) : undefined;
    return kind ? { kind, wanted: c.q.wants! } : undefined;
  }
  const kind = countOnly(v, text.trim());
  return kind ? { kind, wanted: wantedWord(v, c) } : undefined;
}

function validateValue(c: Concrete, value: AnswerValue, messages: FormMessages, vocabulary?: FormVocabulary): string | null {
  const q = c.q;
  // Each refusal names the field by its question, up to the question mark.
  const field = c.text.replace(/[？?].*$/, '');
  const m = messages.invalid;
  const name = fill(m.field, { field });
  if (value === null) return null;
  // 「无」 at 传真 is the enterprise's answer, printed as such: no number to check.
  if (q.noneAnswer !== undefined && value === q.noneAnswer) return null;
  if (q.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return q.unit ? fill(m.numberUnit, { field, unit: q.unit }) : fill(m.number, { field });
    // A mobile number typed into a figure's box (the card's or the form view's) is no figure of any field: eleven
    // digits from 13 to 19 would put 13839451234 人 or 万元 on the signed form.
    if (messages && PHONE_SHAPED.test(String(value))) return fill(messages.phoneAsFigure, { said: String(value), field: labelOf(c) });
    if (q.validate === 'money' && value < 0) return fill(m.negativeMoney, { field });
    if (q.validate === 'count' && (!Number.isInteger(value) || value < 0)) return fill(m.count, { field });
    if (q.min !== undefined && value < q.min) return fill(m.belowMin, { field, min: q.min });
    if (q.max !== undefined && value > q.max) return fill(m.aboveMax, { field, max: q.max });
    return null;
  }
  if (q.kind === 'choice') {
    if (typeof value !== 'string' || !q.choices?.some((x) => x.value === value)) return name + fill(messages.notAChoice, { choices: (q.choices ?? []).map((x) => x.label).join('、') });
    return null;
  }
  if (q.kind === 'date') {
    if (typeof value !== 'string' || !isRealDate(value)) return name + (q.precision === 'month' ? messages.badMonth : messages.badDay);
    return null;
  }
  if (typeof value !== 'string' && !Array.isArray(value)) return fill(m.text, { field });
  const text = Array.isArray(value) ? value.join('；') : value;
  if (!text.trim()) return fill(m.empty, { field });
  // A one-line field longer than its cell would be dropped from the form's facts, so it is refused here.
  if (q.maxLength !== undefined && text.trim().length > q.maxLength) return fill(m.tooLong, { field, max: q.maxLength });
  // 「二十七个」 as the workshop's address would print on the cover as its address: a count is no name, address or post.
  const count = messages && vocabulary ? countAsText(vocabulary, c, text) : undefined;
  if (count) return fill(messages!.wrongKind, { said: clipQuote(text.trim(), 30), kind: count.kind, wanted: count.wanted, field: labelOf(c) });
  if (c.fact === 'products') {
    if (respectiveProducts(text) === 'unclear' && messages) return fill(messages.productsUnclear, { said: text.trim() });
    const products = parseProducts(text);
    if (messages && vocabulary && products.length > 0 && products.every((p) => figureNotProduct(vocabulary, p.name))) return fill(messages.productsAreFigures, { said: clipQuote(text.trim(), 30) });
    // An item that is a service alone (「提供配套服务」, 「售后维修服务 10%」) is asked back; a line of business joined to
    // its service under one share (「再制造及服务 10%」) is recorded as typed, and the form's products name the line alone
    // (see productsWithoutServices).
    const service = vocabulary ? products.map((p) => p.name).find((n) => listedParts(n).length === 1 && servicesIn(vocabulary, n).length === 1) : undefined;
    if (service && messages?.productsAreServices) return fill(messages.productsAreServices, { said: clipQuote(service, 30) });
    const shares = products.flatMap((p) => (p.share === undefined ? [] : [p.share]));
    const together = productsShare(text);
    if (shares.some((x) => x > 100) || shares.reduce((a, b) => a + b, 0) > 100.5 || (together !== undefined && together > 100)) return fill(m.sharesOver, { field });
  }
  if (q.validate === 'creditCode') {
    const r = checkCreditCode(text);
    if (!r.ok) return r.errors.join('；');
  }
  if (q.validate === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim())) return fill(m.email, { field });
  if (q.validate === 'phone' || q.validate === 'mobile') {
    // A number short of a digit would be printed on the signed form and dialled in vain: it is asked back, never kept.
    const bad = badPhone(text.trim(), q.validate === 'mobile');
    if (bad !== null) {
      return fill(messages[q.validate], { said: bad, digits: String((bad.match(/\d/g) ?? []).length) });
    }
  }
  return null;
}

function display(m: FormMessages, c: Concrete, value: AnswerValue): string {
  if (value === null) return m.skipped;
  if (c.q.kind === 'choice') return c.q.choices?.find((x) => x.value === value)?.label ?? String(value);
  if (typeof value === 'number') return `${value}${c.q.unit ?? ''}`;
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/**
 * Validates and records one form answer. The credit code is checked per GB 32100-2015;
 * a code from outside Henan and liabilities above assets are recorded but flagged.
 */
export function applyFormAnswer(kb: FormsKnowledge, answers: Answers, questionId: string, value: AnswerValue, category?: Category | null): ApplyResult {
  const c = findQuestion(kb, questionId);
  if (!c) return { ok: false, error: fill(kb.formQuestions.messages.unknownQuestion, { questionId }) };
  let v: AnswerValue = value;
  if (typeof v === 'string' && c.q.validate === 'creditCode') v = v.trim().toUpperCase().replace(/\s+/g, '');
  if (typeof v === 'string') v = v.trim();
  if (typeof v === 'string' && (c.q.validate === 'phone' || c.q.validate === 'mobile')) v = phonesAsStored(v);
  if (typeof v === 'string' && c.fact === 'industry') v = industryAsStored(kb, v);
  // A field of listed names keeps the listed name, and a value naming none is asked back, never stored as typed.
  if (typeof v === 'string' && c.q.named) {
    const name = namedValue(c.q.named, v);
    if (!name) return { ok: false, error: fill(kb.formQuestions.messages.notNamed, { said: clipQuote(v, 20), field: labelOf(c), names: c.q.named.map((n) => n.name).join('、') }) };
    v = name;
  }
  // A month-only field keeps the month of a full date typed into it (2021-05-18 → 2021-05): the form prints no day there.
  if (typeof v === 'string' && c.q.precision === 'month' && /^\d{4}-\d{2}-\d{2}$/u.test(v)) v = v.slice(0, 7);
  const err = validateValue(c, v, kb.formQuestions.messages, kb.formQuestions.vocabulary) ?? (typeof v === 'string' && c.q.kind === 'text' && printsNothing(kb.formQuestions.vocabulary, c, v) ? nothingToPrint(c, v) : null);
  if (err) return { ok: false, error: err };
  const before = formFactsFromAnswers(kb, answers);
  // A new answer replaces a round figure's mark; the caller marks it again when this one is round too.
  const next: Answers = { ...answers, [questionId]: v };
  delete next[APPROX_PREFIX + questionId];
  // The reply to the one ask for the planned date of an event under way: whatever it is, that date is not asked again.
  if (awaitsPlannedDate(answers, questionId)) next[UNDERWAY_ASKED_PREFIX + questionId] = true;
  // Any other date given later with no word of work under way is the date it happened: the reader marks it again
  // when 预计/还在建 is said, so a finished project's date never prints as planned.
  else if (typeof v === 'string' && c.q.underway) delete next[UNDERWAY_PREFIX + questionId];
  // 「电话13837112345」: a mobile number is the person's mobile too, unless that was given already; a mobile that
  // came in with the phone (the same number) follows the phone's correction.
  const fills = c.q.mobileFills;
  const mobile = fills !== undefined && typeof v === 'string' && MOBILE.test(v.replace(/[\s-]/g, '')) && (next[fills] === undefined || (answers[questionId] !== undefined && answers[fills] === answers[questionId])) ? findQuestion(kb, fills) : undefined;
  if (mobile) next[mobile.id] = v;
  // A 智能车间's checks (one workshop named, 四(一)) apply once the form is known to be one.
  // The session's day is not known here, so a relative date is flagged without the year the draft will count for it.
  const checkForm = { ...factCheckFormOf(kb), workshopApplication: category === 'smartWorkshop', dated: undefined };
  // A cell's text saying a system it asks about is in use, after the interview's 没有, corrects that answer: the draft
  // then states the system once, as in use, never beside a 「尚未应用…」 of the same system.
  const affirmed = typeof v === 'string' && c.capabilities?.length ? capabilitiesAffirmed(v, c.capabilities, capabilityAnswers(answers), checkForm) : [];
  for (const cap of affirmed) next[`cap.${cap}`] = true;
  const after = formFactsFromAnswers(kb, next);
  // The interview's capability answers (cap.mes), against which a cell text is checked as it is typed.
  const capabilities = capabilityAnswers(next);
  const seen = new Set(checkFacts({ form: before, capabilities }, checkForm).map((f) => f.message));
  // The interview asks whether the enterprise is registered in Henan (ent.registeredInHenan, 二(一)); the code is checked against that.
  const province = answers['ent.registeredInHenan'] === false ? '外省' : '河南省';
  const newFlags = checkFacts({ form: { province, ...after }, capabilities }, checkForm).filter((f) => !seen.has(f.message));
  const newlyBlocking = newFlags.map((f) => ({ clause: f.clause ?? (f.field === 'creditCode' || f.field.startsWith('finance') ? '二(一)' : formClause(kb, category)), reason: f.message }));
  const note = skipNote(next, c.q, v);
  return {
    ok: true,
    answers: Object.freeze(next),
    recorded: [
      { questionId, label: labelOf(c), value: v, display: display(kb.formQuestions.messages, c, v), ...note },
      ...(mobile ? [{ questionId: mobile.id, label: labelOf(mobile), value: v, display: display(kb.formQuestions.messages, mobile, v) }] : []),
      ...affirmed.map((cap) => ({ questionId: `cap.${cap}`, label: checkForm.capabilityCheck?.caps.find((x) => x.id === cap)?.name ?? cap, value: true, display: kb.formDrafting.messages.capabilityCorrected })),
    ],
    newlyBlocking,
  };
}

/** The interview's capability answers (cap.mes → mes), against which the enterprise's cell texts are checked. */
export function capabilityAnswers(answers: Answers): Record<string, boolean | 'partial' | 'building'> {
  const out: Record<string, boolean | 'partial' | 'building'> = {};
  for (const [k, x] of Object.entries(answers)) if (k.startsWith('cap.') && (typeof x === 'boolean' || x === 'partial' || x === 'building')) out[k.slice(4)] = x;
  return out;
}

/**
 * A question as a label: its words up to the question mark or a bracket, without a closing full
 * stop (「…代码。：已跳过」), without the request that opens it (「请填写企业全称」 labels 企业全称) and
 * without the 多少 that asks for a figure.
 */
export const labelOf = (c: { text: string; label?: string }) =>
  c.label ??
  (c.text.replace(/[？?（(].*$/, '').replace(/[。．.；;，,、：:！!\s]+$/, '').replace(/^请(?:填写|输入|提供|简述|说明|列出)/, '')
    // 「注册资本是多少万元」 labels 注册资本: the unit is shown with the value.
    .replace(/(?:是|有|共)?多少(?:万元|人|项|台|天)?$/, '') || c.text);

/**
 * Every form answer with its label, in the chosen form's order (answers of another form's
 * questions, kept after a change of category, follow at the end): what a resumed session shows
 * and lets the user correct.
 */
export function describeForm(kb: FormsKnowledge, answers: Answers, category: Category | null): Recorded[] {
  const order = new Map((category ? formQuestions(kb, answers, category) : []).map((c, i) => [c.id, i]));
  return Object.keys(answers)
    .filter((id) => id.startsWith('form.'))
    .map((id) => ({ id, c: findQuestion(kb, id) }))
    .filter((x): x is { id: string; c: Concrete } => x.c !== undefined)
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity))
    .map(({ id, c }) => ({ questionId: id, label: labelOf(c), value: answers[id]!, display: shownAnswer(kb, answers, id, c), ...skipNote(answers, c.q, answers[id]!) }));
}

/**
 * An answer as listed to whoever reads it (the user, the bureau, the helpline): a figure or a date given as a round
 * one is shown as the words typed, marked unconfirmed, since the value kept for the checks is no figure to rely on.
 */
function shownAnswer(kb: FormsKnowledge, answers: Answers, id: string, c: Concrete): string {
  const value = answers[id]!;
  const m = kb.formDrafting.messages;
  const said = value === null ? undefined : c.q.kind === 'number' ? approximateSaid(answers, id, c.q.unit) : c.q.kind === 'date' ? approximateDateSaid(answers, id) : undefined;
  const tpl = c.q.kind === 'date' ? m.approximateDateShown : m.approximateShown;
  if (said !== undefined && tpl) return fill(tpl, { said: said.trim() });
  // A date of a project still under construction: the date planned, said as such, or that it is under way.
  const u = c.q.underway && underwayMarked(answers, id) !== undefined ? kb.formDrafting.underwayProject : undefined;
  if (u && value === null) return c.q.underway!.shown;
  if (u) return fill(u.periodEnd, { date: display(kb.formQuestions.messages, c, value) });
  return display(kb.formQuestions.messages, c, value);
}

/** The widget a form question is asked with, for editing an answer after a reload. */
export function formView(kb: FormsKnowledge, questionId: string, category: Category | null): QuestionView | null {
  const concrete = category ? formQuestions(kb, {}, category).find((c) => c.id === questionId) : undefined;
  const c = concrete ?? findQuestion(kb, questionId);
  return c ? view(c) : null;
}

/** The 附件 a flag of the form rests on: the one the enterprise is filling, when its category is known. */
function formClause(kb: FormsKnowledge, category?: Category | null): string {
  return (category ? formSpec(kb, category).attachment : undefined) ?? Object.values(kb.forms)[0]?.attachment ?? '附件2';
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (words: string[]) => words.map(escape).join('|');

/** The form phase's reply words (form-questions.json `vocabulary`) as patterns, built once per knowledge version. */
const replyWords = new WeakMap<FormVocabulary, { skip: RegExp; notKnown: RegExp | null; later: RegExp; goOn: RegExp; noData: RegExp; question: RegExp; goOnAlone: RegExp }>();
function wordsOf(v: FormVocabulary) {
  let w = replyWords.get(v);
  if (!w) {
    const pairs = v.noDataPairs.map(([a, b]) => `(?:${anyOf(a)}).*(?:${anyOf(b)})`);
    w = {
      // 「跳过吧」「先跳过啊」: a closing particle changes nothing of a skip.
      skip: new RegExp(`^(?:${anyOf(v.skip)})[吧啊呀了哈嘛呗]*[。.!！~～]*$`, 'i'),
      notKnown: v.notKnownNow.length ? new RegExp(anyOf(v.notKnownNow)) : null,
      later: new RegExp(anyOf(v.later)),
      goOn: new RegExp([`^(?:${anyOf(v.goOnStarts)})`, anyOf(v.goOn), ...(v.goOnWhole.length ? [`^(?:${anyOf(v.goOnWhole)})[啊呀吧嘞哈]*(?:[\\s，,。.!！~～]|$)`] : [])].join('|'), 'i'),
      noData: new RegExp([anyOf(v.noData), ...pairs].join('|')),
      question: new RegExp(`[？?]\\s*$|^(?:${anyOf(v.questionStarts)})`),
      goOnAlone: new RegExp(`^(?:${anyOf([...v.goOnStarts, ...v.goOnWhole])})[的啊呀吧嘞哈]*[。.!！~～]*$`, 'i'),
    };
    replyWords.set(v, w);
  }
  return w;
}
/** The longest reply read as saying the fact is not known now: a longer one tells something, and is read as such. */
const NOT_KNOWN_MAX = 20;

/**
 * Whether a whole reply says the fact asked is not known now (「具体哪天记不清了」, 「回头问问财务」): a short
 * reply with a `notKnownNow` word, no figure and no question mark. Such a reply skips the field, as 「不清楚」
 * does: it is neither a figure, nor text for the form, nor a question about the notice.
 */
export function saysNotKnown(kb: FormsKnowledge, text: string): boolean {
  const t = text.trim();
  const W = wordsOf(kb.formQuestions.vocabulary);
  if (!W.notKnown || t.length > NOT_KNOWN_MAX || /[?？]/.test(t)) return false;
  // 「问一下」「查一下」 count nothing: their 一 is no figure.
  return W.notKnown.test(t) && !/[\d〇零一二两三四五六七八九十百千万亿]/u.test(t.replace(W.notKnown, '').replace(/一(?:下|声)/gu, ''));
}

/** A one-line field answered with a sentence (「我们是做零部件的，规模不大」) is asked back. */
const SENTENCE = /[，,。！!；;]\s*\S/;
/** The longest item of a few-items field read as an item (a job or professional title, ending as `titles` do), not a clause. */
const ITEM_MAX = 10;

/**
 * A one-line answer that restates its field first (「联系人是王建国」, 「单位地址：…」, 「是民营」)
 * without the restatement: the cell holds the value, not the sentence. The words before 是/为/叫/：
 * count as a restatement only when every character of them is in the field's label.
 */
function withoutLabel(text: string, label: string): string {
  const m = /^(?:我们的?|我们单位的?|本单位的?|企业的?|公司的?)?([\p{Script=Han}A-Za-z/]{0,10}?)(是|为|叫|：|:)\s*(\S.*)$/u.exec(text);
  if (!m) return text;
  const [, said, joint, value] = m;
  if (said === '' ? joint !== '是' && joint !== '叫' : ![...said!].every((ch) => label.includes(ch))) return text;
  return value!;
}

/**
 * A reply to a figure, a date or a narrative without the field's label it restates first (「车间1其中联网的设备120台」,
 * 「发展历程：2006年成立…」, 「主营业务：精密轴承」): the label is the question's words, and left in, its workshop
 * number would be read as the figure and its words printed in the draft. A narrative's restatement counts only
 * before a colon, or before 是/为 when every character of it is in the label; a one-line field has withoutLabel.
 */
export function withoutOwnLabel(c: { text: string; label?: string; q: { kind: string; maxLength?: number } }, text: string): string {
  if (c.q.kind === 'text' && c.q.maxLength !== undefined) return text;
  const label = labelOf(c);
  if (label.length >= 2 && text.startsWith(label)) {
    const rest = text.slice(label.length).replace(/^\s*(?:就是|是|为|有|：|:)?\s*/u, '');
    if (rest) return rest;
  }
  if (c.q.kind !== 'text') return text;
  const m = /^([\p{Script=Han}A-Za-z、]{2,12}?)\s*(：|:|就是|是|为)\s*(\S[\s\S]*)$/u.exec(text);
  if (!m) return text;
  const [, head, joint, rest] = m;
  const inLabel = [...head!].every((ch) => label.includes(ch) || ch === '的');
  // The label's first half or more before 是 or 就是 (「主营就是高低压开关柜」 to 主营业务) restates it as a colon does.
  const restated = joint !== '：' && joint !== ':' && label.startsWith(head!) && head!.length * 2 >= label.length;
  return inLabel && (joint === '：' || joint === ':' || restated || (joint !== '就是' && head!.length >= 3)) ? rest! : text;
}

/** A mobile number: 1, then 3–9, then nine digits, with or without +86. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
/** A mobile number typed in groups (「138 0393 6688」, 「138-0393-6688」, 「+86 138…」). */
const GROUPED_MOBILE = /(?<![\d-])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-](\d{4})[\s-](\d{4})(?![\d-])/gu;
/** A mobile number as the form prints it: eleven digits, the groups people type it in closed up. */
export function compactMobiles(text: string): string {
  return text.replace(GROUPED_MOBILE, '$1$2$3');
}
/** A landline's extension as people say it (「转 302」「分机 805」「ext. 12」), after the number with or without spaces. */
const EXTENSION = /(?<=\d)\s*(?:转|分机号?|ext\.?)\s*[:：]?\s*(?=\d{1,6}(?!\d))/giu;
/** Spaces around the dash between an area code and the number (「0371 - 86551234」). */
const SPACED_DASH = /(?<=(?:^|[^\d])0\d{2,3}[)）]?)\s*([-—－–])\s*(?=\d{7,8}(?!\d))/gu;
/** A landline typed or spoken in groups with spaces (「0372 5567890」, 「0377 6312 4567」): the area code, then seven or eight digits. */
const SPACED_LANDLINE = /(?<![\d-])(0\d{2,3})\s+([1-9]\d{2,7})(?:\s+(\d{3,4}))?(?![\d-])/gu;
/**
 * Phone numbers as a phone field stores them: digits read out in words as digits, mobiles closed up, an extension
 * after 「转」 however it was said, a landline as area code, dash and number, so one number is one piece for the
 * checks and one cell on the form.
 */
export function phonesAsStored(text: string): string {
  return compactMobiles(spokenDigits(text))
    .replace(EXTENSION, '转')
    .replace(SPACED_DASH, '$1')
    .replace(SPACED_LANDLINE, (all, area: string, a: string, b: string | undefined) => ((a + (b ?? '')).length >= 7 && (a + (b ?? '')).length <= 8 ? `${area}-${a}${b ?? ''}` : all));
}
/** The word a number is said with (「电话186…」, 「手机号：138…」, 「座机是0371…」), before the number itself. */
const PHONE_WORD = /^(?:联系)?(?:电话|手机|座机|固话|办公电话)(?:号码?)?\s*(?:是|为|：|:)?\s*(?=[+(（\d])/u;
const PERSON_NAME = /^[\p{Script=Han}·]{2,5}$/u;
/** Six to eight Han characters: a name only as a transliteration (`transliterationStarts`), never by its surname alone. */
const LONG_HAN_NAME = /^\p{Script=Han}{6,8}$/u;
/**
 * A name in Latin letters, two to four words each written with its capital (「David Wang」,
 * 「Mary-Ann O'Neil」): the capitals keep an English phrase (「send it later」) from reading as a name.
 */
const LATIN_NAME = /^[A-Z][A-Za-z'’-]*(?:\s+[A-Z][A-Za-z'’-]*){1,3}$/;
/** Dots people type between the parts of a transliterated name instead of 「·」 (•, ・, ‧, ∙, ･, ．). */
const NAME_DOTS = /[•・‧∙･．]/g;
/** A Han reply that ends with a sentence particle is said, not a name (「马上吧」, 「高兴啊」). */
const PARTICLE_END = /[吧啊呀吗呢了哈嘛哦么的]$/u;
/** A name as stored: the dot between the parts of a transliterated name is always 「·」. */
function nameAsStored(said: string): string {
  return said.replace(NAME_DOTS, '·');
}
/**
 * Whether a reply reads as a person's name: two to five Han characters that open with a known surname
 * (form-questions.json `vocabulary.surnames`) and are not a word that merely opens with one
 * (`notNames`: 马上, 周一) or a job title (`titles`: 董事长); a transliterated name with its 「·」
 * (or •/・ typed for it); three to eight Han characters that open with a `transliterationStarts`
 * (扎西顿珠, 阿不都热合曼); or a name in Latin letters of two to four capitalised words.
 */
function isPersonName(kb: FormsKnowledge, said: string): boolean {
  const v = kb.formQuestions.vocabulary;
  const name = nameAsStored(said);
  if (/^\p{Script=Han}+(?:·\p{Script=Han}+)+$/u.test(name)) return name.length <= 20;
  if (LATIN_NAME.test(name)) return true;
  if (PARTICLE_END.test(name)) return false;
  // A job title alone (董事长, 总经理) names a post, not a person; a surname before it (赵主任, 孙科长) is how the
  // enterprise named its contact, and is kept as given: no given name is made up for it.
  const title = v.titles.find((t) => name.endsWith(t));
  if (title) return v.surnames.some((s) => name === s + title);
  // 「全车间」「全厂」「所有车间」 say how far something reaches, and 「机加车间」 names a unit: neither is a person.
  if (v.scopeReplies.some((w) => name.startsWith(w)) || v.unitNameEndings.some((w) => name.endsWith(w))) return false;
  // The word must be the whole reply or be followed by at least two more characters, so 周一围 stays a name.
  if (v.notNames.some((w) => name.startsWith(w) && name.length !== w.length + 1)) return false;
  // A transliterated name without its 「·」 need not open with a surname (扎西顿珠, 阿不都热合曼).
  if (/^\p{Script=Han}{3,8}$/u.test(name) && v.transliterationStarts.some((s) => name.startsWith(s) && name.length > s.length)) return true;
  if (LONG_HAN_NAME.test(name) || !PERSON_NAME.test(name)) return false;
  const surnames = v.surnames;
  if (!surnames.length) return true;
  return surnames.some((s) => name.startsWith(s) && name.length > s.length);
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 「小孙」「老王」: how a person is called by surname, with 小, 老 or 阿 before it. */
const FAMILIAR = /^[小老阿](\p{Script=Han}{1,2})$/u;

/**
 * 「联系人小孙，孙丽娜」: a familiar form of a surname said beside the full name that has that surname is how the speaker
 * calls the person, not another piece of the answer; the full name is the one the form takes.
 */
function familiarFormOf(kb: FormsKnowledge, piece: string, pieces: string[]): boolean {
  const surname = FAMILIAR.exec(piece)?.[1];
  if (!surname || !kb.formQuestions.vocabulary.surnames.includes(surname)) return false;
  return pieces.some((p) => p !== piece && p.startsWith(surname) && isPersonName(kb, p));
}

/**
 * A name question answered with the person's name and more (「王建国 办公室主任」, 「王建国，13803950000」):
 * the name, and each further piece in the same person's own field, a job title by the word it ends with
 * (form-questions.json `vocabulary.titles`), a mobile or a landline by its shape. A piece it cannot
 * place (「王建国 很忙」) has the whole reply asked back, so nothing lands in the wrong cell.
 */
/** A name and the post its person holds, in one piece: 「王建国是生产部部长」, 「李振华任办公室主任」. */
const POST_HELD = /^([\p{Script=Han}·]{2,5}?)(?:是|任|担任|现任|系)(.+)$/u;
/** Words that lead to a post said after a name: 「他是…」, 「我们…」, 「公司的…」. */
const POST_LEAD = /^(?:(?:他|她|此人|本人)?(?:是|任|担任|现任|系)|(?:我们|我司|公司|本公司|单位)的?)/u;

function personAndMore(kb: FormsKnowledge, c: Concrete, value: string): (Interpretation & { kind: 'answers' }) | { kind: 'unclear'; reason: 'notAnAnswer' } | undefined {
  const who = /^(form\.(?:contact|leader))\.name$/.exec(c.id)?.[1];
  if (!who) return undefined;
  // A title in brackets after the name (「王建国（办公室主任）」) is a further piece like one after a comma.
  const pieces = value.split(/[\s，,、；;（）()]+/).filter(Boolean);
  const kept = pieces.filter((p) => !familiarFormOf(kb, p, pieces));
  const [first, ...after] = kept;
  const titles = kb.formQuestions.vocabulary.titles;
  // 「董事长李振华」「办公室主任孙丽」: the post said before the name (up to a title word) is a further piece too, as if it
  // followed the name.
  const cut = first && !isPersonName(kb, first) ? [...first].findIndex((_ch, i) => i > 0 && titles.some((w) => first.slice(0, i).endsWith(w)) && isPersonName(kb, first.slice(i))) : -1;
  // 「王建国是生产部部长」「王建国任办公室主任」: the name, a verb of holding, and the post, said in one piece.
  const holds = first && cut <= 0 && !isPersonName(kb, first) ? POST_HELD.exec(first) : null;
  const held = holds && isPersonName(kb, holds[1]!) && titles.some((w) => holds[2]!.endsWith(w)) ? holds : null;
  const before = cut > 0 ? first!.slice(0, cut) : held ? held[2] : undefined;
  const name = held ? held[1] : before ? first!.slice(before.length) : first;
  const rest = before ? [before, ...after] : after;
  if (!name || !(rest.length || kept.length < pieces.length) || !isPersonName(kb, name)) return undefined;
  const items: { questionId: string; value: string; extra?: true }[] = [{ questionId: c.id, value: nameAsStored(name) }];
  for (const said of rest) {
    const bare = said.replace(PHONE_WORD, '');
    // 「他是生产部部长」「我们生产部部长」: the post without the words that lead to it.
    const post = bare.replace(POST_LEAD, '');
    const piece = post !== bare && titles.some((w) => post.endsWith(w)) ? post : bare;
    const field = MOBILE.test(piece) ? (findQuestion(kb, `${who}.mobile`) ? 'mobile' : 'phone')
      : LANDLINE.test(piece) ? 'phone'
      : EMAIL.test(piece) ? 'email'
      : titles.some((w) => piece.endsWith(w)) ? 'title'
      : undefined;
    const id = field && `${who}.${field}`;
    // 「董事长，高级工程师」: a field that holds several items (职务和职称) takes each post said, in the order said.
    const held = id ? items.find((i) => i.questionId === id) : undefined;
    if (held && id && findQuestion(kb, id)?.q.items) {
      held.value = `${held.value}、${piece}`;
      continue;
    }
    if (!id || !findQuestion(kb, id) || held) return { kind: 'unclear', reason: 'notAnAnswer' };
    // Each further piece fills a field that was not asked: it must not overwrite one already answered.
    items.push({ questionId: id, value: piece, extra: true });
  }
  return { kind: 'answers', items };
}

/**
 * A post question (联系人职务) answered with the person's name or phone instead of, or beside, the post (「联系人王敏，电话
 * 138…」, 「王敏 13812345678」, 「王敏」): the name and the phone go to the fields of the same person, said in passing
 * (so the chat fills them only while empty and asks the post again), and a post said with them is the asked field's.
 * A name or a phone is never stored as a post. Undefined when the reply names no person and no phone: read as a post.
 */
function postAndMore(kb: FormsKnowledge, c: Concrete, value: string): Interpretation | undefined {
  const who = /^(form\.(?:contact|leader))\.[^.]+$/u.exec(c.id)?.[1];
  if (!who) return undefined;
  const v = kb.formQuestions.vocabulary;
  const personWords = [...(findQuestion(kb, `${who}.name`)?.q.saidAs ?? []), labelOf(c).replace(/职务.*$/u, '')].filter(Boolean).sort((a, b) => b.length - a.length);
  const isPost = (x: string) => [...v.titles, ...v.postEnds].some((w) => x.endsWith(w));
  const items: { questionId: string; value: string; extra?: true }[] = [];
  const posts: string[] = [];
  let other = false;
  let addressed = false;
  const pieces = phonesAsStored(value).split(/[\s，,、；;]+/u).filter(Boolean);
  for (const said of pieces) {
    const piece = said.replace(PHONE_WORD, '');
    const phone = MOBILE.test(piece) ? (findQuestion(kb, `${who}.mobile`) ? 'mobile' : 'phone') : LANDLINE.test(piece) ? 'phone' : EMAIL.test(piece) ? 'email' : undefined;
    if (phone) {
      items.push({ questionId: `${who}.${phone}`, value: piece, extra: true });
      other = true;
      continue;
    }
    const lead = personWords.find((w) => piece.startsWith(w) && piece.length > w.length);
    const name = (lead ? piece.slice(lead.length) : piece).replace(/^[是叫为：:]/u, '');
    // 「王经理」 to the post: a person addressed by surname and title. The title is the post; the surname alone is no
    // name the form can print, so the name is left to its own question.
    const title = titleAddressed(v, name);
    if (title) {
      posts.push(title);
      addressed = true;
      continue;
    }
    // 「王主任」 names the person by a post: the name's, never the post's; the post is asked again.
    if ((!isPost(name) || addressedAs(v, name)) && isPersonName(kb, name)) {
      items.push({ questionId: `${who}.name`, value: nameAsStored(name), extra: true });
      other = true;
      continue;
    }
    posts.push(said);
  }
  if (!other && !addressed) return undefined;
  // A field said twice (two names, two phones) cannot be told apart: the reply is asked back whole.
  const ids = items.map((i) => i.questionId);
  if (new Set(ids).size !== ids.length || ids.some((id) => !findQuestion(kb, id))) return { kind: 'unclear', reason: 'notAnAnswer' };
  const own = posts.join('，');
  if (own && posts.every(isPost) && own.length <= (c.q.maxLength ?? Infinity)) items.unshift({ questionId: c.id, value: c.q.items ? posts.join('、') : own });
  return { kind: 'answers', items };
}

/**
 * A part of a year said instead of its month (「2019年底」「18年年底」「2021年初」「2020年年中」「2022年上半年」): the month it
 * names at a date question's precision. 底, 末 and 终 name December, which is what they mean; 初, 中 and a half year
 * name a span of months, so their month is only the nearest reading, approximate, to be given exactly. The part must
 * close the phrase or be followed by what happened then (启动, 完成): 「2020年中国市场」 names no month.
 */
const PART_OF_YEAR = /(?<![\d〇零一二三四五六七八九])(\d{4}|\d{2}|[〇零一二三四五六七八九]{2}|[〇零一二三四五六七八九]{4})\s*年\s*(?:的)?\s*(年底|年末|年终|底|末|年初|初|年中|中|上半年|前半年|下半年|后半年)(?=$|[\s，,。.；;！!、）)]|开始|启动|完成|建成|竣工|投产|上线|左右|前后|的|了|吧|啊)/u;
const PART_MONTH: Record<string, { month: string; approx: boolean }> = {
  底: { month: '12', approx: false }, 末: { month: '12', approx: false }, 终: { month: '12', approx: false },
  初: { month: '01', approx: true }, 中: { month: '06', approx: true },
  上半年: { month: '06', approx: true }, 前半年: { month: '06', approx: true }, 下半年: { month: '12', approx: true }, 后半年: { month: '12', approx: true },
};
export function partOfYear(text: string): { value: string; approx: boolean } | undefined {
  const m = PART_OF_YEAR.exec(text);
  if (!m) return undefined;
  const digits = [...m[1]!].map((c) => YEAR_DIGIT[c] ?? c).join('');
  const year = digits.length === 2 ? fullYear(Number(digits), new Date().getFullYear()) : Number(digits);
  const part = PART_MONTH[m[2]!.replace(/^年(?=[底末终初中])/u, '')];
  return part ? { value: `${year}-${part.month}`, approx: part.approx } : undefined;
}

/** A year with no month after it (「2015年」, 「15年成立的」): what a date question is not answered by. */
/** A reply of a year's four digits alone (「2020」): the year of the date asked, whose month is missing. */
const BARE_YEAR = /^(?:19|20)\d{2}$/u;
const YEAR_ONLY = /(?<!\d)(?:\d{4}|\d{2})\s*年(?!\s*\d{1,2}\s*月)/u;

/** Facts of a list field (products, honours, a workshop's lines): read item by item, not as prose. */
const LIST_FACT = /^(?:products|honours|workshops\.\d+\.lines)$/;

/**
 * Whether a reply to this question is read for other fields stated in passing. Not a narrative's: its
 * figures (「2015年员工200人」) belong to the story it tells, and the draft quotes it as written. Not a
 * choice's either: the gate's reply is a yes or a no.
 */
const readsPassing = (c: Concrete) => (c.q.kind === 'text' ? c.q.maxLength !== undefined || LIST_FACT.test(c.fact) : c.q.kind === 'number' || c.q.kind === 'date');

/** A question's id without its last part (form.contact, form.finance.2022): the person or year its near words speak of. */
const scopeOf = (id: string) => {
  const parts = id.split('.');
  return parts.length >= 3 ? parts.slice(0, -1).join('.') : undefined;
};

/** Words that may open a piece said in passing before the field's name (「另外联系电话…」, 「我们的员工…」, 「现有职工…」). */
const PASSING_LEAD = /^(?:(?:另外|还有|以及|其中|现在|目前|我们的?|我的|本单位的?|企业的?|公司的?)(?:现有)?|现有)/;
/**
 * Where a count is said to be (「车间里一共一百二十台设备」) ahead of the count's words, in a reply to a field that is not
 * a count: no part of its name. At a count's own question 「全车间一共」 says the whole, and is read as such there.
 */
const PLACE_LEAD = /^(?:车间|厂区|厂)(?:里面?|里头|内)的?/u;
/** A figure opens the value of a number field named in passing: 「员工420人」, 「注册资本约五千万」. */
const FIGURE_START = /^(?:约|大约|大概|将近|接近|近|共|共有|有|达)?\s*[\d零〇一二两三四五六七八九十百千]/;
/** A yearly figure word followed by a share (「营收占比60%」) is a product's share, not the year's figure. */
const SHARE_WORDS = /[%％]|百分之|占|比例|比重|[一二三四五六七八九]成/;

/**
 * A reply cut into pieces at commas, semicolons, full stops, line breaks and spaces, each with the
 * separator before it, so that what is not taken can be put back as typed. A separator inside brackets,
 * a comma between digits (3,200) and a space between digits (0371 6666 7777) belong to the piece.
 */
function replyPieces(text: string): { sep: string; text: string }[] {
  const out: { sep: string; text: string }[] = [];
  let depth = 0;
  let sep = '';
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    const between = /[\d\-]/.test(text[i - 1] ?? '') && /[\d\-]/.test(text[i + 1] ?? '');
    const cut = depth === 0 && (/[；;。\n]/.test(ch) || (/[，,\s]/.test(ch) && !between));
    if (cut) {
      if (cur) out.push({ sep, text: cur });
      if (cur) sep = '';
      cur = '';
      sep += ch;
    } else cur += ch;
  }
  if (cur) out.push({ sep, text: cur });
  return out;
}

interface SaidAs { word: string; id: string }

/** The words that name a field in a reply to `c`, longest first: every field's `saidAs`, and the `nearSaidAs` of its own person or year. */
function namesFor(kb: FormsKnowledge, c: Concrete, near = scopeOf(c.id)): SaidAs[] {
  const out: SaidAs[] = [];
  // A workshop's figures said beside each other (「一共150台套，自动化的120台」) are that workshop's: its other counts
  // are named by their near words in a reply to one of them. Its lines and name are a list and a name, not read so.
  const ws = /^form\.ws\.(\d+)$/u.exec(near ?? '')?.[1];
  for (const q of kb.formQuestions.questions) {
    if (q.repeat === 'workshop' && ws && q.kind === 'number') for (const word of q.nearSaidAs ?? []) out.push({ word, id: q.id.replace('{i}', ws) });
    // 「车间名称改成…」「车间叫…」 at any question: the workshop asked about, else the first (a 智能车间's one workshop).
    if (q.repeat === 'workshop') for (const word of q.saidAs ?? []) out.push({ word, id: q.id.replace('{i}', ws ?? '1') });
    if (q.repeat || q.perElementCell) continue;
    // A word the asked question uses itself (地址 to 「申报的车间/工厂地址？」) speaks of the asked field, not of another.
    for (const word of q.saidAs ?? []) if (q.id === c.q.id || !c.text.includes(word)) out.push({ word, id: q.id });
    if (near && scopeOf(q.id) === near) for (const word of q.nearSaidAs ?? []) out.push({ word, id: q.id });
  }
  return out.sort((a, b) => b.word.length - a.word.length);
}

/** The field a piece opens by naming (「电话13837112345」, 「邮箱：wl@abc.com」), with what follows the name. */
function namedIn(piece: string, names: SaidAs[], placed = false): { id: string; value: string } | undefined {
  // 「22年营业收入」 names the year its knowledge words spell in full (2022年营业收入).
  const fullYears = (x: string) => x.replace(/^(\d{2})(?=\s*年)/u, (yy) => String(fullYear(Number(yy), new Date().getFullYear())));
  for (const text of [piece, piece.replace(PASSING_LEAD, ''), ...(placed ? [piece.replace(PLACE_LEAD, '')] : [])].flatMap((x) => (fullYears(x) === x ? [x] : [x, fullYears(x)]))) {
    const lower = text.toLowerCase();
    const n = names.find((x) => lower.startsWith(x.word.toLowerCase()));
    if (n) return { id: n.id, value: text.slice(n.word.length).replace(/^\s*(?:是|为|在|：|:)?\s*/, '') };
  }
  return undefined;
}

/** A piece whose value comes before the words naming its field (「2009年3月成立的」): that field and the value. */
function saidAfterIn(kb: FormsKnowledge, c: Concrete, piece: string): { id: string; value: string } | undefined {
  for (const q of kb.formQuestions.questions) {
    if (q.repeat || q.perElementCell || q.id === c.id) continue;
    for (const word of q.saidAfter ?? []) {
      const m = new RegExp(`^(.+?)\\s*${escape(word)}[的了]?$`, 'u').exec(piece);
      if (m) return { id: q.id, value: m[1]!.replace(/^(?:是|在|于)/u, '').trim() };
    }
  }
  return undefined;
}

/** The value of a field named in passing, read as its own question reads it; undefined when it does not read as one. */
function passingValue(kb: FormsKnowledge, id: string, said: string): { value: AnswerValue; approx?: true } | undefined {
  const q = findQuestion(kb, id);
  if (!q || !said) return undefined;
  if (q.q.kind === 'number') {
    if (!FIGURE_START.test(said)) return undefined;
    // A figure said in passing of another body (集团, 母公司) is not the enterprise's.
    if (ownFigure(kb.formQuestions.vocabulary, said) !== said) return undefined;
    const n = readFigure(kb, id, said);
    // A bare decimal in a percentage may be either figure, and a figure may be for another span or read two ways by
    // its 万: none is taken in passing, so none is guessed.
    if (n?.kind === 'ask' || n?.typed !== undefined) return undefined;
    return n ? { value: n.value, ...(n.approx ? { approx: true as const } : {}) } : undefined;
  }
  if (q.q.kind === 'date') {
    const d = parseDate(said);
    if (d) return { value: d };
    const part = partOfYear(said);
    return part ? { value: part.value, ...(part.approx ? { approx: true as const } : {}) } : undefined;
  }
  if (q.q.kind !== 'text') return undefined;
  // A person's name named in passing is taken only when it reads as a full name: 「联系人很忙」 names no one, and
  // 「联系人是王经理」 only how the person is addressed.
  if (/^form\.(?:contact|leader)\.name$/.test(id)) return isPersonName(kb, said) && !titleAddressed(kb.formQuestions.vocabulary, said) ? { value: nameAsStored(said) } : undefined;
  // So is a workshop's or a factory's name only when it ends as one does (…总装车间): 「车间叫啥来着」 names none.
  if (/^(?:project|workshops\.(?:\d+|\{i\}))\.name$/u.test(q.fact)) return kb.formQuestions.vocabulary.unitNameEndings.some((w) => said.endsWith(w)) && !countOnly(kb.formQuestions.vocabulary, said) ? { value: said } : undefined;
  return { value: said };
}

/**
 * The facts a reply states in passing for fields other than the one asked: a piece that names a field
 * by its words (knowledge `saidAs`, `nearSaidAs`) followed by a value read as that field's own question
 * reads it. A yearly figure without its year and a thing the form does not ask for are taken out and
 * noted, so they are neither recorded nor mixed into the asked field. `rest` is what is left for the
 * asked field, as typed; a piece naming the asked field itself keeps only its value there.
 */
/** A yearly figure's fact (finance.2022.revenue): the year of the table's column and what the row counts. */
const YEARLY_FACT = /^finance\.(\d{4})\.(\w+)$/u;

/** The years of the form's 近三年主要经济指标 table, as a list to say (「2020、2021、2022」). */
/**
 * The words that read back the calendar year a yearly figure said with a relative year (「去年营收1.2亿」) was stored
 * as: the form's columns are the notice's years, so 去年 is counted from the notice's year (2022 in the 2023 notice),
 * and the reply says so beside the year the day of speaking (`today`, YYYY-MM-DD) would give. Undefined where the reply
 * names no relative year, or none of the years it names is one of the yearly figures recorded (`recorded`: their ids).
 */
export function figureYearEcho(kb: FormsKnowledge, text: string, recorded: readonly string[], today: string): string | undefined {
  const notice = noticeYear(kb);
  const tpl = kb.formQuestions.messages.relativeFigureYear;
  const words = kb.formQuestions.vocabulary.relativeYears;
  const spoken = Number(/^(\d{4})-/u.exec(today)?.[1]);
  if (notice === undefined || !tpl || !Number.isFinite(spoken)) return undefined;
  const stored = new Set(recorded.map((id) => YEARLY_FACT.exec(findQuestion(kb, id)?.fact ?? '')?.[1]).filter((y) => y !== undefined));
  const said = yearsSaid(text, notice, words).filter((y) => y.said in words && stored.has(String(y.year)));
  const once = [...new Map(said.map((y) => [y.said, y])).values()];
  if (!once.length) return undefined;
  // 「去年营收二点一亿，前年一点八亿」: the years are said back in one sentence, each named, not one sentence a year.
  const several = kb.formQuestions.messages.relativeFigureYears;
  const { relativeFigureYearPair: pair, relativeFigureYearSaid: quoted } = kb.formQuestions.messages;
  if (once.length === 1 || !several || !pair || !quoted) return once.map((y) => fill(tpl, { said: y.said, year: y.year, notice, today: spoken + words[y.said]! })).join('');
  return fill(several, {
    saids: once.map((y) => fill(quoted, { said: y.said })).join('、'),
    years: once.map((y) => `${y.year}年`).join('、'),
    pairs: once.map((y) => fill(pair, { said: y.said, year: y.year })).join('、'),
    notice,
    todays: once.map((y) => `${spoken + words[y.said]!}年`).join('、'),
  });
}

function tableYears(kb: FormsKnowledge): number[] {
  return factCheckFormOf(kb).years.map(Number);
}

/** The note for a yearly figure of a year the form's table has no column for: the year said and the years it has. */
function otherYearNote(kb: FormsKnowledge, said: string, year: number): PassingNote {
  return { said, reason: 'otherYear', year, years: tableYears(kb).join('、') };
}

/** Words before a year that make it the year compared with (「比2021年多两千万」「跟21年差不多」), not the figure's own. */
const COMPARED = /(?:比|较|相比|对比|同比|环比|跟|和|与|同)\s*$/u;

/** One year's figure in a reply: the year, the words left for its figure, and its field (none: a year the table has not). */
interface YearPart {
  year: number;
  rest: string;
  target?: Concrete;
}

/**
 * A yearly figure said with a year other than the asked field's (「2021年一点二亿」「前年一点二亿」 where 2022年营业收入
 * is asked), or figures of several years in one reply (「2021年1.1亿，2022年1.2亿」): each figure is its own year's,
 * never the asked year's. A part's `target` is the field of its year that its words point at (the asked row's by
 * default, 「2021年的利润是…」 the profit's), or none when the table has no column for the year (今年, 2019年).
 * `parts` is empty when the years cannot be told apart from the figures, so the reply is asked back. Undefined when
 * the reply names no year but the asked one, or names a year only to compare with it and gives a figure of its own.
 */
function yearlyFigures(kb: FormsKnowledge, c: Concrete, text: string): { said: string; parts: YearPart[]; count?: number } | undefined {
  const m = YEARLY_FACT.exec(c.fact);
  const now = noticeYear(kb);
  if (!m || c.q.kind !== 'number' || now === undefined) return undefined;
  const series = seriesFigures(kb, m[2]!, text, now);
  if (series) return series;
  const named = yearsSaid(text, now, kb.formQuestions.vocabulary.relativeYears);
  if (!named.length) return undefined;
  const said = clipQuote(text, 30);
  const blank = (t: string, ys: typeof named) => ys.reduce((x, y) => x.split(y.said).join(' '), t);
  const own = named.filter((y) => !COMPARED.test(text.slice(0, y.at)));
  // 「比2021年多两千万」 with a figure of its own is the asked year's; 「跟21年差不多」 with none says no figure.
  if (!own.length) return parseNumber(blank(text, named)) !== undefined ? undefined : { said, parts: [] };
  const years = [...new Set(own.map((y) => y.year))];
  if (years.length === 1 && years[0] === Number(m[1])) return undefined;
  const lead = (t: string) => t.replace(/^[\s的是为：:，,、；;]+|[\s，,、；;。]+$/gu, '');
  let pieces: { year: number; rest: string }[];
  // 「1200万，2022年1300万」 to 2021年税金: the figure before the one year named, with no year of its own, is the asked
  // year's, and the figure after it that year's.
  const asked = own.length === 1 ? lead(text.slice(0, own[0]!.at)) : '';
  const then = own.length === 1 ? lead(text.slice(own[0]!.at + own[0]!.said.length)) : '';
  if (asked && then && parseNumber(asked) !== undefined && parseNumber(then) !== undefined) pieces = [{ year: Number(m[1]), rest: asked }, { year: years[0]!, rest: then }];
  else if (years.length === 1) pieces = [{ year: years[0]!, rest: lead(blank(text, named)) }];
  else {
    // Each year with the words after it up to the next year (「2021年1.1亿，2022年1.2亿」), or before it from the
    // last one (「1.1亿是2021年的，1.2亿是2022年的」): whichever gives every year a figure.
    const after = own.map((y, i) => ({ year: y.year, rest: lead(text.slice(y.at + y.said.length, own[i + 1]?.at ?? text.length)) }));
    const before = own.map((y, i) => ({ year: y.year, rest: lead(text.slice(i ? own[i - 1]!.at + own[i - 1]!.said.length : 0, y.at)) }));
    const figured = (ps: typeof after) => ps.every((p) => parseNumber(p.rest) !== undefined);
    pieces = figured(after) ? after : figured(before) ? before : [];
    // 「1200万，2021年1000万，2020年1000万」 to 2022年税金: a figure before the first year, with no year of its own, is the asked year's.
    const first = lead(text.slice(0, own[0]!.at));
    if (pieces === after && !years.includes(Number(m[1])) && first && parseNumber(first) !== undefined) pieces = [{ year: Number(m[1]), rest: first }, ...pieces];
    if (!pieces.length || new Set(pieces.map((p) => p.year)).size !== pieces.length) return { said, parts: [] };
  }
  const parts = pieces.map(({ year, rest }) => yearPart(kb, m[2]!, year, rest, rest));
  return { said, parts };
}

/**
 * A year's figure placed in its row: the row the words name (营收, 利润, 总资产), longest word first, or the asked row
 * (`askedRow`, the fact's last part) when they name none; no target when the table has no column for the year.
 */
function yearPart(kb: FormsKnowledge, askedRow: string, year: number, rest: string, words: string): YearPart {
  if (!tableYears(kb).includes(year)) return { year, rest };
  const rows = kb.formQuestions.questions.filter((q) => q.fact.startsWith(`finance.${year}.`));
  let row = rows.find((q) => q.fact === `finance.${year}.${askedRow}`);
  let best = 0;
  for (const q of rows) for (const w of q.nearSaidAs ?? []) if (w.length > best && words.includes(w)) [row, best] = [q, w.length];
  const target = row && findQuestion(kb, row.id);
  return { year, rest, ...(target ? { target } : {}) };
}

/** The row of a year that a run's words name (「负债」 for 总负债: a row's word without its 总 too), or undefined. */
function rowNamed(kb: FormsKnowledge, year: number, words: string): string | undefined {
  let row: string | undefined;
  let best = 0;
  for (const q of kb.formQuestions.questions.filter((x) => x.fact.startsWith(`finance.${year}.`))) {
    for (const w of (q.nearSaidAs ?? []).flatMap((x) => [x, x.replace(/^总/u, '')]).filter((x) => x.length >= 2)) {
      if (w.length > best && words.includes(w)) [row, best] = [q.fact.slice(`finance.${year}.`.length), w.length];
    }
  }
  return row;
}

/**
 * 「2020到2022年总资产分别是3.2亿、3.6亿、4.1亿，负债1.5亿、1.7亿、1.9亿」: figures said for a series of years (a range
 * or a list, yearSeries) go to those years in order, one run of figures at a time, each run to the row its words name.
 * A run that holds as many figures as the series has years is read; any other count (「利润850万」 after three years)
 * cannot be placed, so nothing is placed and the reply is asked back (empty `parts`). The series' own years are never
 * figures. Undefined when the reply names no series.
 */
function seriesFigures(kb: FormsKnowledge, askedRow: string, text: string, now: number): { said: string; parts: YearPart[]; count?: number } | undefined {
  const series = yearSeries(text, now);
  if (!series) return undefined;
  const said = series.said.trim();
  const after = text.slice(series.end);
  const figures = findQuantities(after.toLowerCase());
  if (!figures.length) return undefined;
  // Runs of figures joined only by 、 ， 和 (「3.2亿、3.6亿、4.1亿」); the words before a run name its row.
  const runs: { words: string; figures: string[] }[] = [];
  let from = 0;
  for (const f of figures) {
    const gap = after.slice(from, f.index);
    const last = runs[runs.length - 1];
    if (last && JOINED.test(gap)) last.figures.push(f.text);
    else runs.push({ words: gap, figures: [f.text] });
    from = f.index + f.text.length;
  }
  if (runs.some((r) => r.figures.length !== series.years.length)) return { said, parts: [], count: series.years.length };
  // Each run's row: the one its words name, or the asked row for a first run that names none (「2020到2022年分别是…」
  // to 总资产). A later run that names none, or two runs naming one row, cannot be placed.
  const rows = runs.map((r, i) => rowNamed(kb, series.years[0]!, r.words) ?? (i === 0 ? askedRow : undefined));
  if (rows.some((r) => r === undefined) || new Set(rows).size !== rows.length) return { said, parts: [], count: series.years.length };
  return { said, parts: runs.flatMap((r, ri) => r.figures.map((figure, i) => yearPart(kb, rows[ri]!, series.years[i]!, figure, ''))) };
}

/** What may stand between two figures of one run: a pause or 和, nothing that names another row. */
const JOINED = /^[\s、，,和及与]*$/u;

/** Words before a figure that place it in a year relative to now (去年, 前年, 本年度), not the year asked. */
const RELATIVE_YEAR = /[去前今本上]/u;

type PassingItem = { questionId: string; value: AnswerValue; approx?: true; extra: true; adds?: true; said?: string };
function passingFacts(kb: FormsKnowledge, c: Concrete, text: string): { items: PassingItem[]; notes: PassingNote[]; rest: string; yearScope?: string } {
  const v = kb.formQuestions.vocabulary;
  const asked = namesFor(kb, c);
  // A person named in passing (「联系人是王建国」) is who the pieces after it speak of: 「手机138…」 is that person's mobile.
  let person: string | undefined;
  let names = asked;
  const yearless = v.yearlessFigures.length
    ? new RegExp(`^(?:${anyOf(v.yearlessBefore)})?(?:${anyOf(v.yearlessFigures)})`)
    : undefined;
  const notOnForm = v.notOnForm.length ? new RegExp(`^(?:${anyOf(v.notOnForm)})`) : undefined;
  // 「有效专利八十七项其中发明二十一项」: 其中 opens a part of the figure before it, said as a piece of its own.
  const year = noticeYear(kb);
  // 「营收前年四亿三」: a figure's name said before its year is read as if the year came first (「前年营收四亿三」).
  const pieces = replyPieces(text.replace(/(?<=[^\s，,；;。])(?=其中)/gu, ' ')).map((p) => (year === undefined ? p : { ...p, text: yearBeforeFigure(p.text, v.yearlessFigures, year, v.relativeYears) }));
  const series = year === undefined ? undefined : yearSeries(text, year);
  const items: PassingItem[] = [];
  const notes: PassingNote[] = [];
  const kept: { sep: string; text: string }[] = [];
  // The year of another column a yearly figure was said for, while nothing of the reply is kept before it: what the reply
  // says after it of the asked row (「营收前年四亿三，亏了八百万」 to 2020's profit) is that year's too.
  let otherYear: string | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    // 「研发投入2021年800万，2022年1000万」: a fact the form has no cell for, which a story's field takes whole, with
    // the pieces that go on with its years; words and figures are kept as said.
    const story = storyTaking(kb, p.text.replace(PASSING_LEAD, ''));
    if (story && story !== c.id) {
      let said = p.text;
      let used = 1;
      for (; i + used < pieces.length && SERIES_GOES_ON.test(pieces[i + used]!.text) && !namedIn(pieces[i + used]!.text, names); used++) said += pieces[i + used]!.sep + pieces[i + used]!.text;
      if (!items.some((x) => x.questionId === story)) items.push({ questionId: story, value: said, extra: true, adds: true });
      i += used - 1;
      continue;
    }
    // A name alone with its value in the next piece (「电话 13837112345」) is read as one.
    const withNext = (value: string) => (value === '' && i + 1 < pieces.length ? { value: pieces[i + 1]!.text, used: 2 } : { value, used: 1 });
    // 「去年营业收入一点二亿」: a year said relative to the notice's names the form's year it is (2022年营业收入).
    const dated = year === undefined ? p.text : absoluteYears(p.text, year, v.relativeYears);
    const named = (dated !== p.text ? namedIn(dated, names) : undefined) ?? namedIn(p.text, names, c.q.kind === 'text');
    // 「2020到2022年总资产分别是…，营收2.8亿、3.3亿、3.9亿」: a yearly figure after a series of years is one of that
    // series' years (seriesFigures places it), never the asked year's row said in passing.
    if (named && series && named.id.startsWith('form.finance.')) {
      kept.push(p);
      continue;
    }
    if (named) {
      const { value, used } = withNext(named.value);
      // The asked field's own name is dropped only before a value that reads as one: 「联系人很忙」 stays as typed.
      if (named.id === c.id) {
        // The asked field named in full (「2021年利润…」) is its own year's, whatever year went before.
        otherYear = undefined;
        if (passingValue(kb, c.id, value)) {
          kept.push({ sep: p.sep, text: value });
          i += used - 1;
          continue;
        }
        kept.push(p);
        continue;
      }
      const read = passingValue(kb, named.id, value);
      if (read && !items.some((x) => x.questionId === named.id)) {
        // A round figure keeps the words it was given in, not the whole reply's, so that its mark reads as that figure.
        const said = used === 2 ? `${p.text} ${value}` : p.text;
        items.push({ questionId: named.id, ...read, extra: true, ...(read.approx ? { said } : {}) });
        i += used - 1;
        const who = /^(form\.(?:contact|leader))\.name$/u.exec(named.id)?.[1];
        if (who && who !== scopeOf(c.id)) {
          person = who;
          names = namesFor(kb, c, who);
        }
        // 「2022年营收4.6亿，利润3200万，税金1800万」: the year said with one figure is the year of those after it that name
        // only what they count, not the asked year.
        const yearScope = /^form\.finance\.\d{4}\./u.test(named.id) ? scopeOf(named.id) : undefined;
        if (yearScope && yearScope !== scopeOf(c.id)) names = namesFor(kb, c, yearScope);
        if (yearScope && !kept.length) otherYear = yearScope !== scopeOf(c.id) ? yearScope : undefined;
        continue;
      }
    }
    // 「联系人王建国，13838011234」: a number alone after the person is theirs, a mobile or a landline by its shape.
    const number = person ? p.text.replace(PHONE_WORD, '') : '';
    const field = number && (MOBILE.test(number) ? (findQuestion(kb, `${person}.mobile`) ? 'mobile' : 'phone') : LANDLINE.test(number) ? 'phone' : undefined);
    if (field && !items.some((x) => x.questionId === `${person}.${field}`)) {
      items.push({ questionId: `${person}.${field}`, value: number, extra: true });
      continue;
    }
    const bare = p.text.replace(PASSING_LEAD, '');
    const after = saidAfterIn(kb, c, bare);
    if (after && !items.some((x) => x.questionId === after.id)) {
      const read = passingValue(kb, after.id, after.value);
      if (read) {
        items.push({ questionId: after.id, ...read, extra: true, ...(read.approx ? { said: p.text } : {}) });
        continue;
      }
    }
    // 「…88号，注册资本五千万，民营企业」: a piece that is wholly one of another field's listed names is that field's.
    const choice = listedNameIn(kb, c, bare);
    if (choice && !items.some((x) => x.questionId === choice.id)) {
      items.push({ questionId: choice.id, value: choice.value, extra: true });
      continue;
    }
    // 「也没有传真」 beside a contact's numbers: a none of a field whose none is an answer (传真: 无) is that answer.
    const noneField = noneAnswerIn(kb, bare);
    if (noneField && noneField.id !== c.id) {
      if (!items.some((x) => x.questionId === noneField.id)) items.push({ questionId: noneField.id, value: noneField.value, extra: true });
      continue;
    }
    // 「没有邮编」 beside a contact's numbers: a none of a thing the form has no cell for says nothing to record.
    const noneOf = /^(?:也|还|都)?(?:没有|没|无|暂无)/u.exec(bare);
    if (noneOf && notOnForm?.test(bare.slice(noneOf[0].length))) continue;
    if (notOnForm?.test(bare)) {
      const { value, used } = withNext(bare.replace(notOnForm, '').replace(/^\s*(?:是|为|：|:)?\s*/, ''));
      notes.push({ said: used === 2 ? `${p.text} ${value}` : p.text, reason: 'notOnForm' });
      i += used - 1;
      continue;
    }
    // 「今年营收两个亿」「2019年营收八千万」: a yearly figure of a year the table has no column for is recorded nowhere,
    // and the note names the years the form asks.
    const yearNamed = year === undefined ? [] : yearsSaid(bare, year, v.relativeYears);
    if (yearless && yearNamed.length === 1 && !tableYears(kb).includes(yearNamed[0]!.year)) {
      const without = bare.split(yearNamed[0]!.said).join('').replace(/^[\s的]+/u, '');
      if (yearless.test(without) && parseNumber(without.replace(yearless, '')) !== undefined) {
        notes.push(otherYearNote(kb, p.text, yearNamed[0]!.year));
        continue;
      }
    }
    if (yearless?.test(bare) && !SHARE_WORDS.test(bare) && parseNumber(bare.replace(yearless, '')) !== undefined) {
      // 「全年营收3200万」 to the 2022 revenue question: the year is the asked one, so the figure is its answer.
      // A relative year (去年, 前年) names a year of its own, which this reading cannot place: it stays a note.
      const lead = v.yearlessBefore.find((w) => bare.startsWith(w)) ?? '';
      const figure = bare.match(yearless)![0].slice(lead.length);
      const own = (lead === '' || !RELATIVE_YEAR.test(lead)) && names.some((n) => n.id === c.id && n.word.endsWith(figure));
      if (own && passingValue(kb, c.id, bare.replace(yearless, ''))) {
        kept.push({ sep: p.sep, text: bare.replace(yearless, '') });
        continue;
      }
      notes.push({ said: p.text, reason: 'yearless' });
      continue;
    }
    kept.push(p);
  }
  const rest = kept.map((k, i) => (i === 0 ? '' : k.sep) + k.text).join('');
  // Nothing taken: the reply is read as typed, separators and all.
  return { items, notes, rest: items.length || notes.length || rest !== pieces.map((k, i) => (i === 0 ? '' : k.sep) + k.text).join('') ? rest : text, ...(otherYear ? { yearScope: otherYear } : {}) };
}

/** A piece that goes on with the years of the one before (「2022年1000万」, 「去年1200万」). */
const SERIES_GOES_ON = /^(?:和|及|以及|、)?\s*(?:(?:19|20)?\d{2}\s*年|[去前今]年|大前年)/u;

/** The story field that takes a piece opening with one of its `takesPiecesOn` words (研发投入), if any. */
function storyTaking(kb: FormsKnowledge, piece: string): string | undefined {
  return kb.formQuestions.questions.find((q) => !q.repeat && (q.takesPiecesOn ?? []).some((w) => piece.startsWith(w)))?.id;
}

/**
 * The field of listed names (资本性质) a whole piece of a reply names, and the name it stands for (「民营企业」 is 民营):
 * only the name or an alias alone, after at most a 是 or 属于, so a piece that merely mentions one tells nothing of it.
 */
function listedNameIn(kb: FormsKnowledge, c: Concrete, piece: string): { id: string; value: string } | undefined {
  const w = wholeReply(piece).replace(/^(?:是|为|属于|性质是|性质为)/u, '');
  for (const q of kb.formQuestions.questions) {
    if (q.id === c.q.id || q.repeat || q.perElementCell || !q.named) continue;
    const n = q.named.find((x) => x.name === w || x.aliases.includes(w));
    if (n) return { id: q.id, value: n.name };
  }
  return undefined;
}

/**
 * The form's facts a reply outside the form phase states: an interview reply, a question typed beside it, a correction.
 * Each is read as the form phase reads a fact said in passing (「员工380人」「2009年8月成立的」「去年营收8亿」), and the
 * enterprise's full name and its products are read where the reply names them as its own (「我们是…有限公司」,
 * 「主要生产减速机齿轮」). Every item is `extra`: it fills its field only while the field is unanswered, so the
 * form offers it and does not ask it again.
 */
export function formFactsSaid(kb: FormsKnowledge, text: string): PassingItem[] {
  const gate = findQuestion(kb, GATE);
  if (!gate) return [];
  // 「21、22年营收分别是3.1亿和4.6亿」: the one reader of years said together writes out each year's own figure.
  const year = noticeYear(kb);
  const typed = halfWidthAlnum(text).trim();
  const t = year === undefined ? typed : respectiveYears(typed, year);
  if (!t) return [];
  const items = passingFacts(kb, gate, t).items;
  // 「发展历程再补充一句：…」 with no form question waiting adds to the story it names, replacing nothing.
  const added = addedToStory(kb, t);
  if (added) return [{ ...added, extra: true, adds: true }];
  // 「发展历程写错了，应该是…」 with no form question waiting takes back the field it names, a story's too.
  const fix = correctionOf(kb, gate, t);
  // The correction's reading of its field wins over the same field read in passing (「联系人电话改成138…」 is the number, not 「改成138…」).
  if (fix?.kind === 'answers') for (const i of fix.items) items.splice(0, items.length, ...items.filter((x) => x.questionId !== i.questionId), { ...i, extra: true });
  const v = kb.formQuestions.vocabulary;
  const clauses = t.split(/[，,。；;！!？?\n]+/u).map((c) => c.trim()).filter(Boolean);
  const name = clauses.map((c) => ownNameIn(v, c)).find((x) => x !== undefined);
  if (name && findQuestion(kb, 'form.name') && !items.some((i) => i.questionId === 'form.name')) items.push({ questionId: 'form.name', value: name, extra: true });
  const products = clauses.map((c) => productsIn(v, c)).find((x) => x !== undefined);
  if (products && findQuestion(kb, 'form.products') && !items.some((i) => i.questionId === 'form.products')) items.push({ questionId: 'form.products', value: products, extra: true });
  return items;
}

/**
 * A reply that takes back a story of the form it names (「主营业务改成汽车零部件的研发」「发展历程写错了，应该是…」) or adds
 * to one (「发展历程再补充一句：…」), read alone, whichever question waits: the form's items, none of them the question
 * waiting. Undefined when it names no story or gives no words for it.
 */
export function fieldCorrected(kb: FormsKnowledge, text: string): Interpretation | undefined {
  const gate = findQuestion(kb, GATE);
  const t = halfWidthAlnum(text).trim();
  if (!gate || !t) return undefined;
  const added = addedToStory(kb, t);
  if (added) return { kind: 'answers', items: [{ ...added, extra: true, adds: true }] };
  const fix = correctionOf(kb, gate, t);
  // A story's words (主营业务, 发展历程) are read by no interview question; a figure, a date or an address the interview
  // may hold too (成立时间) is left to the reading of both phases.
  const story = (id: string) => { const q = findQuestion(kb, id); return q?.q.kind === 'text' && q.q.maxLength === undefined; };
  return fix?.kind === 'answers' && fix.items.every((i) => story(i.questionId)) ? fix : undefined;
}

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);

/** A name kept back (「新乡市某化工有限公司」, 「XX机械有限公司」) is no name to print on the form. */
const MASKED_NAME = /某|[xX×＊*]{2}|[○〇]{2}/u;

/**
 * The enterprise's full name a clause gives as the speaker's own: after a lead (「我们是」「我是」) the name, then the
 * clause's end or 的 and who the speaker is (「…有限公司的信息中心主任」); or the clause opens with the name and goes on
 * about it (「…有限公司成立于2009年」), or is the name alone. A name followed by 的子公司 names another body.
 */
function ownNameIn(v: FormVocabulary, clause: string): string | undefined {
  if (!v.nameEndings.length) return undefined;
  const lead = byLength(v.nameLeads).find((w) => clause.startsWith(w));
  const rest = lead ? clause.slice(lead.length).replace(/^(?:是|叫|为)/u, '') : clause;
  const m = new RegExp(`^([\\p{Script=Han}()（）A-Za-z0-9]{2,40}?(?:${anyOf(byLength(v.nameEndings))}))(.*)$`, 'u').exec(rest);
  if (!m) return undefined;
  const [, name, after] = m as unknown as [string, string, string];
  // 「一家机械厂」「做齿轮的厂」 say what kind of enterprise it is, not its name.
  // 「供应商是…有限公司」 says whose name it is before the name: no name of the enterprise's own.
  if (/[的是叫为]|^(?:一家|一个|个|家|做|搞|干)/u.test(name) || MASKED_NAME.test(name) || name.length < 4) return undefined;
  const company = /公司$/u.test(name);
  if (after === '' || /^[的了啊哈吧呀]$/u.test(after)) return lead || company ? name : undefined;
  if (/^的/u.test(after)) return lead && !/^的(?:子公司|分公司|下属|控股|全资|关联|母公司|兄弟|客户|供应商)/u.test(after) ? name : undefined;
  return !lead && byLength(v.nameFollowers).some((w) => after.startsWith(w)) ? name : undefined;
}

/**
 * The products as the form's 主营产品 lists them: a service is none (「再制造及服务」 names the line 再制造), and an item of
 * services alone is left out. A share said of a line and its service together is not the line's own: it is kept as a
 * round one, so the draft asks for the line's figure and quotes the words said.
 */
function productsWithoutServices(kb: FormsKnowledge, products: ReturnType<typeof parseProducts>): ReturnType<typeof parseProducts> {
  const v = kb.formQuestions.vocabulary;
  return products.flatMap((p) => {
    const services = servicesIn(v, p.name);
    if (!services.length) return [p];
    const goods = listedParts(p.name).filter((x) => !services.includes(x));
    if (!goods.length) return [];
    return [{ name: goods.join('、'), ...(p.share !== undefined ? { share: p.share, approx: true as const } : {}) }];
  });
}

/** The items of a list of products, split at its separators and at 及/和/与/以及 between two words. */
function listedParts(text: string): string[] {
  return splitList(text)
    .flatMap((x) => x.split(/(?<=\p{Script=Han}{2})(?:以及|及|和|与|并提供|并)(?=\p{Script=Han}{2})/u))
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The items of a list that are services (「配套服务」, 「设备维修」): each ends with one of the vocabulary's service words. */
function servicesIn(v: FormVocabulary, text: string): string[] {
  if (!v.services.length) return [];
  return listedParts(text).filter((x) => v.services.some((w) => x.replace(/[（(][^（()）]*[)）]$|\s*[\d.]+\s*[%％]$/u, '').endsWith(w)));
}

/** What a clause says the enterprise makes (「主要生产减速机齿轮」「主要产品有制动盘、轮毂」); undefined for a statement about something else. */
function productsIn(v: FormVocabulary, clause: string): string | undefined {
  for (const lead of byLength(v.productLeads)) {
    const at = clause.indexOf(lead);
    if (at < 0) continue;
    const what = clause.slice(at + lead.length).replace(/^[的是有为]/u, '').replace(/(?:等等|等产品|等|为主|的)+$/u, '').trim();
    if (what.length < 2 || !/\p{Script=Han}/u.test(what)) return undefined;
    if (v.notProducts.some((w) => what.startsWith(w))) return undefined;
    // A statement (「…都是自动化的」「…有三条」) says something of what is made, not what it is.
    if (/[是都也已还没不在用过了吗呢有]/u.test(what)) return undefined;
    // A service said beside the products (「数控机床及配套服务」) is what the enterprise provides, not what it makes.
    const services = servicesIn(v, what);
    if (!services.length) return what;
    const goods = listedParts(what).filter((x) => !services.includes(x));
    return goods.length ? goods.join('、') : undefined;
  }
  return undefined;
}

/**
 * The part of the form a reply puts off at once (「车间的先跳过」「后面这些指标都先跳过 回头再补」「这个车间的先跳过」): a
 * section's name among words that change nothing of a skip, then a skip; anything after it only puts it off to later.
 * Only a section holding the asked question is put off, so a skip never reaches past what the user is looking at; words
 * that point at the fields shown together (「这几栏先空着」) put off only that run of fields (`tableOf`), as `{}` for the
 * asked question's group.
 */
function sectionSkipped(kb: FormsKnowledge, questionId: string, text: string): { section?: string } | undefined {
  const v = kb.formQuestions.vocabulary;
  const W = wordsOf(v);
  const [first, ...rest] = buttonLabel(text).split(/[\s，,。；;！!~～]+/u).filter(Boolean);
  if (!first) return undefined;
  const fillers = [...v.sectionFillers].sort((a, b) => b.length - a.length);
  const strip = (x: string) => {
    for (let cut = true; cut; ) {
      cut = false;
      for (const f of fillers) if (x.startsWith(f) && x.length > f.length) { x = x.slice(f.length); cut = true; }
    }
    return x;
  };
  const isSkip = skipWords(v);
  if (!rest.every((x) => isSkip(x) || (W.notKnown?.test(x) ?? false))) return undefined;
  // 「这一部分都先跳过」「这块先不填」, or 「下一部分」 alone: the part of the form the asked question is in, the first of
  // the sections holding it (联系人 before 企业基本信息), so that the skip reaches no further than the user points.
  const head0 = strip(first);
  // 「这些先跳过」「这几个以后再填」: a demonstrative that is also a filler (「这些都先跳过」) points at the part when it opens the reply.
  const pointers = [...v.thisSection, ...v.theseFields];
  const here = longestStart(first, pointers) ?? longestStart(head0, pointers);
  const next = longestStart(head0.replace(MOVE_LEAD, ''), v.nextSection);
  const afterHere = here && (first.startsWith(here) ? first : head0).slice(here.length);
  if ((here && isSkip(strip(afterHere || ''))) || (next && PARTICLES.test(head0.replace(MOVE_LEAD, '').slice(next.length)))) {
    // 「这几栏先空着」 at 设备总数 points at the counts shown with it, not at every field left of the workshop.
    const run = here && v.theseFields.includes(here) ? tableOf(kb, questionId) : undefined;
    if (run) return 'group' in run ? {} : run;
    const s = v.sections.find((x) => new RegExp(x.pattern, 'u').test(questionId));
    if (!s) return undefined;
    const ws = workshopOf(questionId);
    return { section: s.id === 'workshops' && ws ? `${s.id}@${ws}` : s.id };
  }
  for (const s of v.sections) {
    if (!new RegExp(s.pattern, 'u').test(questionId)) continue;
    // A workshop named as its skip button names it (车间2, 申报车间) or by its number (2号车间) is that workshop.
    const ws = workshopOf(questionId);
    const own = s.id === 'workshops' && ws ? [`车间${ws}`, `${ws}号车间`, `第${ws}车间`, ...(s.oneLabel ? [s.oneLabel] : [])] : [];
    const named = [...[...(s.oneWords ?? []), ...own].map((w) => ({ w, one: true })), ...s.words.map((w) => ({ w, one: false }))].sort((a, b) => b.w.length - a.w.length);
    const head = strip(first);
    const n = named.find((x) => head.startsWith(x.w));
    if (!n || !isSkip(strip(head.slice(n.w.length)))) continue;
    return { section: n.one && ws ? `${s.id}@${ws}` : s.id };
  }
  return undefined;
}

/** Words that lead a move on (「跳到下一部分」「直接下一个」), changing nothing of it. */
const MOVE_LEAD = /^(?:那就|那|就|先|直接|跳到|跳去|跳过去到|进入|去|到|往)+/u;
/** What may close a move on said alone: particles and punctuation. */
const PARTICLES = /^[吧啊呀了嘛哈呗呢]*[。.!！~～]*$/u;

/** The longest of `words` that `text` opens with. */
function longestStart(text: string, words: string[]): string | undefined {
  let best: string | undefined;
  for (const w of words) if (text.startsWith(w) && (!best || w.length > best.length)) best = w;
  return best;
}

/**
 * Whether a short piece of a reply puts the answer off: a skip word as the whole piece (跳过, 以后再说), a defer word in it
 * (后面再填, 回头再补), or a short 「先不…」 (先不填).
 */
function skipWords(v: FormVocabulary): (x: string) => boolean {
  const W = wordsOf(v);
  // 「先空着」「都先不填吧」: a skip verb as the whole piece, after the adverbs that only say when or how much.
  const verb = (x: string) => v.skipVerbs.includes(x.replace(/^(?:都|也|就|还是|暂时|全部|全都)+/u, '').replace(/[吧啊呀了嘛哈呗]+$/u, ''));
  return (x) => W.skip.test(x) || verb(x) || (x.length <= 6 && (v.deferWords.some((w) => x.includes(w)) || W.later.test(x)));
}

/**
 * A reply that puts off the asked field by pointing at it (「这个以后再说」「这项先不填」) or moves on past it (「下一个」):
 * never the field's value. The part of the form is `sectionSkipped`'s.
 */
function fieldSkipped(v: FormVocabulary, text: string): boolean {
  const t = wholeReply(text);
  const isSkip = skipWords(v);
  const moved = t.replace(MOVE_LEAD, '');
  const next = longestStart(moved, v.nextField);
  if (next && PARTICLES.test(moved.slice(next.length))) return true;
  const here = longestStart(t, v.thisField);
  if (!here) return false;
  const rest = t.slice(here.length).replace(/^[\s，,]*(?:的话|的|就|也|都|先)?/u, '');
  return rest.split(/[\s，,。；;！!~～]+/u).filter(Boolean).every((x) => isSkip(x)) && rest.trim() !== '';
}

/** The longest clause read as naming the field it puts off (「先跳过研发描述」): a longer one says something of its own. */
const PUT_OFF_OBJECT_MAX = 12;
/** A button's count after its label (「车间1先跳过（12项）」), typed along with it. */
const BUTTON_COUNT = /\s*[（(]\d+项[)）]\s*$/u;

/**
 * A button's label typed as the reply, read as its part's name followed by what it does: the count after it dropped,
 * and the colon that sets the name off (「车间1：先跳过（12项）」) closed up, as the label without one is typed.
 */
const buttonLabel = (text: string) => text.trim().replace(BUTTON_COUNT, '').replace(/^([^：:，,。；;]{1,16})\s*[：:]\s*/u, '$1');

/** Whether `words` name the field `c` (two characters in a row of its label, its question or a word it is said as), or point at it (这个). */
function namesField(v: FormVocabulary, c: Concrete, words: string): boolean {
  const w = words.replace(/的/gu, '');
  if (!w || v.thisField.includes(w)) return !!w;
  // 「车间2先跳过」 at 车间1's question names another workshop, not this field.
  const ws = workshopOf(c.id);
  if (workshopsNamed(w).some((x) => String(x.n) !== ws)) return false;
  const own = [labelOf(c), c.text, ...(c.q.saidAs ?? [])].join('|');
  for (let i = 0; i + 2 <= w.length; i++) if (/^\p{Script=Han}{2}$/u.test(w.slice(i, i + 2)) && own.includes(w.slice(i, i + 2))) return true;
  return false;
}

/**
 * Whether a whole reply puts the asked field off, in words of the user's own: a clause that opens with a skip verb
 * (`skipVerbs`) and names nothing but the field (「先跳过研发描述」), or names the field and then the verb (「研发描述先空着」),
 * every other clause only a reason why it waits (「执照不在手边」) or a further put-off. 「跳过了人工质检环节」 tells what
 * was done (跳过了 before other words), and a clause of facts makes the reply no skip: both are read as the answer.
 */
function putsOff(v: FormVocabulary, c: Concrete, text: string): boolean {
  const W = wordsOf(v);
  const verbs = [...v.skipVerbs].sort((a, b) => b.length - a.length);
  if (!verbs.length) return false;
  const clauses = text.split(/[\s，,。；;！!~～…]+/u).filter(Boolean);
  const lead = /^(?:那就|那|就|还是|要不|我们?|咱们?|都|也|暂时)*/u;
  const skipClause = (x: string) => {
    const t = x.replace(lead, '').replace(/[吧啊呀了嘛哈呗]+$/u, '');
    const verb = longestStart(t, verbs);
    if (verb) {
      const object = t.slice(verb.length).replace(/^(?:一下|下)/u, '');
      // 「跳过了人工质检环节」: 了 after the verb and words after it tell of something done.
      if (/^了/u.test(object)) return false;
      return object === '' || (object.length <= PUT_OFF_OBJECT_MAX && namesField(v, c, object.replace(/^(?:这个|这项|这一项)/u, '')));
    }
    const end = verbs.find((w) => t.endsWith(w));
    if (!end) return false;
    const head = t.slice(0, -end.length).replace(/(?:的话|就|也|都|先|暂时|还是)+$/u, '');
    return head.length <= PUT_OFF_OBJECT_MAX && namesField(v, c, head);
  };
  const reason = (x: string) => (W.notKnown?.test(x) ?? false) && !/[\d零〇一二两三四五六七八九十百千万亿]/u.test(x.replace(W.notKnown!, '').replace(/一(?:下|声|会儿?)/gu, ''));
  return clauses.some(skipClause) && clauses.every((x) => skipClause(x) || reason(x) || skipWords(v)(x));
}

/**
 * A skip button's own label typed as the reply (「2021年财务数据整体跳过」, 「车间1先跳过（12项）」): the group the asked
 * question is in, named as its button names it, then a skip. The part of the form a label names is `sectionSkipped`'s.
 */
function groupButtonSkipped(v: FormVocabulary, c: Concrete, text: string): boolean {
  if (!c.q.group) return false;
  const t = buttonLabel(wholeReply(text));
  const label = groupLabel(c.q.group);
  if (!t.startsWith(label)) return false;
  const rest = t.slice(label.length).replace(/^(?:的|都|全部|整体|一起|整个)+/u, '');
  return skipWords(v)(rest) || v.skipVerbs.includes(rest);
}

/** The longest reply read for a correction: a longer one is a narrative that may say 「不对」 of something else. */
const CORRECTION_MAX = 60;
/** 「联系人不是李强 是李刚」「地址不是18号，应该是16号」: a field's name, the value it is not, then the value it is. */
const NOT_IS = /^(.{1,12}?)(?:不是|并非)\s*(.+?)\s*[，,；;\s]?\s*(?:而|其实|应该|应)?\s*是\s*(.+)$/u;
/** How far into a narrative reply a correction naming no field may start (「上面那个填错了」, 「刚才的写错了」): further in, it is part of a story. */
const NARRATIVE_CORRECTION_LEAD = 6;
/** What may follow a correction word (不对, 说错了): a particle, then the clause's end, 是, 其实 or 应该; 「不对接」 corrects nothing. */
const CORRECTION_END = /^[了啊呀吧哈]*(?:[，,。；;！!…\s：:]|是|其实|应该|应|$)/u;
/** Correction words that are verbs of changing to a value (改成, 改为): the value follows with nothing between. */
const CHANGE_TO = /^(?:改成|改为)$/u;
/** The words between a correction and the value it gives (「，应该是」, 「，其实是」, 「改成」, 「是：」), the colon after them too. */
const CORRECTION_LEAD = /^[了啊呀吧哈]*[\s，,。；;！!…：:]*(?:其实|应该|实际上?|应)?\s*(?:是|为|改成|改为|写成|填)?[\s：:，,]*/u;

/**
 * A reply that takes back an answer of another field, naming it (「刚才员工数说错了，是786人」, 「不对，年工作天数应该
 * 是300天」): that field's new value, read as its own question reads it, replaces the answer; the question asked still
 * waits. A correction that names no field (「不对，是786」) corrects the answer before: 'previous', which the chat reads
 * against the question answered last. The correction words are the interview's (`corrections`), so both phases hear
 * the same ones; a narrative cell's reply is its own text, whatever it says.
 */
function correctionOf(kb: FormsKnowledge, c: Concrete, t: string): Interpretation | undefined {
  const words = [...(kb.interview?.vocabulary.corrections ?? [])].sort((a, b) => b.length - a.length);
  // A free-text field is named only when its answer is taken back (「发展历程写错了」); its new text may be a story.
  const stories = correctedNames(kb);
  const story = stories.find((n) => { const i = t.indexOf(n.word); return i >= 0 && i <= NARRATIVE_CORRECTION_LEAD; });
  if (!words.length || (t.length > CORRECTION_MAX && !story)) return undefined;
  const narrative = c.q.kind === 'text' && c.q.maxLength === undefined && !LIST_FACT.test(c.fact);
  // 「第三个改成发块」 to any question edits an item of the list answered before: a story does not open so.
  if (readEdit(t, words)?.kind === 'item' && /^(?:把)?第/u.test(t)) return { kind: 'unclear', reason: 'previous' };
  let hit: { start: number; end: number; loose?: true } | undefined;
  // 「主营业务改成…」: a verb of changing with its value straight after it, taken only where no other correction word stands.
  let loose: typeof hit;
  // A narrative cell's reply is its own story, 「不对」 and all, unless it plainly takes back another field:
  // that field named, then a word that says it was typed wrong (填错了, not 不对), then the value (应该是121项).
  // A word of changing opening the reply (「我改一下，发展历程是：…」) takes back the field it names next, a story's too.
  for (const w of narrative ? words.filter((x) => /错|更正|纠正/u.test(x) || (/改/u.test(x) && t.indexOf(x) >= 0 && t.indexOf(x) <= 2)) : words) {
    for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
      // 「主营业务改成汽车零部件的研发」: a verb of changing takes its new value straight after it.
      const ends = CORRECTION_END.test(t.slice(i + w.length));
      if (!ends) {
        if (CHANGE_TO.test(w) && (!loose || i + w.length > loose.end)) loose = { start: i, end: i + w.length, loose: true };
        continue;
      }
      if (!hit || i + w.length > hit.end) hit = { start: i, end: i + w.length };
    }
  }
  hit ??= loose;
  // 「联系人不是李强，是李刚」: a field named first, then the value it is not and the value it is.
  const notIs = hit ? undefined : NOT_IS.exec(t);
  if (notIs) {
    const name = notIs[1]!.toLowerCase().replace(/的/gu, '');
    // The name is the whole of what comes first, so a word the asked question uses (联系人 in 「联系人手机？」) names its own field here.
    const n = kb.formQuestions.questions.filter((q) => !q.repeat && !q.perElementCell).flatMap((q) => (q.saidAs ?? []).map((word) => ({ word, id: q.id }))).find((x) => x.word.toLowerCase().replace(/的/gu, '') === name);
    // A value of its own kind replaces the answer whole: a figure, a date, a name or a number to call. A part of an
    // address or a title (「不是18号，是16号」) is an edit of the answer, which this does not read.
    const whole = n && (findQuestion(kb, n.id)?.q.kind !== 'text' || /\.name$/u.test(n.id) || /phone|mobile/u.test(findQuestion(kb, n.id)?.q.validate ?? ''));
    // A part of another field's answer (「地址不是18号，应该是16号」) is read against that answer (editOfAnswer); with no
    // answer to read it against, it is asked back, never stored as the words 「不是18号」.
    if (n && !whole && n.id !== c.id && !narrative) return { kind: 'unclear', reason: 'notAnAnswer' };
    const read = n && whole && !(narrative && n.id === c.id) ? passingValue(kb, n.id, notIs[3]!.replace(/[。.!！~～]+$/u, '').trim()) : undefined;
    if (n && read) return { kind: 'answers', items: [{ questionId: n.id, value: read.value, ...(read.approx ? { approx: true as const, said: notIs[3]! } : {}) }] };
  }
  if (!hit) return undefined;
  let named: { id: string; end: number; opened?: true } | undefined;
  // 「建设后的人数」 names the field 「建设后人数」 does: the 的 between its words is read past.
  const plain = t.toLowerCase().replace(/的/gu, '');
  let own: number | undefined;
  let ownOpened = false;
  // 「我改一下，发展历程是：…」: the correction opens the reply and names its field straight after, then the new value.
  const opens = (i: number) => hit.start <= 2 && i >= 0 && /^[\s，,。：:]*$/u.test(t.slice(hit.end, withDe(t, i)));
  for (const n of [...namesFor(kb, c), ...stories].sort((a, b) => b.word.length - a.word.length)) {
    const i = plain.indexOf(n.word.toLowerCase().replace(/的/gu, ''));
    const end = i >= 0 ? withDe(t, i + n.word.replace(/的/gu, '').length) : -1;
    // 「地址写错了，是…」 typed where the address is asked (its box in the form view, or its question again) names the
    // asked field itself: its value is what follows, not the whole reply. So does 「发展历程写错了，应该是…」 at the
    // history's own question: the story after it replaces the answer, without the words that took it back.
    if (n.id === c.id) {
      if (((i === 0 && end <= hit.start) || opens(i)) && (!narrative || stories.includes(n)) && (own === undefined || end > own)) {
        own = end;
        ownOpened = opens(i);
      }
      continue;
    }
    if (i >= 0 && (!named || end > named.end)) named = { id: n.id, end, ...(opens(i) ? { opened: true as const } : {}) };
  }
  // 「车间1设备总数填错了」: a field of one workshop, named by the workshop and the field's near words.
  // A workshop named with the field is the one meant, over the asked workshop's field the same words name. Its lines
  // are a list that a correction may move between workshops: reassignedLines reads those, never this.
  for (const n of workshopFieldsIn(kb, t)) if (!/\.lines$/u.test(n.id) && (!named || n.end >= named.end)) named = n;
  if (!named && own !== undefined) named = { id: c.id, end: own, ...(ownOpened ? { opened: true as const } : {}) };
  // 「把MES改成新版」 names no field of the form before its 改成: it changes nothing of the form.
  if (hit.loose && (!named || named.end > hit.start)) return undefined;
  if (narrative) {
    const givesValue = /^[了啊呀吧哈]*[\s，,。；;！!…：:]*(?:其实|应该|实际上?|应)?\s*(?:是|为|改成|改为|写成)/u.test(t.slice(named?.opened ? named.end : hit.end));
    // 「上面那个填错了，应该是0.052」 names no field: the answer before is taken back, as a correction to any question is.
    // Its value may be in words (「是三百四」) or an edit of the answer before (「是数字化车间不是智能车间」).
    const after = t.slice(hit.end);
    const edit = readEdit(t, words);
    if (!named && (givesValue || edit) && hit.start <= NARRATIVE_CORRECTION_LEAD && (edit || /[\d零〇一二两三四五六七八九十百千万亿]/u.test(after))) return { kind: 'unclear', reason: 'previous' };
    if (!named || (named.end > hit.start && !named.opened) || !givesValue) return undefined;
  }
  if (!named) return { kind: 'unclear', reason: 'previous' };
  const said = t.slice(Math.max(hit.end, named.end)).replace(CORRECTION_LEAD, '').replace(/[。.!！~～]+$/u, '').trim();
  const read = passingValue(kb, named.id, said);
  if (!read) return narrative ? undefined : { kind: 'unclear', reason: 'notAnAnswer' };
  // A story's new text is read as its own question reads a reply: 「有」 alone is no history to print.
  const storyAt = findQuestion(kb, named.id);
  if (storyAt && storyAt.q.kind === 'text' && storyAt.q.maxLength === undefined && contentless(kb.formQuestions.vocabulary, said, storyAt.fact)) return { kind: 'unclear', reason: 'notAnAnswer' };
  return { kind: 'answers', items: [{ questionId: named.id, value: read.value, ...(read.approx ? { approx: true as const, said } : {}) }] };
}

/**
 * Words that add to a story rather than replace it (「再补充一句：」「后面加上」「补一句」): a verb of adding, with a mark
 * that it is an addition (再, 后面, 一句, a colon). 「主营业务加工汽车零部件」 has 加 with no such mark: it adds nothing.
 */
const ADD_LEAD = /^(?:里|中|里面|里头|那栏|这栏|那一栏|这一栏|那项|这项|那部分|这部分|部分|的)?\s*(后面|后边|最后|末尾|结尾)?(?:再|还|另外|也|多)?(补充|补|加上|添上|写上|加|添|增加|追加|增补)(说明一下|说明|一句|一条|一点|一下|几句|一段|一项|两句|内容|上)?\s*([：:，,])?\s*/u;
const ADD_VERB_FIRST = /^(?:再|还|另外|也)(?:补充|补|加上|加|添上|添|增加|追加)(?:说明一下|说明|一句|一条|一点|一下|几句|一段|两句)?\s*/u;
const UNMARKED_ADD = /^(?:补|加|添)$/u;

/**
 * A reply that adds to a free-text field it names (「发展历程再补充一句：2020年通过两化融合贯标」「再补一句市场营销：…」「荣誉
 * 后面加上国家级绿色工厂」), at any question or at none: the words added, kept apart from the story the field holds, which the
 * chat appends them to (`adds`). Undefined when no story is named first or next to the verb, or nothing follows it.
 */
export function addedToStory(kb: FormsKnowledge, text: string): { questionId: string; value: string } | undefined {
  let t = halfWidthAlnum(text).trim().replace(/^(?:对了|哦对了|另外|还有)[，,\s]*/u, '').replace(/^(?:在|给|把)/u, '');
  const first = ADD_VERB_FIRST.exec(t);
  if (first) t = t.slice(first[0].length);
  const story = correctedNames(kb).find((n) => t.startsWith(n.word));
  if (!story) return undefined;
  const rest = t.slice(story.word.length);
  let added: string;
  if (first) added = rest.replace(/^(?:里|中|的)?\s*[：:，,]?\s*/u, '');
  else {
    const m = ADD_LEAD.exec(rest);
    // 「再」「后面」「一句」 or a colon marks the verb as adding; a bare 加 or 补 may be a word of the value (加工, 补强).
    if (!m) return undefined;
    const marked = !!(m[1] || m[3] || m[4]) || /(?:再|还|另外|也|多)(?:补充|补|加上|添上|写上|加|添|增加|追加|增补)/u.test(m[0]) || !UNMARKED_ADD.test(m[2]!);
    if (!marked) return undefined;
    added = rest.slice(m[0].length);
  }
  added = added.replace(/^[“"「]|[”"」]$/gu, '').trim();
  if (!added || contentless(kb.formQuestions.vocabulary, added, '')) return undefined;
  return { questionId: story.id, value: added.slice(0, 4000) };
}

const corrected = new WeakMap<FormsKnowledge, SaidAs[]>();
/** The words naming each free-text field in a reply that takes its answer back (`correctedAs`), longest first. */
function correctedNames(kb: FormsKnowledge): SaidAs[] {
  let out = corrected.get(kb);
  if (!out) {
    out = kb.formQuestions.questions.filter((q) => !q.repeat && !q.perElementCell).flatMap((q) => (q.correctedAs ?? []).map((word) => ({ word, id: q.id })));
    out.sort((a, b) => b.word.length - a.word.length);
    corrected.set(kb, out);
  }
  return out;
}

/** A workshop as a reply names it before one of its fields: its number in the form (车间1, 2号车间, 第二车间, 申报车间 is the one). */
const WORKSHOP_LEAD = /(?:车间\s*([1-9]\d?)|(?<![\d.])([1-9]\d?|[一二三四五六七八九十])\s*(?:号|#|＃)?\s*车间|第\s*([1-9]\d?|[一二三四五六七八九十])\s*(?:个)?车间|(申报车间))/gu;

/** The workshop numbers a reply names, each with where its name ends. */
function workshopsNamed(t: string): { n: number; at: number; end: number }[] {
  return [...t.matchAll(WORKSHOP_LEAD)].map((m) => {
    const said = m[1] ?? m[2] ?? m[3];
    const n = said === undefined ? 1 : /^\d+$/u.test(said) ? Number(said) : parseChineseNumber(said) ?? 0;
    return { n, at: m.index!, end: m.index! + m[0].length };
  });
}

/** A workshop's field named in a reply (「车间1设备总数」「2号车间的生产线」): the workshop, then 的 or nothing, then a near word of the field. */
function workshopFieldsIn(kb: FormsKnowledge, t: string): { id: string; end: number }[] {
  const out: { id: string; end: number }[] = [];
  for (const w of workshopsNamed(t)) {
    if (w.n < 1 || w.n > MAX_WORKSHOPS) continue;
    const after = t.slice(w.end).replace(/^\s*的?\s*/u, '');
    const skipped = t.length - w.end - after.length;
    let best: { id: string; end: number } | undefined;
    for (const q of kb.formQuestions.questions) {
      if (q.repeat !== 'workshop') continue;
      for (const word of q.nearSaidAs ?? []) {
        if (!after.startsWith(word)) continue;
        const end = w.end + skipped + word.length;
        if (!best || end > best.end) best = { id: q.id.replace('{i}', String(w.n)), end };
      }
    }
    if (best) out.push(best);
  }
  return out;
}

/**
 * 「说错了，车间1的生产线是巴氏奶灌装线；UHT灭菌灌装线，发酵罐区和酸奶灌装线是车间2的」: lines put in other workshops than
 * the answers have them. 「车间N的生产线是…」 gives that workshop's whole list; 「…是车间N的」 moves the lines it names to
 * workshop N, out of any other. The changed lists, each a workshop's answer; a workshop the form has not (beyond its
 * count) is asked back; undefined when the reply says nothing of the kind.
 */
export function reassignedLines(kb: FormsKnowledge, answers: Answers, text: string): Interpretation | undefined {
  const t = halfWidthAlnum(text).trim();
  if (!workshopsNamed(t).length) return undefined;
  const corrections = [...(kb.interview?.vocabulary.corrections ?? [])].sort((a, b) => b.length - a.length);
  // The correction word opens the reply (「说错了，…」「刚才搞错了：…」); the facts follow it.
  const lead = corrections.find((w) => t.slice(0, 8).includes(w));
  if (!lead) return undefined;
  const body = t.slice(t.indexOf(lead) + lead.length).replace(/^[了啊呀吧哈]*[\s，,。；;！!…：:]*/u, '');
  const lineWords = kb.formQuestions.questions.find((q) => q.id === 'form.ws.{i}.lines')?.nearSaidAs ?? [];
  if (!lineWords.length) return undefined;
  const words = anyOf([...lineWords].sort((a, b) => b.length - a.length));
  const WS = String.raw`(?:车间\s*[1-9]\d?|(?:[1-9]\d?|[一二三四五六七八九十])\s*(?:号|#|＃)?\s*车间|第\s*(?:[1-9]\d?|[一二三四五六七八九十])\s*个?车间|申报车间)`;
  const whole = new RegExp(`^(${WS})\\s*的?\\s*(?:${words})\\s*(?:是|为|有|包括|：|:)\\s*(.+)$`, 'u');
  const moved = new RegExp(`^(.+?)\\s*(?:是|为|属于|归|在)\\s*(${WS})\\s*的?\\s*(?:${words})?[的了]?$`, 'u');
  const count = typeof answers['form.workshopCount'] === 'number' ? answers['form.workshopCount'] : 1;
  const wsOf = (said: string) => workshopsNamed(said)[0]?.n ?? 0;
  const items = (said: string) =>
    splitList(said.replace(/[。.!！~～]+$/u, ''))
      .flatMap((x) => x.split(/(?<=\p{Script=Han}{2})(?:和|与|及|以及)(?=\p{Script=Han}{2})/u))
      .map((x) => x.trim())
      .filter(Boolean);
  const clauses = body.split(/[；;。\n]+/u).map((x) => x.trim()).filter(Boolean);
  const steps: { n: number; items: string[]; whole: boolean }[] = [];
  for (const x of clauses) {
    const w = whole.exec(x);
    const m = w ? undefined : moved.exec(x);
    if (w) steps.push({ n: wsOf(w[1]!), items: items(w[2]!), whole: true });
    else if (m && !workshopsNamed(m[1]!).length) steps.push({ n: wsOf(m[2]!), items: items(m[1]!), whole: false });
    else return undefined;
  }
  // Lines are moved only by a reply that says it corrects (说错了): 「车间2的生产线是…」 alone is read as an answer is.
  if (!steps.length || !lead) return undefined;
  if (steps.some((x) => x.n < 1 || x.n > count || !x.items.length)) return { kind: 'unclear', reason: 'notAnAnswer' };
  const lists = new Map<number, string[]>();
  for (let i = 1; i <= count; i++) {
    const v = answers[`form.ws.${i}.lines`];
    lists.set(i, typeof v === 'string' ? splitList(v) : []);
  }
  for (const x of steps) {
    for (const [n, list] of lists) if (n !== x.n) lists.set(n, list.filter((it) => !x.items.includes(it)));
    lists.set(x.n, x.whole ? [...x.items] : [...lists.get(x.n)!.filter((it) => !x.items.includes(it)), ...x.items]);
  }
  const changed = [...lists].filter(([n, list]) => list.join('；') !== (typeof answers[`form.ws.${n}.lines`] === 'string' ? splitList(answers[`form.ws.${n}.lines`] as string).join('；') : ''));
  // A list emptied by a move is left to be asked again, never stored as an empty answer.
  const out = changed.map(([n, list]) => ({ questionId: `form.ws.${n}.lines`, value: list.length ? list.join('；') : null }));
  return out.length ? { kind: 'answers', items: out } : undefined;
}

/** The index in `t` after `n` characters that are not 的: where a field's name read past its 的 ends in the text as typed. */
function withDe(t: string, n: number): number {
  let i = 0;
  for (let seen = 0; i < t.length && seen < n; i++) if (t[i] !== '的') seen++;
  return i;
}

/** The fields a correction naming none may take back: the question answered last, then the fields of its person (a name's phone, title). */
function lastFields(kb: FormsKnowledge, answers: Answers, lastId: string): string[] {
  const scope = /^form\.(?:contact|leader)\./.test(lastId) ? scopeOf(lastId) : undefined;
  const near = scope ? kb.formQuestions.questions.filter((q) => scopeOf(q.id) === scope && q.id !== lastId && given(answers, q.id)).map((q) => q.id) : [];
  return [lastId, ...near].filter((id) => given(answers, id));
}

/**
 * A text answer with one edit made: an item of its list renamed (a product keeps its share unless the edit gives one),
 * or a word of it replaced. The rest of the answer stays as typed.
 */
function edited(c: Concrete, value: string, edit: Edit): string | undefined {
  if (edit.kind === 'replace') return value.includes(edit.from) ? value.split(edit.from).join(edit.to) : undefined;
  if (!LIST_FACT.test(c.fact)) return undefined;
  const names = c.fact === 'products' ? parseProducts(value).map((p) => p.name) : splitList(value);
  if (edit.ordinal > names.length) return undefined;
  // Where each item starts in the answer as typed, found in order, so a name that recurs is the right one.
  const starts: number[] = [];
  for (let k = 0, from = 0; k < names.length; k++) {
    const at = value.indexOf(names[k]!, from);
    if (at < 0) return undefined;
    starts.push(at);
    from = at + names[k]!.length;
  }
  const at = starts[edit.ordinal - 1]!;
  const name = names[edit.ordinal - 1]!;
  const ownShare = c.fact === 'products' && parseProducts(edit.to)[0]?.share !== undefined;
  if (!ownShare) return value.slice(0, at) + edit.to + value.slice(at + name.length);
  const next = starts[edit.ordinal] ?? value.length;
  const tail = /[\s，,；;、]*$/u.exec(value.slice(at, next))![0];
  return value.slice(0, at) + edit.to + tail + value.slice(next);
}

/**
 * A correction that names no field (「第三个改成发块」, 「上面那个写错了，是数字化车间不是智能车间」, 「刚才的电话不对，是186…」)
 * read against the answer given last, `lastId`: an edit of its text or list, or a phone number of its person given again.
 * Undefined when it reads as none of these, for the caller to read the reply as that question's new answer.
 */
export function correctLast(kb: FormsKnowledge, answers: Answers, lastId: string, text: string): Interpretation | undefined {
  const fields = lastFields(kb, answers, lastId);
  if (!fields.length) return undefined;
  const edit = readEdit(text, kb.interview?.vocabulary.corrections ?? []);
  if (edit) {
    for (const id of fields) {
      const c = findQuestion(kb, id);
      const value = answers[id];
      if (!c || c.q.kind !== 'text' || typeof value !== 'string') continue;
      const changed = edited(c, value, edit);
      if (changed !== undefined) return { kind: 'answers', items: [{ questionId: id, value: changed }] };
    }
  }
  // 「刚才的电话不对，是186…」: the one phone field of the last answer's person takes the number given now.
  const said = phonesAsStored(text);
  const number = /(?<![\d-])(?:1[3-9]\d{9}|(?:0\d{2,3}|[(（]0\d{2,3}[)）])-?[1-9]\d{6,7}(?:转\d{1,6})?)(?![\d-])/u.exec(said)?.[0];
  if (number && /电话|手机|号码|座机|固话/u.test(text)) {
    const phones = fields.filter((id) => ['phone', 'mobile'].includes(findQuestion(kb, id)?.q.validate ?? ''));
    const same = phones.filter((id) => MOBILE.test(String(answers[id])) === MOBILE.test(number));
    // A mobile given as 「电话」 stands in both cells (mobileFills): taken back, both change.
    const ids = same.length && same.every((id) => answers[id] === answers[same[0]!]) ? same : phones.length === 1 ? phones : [];
    if (ids.length) return { kind: 'answers', items: ids.map((id) => ({ questionId: id, value: number })) };
  }
  return undefined;
}

/** Whether a form question is a one-line text box (a name, a phone, an address), not a narrative cell or a figure. */
export function oneLineField(kb: FormsKnowledge, questionId: string): boolean {
  const c = findQuestion(kb, questionId);
  return !!c && c.q.kind === 'text' && c.q.maxLength !== undefined;
}

/** A workshop named by its number (车间1, 2号车间, 2#车间, 第二车间, 一车间): the number is its name, never a figure. */
const WORKSHOP_NAMED = /车间\s*([1-9]\d?)(?![\d.]|\s*(?:台|套|个|人|条|项|名|万|亿|千|百|%|％))|(?<![\d.])([1-9]\d?|[一二三四五六七八九十])\s*(?:号|#|＃)?\s*车间|第\s*([1-9]\d?|[一二三四五六七八九十])\s*(?:个)?车间/gu;
/** A line, a building or a section named by its number (1号线, 3#产线, 2号厂房, A1线): its number is no figure either. */
const UNIT_NAMED = /(?<![\d.])(?:[1-9]\d?|[一二三四五六七八九十]|[A-Z]\d?)\s*(?:号|#|＃)\s*(?:生产线|产线|线|厂房|工段|仓库|库房|机组)|(?:生产线|产线)\s*[1-9]\d?(?![\d.]|\s*(?:台|套|个|条|万|亿|千|百|%|％))/gu;

/**
 * A figure's reply without the numbers that are part of a name (「车间1一共150台套」 is 150, not 1): the asked workshop
 * named is 本车间, any other named unit keeps its word without its number. `others`: the workshops named that are not
 * the asked one's, whose figures this field cannot take.
 */
function withoutNameNumbers(text: string, ownWorkshop: string | undefined, single: boolean): { text: string; others: string[] } {
  const others: string[] = [];
  const digit = (x: string) => (/^\d+$/u.test(x) ? x : String(parseChineseNumber(x) ?? x));
  const out = text
    .replace(WORKSHOP_NAMED, (_all, a: string | undefined, b: string | undefined, c: string | undefined) => {
      const n = digit((a ?? b ?? c)!);
      // 附件1 applies for one workshop: whatever number it goes by, it is the one asked about.
      if (!single && ownWorkshop !== undefined && n !== ownWorkshop) others.push(n);
      return ownWorkshop !== undefined && (single || n === ownWorkshop) ? '本车间' : '某车间';
    })
    .replace(UNIT_NAMED, (all) => all.replace(/[\dA-Z一二三四五六七八九十]+\s*(?:号|#|＃)?\s*/u, '某'));
  return { text: out, others };
}

/**
 * A count's reply that gives one figure of a part of what the field totals, and no whole: a line, a building or a
 * section named by its number (3号线, 2#厂房), a workshop named at a count that is not a workshop's, or one of the
 * field's own part words (a kind of machine: 机器人, 加工中心; a maker: 西门子), or, where `parts.models` says so, a model
 * name (「S7-1200两套」「KUKA KR-210 六台」). A whole word (一共, 全车间) makes it the total, and so does naming nothing of
 * a part (「车间里有40台」). `plain` is the reply with the numbers of names taken out.
 */
function onePartSaid(v: FormVocabulary, c: Concrete, t: string, plain: string): { part: string; figure: string; whole: string } | undefined {
  const parts = c.q.parts;
  if (!parts || c.q.kind !== 'number' || v.wholeWords.some((w) => t.includes(w))) return undefined;
  // A model's digits (「S7-1200两套」) and a part word's numeral (三菱) are no figure of the count: the figure is the one
  // said beside them. When nothing is left, what looked like a model was the figure itself.
  const named = byLength(parts.words).filter((w) => w.match(FIGURE_SAID) && plain.includes(w));
  const models = parts.models ? [...plain.matchAll(MODEL_NAME)].map((m) => m[0]) : [];
  const bare = [...named, ...models].reduce((x, w) => x.replace(w, ' '), plain);
  const counted = (bare.match(FIGURE_SAID) ?? []).length ? bare : plain;
  const figures = counted.match(FIGURE_SAID) ?? [];
  if (figures.length !== 1) return undefined;
  // A part's Latin name typed in either case and right against its figure (「CNC30台」「cnc30台」) is no model number: the
  // figure is read without it.
  const latin = byLength(parts.words).find((w) => /^[A-Za-z]+$/u.test(w) && counted.toLowerCase().includes(w.toLowerCase()));
  const n = parseNumber(counted, c.q.unit) ?? (latin ? parseNumber(counted.replace(new RegExp(latin, 'giu'), ' '), c.q.unit) : undefined);
  if (n === undefined) return undefined;
  // Only the clause the figure is said in names what it counts: 「联网的有96台，1号线全部联网」 is 96 of the whole,
  // with a remark on one line beside it.
  const breaks = /[，,。；;！!？?]/u;
  const typedClauses = t.split(breaks);
  const plainClauses = plain.split(breaks);
  const at = counted.split(breaks).findIndex((x) => (x.match(FIGURE_SAID) ?? []).length > 0);
  const said = typedClauses.length === plainClauses.length && at >= 0 ? typedClauses[at]! : t;
  const unit = [...said.matchAll(UNIT_NAMED)][0]?.[0];
  const workshop = workshopOf(c.id) === undefined ? [...said.matchAll(WORKSHOP_NAMED)][0]?.[0] : undefined;
  // A model names its kind more closely than the part word beside it (「IRB-6700机器人8台」 is IRB-6700's count).
  const model = counted === plain ? undefined : models.find((m) => said.includes(m));
  const word = byLength(parts.words).find((w) => said.toLowerCase().includes(w.toLowerCase()));
  const part = unit ?? workshop ?? model ?? word;
  if (!part) return undefined;
  const unitShown = (c.q.unit ?? '').replace(/（.*）$/u, '');
  return { part, figure: `${n.value}${unitShown}`, whole: parts.whole };
}

/** The ask-back of words of a reply `t` (`said`, and `plain` as for `onePartSaid`) that give one part's figure. */
function onePartAsked(v: FormVocabulary, c: Concrete, t: string, said: string, plain: string): Interpretation | undefined {
  const part = onePartSaid(v, c, said, plain);
  return part ? { kind: 'unclear', reason: 'onePart', choices: [clipQuote(t, 40), part.part, part.figure, part.whole], field: labelOf(c) } : undefined;
}

/** A none said plainly (「没有」「无」) or hedged in time (「暂时没有」「还没有」「目前没有」). */
const PLAIN_NONE = /^(?:没有|无|暂无)[。.!！]*$/u;
const HEDGED_NONE = /^(?:目前|暂时|现在|暂|还|目前还|暂时还|现在还)(?:没有|没|无)(?:呢|的|哦|啊)?[。.!！]*$/u;

/**
 * What a whole reply of none means at a number field, or undefined when it is no none or the field does not say.
 * 「零」 is 0 anywhere. A count whose thing the enterprise may have none of (专利, 联网设备: `noneMeans` 'zero') takes 0
 * for a plain or a hedged none; one that cannot be none (设备总数, 员工: 'skip') hears the figure is not at hand, so the
 * field is put off and asked later, never given a 0 the form would print. A field that says neither takes a plain none
 * as 0 and has a hedged one asked back.
 */
function noneAt(kb: FormsKnowledge, id: string, t: string): 0 | null | undefined {
  if (/^零[。.!！]*$/u.test(t)) return 0;
  const plain = PLAIN_NONE.test(t);
  if (!plain && !HEDGED_NONE.test(t)) return undefined;
  const means = findQuestion(kb, id)?.q.noneMeans;
  if (means === 'skip') return null;
  return plain || means === 'zero' ? 0 : undefined;
}

/** A change said with both its ends: 「从3%降到1.2%」「由180天缩短至120天」「3%降到1.2%」. */
const CHANGE_ENDS = /^[^，。；,;\d]*?(?:从|由)?\s*([^，。；,;从由到至]*?\d[^，。；,;从由到至]*?)\s*(?:下降|降低|减少|缩短|提升|提高|增加|增长|降|减|升|增|涨)(?:了)?\s*(?:到|至)\s*([^，。；,;]*\d[^，。；,;]*?)[。.!！]*$/u;
/** A change said without either end: 「能耗降了12%」「人均产值提高了两成」「缩短三成」. */
const CHANGE_ONLY = /(?:下降|降低|减少|缩短|提升|提高|增加|增长|节约|节省|降|减|升|涨)了?\s*(?:约|近|超过|大约)?\s*(?:百分之[\d一二三四五六七八九十两几点]+|[\d一二三四五六七八九十两几半百]+(?:\.\d+)?\s*(?:%|％|成|个百分点|倍))/u;

/**
 * A reply at an indicator's before or after question that says how it changed: with both ends it gives both fields;
 * with only the change (「能耗降了12%」) it is neither side's figure, so it is kept as what the enterprise said of its
 * benefits (建设前后效益, added to what it holds) and the figure asked is asked again.
 */
function indicatorChangeSaid(kb: FormsKnowledge, c: NonNullable<ReturnType<typeof findQuestion>>, pending: QuestionView, t: string): Interpretation | undefined {
  const ends = CHANGE_ENDS.exec(t);
  if (ends) {
    const base = c.id.replace(/\.(?:before|after)$/u, '');
    const items: { questionId: string; value: AnswerValue; extra?: true }[] = [];
    for (const [side, said] of [['before', ends[1]!], ['after', ends[2]!]] as const) {
      const q = findQuestion(kb, `${base}.${side}`);
      if (!q) return undefined;
      const r = readAsked(kb, q, { ...pending, id: q.id, kind: q.q.kind, ...(q.q.unit ? { unit: q.q.unit } : {}) }, said.trim());
      if (r.kind !== 'answers' || r.items.length !== 1 || r.items[0]!.approx) return undefined;
      items.push({ questionId: q.id, value: r.items[0]!.value, ...(q.id === c.id ? {} : { extra: true as const }) });
    }
    return { kind: 'answers', items };
  }
  // A figure said beside the change (「120天，比原来缩短了三成」) is the asked field's own, read as such.
  if (!CHANGE_ONLY.test(t) || /\d/u.test(t.replace(CHANGE_ONLY, '')) || !findQuestion(kb, 'form.benefits')) return undefined;
  return { kind: 'answers', items: [{ questionId: 'form.benefits', value: t.replace(/[。.!！]*$/u, '。'), extra: true, adds: true }], pendingLeft: { reason: 'notRead', choices: [clipQuote(t, 40)] } };
}

/**
 * Typed answers to a pending form question, offline. A story (研发队伍、科研成果…) that counts what another field counts
 * by kinds (「我们有发明专利3项、实用新型12项，主要在…」) fills those fields too, each while it is empty.
 */
export function interpretForm(kb: FormsKnowledge, text: string, pending: QuestionView | null): Interpretation {
  const r = roundSaidAlone(readForm(kb, text, pending), text, pending);
  const c = pending ? findQuestion(kb, pending.id) : undefined;
  if (r.kind !== 'answers' || !c || c.q.kind !== 'text' || c.q.maxLength !== undefined || LIST_FACT.test(c.fact)) return r;
  const story = r.items.find((i) => i.questionId === c.id && typeof i.value === 'string');
  if (!story) return r;
  const counted = countsInStory(kb, story.value as string).filter((x) => !r.items.some((i) => i.questionId === x.questionId));
  return counted.length ? { ...r, items: [...r.items, ...counted] } : r;
}

/**
 * A round figure at the asked question keeps the words of the figure (「六百来万」), not the field's name said with it
 * (「利润六百来万」): those words are what the form view shows until the exact figure is given. Only when the reply holds
 * one round figure, so the words are surely the one kept.
 */
function roundSaidAlone(r: Interpretation, text: string, pending: QuestionView | null): Interpretation {
  if (r.kind !== 'answers' || pending?.kind !== 'number' || !r.items.some((i) => i.approx && !i.said && i.questionId === pending.id)) return r;
  const round = findQuantities(halfWidthAlnum(text)).filter((q) => q.approx);
  // A reply that is the figure alone (「两百来人」) is its own words already.
  if (round.length !== 1 || round[0]!.text.trim() === halfWidthAlnum(text).trim()) return r;
  const said = round[0]!.text.trim();
  // The words must read as the figure kept (「约1,200万元」 is not its 「约1」).
  const same = (v: unknown) => parseNumber(said, pending.unit)?.value === v;
  return { ...r, items: r.items.map((i) => (i.approx && !i.said && i.questionId === pending.id && same(i.value) ? { ...i, said } : i)) };
}

/**
 * The counts by kinds a story states (「发明专利3项、实用新型12项」): its clauses that give a figure of a counted thing or
 * one of its kinds, read as they are at the count's own question (kindsSaid), or one kind's figure alone for the kind's
 * own field. Nothing when a clause speaks of what is not counted (申请中) or the figures do not add up.
 */
export function countsInStory(kb: FormsKnowledge, text: string): { questionId: string; value: AnswerValue; extra: true }[] {
  const out: { questionId: string; value: AnswerValue; extra: true }[] = [];
  for (const whole of kb.formQuestions.questions.filter((q) => q.kinds)) {
    const spec = whole.kinds!;
    const things = kb.formQuestions.vocabulary.countedThings.find((x) => x.thing === whole.counts)?.words ?? [];
    const words = [...things, ...spec.of.flatMap((o) => o.words)];
    const clauses = text.split(COUNT_CLAUSES).map((x) => x.trim()).filter((x) => /[\d零〇一二两三四五六七八九十百千]/u.test(x) && words.some((w) => x.includes(w)));
    if (!clauses.length) continue;
    const kindQ = spec.of.find((o) => o.question)?.question;
    const at = findQuestion(kb, kindQ ?? whole.id);
    const read = at ? kindsSaid(kb, at, clauses.join('，')) : undefined;
    if (read?.kind === 'answers') {
      // A round figure in a story is left for its own question, where it is kept marked as round.
      out.push(...read.items.filter((i) => !i.approx).map((i) => ({ questionId: i.questionId, value: i.value, extra: true as const })));
      continue;
    }
    // 「发明专利3项」 alone: the kind's own field, when the kind has one and nothing it is not counted by is said.
    const only = clauses.length === 1 ? spec.of.find((o) => o.question && o.words.some((w) => clauses[0]!.includes(w))) : undefined;
    const n = only && !spec.notCounted.some((w) => clauses[0]!.includes(w)) ? parseNumber(clauses[0]!, whole.unit) : undefined;
    if (only && n && !n.approx && Number.isInteger(n.value)) out.push({ questionId: only.question!, value: n.value, extra: true });
  }
  return out;
}

/**
 * A clause telling how a figure changed (「比前年涨了两成」, 「同比增长20%」, 「较上年下降5个百分点」): no figure of the field, only
 * how it compares. Said beside the figure, it is left out so the figure is read alone.
 */
const CHANGE_CLAUSE = /^(?:比|较|相比|对比|同比|环比|跟|和|与)?[^，,；;。\d]{0,6}?(?:上涨|上升|增长|增加|提高|提升|涨|增|多|下降|下滑|降低|减少|降|减|少)了?\s*(?:约|近|超过|大约|将近)?\s*(?:百分之[\d一二三四五六七八九十两几点]+|[\d一二三四五六七八九十两几半百.]+\s*(?:%|％|成|个百分点|倍)|不少|很多|一些|一点)?(?:左右|多)?[。.!！]*$/u;

/** 「前两年都差不多」「这三年都一样」: other years said to have the same figure, which is no change (差不多 ends in 多). */
const SAME_FIGURE_CLAUSE = /都|一样|差不多|相同|持平/u;

/** A reply with its change clauses taken out, when a clause giving a figure is left; else the reply as typed. */
function withoutChange(t: string): string {
  const clauses = t.split(/[，,；;]+/u).map((x) => x.trim()).filter(Boolean);
  const kept = clauses.filter((x) => !CHANGE_CLAUSE.test(x) || SAME_FIGURE_CLAUSE.test(x));
  return kept.length && kept.length < clauses.length && kept.some((x) => /[\d零〇一二两三四五六七八九十百千万亿]/u.test(x)) ? kept.join('，') : t;
}

function readForm(kb: FormsKnowledge, text: string, pending: QuestionView | null): Interpretation {
  // A phone's full-width digits (「２０２０年６月」「１３８…」) are the same reply as half-width ones.
  const said = withoutAfterthought(kb.formQuestions.vocabulary, halfWidthAlnum(text).trim());
  const typed = pending?.kind === 'number' ? withoutChange(said) : said;
  // 「21、22年分别是3.1亿和4.6亿」 is read as each year's figure said on its own.
  const year = noticeYear(kb);
  const v0 = kb.formQuestions.vocabulary;
  const t = year === undefined ? typed : figureNameCarried(respectiveYears(typed, year), v0.yearlessFigures, year, v0.relativeYears);
  if (!pending || !pending.id.startsWith('form.')) return { kind: 'unclear' };
  if (!t) return { kind: 'unclear' };
  // 「2022年交税1200万，前两年都是1000万左右」 to a yearly figure: the one figure said with 都 is each of its years' own, read
  // as if said year by year; 「每年都差不多1000万」 names no years to place it in and is asked back, year by year.
  const yearlyAsked = year === undefined ? null : YEARLY_FACT.exec(findQuestion(kb, pending.id)?.fact ?? '');
  if (yearlyAsked && year !== undefined) {
    const same = sameEachYear(t, year, kb.formQuestions.vocabulary.relativeYears, Number(yearlyAsked[1]));
    if (same.vague) return { kind: 'unclear', reason: 'eachYear', choices: [clipQuote(t, 40), tableYears(kb).join('、')], field: labelOf(findQuestion(kb, pending.id)!).replace(/^\d{4}年/u, '') };
    if (same.text !== t) return interpretForm(kb, same.text, pending);
  }
  const W = wordsOf(kb.formQuestions.vocabulary);
  // 「啥叫资本性质」「这个怎么填」: a question about the field asked is answered from its knowledge, never stored as its value.
  const asked = findQuestion(kb, pending.id);
  const help = asked ? fieldQuestion(kb, asked, t) : undefined;
  if (help === 'other') return { kind: 'question' };
  if (help) return { kind: 'unclear', reason: 'fieldHelp', field: labelOf(asked!), choices: [help] };
  // 「注册资本要写实缴的还是认缴的」: a question about what the field takes, which the notice does not settle; the field waits.
  const unsettled = asked ? notSettledAt(kb, asked, t) : undefined;
  if (unsettled) return { kind: 'unclear', reason: 'fieldHelp', field: labelOf(asked!), choices: [unsettled] };
  // 「有」, 「对的」, 「不了」 to 「是否现在继续填写…？」: a plain yes or no picks the choice the question says it picks.
  const plain = pending.kind === 'choice' ? plainAnswer(kb, pending.id, t) : undefined;
  if (plain !== undefined) return { kind: 'answers', items: [{ questionId: pending.id, value: plain }] };
  // "没有" to "how many patents?" is zero, not a skip; what a none means at a count is the field's own (noneAt).
  const none0 = pending.kind === 'number' ? noneAt(kb, pending.id, t) : undefined;
  if (none0 !== undefined) return { kind: 'answers', items: [{ questionId: pending.id, value: none0 }] };
  // 「无」「没有传真」 at a field whose none is an answer (传真): the form prints that answer, so it is no skip.
  const noneAnswer = noneAnswerIn(kb, t, pending.id);
  if (noneAnswer) return { kind: 'answers', items: [{ questionId: noneAnswer.id, value: noneAnswer.value, ...(noneAnswer.id === pending.id ? {} : { extra: true as const }) }] };
  // 「回头再填」「以后再补」 put the answer off as a skip does.
  if (W.skip.test(t) || kb.formQuestions.vocabulary.deferWords.includes(wholeReply(t))) return { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
  const part = sectionSkipped(kb, pending.id, t);
  if (part) return { kind: 'answers', items: [{ questionId: pending.id, value: null }], wholeGroup: true, ...part };
  if (fieldSkipped(kb.formQuestions.vocabulary, t)) return { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
  // A choice's reply is read as one of its choices: 「先不填了，以后再说」 at the gate picks 以后再填.
  const skipAt = pending.kind === 'choice' ? undefined : findQuestion(kb, pending.id);
  if (skipAt && groupButtonSkipped(kb.formQuestions.vocabulary, skipAt, t)) return { kind: 'answers', items: [{ questionId: pending.id, value: null }], wholeGroup: true };
  // 「先跳过研发描述」「先跳过，执照不在手边」: the field put off in the user's words, stored as nothing.
  if (skipAt && putsOff(kb.formQuestions.vocabulary, skipAt, t)) return { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
  // 「车间2先跳过」 while another workshop's (or no workshop's) question waits puts off what is not asked: asked back, never stored.
  const elsewhere = skipAt && workshopsNamed(t).some((x) => String(x.n) !== workshopOf(skipAt.id));
  if (elsewhere && putsOff(kb.formQuestions.vocabulary, skipAt, t.replace(WORKSHOP_LEAD, '这个'))) return { kind: 'unclear', reason: 'notAnAnswer' };
  // 「回头问问财务」, 「具体哪天记不清了」: not known now, so skipped for later; the gate's reply is read as its own.
  if (pending.kind !== 'choice' && saysNotKnown(kb, t)) return { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
  // 「可以」 alone opens no question: to the gate it is a yes (可以…吗 still asks).
  // 「可以，开始填」 to the gate goes on as 「可以」 does; 「可以不填吗」 still asks.
  const goesOn = pending.kind === 'choice' && (W.goOnAlone.test(t) || (W.goOn.test(t) && !W.later.test(t) && !/[？?吗么嘛]\s*$/u.test(t)));
  if (W.question.test(t) && !goesOn) return { kind: 'question' };
  const c = findQuestion(kb, pending.id);
  if (!c) return { kind: 'unclear' };
  // 「地址改一下，跟单位地址一样」 with the 单位地址 not given: the pointer alone is read (and asked back), never a value of 一样.
  const pointer = c.q.kind === 'text' && c.q.maxLength !== undefined ? withoutOwnLead(c, wholeReply(t)) : undefined;
  if (pointer && pointer !== wholeReply(t) && pointsAtField(kb, pointer, c.id)) return { kind: 'unclear', reason: 'bare', field: labelOf(c) };
  // 「发展历程再补充一句：…」 at any question adds to the story it names; at the story's own question the words added are its answer.
  const added = addedToStory(kb, t);
  if (added) return { kind: 'answers', items: [{ ...added, adds: true, ...(added.questionId === c.id ? {} : { extra: true as const }) }] };
  const corrected = correctionOf(kb, c, t);
  if (corrected) return corrected;
  const story = c.q.kind === 'text' && c.q.maxLength === undefined && !LIST_FACT.test(c.fact);
  const earlier = aboutEarlierReply(kb, c, t, story);
  if (earlier) return earlier;
  const data = story ? othersDataAtStory(kb, c, t) : undefined;
  if (data) return data;
  // 「建设后320人」 to 现有员工: a figure of another time is asked back; 「建设前400人，现在320人」 is read for now's.
  const when = c.q.now ? nowSaid(kb, c, t) : undefined;
  if (when) return 'clause' in when ? interpretForm(kb, when.clause, pending) : when;
  // 「两个：一车间和装配车间」 to how many workshops: the count and each name said after it.
  const listed = c.q.itemNames ? namesAfterCount(kb, c, t) : undefined;
  if (listed) return listed;
  // 「发明专利6项，实用新型15项」: each kind's own field and the count they make up.
  const kinds = kindsSaid(kb, c, t);
  if (kinds) return kinds;
  const change = /^form\.ind\.\w+\.(?:before|after)$/u.test(c.id) ? indicatorChangeSaid(kb, c, pending, t) : undefined;
  if (change) return change;
  if (c.q.kind === 'number' || c.q.kind === 'date') {
    const named = withoutNameNumbers(t, workshopOf(c.id), pending.text.includes('申报车间'));
    // 「车间2一共200台」 to 车间1's count: another workshop's figure is not this one's, so it is asked back.
    if (named.others.length) return { kind: 'unclear', reason: 'notAnAnswer' };
    // 「3号线有40台」 to a workshop's equipment total: one part's figure, not the whole, so it is asked back.
    const part = onePartAsked(kb.formQuestions.vocabulary, c, t, t, named.text);
    if (part) return part;
    if (named.text !== t) return interpretForm(kb, named.text, pending);
  }
  // 「没有发明专利」 to 「其中发明专利多少项」: a no naming the asked thing itself (every character of it in the question) is zero too.
  const none = c.q.kind === 'number' ? /^(?:目前|暂时|还|都|也)?(?:没有|没|无|暂无)(?:任何)?(.+?)[。.!！]*$/u.exec(t) : null;
  if (none && [...none[1]!.replace(/的/g, '')].every((ch) => c.text.includes(ch)) && !/[\d零〇一二两三四五六七八九十百千万]/u.test(none[1]!))
    return { kind: 'answers', items: [{ questionId: pending.id, value: c.q.noneMeans === 'skip' ? null : 0 }] };
  // 「没有啥荣誉」「暂无」「荣誉资质暂时没有」 at a list field: none, read as 「没有」 alone is (the form leaves the list out), never
  // stored as the list's one item. 「没有省级的，有市级专精特新」 names something held and is the list.
  if (c.q.kind === 'text' && LIST_FACT.test(c.fact) && (saysNone(kb.formQuestions.vocabulary, t) || noneOfList(c, t))) return { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
  // 「高新技术企业；没有别的」: a clause saying the list holds nothing more is no item of it; the list is the rest.
  if (c.q.kind === 'text' && LIST_FACT.test(c.fact)) {
    const listed = withoutNothingElse(kb.formQuestions.vocabulary, t);
    if (listed !== t) return listed ? interpretForm(kb, listed, pending) : { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
  }
  // 「2020年没有数据」 skips the whole year in one step, not one figure at a time.
  if (c.q.group && W.noData.test(t)) return { kind: 'answers', items: [{ questionId: pending.id, value: null }], wholeGroup: true };
  // A phone read out in words (「电话幺八六…」) to a person's question is digits before its pieces are read.
  const read = /^form\.(?:contact|leader)\./.test(c.id) ? spokenDigits(t) : t;
  const passing = readsPassing(c) ? passingFacts(kb, c, c.id.startsWith('form.ind.') ? indicatorInputs(read) : read) : undefined;
  // 「建设前运营成本每天十万五」 while the upgrade cycle waits: a reply that opens with another field's name is that
  // field's, read as its own question reads it (asked back in its terms when it does not fit), never the asked one's.
  const other = passing && passing.rest === read ? namedIn(read, namesFor(kb, c)) : undefined;
  // A one-line field named so is taken only with a value it would take in passing: 「车间叫啥来着」 gives no name.
  const otherQ = other && other.id !== c.id && other.value && (findQuestion(kb, other.id)?.q.kind !== 'text' || passingValue(kb, other.id, other.value)) ? findQuestion(kb, other.id) : undefined;
  if (other && otherQ) {
    const r = readAsked(kb, otherQ, { ...pending, id: other.id, kind: otherQ.q.kind, ...(otherQ.q.unit ? { unit: otherQ.q.unit } : {}) }, other.value);
    if (r.kind === 'answers') return { kind: 'answers', items: r.items.map((i) => ({ ...i, extra: true as const, ...(i.approx ? { said: t } : {}) })) };
    return r.kind === 'unclear' ? { ...r, field: labelOf(otherQ) } : r;
  }
  // A reply of nothing but what records nothing (「没有传真」) is read as the asked field's, never as an empty answer.
  if (!passing || passing.rest === read || (!passing.rest && !passing.items.length && !passing.notes.length)) return readAsked(kb, c, pending, t);
  // The asked field is read from what is left once the pieces naming other fields are taken out.
  const own = passing.rest ? readAsked(kb, c, pending, passing.rest) : undefined;
  // A reply whose own part is unclear keeps the facts it names for other fields (「员工三百二十人 其中研发人员四十五个」 to
  // the credit code records both); the asked field is asked again with the part that was not read. With none named,
  // the whole reply is asked back and nothing of it is recorded.
  if (own && own.kind !== 'answers') {
    if (!passing.items.length) return own;
    return { kind: 'answers', items: passing.items, ...(passing.notes.length ? { notes: passing.notes } : {}), pendingLeft: { reason: 'notRead', choices: [clipQuote(passing.rest, 40)] } };
  }
  // A round figure among other facts keeps the words of its own part of the reply.
  const more = passing.items.length > 0 || passing.notes.length > 0;
  // What is left after a figure said for another year is the asked row of that year, said in passing; the asked one is
  // asked again.
  const ownRow = (id: string) => (passing.yearScope && id === c.id && /^form\.finance\.\d{4}\./u.test(id) ? `${passing.yearScope}.${id.split('.').pop()}` : id);
  const items = (own?.items ?? []).map((i) => (i.approx && more ? { ...i, said: passing.rest } : i)).map((i) => (ownRow(i.questionId) === i.questionId ? i : { ...i, questionId: ownRow(i.questionId), extra: true as const }));
  for (const x of passing.items) if (!items.some((i) => i.questionId === x.questionId)) items.push(x);
  return { kind: 'answers', items, ...(passing.notes.length ? { notes: passing.notes } : {}) };
}

/**
 * A count asked as it is now (`now`) said with a time word of another (建设后, 预计, 原来): the one clause said of now when
 * there is one (「原来400人，现在320人」), else an ask-back with the figure to send if now's is the same. Undefined when
 * no figure is said of another time (「现在320人」, 「320人，以后还要招」).
 */
function nowSaid(kb: FormsKnowledge, c: Concrete, t: string): { clause: string } | (Interpretation & { kind: 'unclear' }) | undefined {
  const spec = c.q.now;
  if (!spec || c.q.kind !== 'number') return undefined;
  // Only a figure of what the field counts (320人, not 研发费用去年950万) is read for its time.
  const measures = kb.formQuestions.vocabulary.countedThings.find((x) => x.thing === c.q.counts)?.measures ?? [c.q.unit ?? ''];
  const counted = new RegExp(`[\\d零〇一二两三四五六七八九十百千]\\s*(?:${anyOf(measures.filter(Boolean))})`, 'u');
  const figures = t.split(/[，,；;。\s]+/u).filter((x) => counted.test(x) && parseNumber(x, c.q.unit) !== undefined);
  const other = (x: string) => spec.otherTimes.find((w) => x.includes(w));
  const said = figures.find((x) => other(x) !== undefined);
  if (!said) return undefined;
  const now = figures.filter((x) => other(x) === undefined && spec.nowWords.some((w) => x.includes(w)));
  if (now.length === 1) return { clause: now[0]! };
  const n = parseNumber(said, c.q.unit)!;
  return { kind: 'unclear', reason: 'otherTime', choices: [clipQuote(t, 40), other(said)!, `${n.value}${c.q.unit ?? ''}`], field: labelOf(c) };
}

/**
 * The values an ask-back of the form told the user to send, one (「如果全车间就是这些，请回复“40台”」) or several to choose
 * from (「0.6%还是60%」): what a bare yes to it stands for, or is asked to choose among.
 */
export function offersOf(interp: Interpretation & { kind: 'unclear' }, q: QuestionView): string[] | undefined {
  const c = interp.choices ?? [];
  switch (interp.reason) {
    case 'onePart':
    case 'otherTime':
      return c[2] ? [c[2]] : undefined;
    case 'parts':
      return c[1] ? [`${c[1]}${(q.unit ?? '').replace(/（.*）$/u, '')}`] : undefined;
    case 'percentOrFraction':
      return c[1] && c[2] ? [`${c[1]}%`, `${c[2]}%`] : undefined;
    case 'wanOrPlace':
      return c[1] && c[2] ? [`${c[1]}万元`, `${c[2]}万元`] : undefined;
    case 'severalChoices':
    case 'yesToWhich':
      return c.length ? c.map((x) => x.replace(/^[“"]|[”"]$/gu, '')) : undefined;
    default:
      return undefined;
  }
}

/**
 * A bare yes (「是」「对的」「就这些」) to an ask-back that offered values to send: the one offered, read as if it had been
 * typed; with several offered, asked which. Undefined for any other reply, which is read as usual.
 */
export function yesToOffer(kb: FormsKnowledge, pending: QuestionView, offers: string[], text: string): Interpretation | undefined {
  const said = wholeReply(halfWidthAlnum(text)).toLowerCase();
  if (!offers.length || !kb.formQuestions.vocabulary.yesReplies.includes(said)) return undefined;
  if (offers.length > 1) return { kind: 'unclear', reason: 'yesToWhich', choices: offers };
  const r = interpretForm(kb, offers[0]!, pending);
  return r.kind === 'answers' ? r : undefined;
}

/**
 * A count said with the items' names after it (「就1个，合成车间」「两个：一车间和装配车间」): the count, and each name in
 * order for the item's own name question (`itemNames`). Every piece after the count must read as such a name (ends with
 * 车间), else the reply is read as the count alone; more names than the count is asked back.
 */
function namesAfterCount(kb: FormsKnowledge, c: Concrete, t: string): Interpretation | undefined {
  const spec = c.q.itemNames;
  if (!spec) return undefined;
  const things = kb.formQuestions.vocabulary.countedThings.find((x) => x.thing === c.q.counts)?.words ?? [];
  const thing = things.length ? `(?:${anyOf(things)})?` : '';
  const m = new RegExp(`^(?:就|只有|只|一共|总共|共有|共|有)?\\s*([\\d零〇一二两三四五六七八九十]+)\\s*个?\\s*${thing}\\s*(?:[，,：:；;]|\\s)\\s*(?:分别是|分别为|就是|是|为|包括|包含|有|即)?\\s*[：:]?\\s*(.+?)[。.!！]*$`, 'u').exec(t);
  if (!m) return undefined;
  const n = parseNumber(m[1]!, c.q.unit)?.value;
  if (n === undefined || !Number.isInteger(n) || n < 1) return undefined;
  // 「一个机加车间一个装配车间」「一个是机加车间，另一个是装配车间」「第一个叫…第二个叫…」「一是…二是…」: each opener
  // (一个, 另一个, 第二个, 二是) starts a name of its own and is no part of it.
  const opener = '(?:另外|另|还有|再)?(?:第?[一二两三四五六七八九十\\d]+个|第?[一二三四五六七八九十]+(?=是|为))';
  const names = m[2]!
    .split(new RegExp(`[、，,；;\\s]+|以及|和|及|与|(?<=\\p{Script=Han})(?<!另外|另|还有|再|第)(?=(?:另外|另|还有|再)?(?:第[一二两三四五六七八九十\\d]+个|一个))`, 'u'))
    .map((x) => x.trim().replace(new RegExp(`^(?:${opener})(?:是|为|叫|叫做)?`, 'u'), '').trim())
    .filter(Boolean);
  const nameQ = findQuestion(kb, spec.question.replace('{i}', '1'));
  const max = nameQ?.q.maxLength ?? 60;
  const isName = (x: string) => x.length <= max && spec.ends.some((e) => x.endsWith(e) && x.length > e.length) && !/[台套人条项万亿%％]$/u.test(x);
  if (!names.length || !names.every(isName)) return undefined;
  if (names.length > n) return { kind: 'unclear', reason: 'notAnAnswer' };
  return {
    kind: 'answers',
    items: [{ questionId: c.id, value: n }, ...names.map((name, i) => ({ questionId: spec.question.replace('{i}', String(i + 1)), value: name, extra: true as const }))],
  };
}

/**
 * Figures of the kinds a count is made of (`kinds`: 发明, 实用新型, 外观设计), said at the count or at a kind's own
 * question: each kind the form asks gets its figure, and the count gets the whole said beside them (「有21项专利，其中发明
 * 6项」) or else their sum (「发明专利6项，实用新型15项」 is 21). Undefined, for the usual reading, when fewer than two
 * figures are said, when a figure is round, a kind comes twice, a clause speaks of something else or of patents not held
 * (申请中), or the kinds add up to more than the whole.
 */
function kindsSaid(kb: FormsKnowledge, c: Concrete, t: string): Interpretation | undefined {
  if (c.q.kind !== 'number') return undefined;
  const whole = kb.formQuestions.questions.find((q) => q.kinds && (q.id === c.q.id || q.kinds.of.some((k) => k.question === c.q.id)));
  const spec = whole?.kinds;
  if (!whole || !spec) return undefined;
  const v = kb.formQuestions.vocabulary;
  const clauses = t.split(COUNT_CLAUSES).map((x) => x.trim()).filter(Boolean);
  if (clauses.some((x) => spec.notCounted.some((w) => x.includes(w)))) return undefined;
  const things = v.countedThings.find((x) => x.thing === whole.counts)?.words ?? [];
  const kinds: { k: (typeof spec.of)[number]; value: number; approx: boolean }[] = [];
  const wholes: { value: number; approx: boolean }[] = [];
  for (const x of clauses) {
    if (!/[\d零〇一二两三四五六七八九十百千]/u.test(x)) continue;
    const n = parseNumber(x, whole.unit);
    if (!n) return undefined;
    const k = spec.of.find((o) => o.words.some((w) => x.includes(w)));
    if (k) kinds.push({ k, value: n.value, approx: n.approx === true });
    else if ([...things, ...v.wholeWords].some((w) => x.includes(w))) wholes.push({ value: n.value, approx: n.approx === true });
    else return undefined;
  }
  // 「实用新型15项」 alone to the count: one kind's figure, not the whole, so it is asked whether it is all of them.
  const one = kinds.length === 1 && !wholes.length && c.id === whole.id && !kinds[0]!.k.question ? kinds[0]! : undefined;
  if (one) return { kind: 'unclear', reason: 'onePart', choices: [clipQuote(t, 40), one.k.words[0]!, `${one.value}${whole.unit ?? ''}`, spec.whole], field: labelOf(c) };
  if (wholes.length > 1 || !kinds.length || kinds.length + wholes.length < 2 || new Set(kinds.map((x) => x.k)).size !== kinds.length) return undefined;
  const sum = kinds.reduce((a, x) => a + x.value, 0);
  // 「发明专利三个，实用新型二十多个」: a round part makes the sum round too (约23), kept with the words said, to be confirmed.
  const approx = wholes[0] ? wholes[0].approx : kinds.some((x) => x.approx);
  const total = wholes[0]?.value ?? sum;
  if (sum > total && !kinds.some((x) => x.approx)) return undefined;
  const round = (a: boolean) => (a ? { approx: true as const, said: t } : {});
  const items = [{ questionId: whole.id, value: total, ...round(approx) }, ...kinds.flatMap((x) => (x.k.question ? [{ questionId: x.k.question, value: x.value, ...round(x.approx) }] : []))];
  return { kind: 'answers', items: items.map((i) => (i.questionId === c.id ? i : { ...i, extra: true as const })) };
}

/** The span an indicator's figure is of: before or after the upgrade. */
const INDICATOR_PERIOD = '(建设完成前|建设完成后|建设前|建设后|改造完成前|改造完成后|改造前|改造后)';
/** 「建设前工厂360人」「改造后车间有320名员工」: a head count of a span said without the field's word 人数. */
const PERIOD_HEADCOUNT = new RegExp(`^${INDICATOR_PERIOD}的?(?:全厂|工厂|全车间|车间|企业|公司)?的?(?:员工|职工|人员|用工|工人|总人数|人数)?(?:有|是|为|共|一共|共有|总共)?\\s*([\\d零〇一二两三四五六七八九十百千]+\\s*(?:人|名|个人))(?:员工|职工|工人)?$`, 'u');
/** 「建设后3.1亿」「改造前产值达到2.4亿元」: a span's output value, a sum of money too large for a productivity per head and day
 * (亿, or a hundred 万 and more). */
const PERIOD_OUTPUT = new RegExp(`^${INDICATOR_PERIOD}的?(?:年产值|产值)?(?:有|是|为|达到?|约|大约)?\\s*([\\d零〇一二两三四五六七八九十百千.]+\\s*亿元?|[1-9]\\d{2,}(?:\\.\\d+)?\\s*万元?|[零〇一二两三四五六七八九十百千]*[千百]万元?)$`, 'u');
/** 「一年按300天算」「全年工作300天」「按300天计算」: the working days, said without the field's word. */
const WORKING_DAYS = /^(?:(?:一年|每年|全年|年)(?:按|按照|工作|生产|开工|算)?|按|按照)(?:工作|生产|开工)?\s*([\d零〇一二两三四五六七八九十百]+\s*天)(?:算|计|计算|来算|考虑)?[吧的了。.]*$/u;

/**
 * The inputs of 生产效率 said in words of their own (「建设前工厂360人，建设后320人，一年按300天算」), written with the
 * fields' words (建设前人数360人, 年工作天数300天) so that they are read as those fields said in passing. Only the
 * indicator questions read them so: elsewhere 「建设后320人」 may be another count.
 */
function indicatorInputs(text: string): string {
  return replyPieces(text)
    .map((p, i) => {
      const t = p.text;
      const head = PERIOD_HEADCOUNT.exec(t);
      const days = WORKING_DAYS.exec(t);
      const output = PERIOD_OUTPUT.exec(t);
      const out = head ? `${head[1]}人数${head[2]}` : days ? `年工作天数${days[1]}` : output ? `${output[1]}年产值${output[2]}` : t;
      return (i === 0 ? '' : p.sep) + out;
    })
    .join('');
}

/** 「2021年的：总资产…」「22年，营收…」: a year said once before the figures that follow, each of them that year's. */
const YEAR_OF_FIGURES = /^((?:19|20)?\d{2})\s*年度?(?:的\s*[：:，,]?|[：:，,])\s*/u;

/**
 * A reply at a story field (发展历程, 主营业务) made wholly of other fields' facts (「2021年的：总资产2亿5千万，负债…」,
 * 「员工380人，研发人员45人」): those facts fill their fields and the story is asked again, since a printed story of
 * figures is no story. A story that tells something besides its figures (「2011年成立，2021年营收突破3亿」) stays the story.
 */
function othersDataAtStory(kb: FormsKnowledge, c: Concrete, t: string): Interpretation | undefined {
  const m = YEAR_OF_FIGURES.exec(t);
  const p = passingFacts(kb, c, m ? `${m[1]}年${t.slice(m[0].length)}` : t);
  if (!p.items.length || p.items.some((i) => i.questionId === c.id) || p.rest.replace(/[\s，,。.；;：:！!…、]+/gu, '')) return undefined;
  return { kind: 'answers', items: p.items, ...(p.notes.length ? { notes: p.notes } : {}) };
}

/** 「不是发展历程」「不是主营业务的」: a field's name said as what an earlier reply was not. */
const NOT_FIELD = /(?:不是|并非|不属于|不该是|不应该是)\s*$/u;

/**
 * A reply that talks about an earlier one (「刚才那句是2021年财务数据，不是发展历程。发展历程：2011年成立…」): a
 * correction, never a field's text. The field named with a colon takes what follows it; a field the earlier reply was
 * said not to be is taken back (the asked one holds nothing of it). At a text field, such talk with neither is asked back, so it is
 * never printed; a figure's or a date's reply is read as before.
 */
function aboutEarlierReply(kb: FormsKnowledge, c: Concrete, t: string, story: boolean): Interpretation | undefined {
  const v = kb.formQuestions.vocabulary;
  if (!byLength(v.earlierReplyWords).some((w) => t.startsWith(w))) return undefined;
  const names = [...correctedNames(kb), ...namesFor(kb, c)].sort((a, b) => b.word.length - a.word.length);
  let label: { id: string; at: number; end: number } | undefined;
  for (const n of names) {
    const m = new RegExp(`${escape(n.word)}\\s*[：:]\\s*`, 'u').exec(t);
    if (m && (!label || m.index < label.at)) label = { id: n.id, at: m.index, end: m.index + m[0].length };
  }
  const items: Extract<Interpretation, { kind: 'answers' }>['items'] = [];
  if (label) {
    const said = t.slice(label.end).replace(/[\s。.！!]+$/u, '');
    const read = passingValue(kb, label.id, said);
    const at = findQuestion(kb, label.id);
    const bare = at && at.q.kind === 'text' && at.q.maxLength === undefined && contentless(v, said, at.fact);
    if (!read || bare) return { kind: 'unclear', reason: 'notAnAnswer' };
    items.push({ questionId: label.id, value: read.value, ...(read.approx ? { approx: true as const, said } : {}) });
  }
  const before = label ? t.slice(0, label.at) : t;
  for (const n of names) {
    const i = before.indexOf(n.word);
    if (i >= 0 && n.id !== c.id && NOT_FIELD.test(before.slice(0, i)) && !items.some((x) => x.questionId === n.id)) items.push({ questionId: n.id, value: null });
  }
  if (items.length) return { kind: 'answers', items };
  return c.q.kind === 'text' ? { kind: 'unclear', reason: 'notAnAnswer' } : undefined;
}

/**
 * A phone reply without the words before its number that say whose or which phone it is (「就是他手机139…」), where
 * what is left is one number the field takes; otherwise the reply as it came, to be checked and asked back as said.
 */
function withoutPhoneLead(v: FormVocabulary, text: string, mobileOnly: boolean): string {
  const leads = [...v.phoneLeads].sort((a, b) => b.length - a.length);
  let t = text;
  for (let cut = true; cut; ) {
    t = t.replace(/^[\s，,、：:]+/u, '');
    const w = leads.find((l) => t.startsWith(l));
    cut = w !== undefined;
    if (w) t = t.slice(w.length);
  }
  return t !== text && /^[+(（\d]/u.test(t) && badPhone(t, mobileOnly) === null ? t : text;
}

/**
 * A reply without the afterthought that opens it (「对了，」「补充一下」「忘了说」): those words carry no value, and the
 * field named after them is what the reply is about. A reply of the words alone is kept as it is.
 */
function withoutAfterthought(v: FormVocabulary, text: string): string {
  const leads = [...v.afterthoughtLeads].sort((a, b) => b.length - a.length);
  let t = text;
  for (let cut = true; cut; ) {
    cut = false;
    for (const w of leads)
      if (t.startsWith(w)) {
        const rest = t.slice(w.length).replace(/^[\s，,、。：:~～…]+/u, '');
        if (rest && rest !== t) {
          t = rest;
          cut = true;
        }
        break;
      }
  }
  return t;
}

/**
 * What a box's reply asks about its own field (「啥叫资本性质」 typed into the 资本性质 box), as the chat answers it;
 * undefined for a reply that is no such question.
 */
export function fieldHelpFor(kb: FormsKnowledge, questionId: string, text: string): string | undefined {
  const c = findQuestion(kb, questionId);
  const r = c ? fieldQuestion(kb, c, withoutAfterthought(kb.formQuestions.vocabulary, halfWidthAlnum(text).trim())) : undefined;
  return r === 'other' ? undefined : r;
}

/** Whether a whole reply points at another field's answer that is not given yet (「同单位地址」 before the address). */
export function pointsAtUnanswered(kb: FormsKnowledge, answers: Answers, questionId: string, text: string): boolean {
  const c = findQuestion(kb, questionId);
  const t = c ? withoutOwnLead(c, halfWidthAlnum(text).trim()) : halfWidthAlnum(text).trim();
  return (pointsAtField(kb, t, questionId) || kb.formQuestions.vocabulary.sameAsReplies.includes(wholeReply(t))) && sameAsEarlier(kb, answers, questionId, t) === undefined;
}

/** The longest reply read as a question in its own right when it asks about something other than the field. */
const FIELD_QUESTION_MAX = 24;

/** Words left of a question about a field once its name and question words are gone: they ask nothing more. */
const FIELD_QUESTION_FILLER = /(?:不知道|不晓得|不清楚|不太会|不会|这一栏|这一项|这一个|这个|这栏|这项|这里|一栏|该栏|该项|我们|俺们|咱们|俺|咱|应该|具体|到底|究竟|要|该|是|的|呢|啊|呀|吗|嘛|哈|吧|咧|哩|这|[\s，,。.！!？?~～、：:“”「」"'])/gu;

/**
 * Whether a reply at a field asks what the field means or how to fill it (「啥叫资本性质」「资本性质是啥意思？」
 * 「这个怎么填」): the explanation, from the field's `means`, `help` and named choices, when it asks only that;
 * 'other' when a short reply asks about something else with the same words (「两化融合是啥意思」 at 资本性质: a question
 * for the notice's answers); undefined for a reply with no such words, or a longer one that only uses them in passing.
 */
function fieldQuestion(kb: FormsKnowledge, c: Concrete, text: string): string | 'other' | undefined {
  const v = kb.formQuestions.vocabulary;
  // A field of a share or a rate is asked how it is worked out too, and 「这个比例」 there names its own figure.
  const how = c.q.how;
  // How a field is worked out is asked at any field: one with no formula says so and what it asks for, so a question at
  // 主营产品 is never answered about another figure's formula (提升/降低比例).
  const words = [...v.fieldQuestionWords, ...v.computeWords].sort((a, b) => b.length - a.length);
  if (!words.some((w) => text.includes(w))) return undefined;
  const computes = v.computeWords.some((w) => text.includes(w)) && !v.fieldQuestionWords.some((w) => text.includes(w));
  let rest = text;
  for (const w of words) rest = rest.split(w).join(' ');
  const label = labelOf(c);
  const names = [label, ...(c.q.saidAs ?? []), ...v.thisField, ...(how || computes ? v.ratioWords : [])].sort((a, b) => b.length - a.length);
  for (const n of names) rest = rest.split(n).join(' ');
  // A choice named in the question (「民营是啥意思」) asks about the field's choices too.
  const choices = (c.q.named ?? []).flatMap((n) => [n.name, ...n.aliases]).sort((a, b) => b.length - a.length);
  for (const n of choices) rest = rest.split(n).join(' ');
  rest = rest.replace(FIELD_QUESTION_FILLER, '');
  // A longer reply that uses the words in passing (「优势是什么呢，主要是…」) is read as the answer it goes on to give.
  if (rest) return text.length <= FIELD_QUESTION_MAX && !SENTENCE.test(text.replace(/[？?。.!！]+$/u, '')) ? 'other' : undefined;
  const m = kb.formQuestions.messages;
  if (computes && !how) return fill(m.noFormula, { field: label, means: c.q.means ?? c.text.replace(/^请(?:填写)?/u, '') });
  const named = (c.q.named ?? []).map((n) => n.name);
  return [
    fill(m.fieldHelp, { field: label, means: c.q.means ?? c.text }),
    how ?? '',
    c.help ?? '',
    named.length ? fill(m.fieldHelpChoices, { names: named.join('、') }) : '',
  ].join('');
}

/** A question that asks yes or no, or which of two: a closing 吗 or question mark, or 还是, 要不要, 算不算 and the like. */
const ASKS_WHICH = /[？?]\s*$|[吗么嘛]\s*[。.!！~～]*$|还是|要不要|算不算|含不含|包不包括|包括不包括|是不是|需不需要/u;
/** A none said whole: the none word, before or after words of the thing listed (没有啥荣誉, 荣誉资质暂时没有). */
const NONE_BEFORE = /^(?:目前|现在|暂时|还|都|也|我们|公司|企业|本企业)*(?:没有|没|无|暂无|尚无|未获得|没拿过|没评过|没获得过?)(?:过)?(?:任何|啥|什么|相关|这类|这些)?(.*?)(?:可填|可写)?[。.!！~～]*$/u;
const NONE_AFTER = /^(.+?)(?:目前|现在|暂时|还|都|也)*(?:没有|没|无|暂无|尚无)(?:呢|哦|啊)?[。.!！~～]*$/u;

/**
 * Whether a whole reply at a list field says there is none of it (「没有啥荣誉」「暂无」「荣誉资质暂时没有」): a none word with
 * nothing else but words of the question's own text, so what the list would name is what is said to be missing.
 */
function noneOfList(c: Concrete, text: string): boolean {
  const t = text.trim();
  const m = NONE_BEFORE.exec(t) ?? NONE_AFTER.exec(t);
  if (!m) return false;
  const rest = m[1]!.replace(/[的和与及、\s]/gu, '');
  return [...rest].every((ch) => c.text.includes(ch));
}

/** A list reply without its clauses that say it holds nothing more (`nothingElseSaid`), with the separators between the rest kept. */
function withoutNothingElse(v: FormVocabulary, text: string): string {
  const patterns = v.nothingElseSaid.map((p) => new RegExp(p, 'u'));
  const parts = text.split(/([，,；;。！!\s]+)/u);
  const kept: string[] = [];
  let dropped = false;
  for (let k = 0; k < parts.length; k += 2) {
    const clause = parts[k]!.trim();
    if (!clause) continue;
    if (patterns.some((p) => p.test(clause))) {
      dropped = true;
      continue;
    }
    if (kept.length) kept.push(parts[k - 1]!);
    kept.push(clause);
  }
  return dropped ? kept.join('').trim() : text;
}

/** Words that ask whether a field may be left out or must be given. */
const OPTIONAL_ASKED = /不填|不写|空着|跳过|必须|必填|一定要|非得|可以不/u;
/** The longest such question read at a field: a longer reply says more than it asks. */
const NOT_SETTLED_MAX = 30;

/**
 * What to say to a question at a field about what it takes (「注册资本要写实缴的还是认缴的」「员工人数要算劳务派遣的吗」): one
 * that names the field (its label, `saidAs`, or 这个) and asks yes or no or which of two, with no figure of its own.
 * The notice settles no such detail, so the answer says what the field asks for and whom to ask; nothing is stored.
 */
function notSettledAt(kb: FormsKnowledge, c: Concrete, text: string): string | undefined {
  const t = text.trim();
  if (c.q.kind === 'choice' || t.length > NOT_SETTLED_MAX || !ASKS_WHICH.test(t) || /[\d零〇一二两三四五六七八九十百千万亿]/u.test(t)) return undefined;
  // Whether the field may be left out (「这个可以不填吗」「必须写吗」) is a question about the notice's requirements, not about what the field takes.
  if (OPTIONAL_ASKED.test(t)) return undefined;
  const names = [labelOf(c), ...(c.q.saidAs ?? []), ...kb.formQuestions.vocabulary.thisField];
  if (!names.some((n) => t.includes(n))) return undefined;
  return fill(kb.formQuestions.messages.fieldNotSettled, { field: labelOf(c), means: c.q.means ?? c.text });
}

/** The measure words 几 counts with when it says "several" of a thing (几个客户, 几家房地产商). */
const SEVERAL = '几(?:个|家|位|所|条|种|类|款|项)';

/**
 * The text with each 几个 that says "several" written 一些 (「也给几个房地产商做精装配套」 → 「也给一些房地产商做精装配套」):
 * after a word that leads its object (`severalBefore`) and before the thing counted (two characters or more of its
 * clause). A 几个 after any other word (「有几个车间」「要写几个客户」) or with nothing after it still asks. Only whether the reply asks is read from the result; the reply is stored as typed.
 */
export function withoutSeveral(kb: FormsKnowledge, text: string): string {
  const before = kb.formQuestions.vocabulary.severalBefore;
  if (!before.length) return text;
  return text.replace(new RegExp(`(?<=${anyOf(before)})${SEVERAL}(?=[^，,。；;！!？?\\s]{2,})`, 'gu'), '一些');
}

/**
 * Whether a text asks about a field without naming it (「这个比例怎么算」「这一栏填什么」「占比咋算的」「这是啥意思」): a
 * question only the field it was asked at gives a subject to. Its words are the ones fieldQuestion reads at a field,
 * and nothing is left of it once they and the words that stand for the field are taken out; a question that names its
 * subject (「资产负债率怎么算」「提升降低比例怎么算」) keeps a word of its own.
 */
export function asksOnlyAtField(kb: FormsKnowledge, text: string, leads: readonly string[] = []): boolean {
  const v = kb.formQuestions.vocabulary;
  let t = text.normalize('NFKC').trim();
  // An opening that asks nothing (「请问」「老师」) names no subject either.
  for (const l of [...leads].sort((a, b) => b.length - a.length)) if (t.startsWith(l)) t = t.slice(l.length);
  const words = [...v.fieldQuestionWords, ...v.computeWords].sort((a, b) => b.length - a.length);
  if (!words.some((w) => t.includes(w))) return false;
  let rest = t;
  for (const w of [...words, ...[...v.thisField, ...v.ratioWords].sort((a, b) => b.length - a.length)]) rest = rest.split(w).join(' ');
  return rest.replace(FIELD_QUESTION_FILLER, '') === '';
}

/**
 * The choice a whole reply of one interview answer word picks (「有」, 「是的」, 「对」, 「不了」: the word and closing
 * particles only), for a choice question with `plainAnswers`; undefined for anything more or another question.
 */
function plainAnswer(kb: FormsKnowledge, questionId: string, text: string): string | undefined {
  const c = findQuestion(kb, questionId);
  const v = kb.interview?.vocabulary;
  if (!c?.q.plainAnswers || !v) return undefined;
  let t = text.toLowerCase().replace(/[\s。.!！~～…]+$/u, '');
  const particles = [...v.yesParticles].sort((a, b) => b.length - a.length);
  for (let cut = true; cut && t; ) {
    cut = false;
    for (const p of particles)
      if (t.length > p.length && t.endsWith(p) && (v.yes.includes(t) || v.no.includes(t)) === false) {
        t = t.slice(0, -p.length);
        cut = true;
        break;
      }
  }
  const is = (words: string[]) => words.some((w) => w.toLowerCase() === t);
  if (is(v.no)) return c.q.plainAnswers.no;
  if (is(v.yes)) return c.q.plainAnswers.yes;
  return undefined;
}

/**
 * A figure read as a fraction of one (parseNumber's `typed`) whose other reading, the percentage as typed, is as
 * plausible: the words typed, the figure as a percentage and as a fraction, for the ask-back. A fraction reading
 * above 100% is no percentage of anything, so 「1.5」 is 1.5% and not asked.
 */
export function percentOrFraction(n: { value: number; typed?: number }): [string, string, string] | undefined {
  if (n.typed === undefined || n.value === n.typed) return undefined;
  return [String(n.typed), String(n.typed), String(n.value)];
}

/** 「跟联系人一样」「和联系人的一样」「与企业地址相同」: a field named as the one this answer is the same as. */
const SAME_AS_NAMED = /^(?:跟|和|与|同)(.{1,10}?)的?(?:一样|相同|一致)[的。.!！]*$/u;

/** 「同单位地址」「同公司地址」「同联系人」: 同 before the name of a field or person, read as 「跟…一样」 (the name must be a field's `saidAs`). */
const SAME_AS_FIELD = /^(?:同|同于|同样是|就是)(.{1,10}?)[的。.!！]*$/u;

/**
 * Whether a whole reply points at another field's answer (「同单位地址」「跟联系人一样」) rather than giving one: where
 * sameAsEarlier found nothing to copy, it is asked back, never stored as the words.
 */
function pointsAtField(kb: FormsKnowledge, text: string, questionId?: string): boolean {
  const t = wholeReply(text);
  const m = SAME_AS_NAMED.exec(t) ?? SAME_AS_FIELD.exec(t);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  // The asked person's own fields are named by their near words too (「跟手机一样」 to 联系人电话).
  const near = (q: FormQuestion) => questionId !== undefined && scopeOf(q.id) !== undefined && scopeOf(q.id) === scopeOf(questionId);
  return kb.formQuestions.questions.some((q) => [...(q.saidAs ?? []), ...(near(q) ? q.nearSaidAs ?? [] : [])].some((w) => w.toLowerCase() === word));
}

/** The asked field named ahead of a pointer at another answer, perhaps with a change: 「地址改一下，」「电话」 before 「跟手机一样」. */
const OWN_LEAD = /^(.{2,8}?)(?:也|就)?(?:改一下|改下|改成|改为|换成|要改|改)?[，,：:\s]*(?=(?:跟|和|与|同)\S)/u;

/**
 * A reply pointing at another answer without the asked field's own name said ahead of it (「电话跟手机一样」 to 联系人电话,
 * 「地址改一下，跟单位地址一样」 to the workshop's address): the name is the asked field's (its label holds it, or it is one of its
 * words), so only the pointer is left. A lead naming another field is kept, and the reply is read as typed.
 */
function withoutOwnLead(c: Concrete, t: string): string {
  const m = OWN_LEAD.exec(t);
  if (!m) return t;
  const own = labelOf(c).includes(m[1]!) || [...(c.q.saidAs ?? []), ...(c.q.nearSaidAs ?? [])].includes(m[1]!);
  return own ? t.slice(m[0].length) : t;
}

/** What kind of answer a field takes, so that 「同上」 is read from a field of the same kind: a unit, a check, or the fact's last word. */
function kindKey(c: Concrete): string {
  if (c.q.kind === 'number') return `number:${c.q.unit ?? ''}`;
  if (c.q.kind === 'date') return 'date';
  return `${c.q.kind}:${c.q.validate ?? c.fact.split('.').pop()}`;
}

/**
 * The value a reply pointing at an earlier answer stands for (「同上」 to the workshop's address, 「跟前面一样」 to the
 * headcount after, 「跟联系人一样」 to the chief's phone): the nearest earlier answered field of the same kind, in the
 * form's order, or of the person or field it names. Undefined when the reply points at nothing, or at nothing of the
 * same kind: the reply is then asked back, never stored as the words 同上.
 */
export function sameAsEarlier(kb: FormsKnowledge, answers: Answers, questionId: string, text: string): Interpretation | undefined {
  const c = findQuestion(kb, questionId);
  if (!c || c.q.perElementCell || (c.q.kind === 'text' && c.q.maxLength === undefined)) return undefined;
  const t = withoutOwnLead(c, wholeReply(halfWidthAlnum(text)));
  // 「工厂地址 同上」 typed while another question waits points the field it names at the earlier answer.
  const lead = namedSameAs(kb, t);
  if (lead && lead.id !== questionId) {
    const r = sameAsEarlier(kb, answers, lead.id, lead.rest);
    return r?.kind === 'answers' ? { kind: 'answers', items: r.items.map((i) => ({ ...i, questionId: lead.id })) } : undefined;
  }
  // 「同单位地址，厂区3号车间」「和注册地址一样，北区2号厂房」: another answer with words added after it, as one value;
  // with that answer not given yet it is asked back, never stored as the words that point at it.
  // A name, a listed choice or a post is one thing: words after 「同上」 there are no part of it.
  const open = c.q.kind === 'text' && c.q.validate === undefined && !c.q.named && !c.q.takes && !/\.name$/u.test(c.id);
  const plus = open ? /^(.{2,14}?)[，,；;\s]+(.+)$/u.exec(t) : null;
  if (plus && (kb.formQuestions.vocabulary.sameAsReplies.includes(plus[1]!) || pointsAtField(kb, plus[1]!))) {
    const base = sameAsEarlier(kb, answers, questionId, plus[1]!);
    const added = CLOSING.test(plus[2]!) ? '' : plus[2]!.replace(ADDED_LEAD, '').trim();
    if (!added) return base;
    const was = base?.kind === 'answers' ? base.items[0]?.value : undefined;
    if (typeof was === 'string' && added) return { kind: 'answers', items: [{ questionId, value: `${was.replace(/[。.]+$/u, '')}${added}` }] };
    return { kind: 'unclear', reason: 'sameAsUnknown', choices: [clipQuote(t, 40), plus[1]!], field: labelOf(c) };
  }
  const key = kindKey(c);
  const ws = /^form\.ws\.(\d+)\./.exec(questionId)?.[1];
  const concrete = (id: string) => (ws ? id.replace('{i}', ws) : id);
  const order = kb.formQuestions.questions.filter((q) => !q.perElementCell && (!q.repeat || ws !== undefined)).map((q) => concrete(q.id));
  const at = order.indexOf(questionId);
  // A phone field takes a mobile as readily as a landline: 「跟联系人一样」 where the contact gave only a mobile is that mobile.
  const fits = (k: string) => k === key || (key === 'text:phone' && k === 'text:mobile');
  const sameKind = (id: string) => id !== questionId && given(answers, id) && (() => { const x = findQuestion(kb, id); return x !== undefined && fits(kindKey(x)); })();
  const value = (id: string): Interpretation => ({ kind: 'answers', items: [{ questionId, value: answers[id] as AnswerValue }] });
  const named = kb.formQuestions.vocabulary.sameAsReplies.includes(t) ? null : SAME_AS_NAMED.exec(t) ?? SAME_AS_FIELD.exec(t);
  if (named) {
    const word = named[1]!.toLowerCase();
    const fields = kb.formQuestions.questions.filter((q) => !q.repeat && !q.perElementCell);
    // 「跟手机一样」 to 联系人电话 names the same person's field by its near word, as a reply to that person's questions does.
    const hit = fields.flatMap((q) => (q.saidAs ?? []).map((w) => ({ w: w.toLowerCase(), id: q.id }))).find((x) => x.w === word)
      ?? fields.filter((q) => scopeOf(q.id) !== undefined && scopeOf(q.id) === scopeOf(questionId)).flatMap((q) => (q.nearSaidAs ?? []).map((w) => ({ w: w.toLowerCase(), id: q.id }))).find((x) => x.w === word);
    if (!hit) return undefined;
    if (sameKind(hit.id)) return value(hit.id);
    // 「跟联系人一样」 to the chief's phone names a person: the field of that person that matches the one asked.
    const scope = scopeOf(hit.id);
    const inScope = scope ? order.filter((id) => scopeOf(id) === scope && sameKind(id)) : [];
    const other = inScope.find((id) => kindKey(findQuestion(kb, id)!) === key) ?? inScope[0];
    return other ? value(other) : undefined;
  }
  if (!kb.formQuestions.vocabulary.sameAsReplies.includes(t)) return undefined;
  // The nearest of the very same kind first (a landline for a landline); a mobile for a phone only when there is none.
  const exact = (id: string) => sameKind(id) && kindKey(findQuestion(kb, id)!) === key;
  for (const ok of [exact, sameKind]) for (let i = at - 1; i >= 0; i--) if (ok(order[i]!)) return value(order[i]!);
  return undefined;
}

/** A closing said after the pointing words (「同上，谢谢」): nothing added to the value. */
const CLOSING = /^(?:谢谢|多谢|麻烦了|辛苦了|就这样|就这些|没了|好的|对|是的|一样)[啦了吧啊呀哈]*[。.!！~～]*$/u;
/** The words that open what is added to another answer (「同单位地址，再加上3号车间」): no part of the value. */
const ADDED_LEAD = /^(?:另外|然后|再|后面|后边|最后)*(?:加上|加|添上|写上|补上|是|在)?[：:\s]*/u;

/** Words that point at the answer given rather than quote it (「手机号不是这个，是…」). */
const THIS_ONE = /^(?:这个|那个|这|那|刚才那个|刚才的|上面那个|上面的|之前那个|前面那个)$/u;

/**
 * 「地址不是18号，应该是16号」「手机号不是这个 是13838012354」「电话不是2812345 是2812346」: a correction of an answer
 * already given, naming its field, read against that answer. The part it is not is replaced by the part it is
 * within the answer (a house number, a digit group); 「这个」 stands for the whole answer. The field is the one its
 * words name, or of the fields a loose word names (手机号 of the contact or the chief), the one answered. Undefined
 * when no answered field is named or the part it is not is not in the answer: the reply is then read as before.
 */
export function editOfAnswer(kb: FormsKnowledge, answers: Answers, questionId: string, text: string): Interpretation | undefined {
  const t = halfWidthAlnum(text).trim();
  if (t.length > CORRECTION_MAX) return undefined;
  const m = NOT_IS.exec(t);
  if (!m) return undefined;
  const name = m[1]!.toLowerCase().replace(/的/gu, '').trim();
  const answered = (id: string) => typeof answers[id] === 'string' || typeof answers[id] === 'number';
  const named = (key: 'saidAs' | 'nearSaidAs') => kb.formQuestions.questions.filter((q) => !q.repeat && !q.perElementCell && (q[key] ?? []).some((w) => w.toLowerCase().replace(/的/gu, '') === name)).map((q) => q.id);
  const own = named('saidAs').filter(answered);
  const near = named('nearSaidAs').filter((id) => answered(id) && id !== questionId);
  const id = own.length === 1 ? own[0]! : own.length === 0 && near.length === 1 ? near[0]! : undefined;
  const c = id ? findQuestion(kb, id) : undefined;
  if (!id || !c || c.q.kind === 'date' || (c.q.kind === 'text' && c.q.maxLength === undefined)) return undefined;
  const was = m[2]!.trim();
  const is = m[3]!.replace(/[。.!！~～]+$/u, '').trim();
  const current = String(answers[id]);
  let said: string;
  if (THIS_ONE.test(was)) said = is;
  else if (current.includes(was) && was.length > 0) said = current.split(was).join(is);
  else return undefined;
  const read = c.q.kind === 'number' ? passingValue(kb, id, is) : { value: c.q.validate === 'phone' || c.q.validate === 'mobile' ? phonesAsStored(said) : said };
  return read ? { kind: 'answers', items: [{ questionId: id, value: read.value }] } : undefined;
}

/**
 * 「3月份」 after a year alone was asked back for its month (「2020年」, 「去年」, 「前年初」): the date both replies give
 * together. A year said relative to the day of speaking is counted from `today` (the session's day), as 「去年3月份」 said
 * at once is; without that day it is left unread. Undefined unless the earlier reply is a year alone and this one a
 * month with no year, for a date question: 「2020年初」 is a date of its own, recorded as January.
 */
export function monthAfterYear(kb: FormsKnowledge, questionId: string, yearSaid: string, text: string, today?: string): Interpretation | undefined {
  const c = findQuestion(kb, questionId);
  if (c?.q.kind !== 'date') return undefined;
  const thisYear = Number(/^(\d{4})-/u.exec(today ?? '')?.[1]);
  const said = wholeReply(halfWidthAlnum(yearSaid)).replace(/\s+/gu, '');
  const counted = Number.isFinite(thisYear) ? absoluteYears(said, thisYear, { ...kb.formQuestions.vocabulary.relativeYears, ...c.q.underway?.years }) : said;
  const year = /^((?:19|20)\d{2}|\d{2})年?$/u.exec(arabicDate(counted))?.[1];
  const month = /^(?:的)?(\d{1,2})月份?$/u.exec(arabicDate(wholeReply(halfWidthAlnum(text))).replace(/\s+/gu, ''))?.[1];
  if (!year || !month) return undefined;
  const d = parseDate(`${year.length === 2 ? fullYear(Number(year), new Date().getFullYear()) : year}年${month}月`);
  return d ? { kind: 'answers', items: [{ questionId, value: d }] } : undefined;
}

/**
 * A reply to a date question whose year is said relative to the day of speaking (「去年十月」「前年底」), with that year
 * written out as `today` (YYYY-MM-DD, the session's day) counts it, and the words that said it; undefined where it says
 * none or no day is given. A planned date (「预计明年六月完工」) is counted from the same day: said in 2026, 明年 is 2027,
 * never a year already past.
 */
export function datedReply(kb: FormsKnowledge, questionId: string, text: string, today: string | undefined): { text: string; said: string } | undefined {
  const c = findQuestion(kb, questionId);
  if (!today || c?.q.kind !== 'date') return undefined;
  // 「明年十月」 at a date that may still be to come reads its year as 「去年十月」 does; the note on a late date says the rest.
  const words = { ...kb.formQuestions.vocabulary.relativeYears, ...c.q.underway?.years };
  const r = relativeDates(text, today, words);
  if (r.said.length) return { text: r.text, said: r.said.join('、') };
  // 「去年」 alone: the year is written out, so that its month is asked for and 「3月份」 next completes it (monthAfterYear).
  const alone = wholeReply(text.trim());
  const year = Number(today.slice(0, 4));
  return alone in words && Number.isFinite(year) ? { text: `${year + words[alone]!}年`, said: alone } : undefined;
}

/**
 * 「建设完成日期改一下，预计明年六月完工」 while another form question waits: a correction that names a date field of the form,
 * its year said relative to the day of speaking. The year is counted from `today` (the session's day) as a reply to that
 * field's own question counts it (datedReply): the field, the reply with the year written out, and the words that said
 * it. Undefined when the reply takes back no date field, or names no relative year.
 */
export function correctedDate(kb: FormsKnowledge, text: string, today: string | undefined): { questionId: string; text: string; said: string } | undefined {
  const gate = findQuestion(kb, GATE);
  if (!gate || !today) return undefined;
  for (const q of kb.formQuestions.questions) {
    if (q.kind !== 'date' || q.repeat || q.perElementCell) continue;
    const r = datedReply(kb, q.id, text, today);
    if (!r) continue;
    const fix = correctionOf(kb, gate, halfWidthAlnum(r.text).trim());
    if (fix?.kind === 'answers' && fix.items.some((i) => i.questionId === q.id)) return { questionId: q.id, ...r };
  }
  return undefined;
}

/** 2027-10 → 2027年10月, 2026-12-07 → 2026年12月7日: a stored date as the notes about it say it. */
function dateWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d ? `${d}日` : ''}`;
}

/**
 * The note a date of something the form states as done (`happened`: 建设完成日期) is recorded with when it is later than
 * `today` (the session's day, YYYY-MM-DD) or than the notice's last deadline in its year (2023年3月15日): the notice does
 * not say a project must be finished, and the note says so and who judges it. Undefined for an earlier date, a skip, or
 * another field. Compared at the stored date's precision: 2023-03 is not after 2023-03-15.
 */
export function lateDateNote(kb: FormsKnowledge, questionId: string, value: AnswerValue, today?: string): string | undefined {
  const c = findQuestion(kb, questionId);
  const m = kb.formQuestions.messages.lateDate;
  if (!c?.q.happened || !m || typeof value !== 'string' || !isRealDate(value)) return undefined;
  const cut = (d: string) => d.slice(0, value.length);
  const why: string[] = [];
  if (today && isRealDate(today) && value > cut(today)) why.push(fill(m.future, { today: dateWords(today) }));
  const year = noticeYear(kb);
  const last = [...(kb.facts?.deadlines ?? [])].sort((a, b) => b.month - a.month || b.day - a.day)[0];
  if (year !== undefined && last) {
    const deadline = `${year}-${String(last.month).padStart(2, '0')}-${String(last.day).padStart(2, '0')}`;
    if (value > cut(deadline)) why.push(fill(m.afterDeadline, { year, deadline: dateWords(deadline), who: last.who, what: last.what, clause: last.clause }));
  }
  return why.length ? fill(m.note, { field: labelOf(c), date: dateWords(value), why: why.join('，也') }) : undefined;
}

/** The words that read a relative date back for confirmation (「「去年十月」按今天（2026年12月7日）算是2025年10月」). */
export function datedEcho(kb: FormsKnowledge, tpl: 'relativeDate' | 'relativeDateShown', said: string, date: string, today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  return fill(kb.formQuestions.messages[tpl], { said, date, today: `${y}年${m}月${d}日` });
}

/**
 * 「这三年都一样」「近三年都差不多」「前两年都持平」 at a yearly figure, with no figure yet: the years said alike, which the
 * figure said next is given to. Read by the one reader of such replies (sameEachYear): with a figure after it, the reply
 * would fill two years or more.
 */
export function sameYearsAlone(kb: FormsKnowledge, questionId: string, text: string): boolean {
  const c = findQuestion(kb, questionId);
  if (!c || c.q.kind !== 'number' || !YEARLY_FACT.test(c.fact)) return false;
  const t = wholeReply(halfWidthAlnum(text));
  // A reply that gives a figure already (「这三年都是1000万」) is read as it stands.
  if (!t || interpretForm(kb, t, view(c)).kind === 'answers') return false;
  const read = interpretForm(kb, `${t}，1`, view(c));
  return read.kind === 'answers' && new Set(read.items.map((i) => i.questionId)).size >= 2;
}

/**
 * The figure said after 「这三年都一样」 was asked back for it (「1000万」): given to every year the reply before said
 * alike, as the two said at once are read. Undefined where the reply is no figure alone (another year's, a question).
 */
export function figureAfterSameYears(kb: FormsKnowledge, questionId: string, alike: string, text: string): Interpretation | undefined {
  if (!sameYearsAlone(kb, questionId, alike)) return undefined;
  const n = readFigure(kb, questionId, text);
  const c = findQuestion(kb, questionId);
  if (n?.kind !== 'value' || !c) return undefined;
  const read = interpretForm(kb, `${wholeReply(halfWidthAlnum(alike))}，${wholeReply(halfWidthAlnum(text))}`, view(c));
  return read.kind === 'answers' && read.items.length >= 2 ? read : undefined;
}

/** A reply that opens with a field's name and then points at an earlier answer (「工厂地址 同上」): that field and the pointing words. */
function namedSameAs(kb: FormsKnowledge, t: string): { id: string; rest: string } | undefined {
  const lower = t.toLowerCase();
  const names = kb.formQuestions.questions.filter((q) => !q.repeat && !q.perElementCell).flatMap((q) => (q.saidAs ?? []).map((w) => ({ w, id: q.id })));
  for (const n of names.sort((a, b) => b.w.length - a.w.length)) {
    if (!lower.startsWith(n.w.toLowerCase())) continue;
    const rest = wholeReply(t.slice(n.w.length).replace(/^[\s，,：:]*(?:也|就)?(?:是|填)?/u, ''));
    if (kb.formQuestions.vocabulary.sameAsReplies.includes(rest)) return { id: n.id, rest };
    return undefined;
  }
  return undefined;
}

/** A 万 with a digit after it, inside one numeral (十万五, 一万五千, 1万5): a place of the figure or its unit. */
const INNER_WAN = /[万萬](?=\s*[零〇一二两三四五六七八九\d])/u;

/**
 * A figure for a form field, read as the chat, the question's card and the form view all read it, or the one
 * question to ask back instead. Two things are never settled in silence: a figure said for another span than the
 * field's (「一个月差不多六千万」 where a year's revenue is asked, 「一年三十个亿」 where a day's cost is), and a 万
 * inside a numeral (「十万五」), which is 10.5 万元 when 万 is its unit and 105000 万元 when 万 is a place: the field's
 * plausible range keeps the one reading inside it, and when both or neither are, the reply is asked back.
 */
export function readFigure(
  kb: FormsKnowledge,
  questionId: string,
  typed: string,
): { kind: 'value'; value: number; approx?: true; typed?: number } | { kind: 'ask'; reason: 'period' | 'wanOrPlace' | 'wrongKind' | 'otherYear'; choices: string[]; message: string } | undefined {
  const c = findQuestion(kb, questionId);
  if (!c || c.q.kind !== 'number') return undefined;
  // 「一个亿，同比涨了两成」: how the figure changed, said beside it, is no figure of the field, as the chat reads the same
  // reply; its percentage is no kind the field is typed in, nor its 上年 a year the figure is of.
  const text = withoutChange(halfWidthAlnum(typed).trim());
  // 「2021年一点二亿」 in the 2022 column: the figure is another year's, never this one's. The chat records it as that
  // year's before it gets here (readAsked); the form view's box says where it goes.
  const yearly = yearlyFigures(kb, c, text);
  const other = yearly?.parts.find((p) => p.target?.id !== c.id) ?? (yearly && !yearly.parts.length ? { year: yearsSaid(text, noticeYear(kb)!, kb.formQuestions.vocabulary.relativeYears)[0]!.year } : undefined);
  if (yearly && other) {
    const m = kb.formQuestions.messages;
    const asked = YEARLY_FACT.exec(c.fact)![1]!;
    const year = String(other.year);
    return {
      kind: 'ask',
      reason: 'otherYear',
      choices: [yearly.said, year],
      message: tableYears(kb).includes(other.year) ? fill(m.otherYear, { said: yearly.said, year, asked, field: labelOf(c) }) : fill(m.yearNotOnForm, { said: yearly.said, year, years: tableYears(kb).join('、') }),
    };
  }
  const n = parseNumber(text, c.q.unit);
  const said = clipQuote(text, 30);
  const m = kb.formQuestions.messages;
  const period = c.q.period;
  if (n && period) {
    const words = kb.formQuestions.vocabulary.periodWords;
    const spans = (['day', 'month', 'year'] as const).filter((p) => words[p].some((w) => text.includes(w)));
    if (spans.length && !spans.includes(period)) {
      const spoken = words[spans[0]!].find((w) => text.includes(w))!;
      const wanted = words[period][0] ?? period;
      const unit = c.q.unit ? `（${c.q.unit}）` : '';
      return { kind: 'ask', reason: 'period', choices: [said, spoken, wanted], message: fill(m.period, { said, spoken, wanted, field: labelOf(c), unit }) };
    }
  }
  // 「90天」 to a rate, 「百分之八十五」 to a count of workshops: the field's kind is said back, never a range or a bare number.
  const wrong = wrongKind(kb, c, text);
  if (wrong) return { kind: 'ask', reason: 'wrongKind', ...wrong };
  if (!n) return undefined;
  if (c.q.unit?.startsWith('万元') && n.unit === undefined && INNER_WAN.test(text)) {
    const place = n.value;
    const asUnit = Number((n.value / 1e4).toPrecision(12));
    const range = c.q.plausible;
    const inside = (x: number) => range !== undefined && (range.min === undefined || Math.abs(x) >= range.min) && (range.max === undefined || Math.abs(x) <= range.max);
    if (inside(asUnit) !== inside(place)) return { kind: 'value', value: inside(asUnit) ? asUnit : place, ...(n.approx ? { approx: true as const } : {}) };
    return { kind: 'ask', reason: 'wanOrPlace', choices: [said, String(asUnit), String(place)], message: fill(m.wanOrPlace, { said, small: String(asUnit), large: String(place) }) };
  }
  return { kind: 'value', value: n.value, ...(n.approx ? { approx: true as const } : {}), ...(n.typed !== undefined ? { typed: n.typed } : {}) };
}

type UnitKind = FormVocabulary['unitKinds'][number];
/** A whole reply that is a year, a year and month, or a month alone (2015年, 21年10月, 3月份), as arabicDate writes it. */
const WHOLE_DATE = /^(?:(?:\d{4}|\d{2})年(?:\d{1,2}月份?)?|\d{1,2}月份?|(?:19|20)\d{2}-\d{1,2})$/u;
const NUMERAL = '[\\d０-９零〇一二两三四五六七八九十百千万亿]';

/** The kind of value a field wants: the one its unit names (天, %, 万元), or a count for a count with no unit. */
function fieldKind(v: FormVocabulary, c: Concrete): UnitKind | undefined {
  if (c.q.kind === 'date') return v.unitKinds.find((k) => k.kind === 'date');
  if (c.q.kind !== 'number') return undefined;
  return v.unitKinds.find((k) => k.units.includes(c.q.unit ?? '') || (!c.q.unit && k.validates?.includes(c.q.validate ?? '')));
}

/**
 * The kinds of value a reply states by its marks: a mark right after a numeral (90天, 四个, 三千元; not 每天, 一个月,
 * 五个亿), or before one where the kind says so (百分之八十五). A date is a date only as a whole reply (2015年, 3月份).
 */
function saidKinds(v: FormVocabulary, text: string): UnitKind[] {
  // A span's words (一天, 每月, 一年) say what a figure covers, not its kind: 「一天三十万八」 is an amount.
  const spans = [...v.periodWords.day, ...v.periodWords.month, ...v.periodWords.year].sort((a, b) => b.length - a.length);
  const t = spans.reduce((x, w) => x.split(w).join(' '), text.trim()).trim();
  return v.unitKinds.filter((k) => {
    if (k.series) return seriesSaid(k, t);
    if (k.kind === 'date') return WHOLE_DATE.test(arabicDate(t).replace(/\s+/gu, ''));
    // 「研发投入1800万」: a figure said right after a word of the kind's is of that kind, with no mark after it.
    if (k.nouns?.some((n) => new RegExp(`${escape(n)}[^\\d，。；,;！!？?]{0,6}?${NUMERAL}`, 'u').test(t))) return true;
    return k.marks.some((mark) => {
      const w = escape(mark);
      if (new RegExp(`${NUMERAL}\\s*${w}(?![亿万点月均小时多来半])`, 'u').test(t)) return true;
      return !!k.before && (new RegExp(`${w}\\s*${NUMERAL}`, 'u').test(t) || (/^[%％]$/u.test(mark) && t.includes(mark)));
    });
  });
}

/** Years said in a reply (2020, 21年) and the other figures in it. */
const YEAR_SAID = /(?<![\d.])(?:(?:19|20)\d{2}(?![\d.])|\d{2}(?=\s*年))/gu;
const FIGURE_SAID = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+/gu;

/**
 * Whether a reply gives a series of figures, one a year (「2020到2022年研发投入分别是1200万、1500万、1800万」,
 * 「2021年30人，2022年45人」): a mark of the series (分别) or two years, with two figures besides the years.
 */
function seriesSaid(k: { marks: string[] }, text: string): boolean {
  const t = arabicDate(text);
  const years = new Set([...t.matchAll(YEAR_SAID)].map((m) => m[0]));
  const figures = t.replace(YEAR_SAID, ' ').match(FIGURE_SAID) ?? [];
  return figures.length >= 2 && (years.size >= 2 || k.marks.some((m) => t.includes(m)));
}

/**
 * The things a reply counts (「5条自动化生产线」 → 生产线, 「45名研发人员」 → 人), by the measure after each numeral and the
 * words after it; a figure with a measure that names no thing (「三个」) is undefined in the list, so it may be any count.
 */
function thingsCounted(v: FormVocabulary, text: string): (FormVocabulary['countedThings'][number] | undefined)[] {
  const things = v.countedThings;
  const measures = [...new Set(['个', ...things.flatMap((x) => x.measures)])].sort((a, b) => b.length - a.length);
  const words = things.flatMap((x) => x.words.map((w) => ({ w, x }))).sort((a, b) => b.w.length - a.w.length);
  const out: (FormVocabulary['countedThings'][number] | undefined)[] = [];
  for (const m of text.matchAll(new RegExp(`${NUMERAL}+\\s*(?:来|多|余)?\\s*(${measures.map(escape).join('|')})([^\\s\\d，。；,;、！!？?：:]{0,8})`, 'gu'))) {
    const tail = m[2]!;
    // The word nearest the measure names the thing: 「5条自动化生产线」 after its modifier, 「3个智能车间」.
    let named: (typeof words)[number] | undefined;
    for (const c of words) {
      const at = tail.indexOf(c.w);
      if (at >= 0 && (!named || at < tail.indexOf(named.w))) named = c;
    }
    const byMeasure = m[1] === '个' ? [] : things.filter((x) => x.measures.includes(m[1]!));
    out.push(named?.x ?? (byMeasure.length === 1 ? byMeasure[0] : undefined));
  }
  return out;
}

/** A count of another thing than the field counts (「已建成5条自动化生产线」 to 车间数), with nothing of its own thing said. */
function otherThingCounted(v: FormVocabulary, c: Concrete, text: string): { label: string; wanted: string } | undefined {
  const own = c.q.counts ? v.countedThings.find((x) => x.thing === c.q.counts) : undefined;
  if (!own) return undefined;
  const said = thingsCounted(v, text);
  const other = said.find((x) => x && x.thing !== own.thing);
  if (!other || said.some((x) => !x || x.thing === own.thing)) return undefined;
  return { label: other.label, wanted: own.label };
}

/** A reply stating only kinds of value the field does not want: what was said, its kind and what the field wants, with the message. */
function wrongKind(kb: FormsKnowledge, c: Concrete, text: string): { choices: string[]; message: string } | undefined {
  const v = kb.formQuestions.vocabulary;
  const wantKind = fieldKind(v, c);
  const wanted = c.q.wants ?? (wantKind ? `${wantKind.label}${c.q.unit && c.q.kind === 'number' ? `（${c.q.unit}）` : ''}` : undefined);
  if (!wanted) return undefined;
  const said0 = clipQuote(text, 30);
  // A year's series where one figure is asked (「2021年30人，2022年45人」 to 研发人员) is no one value of it, whatever its unit;
  // a table's yearly figures are read by year before this (yearlyFigures).
  const series = YEARLY_FACT.test(c.fact) ? undefined : v.unitKinds.find((k) => k.series && seriesSaid(k, text));
  if (series && c.q.kind === 'number') return { choices: [said0, series.label, wanted], message: fill(kb.formQuestions.messages.wrongKind, { said: said0, kind: series.label, wanted, field: labelOf(c) }) };
  const thing = otherThingCounted(v, c, text);
  if (thing) return { choices: [said0, thing.label, thing.wanted], message: fill(kb.formQuestions.messages.wrongKind, { said: said0, kind: thing.label, wanted: thing.wanted, field: labelOf(c) }) };
  const kinds = saidKinds(v, text).filter((k) => !k.series);
  if (!kinds.length || kinds.some((k) => k.kind === wantKind?.kind)) return undefined;
  // A checked text field (the credit code) hears only of a date or a figure typed into it, never of its own characters.
  const said = clipQuote(text, 30);
  return { choices: [said, kinds[0]!.label, wanted], message: fill(kb.formQuestions.messages.wrongKind, { said, kind: kinds[0]!.label, wanted, field: labelOf(c) }) };
}

/**
 * Whether a reply reads as an address (vocabulary addressKind): a place word and a street word, or two street words, in
 * Chinese, with no run of eight letters or digits, which a code or a phone would have.
 */
function addressSaid(kind: NonNullable<FormVocabulary['addressKind']>, text: string): boolean {
  if (/[0-9A-Za-z]{8,}/u.test(text.replace(/[\s-]/gu, '')) || !/\p{Script=Han}{4,}/u.test(text)) return false;
  const places = kind.places.filter((w) => text.includes(w)).length;
  const streets = kind.streets.filter((w) => text.includes(w)).length;
  return (places >= 1 && streets >= 1) || streets >= 2;
}

/**
 * An address typed at a field that wants something else (a code, a date): said back as an address, never read as the
 * field's value; it fills the address question while that is empty, and the asked field is asked again.
 */
function addressInstead(kb: FormsKnowledge, c: Concrete, t: string, wanted: string): Interpretation | undefined {
  const place = kb.formQuestions.vocabulary.addressKind;
  if (!place || place.question === c.id || !addressSaid(place, t)) return undefined;
  const left = { reason: 'wrongKind' as const, choices: [clipQuote(t, 30), place.label, wanted], field: labelOf(c) };
  return findQuestion(kb, place.question) ? { kind: 'answers', items: [{ questionId: place.question, value: t, extra: true }], pendingLeft: left } : { kind: 'unclear', ...left };
}

/** The asked field's own reading of a reply (or of what is left of it once passing facts are taken out). */
function readAsked(kb: FormsKnowledge, c: Concrete, pending: QuestionView, said: string): Interpretation {
  const W = wordsOf(kb.formQuestions.vocabulary);
  const t = withoutOwnLabel(c, said);
  if (c.q.kind === 'text' && c.q.maxLength !== undefined) {
    // 「有」, 「是的」, 「同上」 to a one-line field (an address, a name) are asked back, naming the field; a none
    // (「无」) is read further on, as the field left empty.
    // 「没有邮箱」「暂无传真」: a none naming the asked field is the field left empty, never stored as its value.
    const none = /^(?:目前|暂时|还|也)?(?:没有|没|无|暂无)(.{1,8}?)[。.!！]*$/u.exec(wholeReply(t));
    const namesAsked = (w: string) => [...(c.q.saidAs ?? []), ...(c.q.nearSaidAs ?? [])].some((x) => x.toLowerCase().includes(w.toLowerCase())) || [...w].every((ch) => labelOf(c).includes(ch));
    if (none && namesAsked(none[1]!)) return { kind: 'answers', items: [{ questionId: pending.id, value: null }] };
    const wrong = c.q.wants ? wrongKind(kb, c, t) : undefined;
    if (wrong) return { kind: 'unclear', reason: 'wrongKind', choices: wrong.choices, field: labelOf(c) };
    // 「技术人员八十几个」 to 联系人职务, 「二十七个」 to an address: a count, asked back as one, never stored as the field's words.
    const count = countAsText(kb.formQuestions.vocabulary, c, t);
    if (count) return { kind: 'unclear', reason: 'wrongKind', choices: [clipQuote(t, 30), count.kind, count.wanted], field: labelOf(c) };
    // 「郑州市高新区科学大道100号」 where the credit code is asked: said back as an address, never checked as a code; it
    // fills the address while that is empty, and the code is asked again.
    const address = c.q.wants ? addressInstead(kb, c, t, c.q.wants) : undefined;
    if (address) return address;
    const post = c.q.takes === 'post' ? postAndMore(kb, c, t) : undefined;
    if (post) return post;
    if (printsNothing(kb.formQuestions.vocabulary, c, t) || pointsAtField(kb, withoutOwnLead(c, wholeReply(t)), c.id)) return { kind: 'unclear', reason: 'bare', field: labelOf(c) };
    // A phone is read as stored where one is asked or may follow a name; elsewhere (a credit code) digits are the field's own.
    const person = /^form\.(?:contact|leader)\.name$/.test(c.id);
    const phone = c.q.validate === 'phone' || c.q.validate === 'mobile';
    let value = person || phone ? phonesAsStored(withoutLabel(t, labelOf(c))) : compactMobiles(withoutLabel(t, labelOf(c)));
    if (phone) value = withoutPhoneLead(kb.formQuestions.vocabulary, value.replace(PHONE_WORD, ''), c.q.validate === 'mobile');
    // 「联系人赵主任 13812345678」: the role the name question asks about, typed before the name with no colon.
    // 「负责人是董事长李振华」 names the role without 企业 as often as with it.
    const role = person ? labelOf(c).replace(/姓名$/u, '') : '';
    const said = [role, role.replace(/^企业/u, '')].find((r) => r && value.startsWith(r) && value.length > r.length);
    if (said) value = value.slice(said.length).replace(/^[是叫为：:\s]+/u, '');
    const more = personAndMore(kb, c, value);
    // 「刘总」「赵主任」: how the person is addressed, no full name the signed form can print. Nothing is stored as the
    // name; the ask keeps the surname given, and what else the reply said (a phone, a post) is kept.
    const first = more?.kind === 'answers' ? more.items.find((i) => i.questionId === c.id) : person ? { value } : undefined;
    const addressed = typeof first?.value === 'string' ? addressedName(kb.formQuestions.vocabulary, first.value, labelOf(c)) : undefined;
    if (addressed) {
      const left = { reason: 'wrongKind' as const, choices: [first!.value as string, addressed.kind, addressed.wanted], field: labelOf(c) };
      const rest = more?.kind === 'answers' ? more.items.filter((i) => i.questionId !== c.id) : [];
      return rest.length ? { kind: 'answers', items: rest.map((i) => ({ ...i, extra: true as const })), pendingLeft: left } : { kind: 'unclear', ...left };
    }
    if (more) return more;
    // A name question answered with no name (「他很忙」) is asked back, not stored as the name.
    if (/^form\.(?:contact|leader)\.name$/.test(c.id)) {
      if (!isPersonName(kb, value)) return { kind: 'unclear', reason: 'notAnAnswer' };
      if (value.length <= c.q.maxLength) return { kind: 'answers', items: [{ questionId: pending.id, value: nameAsStored(value) }] };
    }
    // A field of listed names is read for the name it says; a reply naming none is asked back.
    // Several names said (「国有控股的中外合资」) are asked which one; none (「个体户」「我们不是国企」) is asked back with the list.
    if (c.q.named) {
      const said = namedValues(c.q.named, value);
      if (said.length === 1) return { kind: 'answers', items: [{ questionId: pending.id, value: said[0]! }] };
      if (said.length > 1) return { kind: 'unclear', reason: 'severalChoices', choices: said.map((n) => `“${n}”`), field: labelOf(c) };
      return { kind: 'unclear', reason: 'notNamed', choices: [clipQuote(t, 20), ...c.q.named.map((n) => n.name)], field: labelOf(c) };
    }
    // An industry described in words is the division it names; what the enterprise makes, said after it, is offered
    // as its 主营业务 (filled only while that is empty), so the words are not lost.
    if (c.fact === 'industry') {
      const business = businessOfIndustry(kb, value);
      const industry = industryAsStored(kb, value);
      const field = business ? kb.formQuestions.questions.find((q) => q.fact === 'business') : undefined;
      if (field && industry.length <= c.q.maxLength && !SENTENCE.test(industry))
        return { kind: 'answers', items: [{ questionId: pending.id, value: industry }, { questionId: field.id, value: business!, extra: true }] };
      value = industry;
    }
    // 「总经理，高级工程师」 to a field of a few items: the items, joined as the form prints a list.
    if (c.q.items) {
      const parts = value.split(/\s*[，,；;]\s*/u).filter(Boolean);
      const titles = kb.formQuestions.vocabulary.titles;
      if (parts.length > 1 && parts.every((x) => x.length <= ITEM_MAX && titles.some((w) => x.endsWith(w)))) value = parts.join('、');
    }
    // 「副总，分管生产」: a post said with what it covers is the post as typed, not a sentence asked back.
    const v = kb.formQuestions.vocabulary;
    const parts = value.split(/\s*[，,]\s*/u);
    const postWithScope = c.q.takes === 'post' && parts.length === 2 && [...v.titles, ...v.postEnds].some((w) => parts[0]!.endsWith(w)) && v.postScopes.some((w) => parts[1]!.startsWith(w));
    if (value.length > c.q.maxLength || (SENTENCE.test(value) && !postWithScope)) return { kind: 'unclear', reason: 'notAnAnswer' };
    return { kind: 'answers', items: [{ questionId: pending.id, value }] };
  }
  if (c.q.kind === 'choice') {
    const choices = c.q.choices ?? [];
    const byLabel = choices.find((x) => t.includes(x.label) || t === x.value);
    if (byLabel) return { kind: 'answers', items: [{ questionId: pending.id, value: byLabel.value }] };
    // The gate's first choice goes on, its last waits: 「好的，继续」 / 「先不填了」.
    if (W.later.test(t) && choices.length) return { kind: 'answers', items: [{ questionId: pending.id, value: choices[choices.length - 1]!.value }] };
    if (W.goOn.test(t) && choices.length) return { kind: 'answers', items: [{ questionId: pending.id, value: choices[0]!.value }] };
    return { kind: 'unclear', reason: 'notAnAnswer' };
  }
  if (c.q.kind === 'number') {
    // 「张伟 13837300000」 to 注册资本: the contact typed ahead. A phone's digits read as a figure would put
    // 13837300000 万元 on the signed form, so the reply is asked back and nothing is recorded.
    if (hasPhone(t)) return { kind: 'unclear', reason: 'notAnAnswer' };
    // 「2021年一点二亿」 to the 2022 revenue: recorded as 2021's, and 2022's asked again; 「今年营收…」, a year the
    // table has no column for, is recorded nowhere and the user hears which years the form asks.
    const yearly = yearlyFigures(kb, c, t);
    if (yearly) {
      const items: Extract<Interpretation, { kind: 'answers' }>['items'] = [];
      const notes: PassingNote[] = [];
      for (const p of yearly.parts) {
        if (!p.target) {
          if (parseNumber(p.rest) === undefined) return { kind: 'unclear', reason: 'otherYear', choices: [yearly.said, String(p.year)], field: labelOf(c) };
          notes.push(otherYearNote(kb, yearly.said, p.year));
          continue;
        }
        const read = readFigure(kb, p.target.id, p.rest);
        // A figure of that year the field would ask back (「2021年十万五」) is asked back in that field's terms.
        if (read?.kind === 'ask') return { kind: 'unclear', reason: read.reason, choices: read.choices, field: labelOf(p.target) };
        if (read?.kind !== 'value') return { kind: 'unclear', reason: 'otherYear', choices: [yearly.said, String(p.year)], field: labelOf(c) };
        const mine = p.target.id === c.id;
        // A round figure among several years' keeps its own year's words, so its mark reads as that figure.
        const own = yearly.parts.length > 1 ? `${p.year}年${p.rest}` : t;
        items.push({ questionId: p.target.id, value: read.value, ...(mine ? {} : { extra: true as const }), ...(read.approx ? { approx: true as const, said: own } : {}) });
      }
      if (!yearly.parts.length && yearly.count !== undefined) return { kind: 'unclear', reason: 'seriesCount', choices: [yearly.said, String(yearly.count)], field: labelOf(c) };
      if (!yearly.parts.length) return { kind: 'unclear', reason: 'otherYear', choices: [yearly.said, String(yearsSaid(t, noticeYear(kb)!, kb.formQuestions.vocabulary.relativeYears)[0]!.year)], field: labelOf(c) };
      return { kind: 'answers', items, ...(notes.length ? { notes } : {}) };
    }
    // 「3号线有40台，全车间一共180台」: the whole is the count asked, not the first figure; parts with no whole
    // (「数控机床30台，机器人12台」) are asked back with their sum, since what else the count holds is not said.
    const counted = partsAndWhole(kb.formQuestions.vocabulary, c, t);
    if (counted?.parts) return { kind: 'unclear', reason: 'parts', choices: [clipQuote(t, 40), String(counted.sum), c.q.unit ?? ''], field: labelOf(c) };
    // 「机器人8台，其中ABB 3台」: a whole that is itself one kind's figure is asked back as that kind's.
    if (counted?.whole !== undefined && counted.whole !== t) return onePartAsked(kb.formQuestions.vocabulary, c, t, counted.whole, counted.whole) ?? readAsked(kb, c, pending, counted.whole);
    const own = ownFigure(kb.formQuestions.vocabulary, t);
    // 「集团合并报表是85亿」 with no figure of the enterprise itself: asked back for its own, never taken as its own.
    if (own === undefined) return { kind: 'unclear', reason: 'otherEntity', choices: otherEntitiesIn(kb.formQuestions.vocabulary, t), field: labelOf(c) };
    const read = readFigure(kb, c.id, own);
    if (read?.kind === 'ask') return { kind: 'unclear', reason: read.reason, choices: read.choices, field: labelOf(c) };
    const n = read;
    // 「0.6」 to a percentage: 0.6% or 60%. A figure typed in a percentage field is a percentage, yet a fraction
    // of one is as plausible, and the form is signed: asked which, never rescaled in silence.
    const fraction = n ? percentOrFraction(n) : undefined;
    if (fraction) return { kind: 'unclear', reason: 'percentOrFraction', choices: fraction, field: labelOf(c) };
    // 「很多」, 「有」: no figure at all; the ask-back says which field wants one.
    if (n === undefined && own === t) return { kind: 'unclear', reason: 'bare', field: labelOf(c) };
    // The form is signed: a round figure (「两百来人」) is recorded, and the user told to check it.
    // A round figure taken from one clause keeps that clause as its words, so that its mark reads as this figure.
    return n === undefined ? { kind: 'unclear' } : { kind: 'answers', items: [{ questionId: pending.id, value: n.value, ...(n.approx ? { approx: true as const, ...(own !== t ? { said: own } : {}) } : {}) }] };
  }
  if (c.q.kind === 'date') {
    // 「长垣市产业集聚区，医疗器械园区纬三路十八号」 while the founding date waits: the address typed ahead, kept as above.
    const wanted = c.q.wants ?? fieldKind(kb.formQuestions.vocabulary, c)?.label;
    const address = wanted ? addressInstead(kb, c, t, wanted) : undefined;
    if (address) return address;
    const underway = c.q.underway ? underwaySaid(kb, c.q.underway, t) : undefined;
    if (underway) return { kind: 'answers', items: [{ questionId: pending.id, value: underway.date ?? null, underway: true, said: clipQuote(t, 60) }] };
    const d = parseDate(t);
    if (d) return { kind: 'answers', items: [{ questionId: pending.id, value: d }, ...laterEvents(kb, c, t, d)] };
    // 「2019年底」 is December; 「2021年初」 is recorded as its nearest month, marked round, so the exact one is asked once.
    const part = partOfYear(t);
    if (part) return { kind: 'answers', items: [{ questionId: pending.id, value: part.value, ...(part.approx ? { approx: true as const, said: t } : {}) }, ...laterEvents(kb, c, t, part.value)] };
    // 「2015年」, 「就是2015年，前面说过了」: a year alone is not the date the form asks for; the ask-back says the month is missing.
    return YEAR_ONLY.test(arabicDate(t)) || BARE_YEAR.test(wholeReply(t)) ? { kind: 'unclear', reason: 'bare', field: labelOf(c) } : { kind: 'unclear' };
  }
  // 「120台」 at 车间有哪些生产线: a figure alone names nothing, so it is asked back as what it reads as and nothing is stored.
  const figure = c.q.kind === 'text' && c.q.maxLength === undefined ? countAsText(kb.formQuestions.vocabulary, c, t) : undefined;
  if (figure) return { kind: 'unclear', reason: 'wrongKind', choices: [clipQuote(t, 30), figure.kind, figure.wanted], field: labelOf(c) };
  // 「有」, 「同上」, 「MES」 or the notice's own words print nothing the bureau can check: asked back for the facts of this field.
  if (c.q.kind === 'text' && c.q.maxLength === undefined && contentless(kb.formQuestions.vocabulary, t, c.fact)) return { kind: 'unclear', reason: 'bare', field: labelOf(c) };
  // 「机加车间」 at a workshop's 建设情况: the unit's name alone describes nothing. It is the workshop's name where the
  // cell is a workshop's and that name is still to be given (said in passing, so an answer given is kept), and the
  // description is asked again.
  const unitName = c.q.kind === 'text' && c.q.maxLength === undefined && !LIST_FACT.test(c.fact) ? unitNameAlone(kb, t) : undefined;
  if (unitName) {
    const nameField = workshopNameField(kb, c);
    if (nameField) return { kind: 'answers', items: [{ questionId: nameField, value: unitName, extra: true }] };
    const k = kb.formQuestions.vocabulary.storyReplyKinds;
    if (k.unitName) return { kind: 'unclear', reason: 'wrongKind', choices: [clipQuote(t, 20), k.unitName, k.wanted], field: labelOf(c) };
  }
  // 「办公室主任」 at 发展历程, 「王建国」 at 主营业务: plainly a post's or a name's reply, typed a field early or late.
  const other = c.q.kind === 'text' && c.q.maxLength === undefined && !LIST_FACT.test(c.fact) ? otherFieldsKind(kb, t) : undefined;
  if (other) {
    const k = kb.formQuestions.vocabulary.storyReplyKinds;
    return { kind: 'unclear', reason: 'wrongKind', choices: [clipQuote(t, 20), k[other], k.wanted], field: labelOf(c) };
  }
  return { kind: 'answers', items: [{ questionId: pending.id, value: t.slice(0, 4000) }] };
}

/** A clause that holds a year (「2021年扩产」, 「15年上市」). */
const DATED = /(?<![\d.])(?:(?:19|20)\d{2}|\d{2})\s*年/u;

/**
 * 「2020年3月开始，2021年扩产」 to a date: the clauses with a year of their own beside the one the date was read from are
 * further events of the enterprise, kept in its 发展历程 (added to what it holds) rather than dropped, and said.
 */
function laterEvents(kb: FormsKnowledge, c: Concrete, t: string, date: string): { questionId: string; value: string; extra: true; adds: true }[] {
  const history = kb.formQuestions.questions.find((q) => q.fact === 'history' && !q.repeat);
  if (!history || history.id === c.id) return [];
  const dated = t.split(/[，,；;。\n]+/u).map((x) => x.trim()).filter((x) => DATED.test(arabicDate(x)));
  if (dated.length < 2) return [];
  const own = dated.findIndex((x) => parseDate(x) === date || partOfYear(x)?.value === date);
  if (own < 0) return [];
  const others = dated.filter((_x, i) => i !== own);
  return [{ questionId: history.id, value: others.join('，'), extra: true, adds: true }];
}

/**
 * A whole short reply that is a workshop's or a factory's name alone (VocabularyFile `unitNameEndings`: 机加车间, 二分厂),
 * or undefined. A reply with a clause or a figure beside the name (「机加车间，两条线」) is a description.
 */
function unitNameAlone(kb: FormsKnowledge, text: string): string | undefined {
  const t = wholeReply(text);
  if ([...t].length > SHORT_REPLY || !/^[\p{Script=Han}A-Za-z0-9#＃号·]+$/u.test(t)) return undefined;
  const v = kb.formQuestions.vocabulary;
  // The ending alone (「车间」) names no unit, nor does a word of the whole (「整个车间」「全车间」).
  if (v.wholeWords.some((w) => t.startsWith(w))) return undefined;
  return v.unitNameEndings.some((w) => t.endsWith(w) && t.length > w.length) ? t : undefined;
}

/** The name field of the workshop a cell describes (车间1 of a factory's form, the one workshop of 附件1), if the form has it. */
function workshopNameField(kb: FormsKnowledge, c: Concrete): string | undefined {
  const i = /^workshops\.(\d+)\./u.exec(c.fact)?.[1];
  const n = i !== undefined ? Number(i) + 1 : /^form\.cell\.ws\.[\w]+$/u.test(c.id) ? 1 : undefined;
  if (n === undefined) return undefined;
  const id = `form.ws.${n}.name`;
  return findQuestion(kb, id) ? id : undefined;
}

/** The longest whole reply read as a post or a name alone; a longer one is a sentence, whatever it ends with. */
const SHORT_REPLY = 10;

/**
 * Whether a whole short reply is plainly a post (ends with a `titles` word: 办公室主任, 技术总监) or a person's name
 * alone, as a story's field never is. `postEnds` (员, 工, 部) are not read here: 「自动化加工」 ends with one.
 */
function otherFieldsKind(kb: FormsKnowledge, text: string): 'post' | 'person' | undefined {
  const t = wholeReply(text);
  if ([...t].length > SHORT_REPLY || !/^[\p{Script=Han}·]+$/u.test(t)) return undefined;
  const v = kb.formQuestions.vocabulary;
  if (v.titles.some((w) => t.endsWith(w))) return addressedAs(v, t) ? 'person' : 'post';
  return isPersonName(kb, t) ? 'person' : undefined;
}

/**
 * 「王主任」「李总」: a surname and a post is how a person is addressed, a name and not the post itself (联系人职务 wants
 * 办公室主任, not whose it is). A title that is itself a word (高工, 副总) is a post.
 */
/**
 * The title a person is addressed by (「王经理」 → 经理, 「欧阳副主任」 → 副主任, 「李总经理」 → 总经理): a surname and a title
 * (副 or 总 may open it), nothing else. A title word that opens with a surname's character (高级工程师) is no address.
 */
function titleAddressed(v: FormVocabulary, said: string): string | undefined {
  const title = new RegExp(`^(?:常务副|副|总)?(?:${anyOf(byLength(v.titles))})$`, 'u');
  if (v.titles.includes(said) || title.test(said)) return undefined;
  for (const s of v.surnames) if (said.startsWith(s) && title.test(said.slice(s.length))) return said.slice(s.length);
  // 「刘总」「张工」: a short form of address, whose post is the one it stands for.
  for (const s of v.surnames) if (said.startsWith(s) && Object.hasOwn(v.addressPosts, said.slice(s.length))) return v.addressPosts[said.slice(s.length)];
  return undefined;
}

/**
 * A name question answered with a surname and how the person is addressed (「刘总」「赵主任」「欧阳副经理」): the ask
 * for the full name, in the vocabulary's `addressedName` words with the surname said, and the post the address stands
 * for when it names one, offered for the post field (「刘总」 → 总经理).
 */
function addressedName(v: FormVocabulary, said: string, field: string): { kind: string; wanted: string } | undefined {
  const title = titleAddressed(v, said);
  if (!title) return undefined;
  const surname = [...v.surnames].sort((a, b) => b.length - a.length).find((s) => said.startsWith(s))!;
  const words = v.addressedName;
  const post = v.addressPosts[said.slice(surname.length)] ?? title;
  return { kind: words.kind, wanted: fill(words.wanted, { field, surname, post: post ? fill(words.post, { post }) : '' }) };
}

function addressedAs(v: FormVocabulary, said: string): boolean {
  if (v.titles.includes(said)) return false;
  return v.surnames.some((s) => said.startsWith(s) && [...v.titles, ...v.postEnds].includes(said.slice(s.length)));
}

/** Where a count's reply breaks into clauses that may each give a figure: punctuation (not a comma between digits: 1,086), or 和/还有 after a measure word. */
const COUNT_CLAUSES = /[；;。、\n]+|(?<!\d)[，,]|[，,](?!\d)|\s+|(?<=[台套个人名位项件条家])(?:和|及|以及|还有|另外|另有)/u;

/**
 * A count's reply that gives several figures of the one unit: the clause that says it is the whole (`wholeWords`:
 * 一共, 全车间, 合计), or, with no whole said, the parts and their sum. Undefined for a reply of one figure, or of
 * several wholes, which is read as before.
 */
function partsAndWhole(v: FormVocabulary, c: Concrete, t: string): { whole?: string; parts?: string[]; sum?: number } | undefined {
  if (c.q.validate !== 'count' || !c.q.unit) return undefined;
  // 「集团有五千人，我们公司230人」: a figure of another body (集团, 母公司) is no part of the enterprise's count; whose
  // figure is the enterprise's own is for `ownFigure` to say.
  if (otherEntitiesIn(v, t).length) return undefined;
  const clauses = t.split(COUNT_CLAUSES).map((x) => x.trim()).filter(Boolean);
  const figures = clauses.filter((x) => /[\d零〇一二两三四五六七八九十百千]/u.test(x) && parseNumber(x, c.q.unit) !== undefined && !/^(?:19|20)?\d{2}\s*年/u.test(x));
  if (figures.length < 2) return undefined;
  // 「120台，其中S7-1200两套」: what 其中 opens is a part of the figure said before it, which is the whole.
  const cut = t.indexOf('其中');
  const before = cut > 0 ? figures.filter((x) => t.indexOf(x) < cut) : [];
  const wholes = before.length === 1 ? before : figures.filter((x) => v.wholeWords.some((w) => x.includes(w)));
  if (wholes.length === 1) return { whole: wholes[0]! };
  if (wholes.length > 1) return undefined;
  const values = figures.map((x) => parseNumber(x, c.q.unit));
  if (values.some((n) => n === undefined || n.approx)) return undefined;
  return { parts: figures, sum: values.reduce((a, n) => a + n!.value, 0) };
}

/**
 * Whether a text answer, however it came (typed in the chat, in the question's card or in the form view),
 * prints nothing the bureau can check in its cell: 「有」 or 「同上」 as an address, a system's name alone as a
 * cell's description. A none (「暂无」) is the enterprise's own answer and is kept.
 */
function printsNothing(v: FormVocabulary, c: Concrete, text: string): boolean {
  if (saysNone(v, text)) return false;
  if (c.q.maxLength === undefined) return contentless(v, text, c.fact);
  // A name, an address or a title given as a figure alone (「500万」 to 单位地址, a phone number to 资本性质)
  // is another field's answer typed ahead: a field with no check of its own takes words, not a bare figure.
  const whole = wholeReply(text);
  return v.contentlessReplies.includes(whole) || (c.q.validate === undefined && (BARE_FIGURE.test(whole) || (hasPhone(whole) && whole.replace(PHONE_CHARS, '') === '')));
}

/** What a phone number is written with; a reply of nothing else is the number alone. */
const PHONE_CHARS = /[\d\s+()（）\-—－–]/gu;
/**
 * A product's name that is a year's figure instead (「2022年3.2亿」, 「去年营收2.8亿元」): with the year (said or
 * relative), the amount and the form's yearly figure words taken out, nothing is left. A name with a word of its own (「3.2亿只轴承」 leaves 只轴承) stays.
 */
function figureNotProduct(v: FormVocabulary, name: string): boolean {
  if (!/\d|[一二三四五六七八九十两]/u.test(name) || !/[亿万元]|\d{4}\s*年/u.test(name)) return false;
  let rest = name;
  for (const w of [...v.yearlessFigures, ...Object.keys(v.relativeYears)].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  return rest.replace(/(?:\d{2,4}|[〇零一二三四五六七八九]{2,4})\s*年(?:度)?|[\d.,，．]+|[零一二两三四五六七八九十百千万亿]+|元|个|约|大约|大概|左右|多|是|为|有|的|了|\s/gu, '') === '';
}

/** A whole reply that is only a figure, with at most a hedge before it and an amount's unit after it. */
const BARE_FIGURE = /^(?:约|大约|大概|差不多)?\s*[\d０-９][\d０-９.,，．]*\s*(?:[千万亿]|百万|千万)?\s*(?:元|人|个|台|套|项|%|％)?$/u;

/**
 * Whether a reply holds a phone number: a mobile (grouped as people type it, or not) or a landline with its
 * area code and a dash. Such digits are the contact's, never a figure of the form (注册资本, 员工人数).
 */
export function hasPhone(text: string): boolean {
  return /(?<![\d.])(?:\+?86)?1[3-9]\d{9}(?![\d.])/u.test(compactMobiles(text)) || /(?<![\d.])[(（]?0\d{2,3}[)）]?[-—－–]\d{7,8}(?![\d.])/u.test(text);
}

function nothingToPrint(c: Concrete, text: string): string {
  return `“${labelOf(c)}”要写明具体内容，“${clipQuote(text, 20)}”不能填入申报书；不清楚可以回答“跳过”`;
}

/** The path of a narrative cell's fact: an element cell, or one of a workshop's. */
const CELL_FACT = /^(?:elements|workshops\.\d+\.descriptions)\./;

/** What is left of a none once the field's name is taken out: 「也没有」「早就不用了」「：无」. */
const NONE_LEFT = /^[\s：:，,]*(?:是|为)?\s*(?:我们|俺们|咱们)?(?:公司|厂里|厂|单位)?(?:目前|现在|暂时|早就|早|也|还|都|已经)*(?:没有|没|无|暂无|不用|不再用|没在用|用不上|用不着)(?:了|的|呢|啊|哈)*[。.!！~～]*$/u;

/**
 * A none of a field whose none is an answer (`noneAnswer`, 传真: 无): 「没有传真」「传真没有」「无传真」「传真早就不用了」 name the
 * field; at the field itself (`asked`), a plain none (「无」「没有」「暂无」) is its none too. Undefined for any other words, so a
 * number said at the field (「传真0371-…」) is read as its value.
 */
function noneAnswerIn(kb: FormsKnowledge, text: string, asked?: string): { id: string; value: string } | undefined {
  const reply = wholeReply(text.trim());
  for (const q of kb.formQuestions.questions) {
    if (!q.noneAnswer) continue;
    if (q.id === asked && (saysNone(kb.formQuestions.vocabulary, reply) || reply === q.noneAnswer)) return { id: q.id, value: q.noneAnswer };
    const names = [...(q.saidAs ?? [])].sort((a, b) => b.length - a.length);
    const name = names.find((w) => reply.includes(w));
    if (!name) continue;
    // 「早没传真机了」: the machine is named for the number as often as the number itself.
    const left = reply.split(`${name}机`).join('').split(name).join('');
    if (NONE_LEFT.test(left)) return { id: q.id, value: q.noneAnswer };
  }
  return undefined;
}

/** Whether a whole reply says the enterprise has none of what was asked (「暂无」, 「无。」). */
function saysNone(v: FormVocabulary, text: string): boolean {
  const t = wholeReply(text);
  return v.noneReplies.includes(t) || v.noneSaid.some((p) => new RegExp(p, 'u').test(t));
}

/** A whole reply as compared with the reply-word lists: without its closing punctuation. */
function wholeReply(text: string): string {
  return text.trim().replace(/[。.!！~～，,；;、\s]+$/u, '');
}

/**
 * Whether a free-text reply carries no content the form can print: a whole reply of `contentlessReplies`
 * (有, 暂无, 同上), a system's name alone (「MES」, 「MES、ERP」, a list field excepted: 「PCB」 is a
 * product), or the notice cited as the claim (`noticeEchoWords`: 「按照通知要求，实现了生产线智能化运行」)
 * with no figure or system name of its own.
 */
export function contentless(v: FormVocabulary, text: string, fact: string): boolean {
  const t = wholeReply(text);
  if (!t) return true;
  if (v.contentlessReplies.includes(t) || v.scopeReplies.includes(t)) return true;
  if (!LIST_FACT.test(fact) && t.length <= 30 && /^[A-Za-z][A-Za-z0-9\s、,，/+&-]*$/u.test(t)) return true;
  return v.noticeEchoWords.some((w) => t.includes(w)) && !/[\dA-Za-z]/u.test(t);
}

/**
 * The part of a number reply that gives the enterprise's own figure. A reply that names another body
 * (集团, 母公司, 合并报表: `otherEntityWords`) may give its figure beside the enterprise's own
 * (「集团合并报表是85亿，我们公司是12.6亿」): the clause with a figure that names no other body is taken,
 * when it names the enterprise (`ownEntityWords`) or every clause naming another body names the
 * enterprise too (「我们是集团的子公司，营收1.2亿」). Otherwise it is not clear whose figure it is: undefined.
 */
function ownFigure(v: FormVocabulary, t: string): string | undefined {
  if (!v.otherEntityWords.length) return t;
  const other = new RegExp(anyOf(v.otherEntityWords));
  if (!other.test(t)) return t;
  const own = v.ownEntityWords.length ? new RegExp(anyOf(v.ownEntityWords)) : undefined;
  const clauses = t.split(/[，,；;。\n]+/u).map((x) => x.trim()).filter(Boolean);
  const figures = clauses.filter((x) => parseNumber(x) !== undefined);
  const ownClauses = figures.filter((x) => !other.test(x));
  const named = ownClauses.filter((x) => own?.test(x));
  if (named.length === 1) return named[0];
  const othersOwn = clauses.filter((x) => other.test(x)).every((x) => own?.test(x));
  return ownClauses.length === 1 && othersOwn ? ownClauses[0] : undefined;
}

/** The words of a reply that name another body than the enterprise (集团, 母公司), in the order said, each once. */
function otherEntitiesIn(v: FormVocabulary, t: string): string[] {
  const words = [...v.otherEntityWords].sort((a, b) => b.length - a.length);
  if (!words.length) return [];
  const found = [...t.matchAll(new RegExp(anyOf(words), 'gu'))].map((m) => m[0]);
  return [...new Set(found)];
}

/**
 * Whether an item of the honours answer is a title the enterprise holds: not one it names as not held
 * (`notHeldWords`: 正在申报, 未通过, 还没有), nor one another body holds (`otherEntityWords` as the subject:
 * 「集团公司获评…」, 「母公司是…」; a title that merely contains such a word, 「…集团科技进步奖」, is held).
 */
export function heldHonour(v: FormVocabulary, item: string): boolean {
  if (v.notHeldWords.some((w) => item.includes(w))) return false;
  if (!v.otherEntityWords.length) return true;
  const other = new RegExp(`(?:${anyOf(v.otherEntityWords)})(?:有限公司|公司)?(?:也|曾|已|曾经|已经)?(?:是|为|获|被|荣获|评为|拿到|入选)`, 'u');
  return !other.test(item);
}

/**
 * The titles a reply says are held (「去年评上了国家级绿色工厂」 → 国家级绿色工厂): in each clause naming a title
 * (`interviewTitles.titles`), what follows the last verb that says it is held (`verbs`) up to the title's end. A clause
 * that says it is not held yet (applied for, planned) or names another body's title gives none.
 */
function titlesSaid(kb: FormsKnowledge, said: string): string[] {
  const m = kb.formDrafting.interviewTitles;
  if (!m) return [];
  const out: string[] = [];
  for (const clause of said.split(/[，,。；;！!\s]+/u)) {
    const title = m.titles.map((t) => ({ t, at: clause.lastIndexOf(t) })).filter((x) => x.at >= 0).sort((a, b) => b.at - a.at)[0];
    if (!title || !heldHonour(kb.formQuestions.vocabulary, clause)) continue;
    const head = clause.slice(0, title.at);
    const verb = m.verbs.map((v) => ({ v, at: head.lastIndexOf(v) })).filter((x) => x.at >= 0).sort((a, b) => b.at + b.v.length - (a.at + a.v.length))[0];
    if (!verb) continue;
    const t = clause.slice(verb.at + verb.v.length, title.at + title.t.length).trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** The FormPhase seam of the chat orchestrator (server/chat/rules.ts), bound to one knowledge version. */
export function createFormPhase(kb: FormsKnowledge) {
  return {
    planForm: (answers: Answers, category: Category) => planForm(kb, answers, category),
    formRemaining: (answers: Answers, category: Category) => formRemaining(kb, answers, category),
    applyFormAnswer: (answers: Answers, questionId: string, value: AnswerValue, category?: Category | null) => applyFormAnswer(kb, answers, questionId, value, category),
    interpretForm: (text: string, pending: QuestionView | null) => interpretForm(kb, text, pending),
    groupOf: (answers: Answers, category: Category, questionId: string, section?: string) => groupOf(kb, answers, category, questionId, section),
    describeForm: (answers: Answers, category: Category | null) => describeForm(kb, answers, category),
    formView: (questionId: string, category: Category | null) => formView(kb, questionId, category),
    saysNotKnown: (text: string) => saysNotKnown(kb, text),
    withoutSeveral: (text: string) => withoutSeveral(kb, text),
    correctLast: (answers: Answers, lastId: string, text: string) => correctLast(kb, answers, lastId, text),
    isFormQuestion: (questionId: string) => findQuestion(kb, questionId) !== undefined,
    fieldWords: (questionId: string) => { const q = findQuestion(kb, questionId)?.q; return [...(q?.saidAs ?? []), ...(q?.nearSaidAs ?? [])]; },
    formFactsSaid: (text: string) => formFactsSaid(kb, text),
    fieldCorrected: (text: string) => fieldCorrected(kb, text),
    resumesForm: (answers: Answers, text: string) => resumesForm(kb, answers, text),
  };
}

/**
 * 「继续填写申报书」「我现在要接着填申报书」 once the gate was answered 以后再填 (or skipped) and nothing waits: the gate's
 * reading of the reply picks 继续填写, and the reply names the form or going on, so an acknowledgement (「好的」) after the
 * verdict does not start the form. The value to record at the gate, or undefined.
 */
export function resumesForm(kb: FormsKnowledge, answers: Answers, text: string): string | undefined {
  if (!has(answers, GATE) || answers[GATE] === 'now') return undefined;
  const gate = formView(kb, GATE, null);
  if (!gate) return undefined;
  const t = halfWidthAlnum(text).trim();
  if (!kb.formQuestions.vocabulary.resumeWords.some((w) => t.includes(w))) return undefined;
  const read = interpretForm(kb, t, gate);
  const now = gate.choices?.[0]?.value;
  return read.kind === 'answers' && read.items.length === 1 && read.items[0]!.value === now ? now : undefined;
}
