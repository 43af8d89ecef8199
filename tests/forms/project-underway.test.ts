import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer, describeForm, formView, interpretForm, markUnderway, underwayMarked } from '../../server/forms/phase';
import { buildFormView, checkFormValue } from '../../server/forms/form-view';
import type { Answers } from '../../server/schemas/interview';
import { ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';
import { typedAnswers } from './typed-enterprises';

/*
 * 建设完成日期 of a project still under construction: read as under way, the date said the one planned, and the
 * 申报书 says the project is being built, with the planned date or the placeholder for it.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const END = 'form.project.end';
const read = (text: string) => interpretForm(ctx, text, formView(ctx, END, 'smartWorkshop'));

describe('a completion date said under construction', () => {
  it('is read as under way, with the planned date where one is said', () => {
    for (const text of ['还没建完', '还在建', '目前正在建设', '还没完工呢'])
      expect(read(text), text).toEqual({ kind: 'answers', items: [{ questionId: END, value: null, underway: true, said: text }] });
    for (const [text, date] of [
      ['预计明年六月完工', '2024-06'],
      ['还在建，争取2024年3月建成', '2024-03'],
      ['计划2024年底竣工', '2024-12'],
    ] as const)
      expect(read(text), text).toEqual({ kind: 'answers', items: [{ questionId: END, value: date, underway: true, said: text }] });
  });

  it('leaves a date done, or a plan with no date, as before (near misses)', () => {
    expect(read('2022年10月完成')).toEqual({ kind: 'answers', items: [{ questionId: END, value: '2022-10' }] });
    expect(read('2022年底')).toEqual({ kind: 'answers', items: [{ questionId: END, value: '2022-12' }] });
    expect(read('计划的那个').kind).toBe('unclear');
  });

  function drafted(extra: Answers) {
    const { answers } = typedAnswers(ctx, {
      id: 'u', category: 'smartWorkshop', unclear: [],
      interview: { ...ELIGIBLE_NO_PRIORITY, 'cat.scope': 'workshop', 'cat.productionMode': 'discrete' },
      typed: [['form.proceed', '继续'], ['form.name', '测试机械有限公司'], ['form.project.start', '2022年3月']],
    });
    const { profile } = sessionDraftProfile(data, ctx, { ...answers, ...extra });
    return fillForm(ctx, profile, 'smartWorkshop');
  }

  it('is drafted as still under construction, with the planned date or its placeholder', () => {
    const planned = drafted(markUnderway({ [END]: '2024-06' }, END, '预计明年六月完工'));
    expect(planned.drafts.constructionSummary!.text).toContain('于2022年3月启动智能化建设，目前仍在建设中，预计2024年6月完成');
    const open = drafted(markUnderway({ [END]: null }, END, '还没建完'));
    expect(open.drafts.constructionSummary!.text).toContain('目前仍在建设中，预计〔请补充：建设完成日期〕完成');
    // The signed form's 建设起止日期 says the end is planned, or still open.
    expect(JSON.stringify(planned)).toContain('2022年3月至2024年6月（预计）');
    expect(JSON.stringify(open)).toContain('2022年3月至〔请补充：建设完成日期〕（在建）');
    // A date done is stated as done.
    const done = drafted({ [END]: '2022-10' });
    expect(done.drafts.constructionSummary!.text).toContain('2022年10月完成');
    expect(done.drafts.constructionSummary!.text).not.toContain('在建设中');
  });

  it('is shown as under way in the answers and the form view; the date box reads the words as the chat does', () => {
    const open = markUnderway({ [END]: null }, END, '还在建');
    expect(describeForm(ctx, open, 'smartWorkshop').find((r) => r.questionId === END)?.display).toBe('在建，预计完成日期待补充');
    const field = buildFormView(ctx, markUnderway({ [END]: '2024-06' }, END, '预计明年六月完工'), 'smartWorkshop')
      .sections.flatMap((x) => x.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).find((f) => f.questionId === END);
    expect(field).toMatchObject({ display: '2024-06（预计）', status: 'filled' });
    // The box saves the words (`said`), which the chat reads again and marks under way.
    for (const text of ['还在建', '还没建完', '目前正在建设']) expect(checkFormValue(ctx, {}, 'smartWorkshop', END, text)).toEqual({ ok: true, value: null, display: '在建，预计完成日期待补充', said: text });
    expect(checkFormValue(ctx, {}, 'smartWorkshop', END, '预计明年六月完工')).toMatchObject({ ok: true, value: expect.stringMatching(/^\d{4}-06$/u), said: '预计明年六月完工' });
    expect(checkFormValue(ctx, {}, 'smartWorkshop', END, '2022年10月')).toMatchObject({ ok: true, value: '2022-10' });
  });

  it('shows a project said under way in its box as said and waiting, not as skipped, and 撤销跳过 leaves it be', () => {
    const view = (answers: Answers) => buildFormView(ctx, answers, 'smartWorkshop');
    const fieldOf = (answers: Answers) => view(answers).sections.flatMap((x) => x.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).find((f) => f.questionId === END);
    const partOf = (answers: Answers) => view(answers).sections.flatMap((x) => x.groups).find((g) => g.rows.some((r) => r.fields.some((f) => f.questionId === END)))?.skip;
    for (const said of ['还在建', '还没建完', '目前正在建设']) {
      const answers = markUnderway({ [END]: null }, END, said);
      expect(fieldOf(answers), said).toMatchObject({ display: '在建，预计完成日期待补充', status: 'unconfirmed', said });
      expect(partOf(answers)?.skipped ?? [], said).not.toContain(END);
    }
    // A plain skip is still a skip, and 撤销跳过 reopens it.
    expect(fieldOf({ [END]: null })).toMatchObject({ status: 'skipped', display: null });
    expect(fieldOf({ [END]: null })?.said).toBeUndefined();
    expect(partOf({ [END]: null })?.skipped).toContain(END);
  });

  it('keeps the mark for the reply to the one planned-date ask, and drops it for a date given later as done', () => {
    const open = markUnderway({ [END]: null }, END, '还没建完');
    // The reply to the ask for the planned date keeps the project under way.
    const planned = applyFormAnswer(ctx, open, END, '2024-06');
    expect(planned.ok && underwayMarked(planned.answers, END)).toBe('还没建完');
    // A date typed afterwards with no word of work under way is the date it was finished.
    const done = planned.ok ? applyFormAnswer(ctx, planned.answers, END, '2023-05') : planned;
    expect(done.ok && underwayMarked(done.answers, END)).toBeUndefined();
    const { profile } = sessionDraftProfile(data, ctx, done.ok ? done.answers : {});
    expect(JSON.stringify(fillForm(ctx, profile, 'smartWorkshop'))).not.toContain('（预计）');
  });
});
