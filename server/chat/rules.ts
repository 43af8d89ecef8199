import { normalise } from '../understand/normalise';
import { findQuantities } from '../understand';
import type { KnowledgeBase } from '../knowledge/base';
import type { AnswerValue, Progress, QuestionView, Recorded } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import { applyAnswer, describeAnswers, evaluate, interpret } from '../engine';
import { applyingUnitChange, applyingUnitsOf, isGhostwriting, isGreeting, isInstruction, isQuestion, loneEquipmentCounts, ownFactsIn } from '../engine/interpret';
import { applyingCategory, evaluationOf, readByHardCondition, viewOf } from '../engine/plan';
import { correctionOfNamedItem, withdrawsAnswer } from '../engine/named-correction';
import { acksOnly, asksVerdict, correctedYes, yesOnly, categoryFit, categoryRequest, startsOnly, switchReply } from '../engine/category-request';
import { indexOf } from '../engine/kb';
import { createFormPhase, GATE } from '../forms/phase';
import { enterpriseFinanceNotes } from '../forms/review-finance';
import type { Answers, ApplyResult, Interpretation, InterviewRules, OfferedFact, Step } from './ports';

/** The form phase, asked once the interview planner has nothing left for an eligible enterprise. */
export interface FormPhase {
  planForm(answers: Answers, category: Category): { question: QuestionView | null; progress: Progress };
  /** planForm's remaining count alone, as the interview shows it before the form begins. */
  formRemaining(answers: Answers, category: Category): number;
  /** `category`: the form being filled, whose 附件 a flag of the answer names. */
  applyFormAnswer(answers: Answers, questionId: string, value: AnswerValue, category?: Category | null): ApplyResult;
  interpretForm(text: string, pending: QuestionView | null): Interpretation;
  groupOf(answers: Answers, category: Category, questionId: string, section?: string): string[];
  describeForm(answers: Answers, category: Category | null): Recorded[];
  /** Whether an answer key is one of the form's questions (not a mark kept beside one, such as a round figure's words). */
  isFormQuestion(questionId: string): boolean;
  /** The words that name a form field in a reply (its `saidAs` and `nearSaidAs`). */
  fieldWords(questionId: string): string[];
  formView(questionId: string, category: Category | null): QuestionView | null;
  /** Whether a short reply says the fact asked is not known now (「回头问问财务」): a skip, never a question about the notice. */
  saysNotKnown(text: string): boolean;
  /** The reply with each 几个 that says "several" (「也给几个房地产商做…」) written so it asks nothing: for whether it asks. */
  withoutSeveral(text: string): string;
  /** A correction naming no field (「第三个改成发块」) read against the form answer given last; undefined when it is no edit of it. */
  correctLast(answers: Answers, lastId: string, text: string): Interpretation | undefined;
  /** The form's facts a reply outside the form phase states (「我们是…有限公司，员工380人」), each for its field while unanswered. */
  fieldCorrected(text: string): Interpretation | undefined;
  formFactsSaid(text: string): { questionId: string; value: AnswerValue; approx?: true; extra: true; adds?: true; said?: string }[];
  /** The gate's value that takes the form up again when a reply with nothing pending asks to (「继续填写申报书」 after 以后再填). */
  resumesForm(answers: Answers, text: string): string | undefined;
}

/** Ids starting with `form.` belong to D's form phase (CONTRACTS.md). */
const isFormQuestion = (id: string) => id.startsWith('form.');

/**
 * Answers that are not skips, of exactly the questions `describe` lists, so that 已回答 and the
 * review card's count are one figure. The answers also hold marks that are not questions (the words
 * of a round figure, 「大概两百人」, kept for the form): counting every key made the panel run ahead.
 */
function answeredCount(answers: Answers, isQuestion: (id: string) => boolean): number {
  let n = 0;
  for (const [id, v] of Object.entries(answers)) if (v !== null && isQuestion(id)) n++;
  return n;
}

/**
 * E's engine and D's form phase bound to one knowledge version: everything the conversation
 * needs to decide, as pure synchronous calls. The form phase follows once E's planner has
 * nothing left for an eligible enterprise with a category; `forms: null` leaves it out.
 */
export function createRules(kb: KnowledgeBase, forms: FormPhase | null = createFormPhase(kb.data)): InterviewRules {
  const data = kb.data;
  // Every question the client shows carries the one skip wording of the knowledge version.
  const skip = { action: data.interview.vocabulary.skipAction, display: data.interview.vocabulary.skipDisplay };
  // Skipped, a question a hard condition reads leaves the condition 待确认: the user's bubble says so, as the review does.
  const hardSkip = { ...skip, display: data.interview.vocabulary.skipHardDisplay ?? skip.display };
  const skipOf = (id: string) => (readByHardCondition(data, id) ? hardSkip : skip);
  const withSkip = <T extends { question: QuestionView | null }>(s: T): T => (s.question ? { ...s, question: { ...s.question, skip: skipOf(s.question.id) } } : s);
  // A skipped form answer reads back in the same words as a skipped interview answer; a skipped hard condition keeps
  // the engine's 待确认 wording.
  const skipped = (items: Recorded[]): Recorded[] => items.map((r) => (r.value === null && !readByHardCondition(data, r.questionId) ? { ...r, display: r.note ? `${skip.display}（${r.note}）` : skip.display } : r));
  const skipRead = (r: ApplyResult): ApplyResult => (r.ok ? { ...r, recorded: skipped(r.recorded) } : r);
  const listed = (id: string) => (isFormQuestion(id) ? !!forms?.isFormQuestion(id) : indexOf(data).questions.has(id));
  const plan = (answers: Answers): Step => {
    const evaluated = evaluate(data, answers);
    const category = evaluated.assessment.category.recommended;
    // A form figure that contradicts an interview answer (a loss year beside 经营良好) is a 待确认 note of the assessment.
    const financeNotes = forms ? enterpriseFinanceNotes(data, answers, category) : [];
    const e = financeNotes.length ? { ...evaluated, assessment: { ...evaluated.assessment, notes: [...evaluated.assessment.notes, ...financeNotes] } } : evaluated;
    const answered = answeredCount(answers, listed);
    const offersForm = forms !== null && e.assessment.eligible && category !== null;
    if (e.question || !offersForm) {
      const upcoming = offersForm && e.question ? forms.formRemaining(answers, category) : undefined;
      return { ...e, progress: { ...e.progress, answered, ...(upcoming ? { upcoming } : {}) } };
    }
    const f = forms.planForm(answers, category);
    return { assessment: e.assessment, question: f.question, progress: { ...f.progress, answered } };
  };
  return {
    step(answers: Answers): Step {
      return withSkip(plan(answers));
    },
    apply(answers: Answers, questionId: string, value: AnswerValue): ApplyResult {
      if (isFormQuestion(questionId)) {
        if (!forms) return { ok: false, error: `未知的问题：${questionId}` };
        return skipRead(forms.applyFormAnswer(answers, questionId, value, evaluate(data, answers).assessment.category.recommended));
      }
      return skipRead(withoutLoneWorkshopName(data, answers, applyAnswer(data, answers, questionId, value)));
    },
    skipGroup(answers: Answers, questionId: string, section?: string): ApplyResult {
      const category = evaluate(data, answers).assessment.category.recommended;
      const ids = isFormQuestion(questionId) && forms && category ? forms.groupOf(answers, category, questionId, section) : [questionId];
      let next = answers;
      const recorded: ApplyResult & { ok: true } = { ok: true, answers, recorded: [], newlyBlocking: [] };
      for (const id of ids) {
        const r = this.apply(next, id, null);
        if (!r.ok) return r;
        next = r.answers;
        recorded.recorded.push(...r.recorded);
      }
      return { ...recorded, answers: next };
    },
    reopen(answers: Answers, questionIds: string[]): { answers: Answers; reopened: Recorded[] } {
      // Only a skip is taken back: an answer given stays, and an interview answer is changed by editing it.
      const ids = questionIds.filter((id) => isFormQuestion(id) && forms?.isFormQuestion(id) && answers[id] === null);
      if (!ids.length) return { answers, reopened: [] };
      const shown = new Map(this.describe(answers).map((r) => [r.questionId, r]));
      const next: Answers = { ...answers };
      for (const id of ids) delete next[id];
      return { answers: Object.freeze(next), reopened: ids.flatMap((id) => (shown.has(id) ? [shown.get(id)!] : [])) };
    },
    correctLast(answers: Answers, lastId: string, text: string): Interpretation | undefined {
      return isFormQuestion(lastId) && forms ? forms.correctLast(answers, lastId, text) : undefined;
    },
    categoryRequest: (text: string) => categoryRequest(data, text),
    switchReply: (text: string) => switchReply(data, text),
    startsOnly: (text: string) => startsOnly(data, text),
    acksOnly: (text: string) => acksOnly(data, text),
    asksVerdict: (text: string) => asksVerdict(data, text),
    yesOnly: (text: string) => yesOnly(data, text),
    correctedYes: (text: string) => correctedYes(data, text),
    categoryFit: (answers: Answers) => categoryFit(data, answers),
    correctNamed(text: string, pending: QuestionView | null, answers: Answers): Interpretation | undefined {
      // An instruction is read for facts by nobody. The form phase reads its own fields, so while one waits only a reply
      // that says it takes something back (「等等 节能减排那项是有的」「失信那项说错了」) changes an interview answer it names.
      if (isInstruction(data, text)) return undefined;
      // 「主营业务改成…」「发展历程再补充一句：…」 name a field of the form: that field is changed, whichever question
      // waits (an interview question too, which stays open), and no interview answer is read into the words.
      const formField = forms?.fieldCorrected(text);
      if (formField) return formField;
      if (pending && isFormQuestion(pending.id) && !takesBack(data, text)) return undefined;
      // 「说错了，车间1的生产线是…」 takes back a form answer of a workshop: no interview answer is read into its words.
      if (pending && isFormQuestion(pending.id) && NAMES_WORKSHOP.test(text)) return undefined;
      return correctionOfNamedItem(data, text, pending, answers, applyingCategory(data, answers));
    },
    interpret(text: string, pending: QuestionView | null, answers?: Answers): Interpretation {
      if (pending && isFormQuestion(pending.id) && forms) {
        // The same reading of instructions and questions as the interview: a question typed while a
        // text field waits is answered, never stored as the field's value.
        if (isInstruction(data, text)) return { kind: 'unclear', reason: 'instruction' };
        if (isGreeting(data, text)) return { kind: 'unclear', reason: 'greeting' };
        if (isGhostwriting(data, text)) {
          // Facts given with a request to write them up (「…采集率大概90%，你帮我写得正式一点」) are the answer, read without
          // the request; a request with nothing of the enterprise's beside it is refused as before.
          const { facts, request } = ghostwritingApart(data, text);
          const read = facts ? forms.interpretForm(facts, pending) : undefined;
          if (!read || read.kind !== 'answers' || read.asks || !request) return { kind: 'unclear', reason: 'ghostwrite' };
          return { ...read, notes: [...(read.notes ?? []), { said: request, reason: 'ghostwrite' }] };
        }
        // 「具体哪天记不清了」 says the fact is not known now; its 哪天 asks nothing.
        // 「这个比例怎么算」 at 主营产品 asks about the field waiting: answered about it, before any question goes to the notice's answers.
        const read = forms.interpretForm(text, pending);
        if (read.kind === 'unclear' && read.reason === 'fieldHelp') return read;
        // 「这几个先空着」 puts off the fields shown with the one waiting: its 几个 asks nothing. 「这几个能先空着吗」 still asks.
        const putOff = read.kind === 'answers' && read.wholeGroup === true && read.items.every((i) => i.value === null);
        if (putOff && !/[?？]|[吗么嘛][\s。.!！~～…]*$/u.test(text.trim())) return read;
        // 「主要卖河南山东，也给几个房地产商做精装配套」 states: its 几个 says "several" and asks nothing.
        if (asksSomething(data, forms.withoutSeveral(text)) && !forms.saysNotKnown(text)) return { kind: 'question' };
        return read;
      }
      // Nothing waits because the form was put off (以后再填): a reply that asks to go on with it answers the gate again.
      const resumed = !pending && forms && answers ? forms.resumesForm(answers, text) : undefined;
      if (resumed !== undefined) return { kind: 'answers', items: [{ questionId: GATE, value: resumed }] };
      const category = answers ? applyingCategory(data, answers) : null;
      const units = applyingUnitsOf(answers, category);
      const factory = !!answers && scopeOf(data, answers) === 'factory';
      const read = withApplyingUnitKept(forms, withFormFacts(data, forms, text, interpret(data, text, pending, category, units), category), category, units, factory);
      return withApplyingUnitChanged(data, forms, text, read, answers, factory);
    },
    factsInQuestion(text: string, answers: Answers): OfferedFact[] {
      if (isInstruction(data, text) || isGhostwriting(data, text)) return [];
      const out: OfferedFact[] = [];
      const add = (f: OfferedFact) => {
        if (answers[f.questionId] === undefined && listed(f.questionId) && !out.some((o) => o.questionId === f.questionId)) out.push(f);
      };
      // What the interview reads beside a question (「MES已经上了，能报车间吗」), and the form's facts said with it (the
      // head count of 「有380人」 among them). Only clauses that ask nothing are read: 「能同时报两个车间不」 asks whether
      // two may be applied for, and its closing 不 is the question's, not a no to a second application.
      const clauses = text.split(/(?<=[，,。；;！!？?\n])/u);
      const stated = clauses.filter((c) => !asksSomething(data, c)).join('').replace(/[，,；;\s]+$/u, '');
      const read = stated ? this.interpret(stated, null, answers) : { kind: 'none' as const };
      if (read.kind === 'answers') for (const i of read.items) add({ questionId: i.questionId, value: i.value as AnswerValue, ...(i.approx ? { approx: true as const } : {}), ...(i.said ? { said: i.said } : {}) });
      // Only clauses that ask nothing state a fact: 「员工300人以上才能报吗」 asks about a count, it gives none.
      const byField = (sets: string) => data.interview.questions.find((q) => q.sets === sets)?.id;
      for (const clause of clauses.filter((c) => !asksSomething(data, c))) {
        const own = ownFactsIn(data, clause);
        const city = byField('enterprise.city');
        const industry = byField('enterprise.industryCode');
        if (own.city && city) add({ questionId: city, value: own.city });
        if (own.industryCode && industry) add({ questionId: industry, value: own.industryCode });
      }
      return out;
    },
    saidBefore: (text: string) => saidBefore(data, text),
    earlierAnswer(said: string[], pending: QuestionView, answers: Answers): { questionId: string; value: AnswerValue; approx?: true; said: string } | undefined {
      if (pending.kind !== 'number') return undefined;
      // Only a reply that names the field (联网的, 设备总数; 联网率) gave its figure: any earlier count is not this one's.
      const v = data.interview.vocabulary;
      const words = (isFormQuestion(pending.id) ? forms?.fieldWords(pending.id) ?? [] : [...(v.metricSubjects[pending.id] ?? []), ...(v.metricAliases[pending.id] ?? [])]).map((w) => w.toLowerCase());
      for (const whole of said) {
        // 「联网的设备有六十台，这个要写吗？」: the clauses that ask nothing state the figure.
        const text = whole.split(/(?<=[，,。；;！!？?\n])/u).filter((c) => !asksSomething(data, c)).join('').replace(/[，,；;\s]+$/u, '');
        const t = normalise(text).text.toLowerCase();
        if (!words.some((w) => t.includes(w)) || saidBefore(data, text)) continue;
        const read = this.interpret(text, pending, answers);
        const item = read.kind === 'answers' && !read.asks ? read.items.find((i) => i.questionId === pending.id && !i.extra && typeof i.value === 'number') : undefined;
        if (item) return { questionId: item.questionId, value: item.value as AnswerValue, ...(item.approx ? { approx: true as const } : {}), said: text };
      }
      return undefined;
    },
    acceptsOffer(text: string): boolean {
      // A short reply that opens with the word, after at most a nod (「好的，记入」); 「不用记入」「先别记上」 decline.
      const t = normalise(text).text.replace(/[\s\p{P}\p{S}的了吧啊呀哈嘛]+/gu, '').replace(/^(?:好|行|可以|嗯|对|是|那就|麻烦|请)+/u, '');
      return t.length > 0 && t.length <= 8 && !asksSomething(data, text) && data.interview.vocabulary.acceptOffer.some((w) => t.startsWith(normalise(w).text.replace(/吧$/u, '')));
    },
    // Interview answers first, then the form's: a resumed session shows every answer the user gave.
    describe(answers: Answers): Recorded[] {
      const own = describeAnswers(data, answers);
      if (!forms) return own;
      return [...own, ...skipped(forms.describeForm(answers, evaluate(data, answers).assessment.category.recommended))];
    },
    views(answers: Answers, questionIds: string[]): QuestionView[] {
      const category = evaluate(data, answers).assessment.category.recommended;
      const one = (id: string): QuestionView | null => {
        if (isFormQuestion(id)) return forms?.formView(id, category) ?? null;
        const q = indexOf(data).questions.get(id);
        return q ? viewOf(q, category) : null;
      };
      return questionIds.map(one).flatMap((q) => (q ? [{ ...q, skip: skipOf(q.id) }] : []));
    },
  };
}

/** Facts of its own that a reply gives beside a request to write for the enterprise needs this many Han characters at least. */
const GHOSTWRITE_FACTS_MIN = 8;

/**
 * A reply split into the clauses that ask the assistant to write (ghostwriting words) and the rest: the rest is the
 * enterprise's facts only when it holds enough words of its own and nothing in the reply asks for words made up
 * (fabricating: 随便写, 就说…), which would make the rest a claim to print regardless of fact.
 */
function ghostwritingApart(data: KnowledgeBase['data'], text: string): { facts?: string; request?: string } {
  const clauses = text.split(/(?<=[，,。；;！!：:\n])/u);
  const asking = clauses.filter((c) => isGhostwriting(data, c));
  const rest = clauses.filter((c) => !isGhostwriting(data, c)).join('').replace(/[，,；;\s]+$/u, '');
  const request = asking.join('').replace(/[，,。；;！!：:\s]+$/u, '').trim();
  const lower = text.normalize('NFKC').toLowerCase();
  if (data.interview.vocabulary.fabricating.some((w) => lower.includes(w.toLowerCase()))) return { request };
  if ((rest.match(/\p{Script=Han}/gu) ?? []).length < GHOSTWRITE_FACTS_MIN) return { request };
  return { facts: rest, request };
}

/** A workshop of the form named by its number (车间1, 2号车间, 第二车间): what a reply naming one speaks of is the form's. */
const NAMES_WORKSHOP = /车间\s*[1-9]|(?:[1-9]|[一二三四五六七八九十])\s*(?:号|#|＃)?\s*车间|第\s*(?:[1-9]|[一二三四五六七八九十])\s*个?车间/u;

/**
 * An interview reply read for the form's facts too: the enterprise's name, its staff, its products or its founding date
 * said before the form begins (in the first reply, beside a question, in a correction) are the form's answers, so the
 * form is not left to ask them again. Beside a question they are recorded and the question is still answered; in a
 * reply that says it takes something back they replace what the form held; otherwise they fill only empty fields.
 */
function withFormFacts(data: KnowledgeBase['data'], forms: FormPhase | null, text: string, r: Interpretation, category: Category | null = null): Interpretation {
  if (!forms || isInstruction(data, text) || isGhostwriting(data, text)) return r;
  // 「刚才说错了，员工是410人」 takes back what it names (a field of the form), not the interview's answer before.
  if (r.kind === 'unclear' && r.reason !== undefined && r.reason !== 'notAnAnswer' && r.reason !== 'previous') return r;
  const own = r.kind === 'answers' ? r.items : [];
  // A founding the interview read whole (ent.foundedYear 2009-08) is already the form's 成立时间 (dateGiven).
  const founding = own.some((i) => i.questionId === 'ent.foundedYear');
  const corrects = takesBack(data, text);
  // A clause that asks (「员工300人以上才能报吗」) states no fact of the enterprise: only the clauses that ask nothing are read.
  const stated = text
    .split(/(?<=[，,。；;！!？?\n])/u)
    .filter((c) => !asksSomething(data, c))
    .join('');
  const read = forms.formFactsSaid(stated);
  // 「员工现在四百五十人」「全厂三百多人」: a clause that is only the enterprise's head count, read by the interview's own
  // statements (VocabularyFile `ownStatements`), where the form's reader found no staff.
  if (!read.some((i) => i.questionId === 'form.employees') && forms.isFormQuestion('form.employees')) {
    for (const clause of stated.split(/(?<=[，,。；;！!\n])/u)) {
      const o = ownFactsIn(data, clause);
      if (o.staff === undefined) continue;
      read.push({ questionId: 'form.employees', value: o.staff, extra: true, ...(o.staffApprox ? { approx: true as const, said: clause.replace(/[，,。；;！!\n]+$/u, '') } : {}) });
      break;
    }
  }
  read.push(...countsOfTheWorkshop(data, forms, stated, category, own), ...workshopsOfTheFactory(data, forms, stated, category).filter((w) => !read.some((i) => i.questionId === w.questionId)));
  const said = read
    .filter((i) => !own.some((o) => o.questionId === i.questionId) && !(founding && i.questionId === 'form.foundedOn'))
    .map(({ extra, ...i }) => (corrects ? i : { ...i, extra }));
  // 「厂里设备两百多台」: the whole plant's count has no field (the form asks each workshop's), so the user hears it is not kept.
  const plant = r.kind === 'answers' && !own.some((o) => o.questionId.startsWith('metric.')) ? loneEquipmentCounts(data.interview.vocabulary, stated).filter((c) => c.scope === 'factory') : [];
  if (plant.length && r.kind === 'answers') r = { ...r, notes: [...(r.notes ?? []), ...plant.map((c) => ({ said: c.said.replace(/[，,。；;！!\s]+$/u, ''), reason: 'plantCount' as const }))] };
  if (!said.length) return r;
  if (r.kind === 'unclear' && r.reason === 'previous' && !corrects) return r;
  if (r.kind === 'answers') return { ...r, items: [...r.items, ...said] };
  return { kind: 'answers', items: said, ...(r.kind === 'question' ? { asks: true as const } : {}) };
}

/** The form's name of the one workshop a 智能车间 applies with. */
const WORKSHOP_NAME = 'form.ws.1.name';

/**
 * 「我们申报的是发酵车间」 at a yes/no item, from a workshop applicant whose form has no workshop name yet: the name is the
 * form's 车间名称, kept in passing so that later readings know the applying workshop, and the item waiting is asked again.
 * Said beside the item's answer (「没有，这次报的是总装车间」 to the 另有申报 question) it is kept beside that answer.
 * Before the category is chosen a workshop named as the one applying says a workshop applies, so it is kept then too.
 * A name already given is not replaced by one said in passing, and a factory applies with no one workshop.
 */
function withApplyingUnitKept(forms: FormPhase | null, r: Interpretation, category: Category | null, units: string[], factory: boolean): Interpretation {
  const name = r.kind === 'unclear' && r.reason === 'applyingUnit' ? r.choices?.[0] : r.kind === 'answers' ? r.unit : undefined;
  if (!name || factory || (category !== 'smartWorkshop' && category !== null) || units.length || !forms?.isFormQuestion(WORKSHOP_NAME)) return r;
  const kept = { questionId: WORKSHOP_NAME, value: name, extra: true as const };
  if (r.kind === 'answers') return r.items.some((i) => i.questionId === WORKSHOP_NAME) ? r : { ...r, items: [...r.items, kept] };
  return { kind: 'answers', items: [kept], pendingLeft: { reason: 'applyingUnit', choices: [name] } };
}

/**
 * 「换个车间报」「这回换成涂装车间来报」 after a workshop was named and kept as the form's 车间名称: the name no longer holds.
 * Changed to a workshop named, that name replaces it; to one not named, it is left empty (a skip the user can fill in
 * later), so no stale name is carried into the form. A factory applicant keeps no such name, and a reply that names the
 * kept workshop again changes nothing.
 */
function withApplyingUnitChanged(data: KnowledgeBase['data'], forms: FormPhase | null, text: string, r: Interpretation, answers: Answers | undefined, factory: boolean): Interpretation {
  const kept = answers?.[WORKSHOP_NAME];
  if (typeof kept !== 'string' || !kept.trim() || factory || !forms?.isFormQuestion(WORKSHOP_NAME)) return r;
  const change = applyingUnitChange(data, text);
  if (!change || change.name === kept) return r;
  const item = { questionId: WORKSHOP_NAME, value: change.name ?? null };
  if (r.kind !== 'answers') return { kind: 'answers', items: [item] };
  const { unit: _said, pendingLeft, ...rest } = r;
  const left = pendingLeft?.reason === 'applyingUnit' ? {} : pendingLeft ? { pendingLeft } : {};
  return { ...rest, ...left, items: [...r.items.filter((i) => i.questionId !== WORKSHOP_NAME), item] };
}

/** The scope chosen (智能车间 or 智能工厂), before the production mode settles which factory category applies. */
function scopeOf(data: KnowledgeBase['data'], answers: Answers): 'workshop' | 'factory' | undefined {
  return evaluationOf(data, answers).facts.scope;
}

/**
 * The one workshop said to apply is kept as a 智能车间 form's 车间名称, before the category is chosen too. A 智能工厂
 * chosen after it applies with the plant, whose form asks for each of its workshops in turn: that name alone is not
 * said to be the factory's first workshop, so it is let go and the factory's 车间1 is asked like the others. A workshop
 * form begun (any other field of its workshops) is left as it stands.
 */
function withoutLoneWorkshopName(data: KnowledgeBase['data'], before: Answers, r: ApplyResult): ApplyResult {
  if (!r.ok || typeof r.answers[WORKSHOP_NAME] !== 'string' || scopeOf(data, before) === 'factory' || scopeOf(data, r.answers) !== 'factory') return r;
  if (Object.keys(r.answers).some((k) => k !== WORKSHOP_NAME && /^form\.(?:ws\.|workshopCount$)/u.test(k))) return r;
  const { [WORKSHOP_NAME]: _dropped, ...rest } = r.answers;
  return { ...r, answers: Object.freeze(rest) };
}

/** The form's count fields of the one workshop applied for, by what they count. */
const WORKSHOP_COUNTS = { total: 'form.ws.1.equipmentTotal', automated: 'form.ws.1.automatedEquipment', networked: 'form.ws.1.networkedEquipment' } as const;

/**
 * 「联网的有六十台左右」 said in an interview reply by a workshop applicant: a count of the one workshop's equipment, which
 * its form asks for, so it is kept there in passing (a round count marked round, with the words said) rather than lost.
 * A factory's counts are the plant's, not any one workshop's, and a reply whose counts gave a ratio keeps them with it.
 * So is a count a workshop applicant says of the whole plant (「厂里设备两百多台」): the form asks the workshop's own.
 */
function countsOfTheWorkshop(data: KnowledgeBase['data'], forms: FormPhase, text: string, category: Category | null, own: readonly { questionId: string }[]): { questionId: string; value: AnswerValue; approx?: true; extra: true; said?: string }[] {
  if (category !== 'smartWorkshop' || own.some((o) => o.questionId.startsWith('metric.'))) return [];
  return loneEquipmentCounts(data.interview.vocabulary, text).flatMap((c) => {
    if (c.scope === 'factory') return [];
    const id = WORKSHOP_COUNTS[c.kind];
    return forms.isFormQuestion(id) ? [{ questionId: id, value: c.value, extra: true as const, ...(c.approx ? { approx: true as const, said: c.said } : {}) }] : [];
  });
}

/**
 * 「全厂三个车间，两百多台设备」 said in an interview reply by a factory applicant: the count of the plant's workshops, which
 * its form asks for (form.workshopCount), kept in passing as a workshop's counts are for a workshop applicant. Only a clause
 * that says it of the whole plant (VocabularyFile `unitScopes.factory`: 全厂, 厂里) or says nothing but the count: 「三个车间
 * 都联网了」 speaks of those three, not of how many there are. A plant's equipment total has no field of its own in the
 * form (counts are asked per workshop), so it is not kept.
 */
function workshopsOfTheFactory(data: KnowledgeBase['data'], forms: FormPhase, text: string, category: Category | null): { questionId: string; value: AnswerValue; extra: true }[] {
  const id = 'form.workshopCount';
  if ((category !== 'discreteFactory' && category !== 'processFactory') || !forms.isFormQuestion(id)) return [];
  const v = data.interview.vocabulary;
  const whole = (v.unitScopes?.factory ?? []).map((w) => w.toLowerCase());
  const denies = [...v.no, ...v.plannedNo, ...v.future].filter((w) => /\p{Script=Han}/u.test(w)).map((w) => w.toLowerCase());
  const counts = text.slice(0, 400).split(/[，,。；;！!？?\n]+/u).flatMap((raw) => {
    const clause = normalise(raw).text.trim().toLowerCase();
    const found = findQuantities(clause).filter((q) => q.unit === '个' && /^(?:生产)?车间/u.test(clause.slice(q.index + q.text.length)));
    if (found.length !== 1 || found[0]!.approx || denies.some((w) => clause.includes(w))) return [];
    const q = found[0]!;
    const alone = clause.slice(q.index + q.text.length).replace(/^(?:生产)?车间/u, '').trim() === '' && q.index === 0;
    return alone || whole.some((w) => clause.includes(w)) ? [q.value] : [];
  });
  return counts.length === 1 && counts[0]! >= 1 ? [{ questionId: id, value: counts[0]!, extra: true as const }] : [];
}

/** 「刚才说了」「前面说过了」: whether a reply says its answer was given before (VocabularyFile `saidBefore`). */
function saidBefore(data: KnowledgeBase['data'], text: string): boolean {
  const t = normalise(text).text.toLowerCase();
  return data.interview.vocabulary.saidBefore.some((w) => t.includes(w.toLowerCase()));
}

/** Whether a reply says it takes an answer back: a correction word (说错了, 不对) or a word opening a correction (等等). */
function takesBack(data: KnowledgeBase['data'], text: string): boolean {
  const t = normalise(text).text.toLowerCase();
  const v = data.interview.vocabulary;
  return v.corrections.some((w) => t.includes(w.toLowerCase())) || v.correctionOpeners.some((w) => t.startsWith(w.toLowerCase())) || withdrawsAnswer(data, t);
}

/**
 * A question mark anywhere, or a question ending, always asks. Question words alone ask only in a
 * short message: a narrative answer may well say 「如何」 or 「多少」 in passing.
 */
function asksSomething(data: KnowledgeBase['data'], text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (/[?]/.test(t)) return true;
  if (/[吗么嘛][\s。.!！~～…]*$/u.test(t)) return true;
  // A closing 不 after a modal asks too (「能同时报两个车间不」); a bare 不 or 「暂时还不」 answers.
  if (/(?:能|可以|会|行|算|够|中)[^，,。；;]*不[\s。.!！~～…]*$/u.test(t)) return true;
  return t.length <= 40 && isQuestion(data, t);
}

const built = new WeakMap<KnowledgeBase, InterviewRules>();
/** The rules of one knowledge version, built once: routes that serve sessions of several versions share them. */
export function rulesFor(kb: KnowledgeBase): InterviewRules {
  let r = built.get(kb);
  if (!r) built.set(kb, (r = createRules(kb)));
  return r;
}
