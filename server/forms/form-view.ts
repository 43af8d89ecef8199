import type { Block, FormField } from '../knowledge/schemas/forms';
import type { AnswerValue, Answers, QuestionView } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import type { FormCheckResult, FormView, FormViewField, FormViewSection } from '../schemas/form-view';
import { changeCell, changeWords, checkFacts, financeValue, foundedYear, getPath, indicatorChange, indicatorValue, type FactFlag, type IndicatorId } from './facts';
import { factCheckFormOf, formSpec, type FormsKnowledge } from './knowledge';
import { applyFormAnswer, capabilityAnswers, countsInStory, fieldHelpFor, pointsAtUnanswered, withoutOwnLabel, groupOf, sectionQuestions, workshopOf, editOfAnswer, hasPhone, readFigure, sameAsEarlier, describeForm, formFactsFromAnswers, formQuestions, formView, interpretForm, labelOf, notApplicable, oneLineField, parseDate, partOfYear, percentOrFraction, yearGiven, dateGiven, underwayMarked, underwayShown, markUnderway, datedReply, datedEcho, lateDateNote, sameYearsAlone } from './phase';
import { fill } from '../engine/kb';
import { halfWidthAlnum } from '../understand/normalise';
import { clipQuote } from '../understand/quote';

/**
 * The chosen 申报书 as a form, a pure function of (knowledge, answers, category). The layout is the
 * form spec's (cover, 一 with its headings and blocks, 二, 三); every field is bound to the
 * form-phase question whose fact it prints, so the form view and the chat edit the same answers.
 * Questions without a cell of their own (注册资本 behind 企业简介) sit beside the field they feed.
 */

type Concrete = ReturnType<typeof formQuestions>[number];

const has = (answers: Answers, id: string) => Object.prototype.hasOwnProperty.call(answers, id);
const given = (answers: Answers, id: string) => has(answers, id) && answers[id] !== null;
/** A question's own words as a field label: 「企业现有员工多少人？」 → 「企业现有员工多少人」. */

/** `today`: the session's day (YYYY-MM-DD): a completion date after it is flagged as still to come, beside any after the notice's deadline. */
/**
 * What the checks say of a form's answers (a count larger than the one it is part of, a round figure, a wrong check
 * digit), by fact path: the form view shows them beside their boxes, the bureau beside the values submitted.
 */
export function formFlags(kb: FormsKnowledge, answers: Answers, category: Category, facts = formFactsFromAnswers(kb, answers), today?: string): FactFlag[] {
  const province = answers['ent.registeredInHenan'] === false ? '外省' : '河南省';
  // The interview's capability answers too: a cell the enterprise wrote 「暂无」 in, where it answered it has the system, is flagged here as in the chat.
  // A relative date of the enterprise's text is said as the draft dates it, from the session's day where it is known.
  return checkFacts({ form: { province, ...facts }, capabilities: capabilityAnswers(answers), ...(today ? { asOf: today } : {}) }, factCheckFormOf(kb, category));
}

export function buildFormView(kb: FormsKnowledge, answers: Answers, category: Category, today?: string): FormView {
  const spec = formSpec(kb, category);
  // A fact the enterprise has not got (a 分公司's 注册资本) is no field to fill; its draft says why.
  const qs = formQuestions(kb, answers, category).filter((c) => (!c.fact.startsWith('meta.') || c.fact === 'meta.workshopCount') && !notApplicable(c, answers));
  const byFact = new Map(qs.map((c) => [c.fact, c]));
  const facts = formFactsFromAnswers(kb, answers);
  const flags = formFlags(kb, answers, category, facts, today);
  const shown = new Map(describeForm(kb, answers, category).map((r) => [r.questionId, r.display]));
  const placed = new Set<string>();
  const keys = new Set<string>();
  /** The cover repeats 企业名称: the same question twice, with distinct keys for the page's element ids. */
  const keyFor = (base: string) => {
    let k = base;
    for (let i = 2; keys.has(k); i++) k = `${base}#${i}`;
    keys.add(k);
    return k;
  };
  const fieldIds = new Set<string>();
  collectIds(spec, fieldIds);

  const flagsOf = (path: string): FactFlag[] => flags.filter((f) => f.field === path);
  // A figure given round (「两百来人」) or as a range is kept for the assessment, but the signed form leaves it blank
  // until the exact one is given: its field is not finished.
  // A figure given round or as a range, by its fact: the words typed for it.
  const roughSaid = new Map((facts.approximate ?? []).map((a) => [a.fact, a.said]));
  const roughSaidOf = (fact: string) => (facts.approximate ?? []).filter((a) => a.fact === fact).map((a) => a.said);
  // A cell stored as 「暂无」 against the interview's yes is not finished either, until one of them is corrected.
  const deniedFacts = new Set((facts.deniedCells ?? []).map((d) => d.fact));

  /** hint: the form's own words for the cell; the question's help is shown unless the cell is one column of a matrix row. */
  const fromQuestion = (c: Concrete, label = labelOf(c), hint?: string, help = true): FormViewField => {
    placed.add(c.id);
    const view = formView(kb, c.id, category) as QuestionView;
    const own = flagsOf(c.fact).map((f) => ({ severity: f.severity, message: inBoxWords(kb, f.message) }));
    // A completion date after today or the notice's deadline stays flagged while it stands; a date planned for work under way is no such date.
    const late = underwayMarked(answers, c.id) ? undefined : lateDateNote(kb, c.id, answers[c.id] ?? null, today);
    if (late) own.push({ severity: 'warning', message: inBoxWords(kb, late) });
    const input = c.q.kind === 'number' ? 'number' : c.q.kind === 'date' ? 'date' : c.q.kind === 'choice' ? 'choice' : c.q.maxLength === undefined ? 'narrative' : 'text';
    const field: FormViewField = {
      key: keyFor(c.id),
      label,
      name: labelOf(c),
      ...(hint ? { hint } : help && c.help ? { hint: c.help } : {}),
      input,
      questionId: c.id,
      ...(view.unit ? { unit: view.unit } : {}),
      ...(c.q.precision ? { precision: c.q.precision } : {}),
      ...(view.min !== undefined ? { min: view.min } : {}),
      ...(view.max !== undefined ? { max: view.max } : {}),
      ...(c.q.maxLength !== undefined ? { maxLength: c.q.maxLength } : {}),
      ...(view.choices ? { choices: view.choices } : {}),
      display: null,
      status: 'empty',
      flags: own,
    };
    if (has(answers, c.id)) {
      field.value = answers[c.id] as AnswerValue;
      // A skip says nothing, but a project said under construction (还在建) says that.
      field.display = answers[c.id] === null ? (underwayMarked(answers, c.id) !== undefined ? (shown.get(c.id) ?? null) : null) : (shown.get(c.id) ?? String(answers[c.id]));
      // A project said under way is no skip: its planned date is still to come, so it waits as unconfirmed.
      const open = answers[c.id] === null ? (underwayMarked(answers, c.id) !== undefined ? 'unconfirmed' : 'skipped') : undefined;
      field.status = open ?? (roughSaid.has(c.fact) || (deniedFacts.has(c.fact) && own.length > 0) ? 'unconfirmed' : 'filled');
      // A round figure or a range is not yet a figure: the field shows the words typed, not the figure kept for checks.
      // A list (主营产品) keeps each item's round share inside the text as typed: the field shows that whole text, not
      // the one item's words, so no item is hidden from the box and then dropped by an edit of what was shown.
      const stored = answers[c.id];
      const said = stored === null || (typeof stored === 'string' && roughSaidOf(c.fact).every((s) => stored.includes(s))) ? undefined : roughSaid.get(c.fact);
      if (said !== undefined) {
        field.said = said;
        field.display = said;
      }
      // The box of a project said under way shows the words that said so, not an empty box that reads as skipped.
      const underway = stored === null ? underwayMarked(answers, c.id) : undefined;
      if (underway !== undefined) field.said = underway;
    } else if (c.q.derivedFrom && given(answers, c.q.derivedFrom)) {
      // The interview gave it (the industry): shown filled, and never asked again.
      const v = getPath(facts, c.fact);
      if (v !== undefined) {
        field.display = String(v);
        field.status = 'filled';
        field.fromInterview = true;
      }
    } else if (dateGiven(answers, c.q) !== undefined) {
      // The interview gave the date whole (「2009年8月成立的」): shown filled as said, and never asked again.
      field.display = dateGiven(answers, c.q)!;
      field.status = 'filled';
      field.fromInterview = true;
    } else if (c.q.computedFrom && c.q.computedFrom.every((id) => given(answers, id))) {
      const m = /^indicators\.(\w+)\.(before|after)$/.exec(c.fact);
      const v = m ? indicatorValue(facts, m[1] as IndicatorId, m[2] as 'before' | 'after') : null;
      if (v) return { ...field, input: 'computed', display: v.display, ...(v.formula ? { formula: v.formula } : {}), status: 'computed' };
    }
    // 成立时间 not given while the interview gave its year: the hint says the year is known and the month is what is missing.
    const year = yearGiven(answers, c.q);
    if (year !== undefined && c.q.textWithYear) field.hint = c.q.textWithYear.replace(/\{year\}/g, String(year));
    if (own.some((f) => f.severity === 'error')) field.status = 'invalid';
    return field;
  };

  const computed = (key: string, label: string, v: { display: string; formula?: string } | null, unit?: string): FormViewField => ({
    key,
    label,
    input: 'computed',
    ...(unit ? { unit } : {}),
    display: v?.display ?? null,
    ...(v?.formula ? { formula: v.formula } : {}),
    status: 'computed',
    flags: [],
  });
  const drafted = (key: string, label: string, section: string, hint?: string): FormViewField => ({ key, label, ...(hint ? { hint } : {}), input: 'draft', section, display: null, status: 'drafted', flags: [] });
  const notCollected = (f: FormField): FormViewField => ({ key: f.id, label: f.label, ...(f.hint ? { hint: f.hint } : {}), input: 'none', display: null, status: 'notCollected', flags: [] });

  /** The questions that feed a field with no cell of their own, as rows before it (in a workshop, that workshop's). */
  const feeding = (fieldId: string, ws?: number): { label?: string; fields: FormViewField[] }[] =>
    qs
      .filter((c) => !placed.has(c.id) && c.q.feeds?.find((id) => fieldIds.has(id)) === fieldId)
      .filter((c) => c.q.repeat !== 'workshop' || c.id === c.q.id.replace('{i}', String(ws)))
      .map((c) => ({ fields: [fromQuestion(c)] }));

  const plain = (f: FormField, ws?: number): { label?: string; fields: FormViewField[] }[] => {
    const path = f.fact?.replace('{i}', String((ws ?? 1) - 1));
    // A cell the export fills from another fact when its own is not asked (附件1's 车间名称 from the workshop's name)
    // is that fact's field here too, so the form view and the export say the same.
    const alt = f.orFact?.replace('{i}', String((ws ?? 1) - 1));
    const c = (path ? byFact.get(path) : undefined) ?? (alt ? byFact.get(alt) : undefined);
    if (c) return [{ fields: [fromQuestion(c, f.label, f.hint)] }];
    const feeders = feeding(f.id, ws).flatMap((r) => r.fields);
    if (feeders.length) return [{ label: f.label, fields: feeders }];
    return [{ fields: [notCollected(f)] }];
  };

  /** A narrative cell: the question that asks what was built, or the drafted text alone. */
  const cell = (f: FormField, ws?: number): { label?: string; fields: FormViewField[] }[] => {
    if (!f.section) return plain(f, ws);
    const rows = feeding(f.id, ws);
    const qid = ws === undefined ? `form.cell.${f.id}` : `form.cell.${f.id}.${ws}`;
    const c = qs.find((x) => x.id === qid);
    const key = ws === undefined ? f.section : `${f.section}@${ws}`;
    rows.push({ fields: [c ? fromQuestion(c, f.label, f.hint) : drafted(key, f.label, key, f.hint)] });
    return rows;
  };

  const founded = foundedYear(facts);
  const notYet = kb.formDrafting.messages.beforeFounding;
  const matrix = (b: Extract<Block, { type: 'matrix' }>) =>
    b.rows.map((row) => {
      const rows = feeding(`${b.id}.${row.id}`);
      const label = row.label || b.label;
      const fields = b.columns.map((col): FormViewField => {
        const key = `${b.id}.${row.id}.${col.key}`;
        const colLabel = col.label;
        const beforeFounding = notYet !== undefined && founded !== undefined && /^\d{4}$/.test(col.key) && Number(col.key) < founded;
        if (row.computed === 'debtRatio') {
          const v = financeValue(facts, col.key, 'debtRatio');
          return v || !beforeFounding ? computed(key, colLabel, v, row.unit) : computed(key, colLabel, { display: notYet });
        }
        if (row.indicator) {
          const ind = row.indicator as IndicatorId;
          if (row.computed === 'changeRatio' || col.key === 'ratio') {
            const c = indicatorChange(facts, ind);
            return computed(key, colLabel, c && { display: changeCell(c, `${row.label}${col.label}`, changeWords(kb.formDrafting.messages)), formula: c.formula }, '%');
          }
          const side = (row.side ?? col.key) as 'before' | 'after';
          const c = byFact.get(`indicators.${ind}.${side}`);
          return c ? fromQuestion(c, colLabel, undefined, false) : { ...notCollected({ id: key, label: colLabel, clause: b.clause, kind: 'number' }), key };
        }
        const path = row.fact?.replace('{col}', col.key);
        const c = path ? byFact.get(path) : undefined;
        if (c) return fromQuestion(c, colLabel, undefined, false);
        // A year before the founding: no figure is asked for, and the form prints that it had none.
        if (beforeFounding) return computed(key, colLabel, { display: notYet });
        return { ...notCollected({ id: key, label: colLabel, clause: b.clause, kind: 'text' }), key };
      });
      return [...rows, { label, fields }];
    });

  const sections: FormViewSection[] = [
    { id: 'cover', title: spec.title, groups: [{ id: 'cover', rows: spec.cover.fields.flatMap((f) => plain(f)) }] },
  ];
  let current: FormViewSection = { id: 'section1', title: spec.section1.title, clause: spec.section1.clause, groups: [] };
  sections.push(current);
  let n = 0;
  for (const b of spec.section1.blocks) {
    const id = `b${n++}`;
    if (b.type === 'heading') {
      if (current.groups.length || current.id !== 'section1') {
        current = { id, title: b.text, part: spec.section1.title, clause: b.clause, groups: [] };
        sections.push(current);
      } else Object.assign(current, { title: b.text, part: spec.section1.title, clause: b.clause });
    } else if (b.type === 'pairs') current.groups.push({ id, ...(b.group ? { title: b.group } : {}), rows: b.rows.flat().flatMap((f) => plain(f)) });
    else if (b.type === 'cells') current.groups.push({ id, ...(b.group ? { title: b.group } : {}), rows: b.fields.flatMap((f) => cell(f)) });
    else if (b.type === 'matrix') current.groups.push({ id, ...(b.label ? { title: b.label } : {}), rows: matrix(b).flat() });
    else if (b.type === 'workshops') {
      const count = qs.find((c) => c.fact === 'meta.workshopCount');
      const nWs = category === 'smartWorkshop' ? 1 : Math.max(1, Math.min(20, typeof answers['form.workshopCount'] === 'number' ? answers['form.workshopCount'] : 1));
      current.groups.push({ id, title: b.group, rows: count ? [{ fields: [fromQuestion(count)] }] : [] });
      for (let i = 1; i <= nWs; i++) {
        const name = byFact.get(`workshops.${i - 1}.name`);
        const rows = [...(name ? [{ fields: [fromQuestion(name)] }] : []), ...b.fields.flatMap((f) => cell(f, i))];
        // The form's 「车间1：（名称）」 says the workshop's name once it is given; the placeholder stands only while it is not.
        const given = name ? answers[name.id] : undefined;
        const title = b.nameLabel.replace('{i}', String(i));
        current.groups.push({ id: `${id}.${i}`, title: typeof given === 'string' && given.trim() ? withName(title, given.trim()) : title, rows });
      }
    }
    // Statements (承诺, 推荐意见) are signed on paper; the form view has nothing to fill there.
  }
  for (const [key, s] of [['section2', spec.section2], ['section3', spec.section3]] as const)
    sections.push({ id: key, title: s.title, clause: s.clause, groups: [{ id: key, rows: s.items.flatMap((it) => [...feeding(it.id), { fields: [drafted(it.section, it.title, it.section, it.hint)] }]) }] });

  // A question the layout did not place is still shown, so no fact of the form is out of reach.
  const rest = qs.filter((c) => !placed.has(c.id) && c.fact !== 'meta.proceed');
  if (rest.length) sections.find((s) => s.id !== 'cover' && s.groups.length)?.groups.push({ id: 'rest', rows: rest.map((c) => ({ fields: [fromQuestion(c)] })) });

  // Every group of a part the chat can put off carries that part's skip (the indicators of 附件1 stand in three groups,
  // the finance in two): each puts off and takes back the whole part, counted over all of its questions, wherever
  // they stand, as the chat's 「这个车间的先跳过」 does.
  for (const s of sections)
    for (const g of s.groups) {
      const section = partOf(kb, qs, g);
      if (!section) continue;
      const ids = sectionQuestions(kb, answers, category, section);
      const first = ids.find((id) => !has(answers, id));
      g.skip = {
        section,
        label: partLabel(kb, category, section),
        ...(first ? { questionId: first } : {}),
        open: first ? groupOf(kb, answers, category, first, section).length : 0,
        // 撤销跳过 reopens what was skipped; a project said under way was answered, and reopening it would lose that.
        skipped: ids.filter((id) => has(answers, id) && answers[id] === null && underwayMarked(answers, id) === undefined),
      };
    }

  const counts = { filled: 0, unconfirmed: 0, skipped: 0, empty: 0, invalid: 0 };
  for (const s of sections)
    for (const g of s.groups)
      for (const r of g.rows)
        for (const f of r.fields) if (f.questionId && f.status !== 'computed') counts[f.status as keyof typeof counts]++;
  return { category, attachment: spec.attachment, title: spec.title, subtitle: spec.subtitle ?? null, sections, counts };
}

/**
 * The part of the form a group belongs to, of those the chat puts off whole (「车间的先跳过」「这个车间的先跳过」
 * 「财务数据先跳过」), as the chat's skip names it (workshops@2, finance): the part holding most of the group's
 * questions; on a tie a workshop's (附件1's 建设详情 cells are its one workshop's as well as the cells': their groups put
 * off the workshop, as 「这个车间的先跳过」 does there), else the narrower part (联系人 within 企业基本信息). A workshop's group is that workshop alone, as 「这个车间的先跳过」 is in the chat. The form view sends the
 * chat's own skip for the part, so both put off the same questions and leave them placeholders.
 */
function partOf(kb: FormsKnowledge, qs: Concrete[], g: FormView['sections'][number]['groups'][number]): string | undefined {
  const ids = g.rows.flatMap((r) => r.fields.flatMap((f) => (f.questionId && f.input !== 'computed' ? [f.questionId] : [])));
  let best: { id: string; ids: string[]; oneWords: boolean; size: number } | undefined;
  for (const s of kb.formQuestions.vocabulary.sections) {
    const re = new RegExp(s.pattern, 'u');
    const mine = ids.filter((id) => re.test(id));
    const size = qs.filter((c) => re.test(c.id)).length;
    const one = !!s.oneWords?.length;
    const better = !best || mine.length > best.ids.length || (mine.length === best.ids.length && (one !== best.oneWords ? one : size < best.size));
    if (mine.length >= 2 && better) best = { id: s.id, ids: mine, oneWords: one, size };
  }
  if (!best) return undefined;
  const ws = best.oneWords ? workshopOf(best.ids[0]!) : undefined;
  return ws ? `${best.id}@${ws}` : best.id;
}

/** A part's name as its skip button says it (财务数据, 车间2; 附件1's one workshop by its own name). */
function partLabel(kb: FormsKnowledge, category: Category, section: string): string {
  const [id, one] = section.split('@');
  const s = kb.formQuestions.vocabulary.sections.find((x) => x.id === id)!;
  if (one !== undefined && category === 'smartWorkshop' && s.oneLabel) return s.oneLabel;
  return (s.label ?? s.words[0]!).replace('{i}', one ?? '');
}

function collectIds(spec: ReturnType<typeof formSpec>, out: Set<string>): void {
  for (const f of spec.cover.fields) out.add(f.id);
  for (const b of spec.section1.blocks) {
    if (b.type === 'pairs') for (const f of b.rows.flat()) out.add(f.id);
    if (b.type === 'cells' || b.type === 'workshops') for (const f of b.fields) out.add(f.id);
    if (b.type === 'matrix') for (const r of b.rows) out.add(`${b.id}.${r.id}`);
  }
  for (const it of [...spec.section2.items, ...spec.section3.items]) out.add(it.id);
}

/**
 * Reads what was typed into a field the way the chat reads an answer (the one number and date
 * reader), then checks it with the same rules that store it. Nothing is stored: the value goes
 * to the server over the chat socket, which checks it again before it keeps it.
 */
/**
 * A value of another kind than the box wants (「刘总」 at 联系人姓名, 「2015年」 at the credit code): what it is and what the box
 * wants, each said once. Where what the box wants already names it (「联系人姓名（写全名…）」), the box is not named again.
 */
function wrongKindError(kb: FormsKnowledge, choices: string[], field: string): string {
  const [said = '', kind = '', wanted = ''] = choices;
  const m = kb.formQuestions.messages;
  return wanted.includes(field) || field.includes(wanted) ? fill(m.wrongKindSelf, { said, kind, wanted }) : fill(m.wrongKind, { said, kind, wanted, field });
}

/**
 * A message the chat and the form view share, in the box's words (messages' `boxWords`): the form view asks to fill in
 * or leave a box empty where the chat asks to say or to answer 「跳过」.
 */
export function inBoxWords(kb: FormsKnowledge, text: string): string {
  return (kb.formQuestions.messages.boxWords ?? []).reduce((t, w) => t.split(w.chat).join(w.box), text);
}

/** `today`: the session's day (YYYY-MM-DD), which a date said relative to it (「去年十月」) is counted from; without it, such a date is asked. */
export function checkFormValue(kb: FormsKnowledge, answers: Answers, category: Category | null, questionId: string, text: string, today?: string): FormCheckResult {
  const r = checkBox(kb, answers, category, questionId, text, today);
  return r.ok ? { ...r, display: inBoxWords(kb, r.display) } : { ok: false, error: inBoxWords(kb, r.error) };
}

function checkBox(kb: FormsKnowledge, answers: Answers, category: Category | null, questionId: string, text: string, today?: string): FormCheckResult {
  const view = formView(kb, questionId, category);
  if (!view || !questionId.startsWith('form.')) return { ok: false, error: fill(kb.formQuestions.messages.unknownQuestion, { questionId }) };
  // The box reads a phone's full-width digits as the chat does.
  const t = halfWidthAlnum(text).trim();
  let value: AnswerValue;
  // 「同上」 in the workshop's address box is the enterprise's address, as the same words in the chat are.
  // So is 「不是18号，应该是16号」 in the address box: the part named is replaced within the answer given.
  const same = t ? sameAsEarlier(kb, answers, questionId, t) ?? editOfAnswer(kb, answers, questionId, t) : undefined;
  const own = same?.kind === 'answers' ? same.items.find((i) => i.questionId === questionId) : undefined;
  // 「啥叫资本性质」 in the box asks what the box wants: it is answered, never saved as the value.
  const help = own || !t ? undefined : fieldHelpFor(kb, questionId, t);
  if (help) return { ok: false, error: help };
  // 「同单位地址」 before the 单位地址 is given points at nothing yet: saved, it would print the words.
  if (!own && t && view.kind === 'text' && pointsAtUnanswered(kb, answers, questionId, t)) return { ok: false, error: fill(kb.formQuestions.messages.pointsAtNothing, { said: clipQuote(t, 20), field: labelOf(view) }) };
  if (own) value = own.value;
  else if (!t) value = null;
  else if (view.kind === 'number') {
    // 「0373-3056789」 in a figure's box is a phone, whose digits the number reader would take as a figure.
    if (hasPhone(t)) return { ok: false, error: fill(kb.formQuestions.messages.phoneAsFigure, { said: clipQuote(t, 20), field: labelOf(view) }) };
    const spread = overYears(kb, answers, category, questionId, view, t);
    if (spread) return spread;
    const n = readFigure(kb, questionId, t);
    // 「营收一亿二，比上年涨了一成」: a figure with more said around it is read as the chat reads the same reply; the box
    // saves the figure's own words, so what is said beside it is not read again as the figure.
    // 「这三年都一样」 with no figure: the box keeps no earlier text, so the figure is asked for beside these words.
    if (n === undefined && sameYearsAlone(kb, questionId, t)) return { ok: false, error: fill(kb.formQuestions.messages.sameYearsFigureBox, { said: clipQuote(t, 20) }) };
    if (n === undefined) return figureInWords(kb, answers, category, questionId, view, t) ?? { ok: false, error: view.unit ? fill(kb.formQuestions.messages.notANumberUnit, { unit: view.unit }) : kb.formQuestions.messages.notANumber };
    if (n.kind === 'ask') return { ok: false, error: n.message };
    // 「0.6」 in a percentage field is 0.6% or 60%: asked, never rescaled in silence.
    const fraction = percentOrFraction(n);
    if (fraction) return { ok: false, error: fill(kb.formQuestions.messages.percentOrFraction, { said: fraction[0], percent: fraction[1], fraction: fraction[2] }) };
    value = n.value;
    // 「两个：一个是机加车间，另一个是装配车间」 in the count's box names the workshops too, as the chat reads it.
    const read = interpretForm(kb, t, view);
    const own = read.kind === 'answers' ? read.items.find((i) => i.questionId === questionId) : undefined;
    // 「九十多号人」 is a round figure, as in the chat: saved as the words typed, which the server marks round, and shown so.
    if (n.approx) {
      const r = applyFormAnswer(kb, answers, questionId, value, category);
      if (!r.ok) return { ok: false, error: r.error };
      const said = own?.approx && own.said ? own.said : t;
      return { ok: true, value: r.recorded[0]!.value, display: fill(kb.formDrafting.messages.approximateShown ?? '{said}', { said }), said };
    }
    if (own && own.value === value && !own.approx) {
      const r = applyFormAnswer(kb, answers, questionId, value, category);
      if (!r.ok) return { ok: false, error: r.error };
      const also = alsoFilled(kb, answers, r.answers, category, questionId, read);
      if (also.length) return { ok: true, value: r.recorded[0]!.value, display: r.recorded[0]!.display, also };
    }
  } else if (view.kind === 'date') {
    // 「还在建」「预计明年六月完工」: a project under way, read as the chat reads it. The box saves the words (`said`), which
    // the chat reads again and marks under way, so a planned date is never stated as done.
    // Its planned year is counted from the session's day, as a date said done is (「预计明年六月完工」 in 2026: 2027).
    const read = interpretForm(kb, datedReply(kb, questionId, t, today)?.text ?? t, view);
    const underway = read.kind === 'answers' ? read.items.find((i) => i.questionId === questionId && i.underway) : undefined;
    if (underway) {
      const r = applyFormAnswer(kb, markUnderway(answers, questionId, t), questionId, underway.value, category);
      if (!r.ok) return { ok: false, error: r.error };
      const shown = underway.value === null ? underwayShown(kb, questionId) : undefined;
      return { ok: true, value: underway.value, display: shown ?? r.recorded[0]!.display, said: t };
    }
    // 「去年十月」「前年底」: the year counted from the session's day, as the chat counts it; the box shows the date it made.
    const relative = datedReply(kb, questionId, t, today);
    const dated = relative?.text ?? t;
    // 「2019年底」 is December; 「2021年初」 names no one month, and the box asks which, once.
    const part = parseDate(dated) ? undefined : partOfYear(dated);
    if (part?.approx) return { ok: false, error: fill(kb.formQuestions.messages.monthOf, { said: t.slice(0, 20), year: part.value.slice(0, 4) }) };
    const d = parseDate(dated) ?? part?.value;
    // 「2020年」「2020」: the year is given and the month is what is missing, so the month is what is asked.
    const year = d ? undefined : /^(?:(?:19|20)\d{2})(?=\s*年?\s*$)/u.exec(dated)?.[0];
    if (year) return { ok: false, error: fill(kb.formQuestions.messages.monthOf, { said: t.slice(0, 20), year }) };
    if (!d) return { ok: false, error: kb.formQuestions.questions.find((q) => q.id === questionId)?.precision === 'month' ? kb.formQuestions.messages.badMonth : kb.formQuestions.messages.badDay };
    const r = applyFormAnswer(kb, answers, questionId, d, category);
    if (!r.ok) return { ok: false, error: r.error };
    const rec = r.recorded[0]!;
    const shown = relative && today ? datedEcho(kb, 'relativeDateShown', relative.said, rec.display, today) : rec.display;
    // A completion date after today or after the notice's deadline is saved with the note that says so.
    const late = lateDateNote(kb, questionId, rec.value, today);
    return { ok: true, value: rec.value, display: late ? `${shown}；${late}` : shown };
  } else if (view.kind === 'text' && oneLineField(kb, questionId)) {
    // A one-line box is read as the chat reads the same reply: 「联系人赵主任 13812345678」 in the name box is the
    // name, and the mobile goes to its own box if that is still empty. A reply the chat would ask back is kept as typed.
    const read = interpretForm(kb, t, view);
    // 「2015年」 in the credit code's box: what the box wants is said, not which letters a code may not use.
    if (read.kind === 'unclear' && read.reason === 'wrongKind' && read.choices)
      return { ok: false, error: wrongKindError(kb, read.choices, labelOf(view)) };
    // 「郑州市高新区科学大道100号」 in the credit code's box is an address: said so, with the box it belongs in.
    const left = read.kind === 'answers' ? read.pendingLeft : undefined;
    const place = read.kind === 'answers' ? read.items.find((i) => i.extra && i.questionId === kb.formQuestions.vocabulary.addressKind?.question) : undefined;
    if (left?.reason === 'wrongKind' && place) {
      const placeQ = formView(kb, place.questionId, category);
      const tpl = kb.formQuestions.messages.addressElsewhere ?? kb.formQuestions.messages.wrongKind;
      return { ok: false, error: fill(tpl, { said: left.choices[0]!, kind: left.choices[1]!, wanted: left.choices[2]!, field: labelOf(view), place: placeQ ? labelOf(placeQ) : '' }) };
    }
    // 「联系人赵主任 138…」 in the name box: no full name to save, said so as the chat says it; the text stays in the box.
    if (left?.reason === 'wrongKind' && read.kind === 'answers' && !read.items.some((i) => i.questionId === questionId))
      return { ok: false, error: wrongKindError(kb, left.choices, labelOf(view)) };
    const own = read.kind === 'answers' ? read.items.find((i) => i.questionId === questionId) : undefined;
    if (!own || own.value === null) value = t;
    else {
      const r = applyFormAnswer(kb, answers, questionId, own.value, category);
      if (!r.ok) return { ok: false, error: r.error };
      const also = alsoFilled(kb, answers, r.answers, category, questionId, read);
      const rec = r.recorded[0]!;
      return { ok: true, value: rec.value, display: rec.display, ...(also.length ? { also } : {}) };
    }
  } else if (view.kind === 'choice') {
    const c = view.choices?.find((x) => x.value === t || x.label === t);
    if (!c) return { ok: false, error: fill(kb.formQuestions.messages.notAChoice, { choices: (view.choices ?? []).map((x) => x.label).join('、') }) };
    value = c.value;
  } else {
    // 「主营业务：…」 in the narrative's box is what follows the label, as in the chat.
    value = withoutOwnLabel({ text: view.text, q: { kind: view.kind } }, t);
    // 「我们有发明专利3项、实用新型12项…」 in 研发队伍's box fills the patent counts too, while they are empty.
    const counted = countsInStory(kb, value);
    const r = counted.length ? applyFormAnswer(kb, answers, questionId, value, category) : undefined;
    const also = r?.ok ? alsoFilled(kb, answers, r.answers, category, questionId, { kind: 'answers', items: counted }) : [];
    if (r?.ok && also.length) return { ok: true, value: r.recorded[0]!.value, display: r.recorded[0]!.display, also };
  }
  const r = applyFormAnswer(kb, answers, questionId, value, category);
  if (!r.ok) return { ok: false, error: r.error };
  const rec = r.recorded[0]!;
  return { ok: true, value: rec.value, display: rec.display };
}

/**
 * A yearly figure's box whose text gives other years' figures too (「1200万，2022年1300万」 in 2021's, 「前两年都是1000万」
 * or 「这三年都是1000万」 in 2022's), placed year by year as the chat places them: the box's own year gets its own figure,
 * each other year still empty gets its, as `also`. Text that gives only other years, several of them, leaves the box as
 * it was (`keep`); with those years already filled, it is said back and nothing is saved. Undefined where the text gives no other
 * year's figure: the box reads it on its own.
 */
function overYears(kb: FormsKnowledge, answers: Answers, category: Category | null, questionId: string, view: QuestionView, t: string): FormCheckResult | undefined {
  const year = /^form\.finance\.(\d{4})\./u.exec(questionId)?.[1];
  if (!year) return undefined;
  const read = interpretForm(kb, t, view);
  if (read.kind !== 'answers') return undefined;
  // 「前两年都是1000万」 in 2020's box: years the table has no column for, and none of the box's own.
  const offForm = (read.notes ?? []).filter((n) => n.reason === 'otherYear');
  if (!read.items.length && offForm.length)
    return { ok: false, error: fill(kb.formQuestions.messages.yearNotOnForm, { said: clipQuote(t, 30), year: offForm.map((n) => n.year).join('、'), years: offForm[0]!.years ?? '' }) };
  if (!read.items.some((i) => i.questionId !== questionId && i.value !== null)) return undefined;
  const own = read.items.find((i) => i.questionId === questionId);
  if (own?.value === null) return undefined;
  const base = own ? applyFormAnswer(kb, answers, questionId, own.value, category) : undefined;
  if (base && !base.ok) return { ok: false, error: base.error };
  const also = alsoFilled(kb, answers, base?.answers ?? answers, category, questionId, read);
  if (own && base?.ok) {
    if (!also.length) return undefined;
    const rec = base.recorded[0]!;
    // The box saves its own figure in its own year's words, so a round one keeps its mark and no other year's is read.
    return { ok: true, value: rec.value, display: rec.display, said: own.said ?? `${year}年${rec.display}`, also };
  }
  // One other year's figure alone (「2021年一点二亿」 in 2022's box) is said back with where it goes, as a slip of the box.
  if (read.items.length + offForm.length < 2) return undefined;
  if (also.length) return { ok: true, value: answers[questionId] ?? null, display: '', keep: true, also };
  const years = [...new Set(read.items.flatMap((i) => /^form\.finance\.(\d{4})\./u.exec(i.questionId)?.[1] ?? []))].join('、');
  return { ok: false, error: fill(kb.formQuestions.messages.otherYear, { said: clipQuote(t, 30), year: years, asked: year, field: labelOf(view) }) };
}

/**
 * A figure's box whose text the number reader does not take whole (「营收一亿二，比上年涨了一成」), read as the chat reads
 * the same reply: the box's own figure, saved in its own words (`said`: the round words, or the figure itself), and the
 * other fields the text fills. Undefined where the chat would not take a figure for the box either.
 */
function figureInWords(kb: FormsKnowledge, answers: Answers, category: Category | null, questionId: string, view: QuestionView, t: string): FormCheckResult | undefined {
  const read = interpretForm(kb, t, view);
  const own = read.kind === 'answers' ? read.items.find((i) => i.questionId === questionId) : undefined;
  if (!own || typeof own.value !== 'number') return undefined;
  const r = applyFormAnswer(kb, answers, questionId, own.value, category);
  if (!r.ok) return { ok: false, error: r.error };
  const rec = r.recorded[0]!;
  const also = alsoFilled(kb, answers, r.answers, category, questionId, read);
  const said = own.approx ? own.said ?? t : String(own.value);
  const display = own.approx ? fill(kb.formDrafting.messages.approximateShown ?? '{said}', { said }) : rec.display;
  return { ok: true, value: rec.value, display, said, ...(also.length ? { also } : {}) };
}

/**
 * The other fields a box's text fills as the chat reads it, each still empty and passing its own check. A round figure
 * is left out: the box has no way to keep it marked as round, and the chat asks for the exact one.
 */
function alsoFilled(kb: FormsKnowledge, answers: Answers, after: Answers, category: Category | null, questionId: string, read: ReturnType<typeof interpretForm>): NonNullable<Extract<FormCheckResult, { ok: true }>['also']> {
  const also: NonNullable<Extract<FormCheckResult, { ok: true }>['also']> = [];
  for (const x of read.kind === 'answers' ? read.items : []) {
    if (x.questionId === questionId || given(answers, x.questionId) || x.value === null || x.approx) continue;
    const more = applyFormAnswer(kb, after, x.questionId, x.value, category);
    const c = formView(kb, x.questionId, category);
    if (more.ok && c) also.push({ questionId: x.questionId, value: more.recorded[0]!.value, display: more.recorded[0]!.display, label: labelOf(c) });
  }
  return also;
}

/**
 * How many fields the form panel shows for a category before anything is answered, counted as the panel counts
 * them, so a page that announces the form's size quotes the form rather than a figure that drifts from it.
 */
export function formFieldCount(kb: FormsKnowledge, category: Category): number {
  const c = buildFormView(kb, {}, category).counts;
  return c.filled + c.unconfirmed + c.skipped + c.empty + c.invalid;
}

/**
 * A workshop's heading with its name: the form's placeholder in full-width brackets (「（名称）」) gives way to the name, or,
 * in a heading with no placeholder, the name follows it.
 */
function withName(title: string, name: string): string {
  const named = title.replace(/（[^（）]*）\s*$/u, name);
  return named !== title ? named : `${title}${name}`;
}
