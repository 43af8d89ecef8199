import type { KnowledgeData } from '../knowledge/load';
import type { InterviewQuestion } from '../knowledge/schemas/engine';
import type { AnswerValue, Progress, QuestionView, Recorded } from '../schemas/interview';
import type { Assessment, CapabilityId, Category } from '../schemas/profile';
import { concerns, evaluateFacts, failsTest, type Evaluation } from './assess';
import { factsFromAnswers, foundingAsKept, integrationImpossible, normaliseDivision, partialProfileOf, type Facts, type PartialProfile } from './facts';
import { divisionLabel, indexOf, requirementsOf } from './kb';
import { understanderFor } from '../understand';

export type { Answers, ApplyResult } from '../schemas/interview';
import type { Answers, ApplyResult } from '../schemas/interview';

export interface EvaluateResult {
  assessment: Assessment;
  question: QuestionView | null;
  progress: Progress;
}


const answered = (answers: Answers, id: string) => Object.prototype.hasOwnProperty.call(answers, id);

export function viewOf(q: InterviewQuestion, category: Category | null, phase: QuestionView['phase'] = q.phase): QuestionView {
  const o = category ? q.byCategory?.[category] : undefined;
  const view: QuestionView = { id: q.id, text: o?.text ?? q.text, kind: q.kind, clause: o?.clause ?? q.clause, help: o?.help ?? q.help, phase };
  if (q.choices) view.choices = q.choices.map((c) => ({ value: c.value, label: c.label }));
  if (q.unit !== undefined) view.unit = q.unit;
  if (q.min !== undefined) view.min = q.min;
  if (q.max !== undefined) view.max = q.max;
  if (q.optional) view.optional = true;
  return view;
}

/** Question ids of the elements of a category, in the notice's order: capabilities, then metric before self-assessment. */
function elementQuestionIds(kb: KnowledgeData, category: Category, ev: Evaluation, onlyFactoryLevel = false): readonly string[] {
  // The list depends on the category and the mode only: made once for each, not on every plan.
  let lists = elementIdLists.get(kb);
  if (!lists) elementIdLists.set(kb, (lists = new Map()));
  const key = `${category}|${ev.mode ?? ''}|${onlyFactoryLevel}`;
  let ids = lists.get(key);
  if (!ids) lists.set(key, (ids = Object.freeze(elementQuestionIdsOf(kb, category, ev.mode, onlyFactoryLevel))));
  return ids;
}

const elementIdLists = new WeakMap<KnowledgeData, Map<string, readonly string[]>>();

function elementQuestionIdsOf(kb: KnowledgeData, category: Category, mode: Evaluation['mode'], onlyFactoryLevel: boolean): string[] {
  const ids: string[] = [];
  for (const el of kb.elements.categories[category].elements) {
    if (onlyFactoryLevel && !el.factoryLevel) continue;
    for (const reqs of requirementsOf(el, mode)) {
      for (const r of reqs) {
        for (const id of r.all ?? r.any ?? []) ids.push(`cap.${id}`);
        if (r.metric) ids.push(`metric.${r.metric}`);
        if (r.self) ids.push(`self.${r.self}`);
      }
    }
  }
  return [...new Set(ids)];
}

/**
 * The plan for the current state: every question the enterprise still needs, in order. It is
 * recomputed from the answers each time, so an edited answer (another scope, another industry)
 * changes what is asked next without any stored interview state.
 */
interface Step {
  id: string;
  category: Category | null;
  phase: QuestionView['phase'];
}

function plan(kb: KnowledgeData, ev: Evaluation, facts: Facts, answers: Answers): Step[] {
  const idx = indexOf(kb);
  const out: Step[] = [];
  const seen = new Set<string>();
  const push = (id: string, category: Category | null, phase: QuestionView['phase']) => {
    // An integration is not asked of an enterprise without one of the systems it integrates: the rules hold it absent.
    const cap = idx.questions.get(id)?.sets.match(/^capabilities\.(\w+)$/u)?.[1] as CapabilityId | undefined;
    if (cap && !answered(answers, id) && integrationImpossible(kb, facts, cap)) return;
    if (idx.questions.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push({ id, category, phase });
    }
  };
  // A 成立时间 already given (an accepted licence) answers the founding year: it is not asked again.
  const dated = answered(answers, 'form.foundedOn');
  // A condition that concerns only some applicants (the titled workshop, 四(一)) is asked once it concerns this one.
  const guarded = Object.values(kb.categoryRules.hard).filter((r) => r.only);
  const notYet = (q: InterviewQuestion) => {
    const rules = guarded.filter((r) => r.fact === q.sets);
    return rules.length > 0 && !answered(answers, q.id) && !rules.some((r) => concerns(kb, r, facts, ev.settled) === true);
  };
  // The founding date is asked only when a founding-age condition cannot be decided by the year: founded in the
  // boundary year of a notice that counts to a date (截至3月31日成立满3年), the month and day decide.
  const e = facts.enterprise;
  const dateDecides = Object.values(kb.categoryRules.hard).some(
    (r) => r.fact === 'enterprise.foundedYear' && e.foundedYear !== undefined && failsTest(r.fails, e.foundedYear, kb.manifest.year, { month: e.foundedMonth, day: e.foundedDay }) === undefined,
  );
  for (const q of kb.interview.questions) {
    if (q.phase !== 'hard' || (dated && q.sets === 'enterprise.foundedYear') || notYet(q)) continue;
    if (q.sets === 'enterprise.foundedDate' && !dateDecides && !answered(answers, q.id)) continue;
    push(q.id, null, 'hard');
  }
  // An industry that is clearly discrete or process (汽车制造 / 化学原料) answers the production-mode
  // question already, unless the systems named so far contradict it; mixed industries are asked.
  const division = facts.enterprise.industryCode ? idx.divisions.get(facts.enterprise.industryCode) : undefined;
  const modeSettled = !facts.productionMode && division && !division.mixed && division.prior === ev.mode;
  for (const q of kb.interview.questions) {
    if (q.phase !== 'category') continue;
    if (modeSettled && q.sets === 'productionMode') continue;
    push(q.id, null, 'category');
  }

  // When neither the enterprise nor the industry tells discrete from process, ask for the evidence systems.
  if (!ev.mode) {
    const ev2 = kb.categoryRules.modeEvidence;
    for (const id of [...Object.keys(ev2.process), ...Object.keys(ev2.discrete)]) push(`cap.${id}`, null, 'category');
  }
  // An undecided scope is settled by the factory-level elements (三(二)/三(三) 2, 4, 5, 6), asked until decided.
  if (ev.mode && ev.scopeDecision === 'open') {
    const factory = idx.factoryCategory[ev.mode];
    for (const id of elementQuestionIds(kb, factory, ev, true)) push(id, factory, 'category');
  }
  const recommended = ev.assessment.category.recommended;
  if (recommended) for (const id of elementQuestionIds(kb, recommended, ev)) push(id, recommended, 'elements');
  for (const q of kb.interview.questions) if (q.phase === 'elements' && !q.id.startsWith('cap.') && !q.id.startsWith('metric.') && !q.id.startsWith('self.')) push(q.id, recommended, 'elements');
  return out;
}

/**
 * The category the enterprise applies for, once it is settled: the one it chose, or the one the rules leave it
 * (a factory not ready leaves a workshop). While the choice between workshop and factory is still open, none.
 */
export function applyingCategory(kb: KnowledgeData, answers: Answers): Category | null {
  const { ev } = evaluationOf(kb, answers);
  return ev.scopeDecision === 'open' ? null : ev.assessment.category.recommended;
}

/**
 * How many questions the assessment asks, fewest to most over the ways of answering the category questions (the scope
 * and the production mode, each choice of each): the plan's length once they are answered and nothing else is. The
 * welcome quotes it, so the figure follows the knowledge's questions and elements rather than a number written down.
 */
export function interviewSize(kb: KnowledgeData): { min: number; max: number } {
  const choices = (sets: string) => {
    const q = kb.interview.questions.find((x) => x.sets === sets);
    return q ? (q.choices ?? []).map((c) => [q.id, c.value] as const) : [];
  };
  const scopes = choices('scope');
  const modes = choices('productionMode');
  const totals: number[] = [];
  for (const s of scopes.length ? scopes : [undefined])
    for (const m of modes.length ? modes : [undefined]) {
      const answers: Answers = {};
      if (s) answers[s[0]] = s[1];
      if (m) answers[m[0]] = m[1];
      const p = evaluate(kb, answers).progress;
      totals.push(p.answered + p.remaining);
    }
  return { min: Math.min(...totals), max: Math.max(...totals) };
}

/* ------------------------------------------------------------------ one evaluation per answer map */

interface Derived {
  facts: Facts;
  ev: Evaluation;
  result?: EvaluateResult;
}

/**
 * What the engine derived from each sealed answer map (schemas/interview.ts sealAnswers), by its
 * identity. A turn reads the same map several times (the reply's reading, the pending question,
 * the blocking conditions before and after) and the next turn starts from the map this one
 * stored: each map is evaluated once. An unsealed map could still change, so it is not remembered.
 */
const derived = new WeakMap<KnowledgeData, WeakMap<Answers, Derived>>();

function derivedOf(kb: KnowledgeData, answers: Answers): Derived | undefined {
  if (!Object.isFrozen(answers)) return undefined;
  let byAnswers = derived.get(kb);
  if (!byAnswers) derived.set(kb, (byAnswers = new WeakMap()));
  let d = byAnswers.get(answers);
  if (!d) {
    const { facts, ev } = computeEvaluation(kb, answers);
    byAnswers.set(answers, (d = { facts: shared(facts), ev: shared(ev) }));
  }
  return d;
}

function computeEvaluation(kb: KnowledgeData, answers: Answers): Derived {
  const facts = factsFromAnswers(kb, answers);
  return { facts, ev: evaluateFacts(kb, facts) };
}

/** The facts and evaluation of one answer map: remembered when the map is sealed. */
export function evaluationOf(kb: KnowledgeData, answers: Answers): { facts: Facts; ev: Evaluation } {
  return derivedOf(kb, answers) ?? computeEvaluation(kb, answers);
}

/**
 * A remembered result is shared by every caller, so it is frozen all the way down: a caller that
 * writes into it fails at once instead of changing the next caller's answer.
 */
function shared<T>(value: T): T {
  deepFreeze(value);
  return value;
}

function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}

export function evaluate(kb: KnowledgeData, answers: Answers): EvaluateResult {
  const d = derivedOf(kb, answers);
  if (d?.result) return d.result;
  const { facts, ev } = d ?? computeEvaluation(kb, answers);
  const idx = indexOf(kb);
  const steps = plan(kb, ev, facts, answers);
  const pending = steps.filter((s) => !answered(answers, s.id));
  const next = pending[0];
  const question = next ? viewOf(idx.questions.get(next.id)!, next.category, next.phase) : null;
  const answeredCount = Object.keys(answers).filter((id) => idx.questions.has(id)).length;
  const result: EvaluateResult = {
    assessment: ev.assessment,
    question,
    progress: { answered: answeredCount, remaining: pending.length, phase: question ? question.phase : 'done' },
  };
  if (d) d.result = shared(result);
  return result;
}

/* ------------------------------------------------------------------ answers */

type Check = { ok: true; value: AnswerValue } | { ok: false; error: string };

export function industryFromText(kb: KnowledgeData, text: string): string | undefined {
  const whole = normaliseDivision(text);
  if (whole) return whole;
  // A figure inside the text is a code only where nothing names the trade, or a code word marks it
  // (「代码36」); otherwise it is a product's own number (尼龙66, 304不锈钢) and the words decide.
  // A figure with a unit (「大概75%」, 「2006年」, 「300人」) is a quantity, never a code.
  const code = /(?<![\dA-Za-z.])[A-Ta-t]?(\d{2})(?:\d{2})?(?![\d.]|\s*(?:[%％成万亿元人台套年月天个]|百分))/.exec(text)?.[1];
  const marked = code !== undefined && kb.interview.vocabulary.industryCodeWords.some((w) => text.includes(w));
  if (code && marked) return code;
  // A trade typed in traditional characters or with a typo (鋰電池) is found as the understanding step reads it.
  const named = tradeFromWords(kb, text) ?? tradeFromWords(kb, repaired(kb, text));
  return named ?? code;
}

/**
 * The trade a reply names in passing (「是，我们是搞汽车零部件的」 to the main-business question), where its words leave
 * no doubt: the word that names it is no part of a longer word of another division (铜箔 is 32, but 电解铜箔 is 39;
 * 锂电池 is 38, but 锂电池材料 is 39), so a product only partly named is asked for when the industry is asked.
 */
export function tradeInPassing(kb: KnowledgeData, text: string): string | undefined {
  const found = tradeWordOf(kb, text);
  if (!found || found.code === kb.interview.vocabulary.industryEquipment?.division) return undefined;
  const longer = (code: string, w: string) => code !== found.code && w.length > found.word.length && w.includes(found.word);
  for (const d of indexOf(kb).divisions.values()) if (longer(d.code, d.name)) return undefined;
  for (const [code, words] of indexOf(kb).tradeAliases) if (words.some((w) => longer(code, w))) return undefined;
  return found.code;
}

/** The trade the words of a text name: the division names and the common words for them (industries.json `aliases`). */
function tradeFromWords(kb: KnowledgeData, text: string): string | undefined {
  return tradeWordOf(kb, text)?.code;
}

function tradeWordOf(kb: KnowledgeData, text: string): { code: string; word: string } | undefined {
  const t = text.replace(/\s/g, '');
  const found = longestTradeWord(kb, t);
  // 「饲料机械」: the machines for an industry, not the industry itself.
  const vocab = kb.interview.vocabulary;
  const eq = vocab.industryEquipment;
  if (found && eq && eq.from.includes(found.code)) {
    let at = t.indexOf(found.word);
    for (; at >= 0; at = t.indexOf(found.word, at + 1)) {
      const after = t.slice(at + found.word.length);
      if (eq.suffixes.some((s) => after.startsWith(s))) return { code: eq.division, word: found.word };
    }
  }
  // A product named by its metal decides its trade; a product that is itself another trade's word (轮毂) is that trade's.
  const product = (run: string) => {
    const named = longestTradeWord(kb, run);
    return named && !vocab.industryMaterials?.from.includes(named.code) ? named : undefined;
  };
  const made = metalProductIn(vocab.industryMaterials, t, found, product);
  return made ?? found;
}

/** The longest name or common word of a division a text holds (spaces taken out), the one named first between equals. */
function longestTradeWord(kb: KnowledgeData, t: string): { code: string; word: string } | undefined {
  // The longest name or common word found wins: 化学纤维 (28) over 化学 (26), 汽车零部件 over 零部件.
  // Between words of one length the one named first wins: 「煤矿机械，液压…」 names its trade first.
  const vocab = kb.interview.vocabulary;
  const generic = new Set(vocab.industryGeneric);
  let best: { code: string; word: string; at: number } | undefined;
  const consider = (code: string, word: string) => {
    if (word.length < 2 || generic.has(word)) return;
    const at = t.indexOf(word);
    if (at < 0) return;
    if (!best || word.length > best.word.length || (word.length === best.word.length && at < best.at)) best = { code, word, at };
  };
  for (const d of indexOf(kb).divisions.values()) {
    const core = d.name.replace(/业$/, '');
    for (const p of [d.name, core, ...core.split(/[、和，]/)]) consider(d.code, p);
  }
  for (const [code, words] of indexOf(kb).tradeAliases) for (const w of words) consider(code, w);
  const found = best as { code: string; word: string; at: number } | undefined;
  return found && { code: found.code, word: found.word };
}

/**
 * 「不锈钢餐具」「铝合金门窗」: the metal is what the product is made of, and the product decides the trade. Read only
 * where no longer trade word was found than the bare metal, so 炼钢, 电解铝 and 铝型材 keep their smelting division.
 * A metal of one character needs a product of two or more after it, or one of `shortProducts` (钢窗, 铁门), so 钢琴 and
 * 铁路 name no metal product; a metal inside a longer one at the same place (铝 of 铝合金型材) is read as the longer one.
 * A product that is another division's own trade word (铝合金轮毂, 不锈钢轮毂: 轮毂 is a car part) is that division's.
 */
function metalProductIn(
  m: KnowledgeData['interview']['vocabulary']['industryMaterials'],
  t: string,
  found: { code: string; word: string } | undefined,
  productTrade: (product: string) => { code: string; word: string } | undefined,
) {
  if (!m || (found && !(m.from.includes(found.code) && m.materials.includes(found.word)))) return undefined;
  const processed = m.processes.some((w) => t.includes(w));
  for (const metal of m.materials) {
    for (let at = t.indexOf(metal); at >= 0; at = t.indexOf(metal, at + 1)) {
      if (m.materials.some((o) => o.length > metal.length && t.startsWith(o, at))) continue;
      let run = /^[^\s，,。；;：:、！!？?的]*/u.exec(t.slice(at + metal.length))![0];
      for (let cut = true; cut; ) {
        cut = false;
        for (const w of m.trailing) if (run.length > w.length && run.endsWith(w)) (run = run.slice(0, -w.length)), (cut = true);
      }
      if (m.stock.includes(run) || m.materials.includes(run)) continue;
      const own = run && productTrade(run);
      if (own) return own;
      if ((run.length >= (metal.length > 1 ? 1 : 2) || m.shortProducts.includes(run)) && !m.trailing.includes(run)) return { code: m.division, word: metal + run };
      if (processed && found) return { code: m.division, word: found.word };
    }
  }
  return undefined;
}

/**
 * The 省辖市 (or 济源示范区, 航空港区) a text names, by the regions data: the longest name, short
 * name or alias found wins (郑州航空港区 is 航空港区, not 郑州市). A county names its 省辖市, and so
 * does a 市辖区, but only when nothing else is named: several cities have a 老城区 or a 鼓楼区.
 */
export function cityFromText(kb: KnowledgeData, text: string): string | undefined {
  return cityIn(kb, text) ?? cityIn(kb, repaired(kb, text));
}

/**
 * The reply as the understanding step reads it: a place typed by sound (落阳, 焦做) is found by its
 * real name. Tried only when the reply as typed names no region, so a correctly typed place is never
 * read as another; the region then stored is shown back to the user.
 */
function repaired(kb: KnowledgeData, text: string): string {
  return understanderFor(kb).read(text).text;
}

function cityIn(kb: KnowledgeData, text: string): string | undefined {
  const t = text.replace(/\s/g, '');
  const best: Record<'place' | 'district', { city: string; len: number } | undefined> = { place: undefined, district: undefined };
  for (const r of kb.regions.regions) {
    const city = r.prefecture ?? r.name;
    if (!kb.regions.regions.some((c) => c.name === city && !c.prefecture)) continue;
    const k = r.kind === '市辖区' ? 'district' : 'place';
    for (const w of [r.name, r.short, ...r.aliases]) if (w.length >= 2 && t.includes(w) && (!best[k] || w.length > best[k].len)) best[k] = { city, len: w.length };
  }
  return (best.place ?? best.district)?.city;
}

/**
 * The 县 or 县级市 a longer reply names (「永城，省直管的」 is 永城市): the longest name, short name or
 * alias of a county-level region found in it. A reply that names none is kept as typed and read by its ending.
 */
/** The region of one of `kinds` whose longest name, short name or alias the reply holds. */
function regionInText(kb: KnowledgeData, text: string, kinds: string[]): { name: string; kind: string } | undefined {
  return regionIn(kb, text, kinds) ?? regionIn(kb, repaired(kb, text), kinds);
}

function regionIn(kb: KnowledgeData, text: string, kinds: string[]): { name: string; kind: string } | undefined {
  const t = text.replace(/\s/g, '');
  let best: { name: string; kind: string; len: number } | undefined;
  for (const r of kb.regions.regions) {
    if (!kinds.includes(r.kind)) continue;
    for (const w of [r.name, r.short, ...r.aliases]) if (w.length >= 2 && t.includes(w) && (!best || w.length > best.len)) best = { name: r.name, kind: r.kind, len: w.length };
  }
  return best;
}

/** The region kinds 四(三) counts as a 县（市）, each recommending up to its own quota. */
const LOCAL_COUNTY: ReadonlySet<string> = new Set(['县', '县级市']);

function countyFromText(kb: KnowledgeData, text: string): string | undefined {
  const t = text.replace(/\s/g, '');
  let best: { name: string; len: number } | undefined;
  for (const r of kb.regions.regions) {
    // A 市辖区 is not a 县（市）: its 省辖市 recommends it, so naming one fills in no county.
    if (!LOCAL_COUNTY.has(r.kind)) continue;
    for (const w of [r.name, r.short, ...r.aliases]) if (w.length >= 2 && t.includes(w) && (!best || w.length > best.len)) best = { name: r.name, len: w.length };
  }
  return best?.name;
}

/**
 * Who a reply to the county question says recommends (四(三): the 省辖市 or a 县（市）, each with its own quota), from the
 * clause with a `recommendWords` word. 「新乡市推荐，厂在长垣」: the 省辖市 named there recommends, wherever in it the
 * enterprise is, so no county is filled in. 「市里推荐，我们在长垣」: a 县级市 is itself a 市, so 「市里」 beside one may mean
 * it or its 省辖市: which one is asked. Undefined when the reply names no recommender, or a 县（市） as one.
 */
function recommenderSaid(kb: KnowledgeData, text: string): { kind: 'city' } | { kind: 'either'; said: string; county: string; city: string } | undefined {
  const words = kb.regions.recommendWords;
  const clause = text.split(/[，,。；;！!\s]+/u).find((c) => words.some((w) => c.includes(w)));
  if (!clause) return undefined;
  // 「新乡县推荐的」: a 县（市） named in full is the recommender, though its short name is its 省辖市's.
  if (kb.regions.regions.some((x) => LOCAL_COUNTY.has(x.kind) && clause.includes(x.name))) return undefined;
  const city = regionInText(kb, clause, ['省辖市', '示范区', '航空港区']);
  const cityNames = city ? kb.regions.regions.filter((x) => x.name === city.name).flatMap((x) => [x.name, x.short, ...x.aliases]).sort((a, b) => b.length - a.length) : [];
  // 「新乡市推荐」 names the 省辖市, not 新乡县 that shares its short name.
  const rest = cityNames.reduce((t, w) => t.split(w).join('，'), clause);
  if (countyFromText(kb, rest)) return undefined;
  if (city) return { kind: 'city' };
  const located = kb.regions.regions.find((x) => x.name === countyFromText(kb, text));
  const word = kb.regions.cityLevelWords.find((w) => clause.includes(w));
  if (located?.kind === '县级市' && located.prefecture && word) return { kind: 'either', said: word, county: located.name, city: located.prefecture };
  return undefined;
}

export function checkValue(kb: KnowledgeData, q: InterviewQuestion, value: unknown): Check {
  if (value === null) return { ok: true, value: null };
  switch (q.kind) {
    case 'yesNoPartial':
      if (typeof value === 'boolean' || value === 'partial' || value === 'building') return { ok: true, value };
      return { ok: false, error: `${q.id}: 应为 true、false、"partial" 或 "building"（有、没有、部分具备或在建）` };
    case 'yesNo':
      if (typeof value === 'boolean') return { ok: true, value };
      return { ok: false, error: `${q.id}: 应为 true 或 false（是或否）` };
    case 'choice': {
      const values = (q.choices ?? []).map((c) => c.value);
      if (typeof value === 'string' && values.includes(value)) return { ok: true, value };
      return { ok: false, error: `${q.id}: 应为 ${values.map((v) => `"${v}"`).join('、')} 之一` };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, error: `${q.id}: 应为数字` };
      if (q.min !== undefined && value < q.min) return { ok: false, error: `${q.id}: 不能小于 ${q.min}${q.unit ?? ''}` };
      if (q.max !== undefined && value > q.max) return { ok: false, error: `${q.id}: 不能大于 ${q.max}${q.unit ?? ''}` };
      return { ok: true, value };
    }
    case 'text': {
      if (typeof value !== 'string') return { ok: false, error: `${q.id}: 应为文字` };
      const text = value.trim();
      if (!text) return { ok: false, error: `${q.id}: 不能为空` };
      if (text.length > (q.maxLength ?? 4000)) return { ok: false, error: `${q.id}: 不能超过 ${q.maxLength ?? 4000} 个字` };
      if (q.sets === 'enterprise.city') {
        const city = cityFromText(kb, text);
        if (!city) return { ok: false, error: `${q.id}: 未能识别所在省辖市，请填写如 郑州市、洛阳市、济源示范区或航空港区` };
        return { ok: true, value: city };
      }
      if (q.sets === 'enterprise.county') {
        // 「汤阴」 is 汤阴县: the regions' own name, so the quota is read from the right entry. 「新乡」 is the 省辖市, not
        // 新乡县: a city-level name recommends as the 省辖市 does, so it fills in no county either (below).
        const r = kb.regions.regions.find((x) => x.name === text || x.short === text || x.aliases.includes(text));
        const said = recommenderSaid(kb, text);
        if (said?.kind === 'city') return { ok: true, value: null };
        if (said?.kind === 'either') return { ok: false, error: `${q.id}: “${said.said}”是指${said.county}（县级市）还是${said.city}？由${said.county}推荐请填写“${said.county}”；由${said.city}推荐的可以跳过` };
        const county = r && LOCAL_COUNTY.has(r.kind) ? r.name : countyFromText(kb, text);
        if (county) return { ok: true, value: county };
        // A 市辖区 or a development zone (魏都区, 经开区, 高新区, 俺们是开发区的) is no 县（市）: its 省辖市 recommends
        // it (四(三)), so no county is filled in, and none is shown back as the recommending 县（市）.
        if (r || /区$/.test(text.replace(/[\s\p{P}\p{S}的哩嘞啊呀吧了]+$/u, ''))) return { ok: true, value: null };
        // 「市里推荐」: the 省辖市 recommends, so there is no county to fill in either.
        if (kb.regions.cityLevelWords.some((w) => text.includes(w))) return { ok: true, value: null };
        // 「由洛阳市推荐，跳过」「安阳市推荐的」: the 省辖市 (示范区, 航空港区) named as the recommender is the city's
        // channel, not a 县（市）, so no county is filled in; storing the city's name here would read it back as the county.
        if (regionInText(kb, text, ['省辖市', '示范区', '航空港区', '市辖区'])) return { ok: true, value: null };
        // 「县里推荐的」 names no 县（市）: which one is asked, never the words stored as its name.
        if ((kb.regions.countyWords ?? []).some((w) => text.includes(w))) return { ok: false, error: `${q.id}: 没有说是哪个县（市），请填写县（市）名称，如 长垣市、汤阴县` };
        // The regions list every 县 and 县级市 of the province: a reply that names none of them (a sentence about
        // something else, a misheard name) is asked back, never stored as the recommending county.
        return { ok: false, error: `${q.id}: 未能识别县（市）名称，请填写如 长垣市、汤阴县；由省辖市推荐的可以跳过` };
      }
      if (q.sets === 'enterprise.foundedYear') {
        const kept = foundingAsKept(text);
        if (kept === undefined) return { ok: false, error: `${q.id}: 未能识别年份，请填写如 2015 或 2015年3月` };
        return { ok: true, value: kept };
      }
      if (q.sets === 'enterprise.industryCode') {
        const code = industryFromText(kb, text);
        if (!code) return { ok: false, error: `${q.id}: 未能识别行业，请填写 GB/T 4754 大类代码（如 36）或行业名称（如 汽车制造业）` };
        return { ok: true, value: code };
      }
      return { ok: true, value: text };
    }
    default:
      return { ok: false, error: `${q.id}: 不支持的问题类型 ${q.kind}` };
  }
}

/** Whether a hard condition reads this question's answer: skipped, it leaves the condition 待确认. */
export function readByHardCondition(kb: KnowledgeData, questionId: string): boolean {
  const sets = indexOf(kb).questions.get(questionId)?.sets;
  return !!sets && Object.values(kb.categoryRules.hard).some((r) => r.fact === sets);
}

export function displayOf(kb: KnowledgeData, q: InterviewQuestion, value: AnswerValue): string {
  const v = kb.interview.vocabulary;
  if (value === null) return (readByHardCondition(kb, q.id) && v.skipHardDisplay) || v.skipDisplay;
  if (value === true) return v.yesDisplay;
  if (value === false) return v.noDisplay;
  if (value === 'partial' && q.kind === 'yesNoPartial') return v.partialDisplay;
  if (value === 'building' && q.kind === 'yesNoPartial') return v.buildingDisplay;
  if (q.kind === 'choice') return q.choices?.find((c) => c.value === value)?.label ?? String(value);
  if (q.sets === 'enterprise.industryCode' && typeof value === 'string') return divisionLabel(kb, value);
  // A founding kept with its month (2009-08) reads back as said, 2009年8月: the month taken is seen to be kept.
  const dated = q.sets === 'enterprise.foundedYear' && typeof value === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(value) : null;
  if (dated) return `${dated[1]}年${Number(dated[2])}月${dated[3] ? `${Number(dated[3])}日` : ''}`;
  if (typeof value === 'number') return `${value}${q.unit ?? ''}`;
  return Array.isArray(value) ? value.join('、') : String(value);
}

function recordedOf(kb: KnowledgeData, q: InterviewQuestion, value: AnswerValue): Recorded {
  const pending = value === null && readByHardCondition(kb, q.id);
  return { questionId: q.id, label: q.label, value, display: displayOf(kb, q, value), ...(pending ? { pending: true as const } : {}) };
}

export function applyAnswer(kb: KnowledgeData, answers: Answers, questionId: string, value: unknown): ApplyResult {
  const q = indexOf(kb).questions.get(questionId);
  if (!q) return { ok: false, error: `未知的问题 ${questionId}` };
  const checked = checkValue(kb, q, value);
  if (!checked.ok) return checked;
  const next: Answers = { ...answers, [questionId]: checked.value };
  const recorded = [recordedOf(kb, q, checked.value)];
  // 「邓州市，省直管」 to the 省辖市 question also names a 县级市, whose own department recommends it (四(三)):
  // the county is kept, so skipping its question later does not leave the enterprise under its 省辖市's quota.
  const countyQ = q.sets === 'enterprise.city' && typeof value === 'string' ? kb.interview.questions.find((x) => x.sets === 'enterprise.county') : undefined;
  const county = countyQ && next[countyQ.id] === undefined ? countyFromText(kb, value as string) : undefined;
  if (countyQ && county) {
    next[countyQ.id] = county;
    recorded.push(recordedOf(kb, countyQ, county));
  }
  const sealed = Object.freeze(next);
  const before = evaluationOf(kb, answers).ev.assessment.blocking;
  const after = evaluationOf(kb, sealed).ev.assessment.blocking;
  const key = (b: { clause: string; reason: string }) => `${b.clause}|${b.reason}`;
  const had = new Set(before.map(key));
  return { ok: true, answers: sealed, recorded, newlyBlocking: after.filter((b) => !had.has(key(b))) };
}

/** Every answer given to E's questions, in the interview's order, for the review card. */
export function describeAnswers(kb: KnowledgeData, answers: Answers): Recorded[] {
  const idx = indexOf(kb);
  return Object.keys(answers)
    .filter((id) => idx.questions.has(id))
    .sort((a, b) => idx.questionOrder.get(a)! - idx.questionOrder.get(b)!)
    .map((id) => recordedOf(kb, idx.questions.get(id)!, answers[id]));
}

/**
 * The facts as a profile-shaped object. `complete` means the assessment needs nothing more: every hard
 * condition is known, a category is recommended and no element of it is still unknown.
 */
export function profileFromAnswers(kb: KnowledgeData, answers: Answers): { profile: PartialProfile; complete: boolean } {
  const { facts, ev } = evaluationOf(kb, answers);
  const hardKnown = Object.values(ev.hard).every((v) => v !== undefined);
  const a = ev.assessment;
  const complete = hardKnown && a.category.recommended !== null && a.conditions.every((c) => c.status !== 'unknown');
  return { profile: partialProfileOf(facts), complete };
}
